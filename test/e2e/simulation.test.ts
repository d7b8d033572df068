/**
 * Policy simulation in a real browser. In English, a policy administrator starts from the active pack
 * (GET /v1/policy/pack): simulated unchanged it changes nothing; with lists.yaml replaced by an upload and a
 * new version typed in, decisions change and one change drills down to its entities. In 繁體中文, the
 * administrator signs in with a policy-admin key, loads a candidate pack (the gd pack with the SAMR serious list widened to general violations and fines, and
 * shortened to one year), runs the simulation, sees who enters and leaves each list and which decisions change (the numbers
 * of POST /v1/policy/simulations), drills down to the entities and opens one, then activates the candidate.
 * Signed out, the page says who it is for; at phone width nothing scrolls sideways. axe-core finds nothing at WCAG 2.1 A/AA on any state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { SimulationReport } from '../../src/policy/simulate.js';
import { checkpoint, launchBrowser, startDemoServer, withPage, type DemoServer } from './support.js';

const parsePackFile = (text: string): unknown => parseYaml(text, { schema: 'core', uniqueKeys: true });

const DEMO_ENTITIES = 200;
const CANDIDATE_VERSION = '2026.1-e2e';
const PACK_DIR = path.resolve(import.meta.dirname, '../../policies/gd');

let demo: DemoServer;
let browser: Browser;
let adminKey: string;

/** The gd pack's files as text, with the candidate's changes. */
function candidateFiles(): { name: string; text: string }[] {
  return readdirSync(PACK_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => {
      let text = readFileSync(path.join(PACK_DIR, name), 'utf8');
      if (name === 'pack.yaml') text = text.replace(/^version: .*$/m, `version: "${CANDIDATE_VERSION}"`);
      if (name === 'lists.yaml') text = text.replace('severity: [serious]', 'severity: [general, serious]').replace('[qualification-downgrade,', '[fine, qualification-downgrade,').replace('duration: { fixed: { years: 3 } }', 'duration: { fixed: { years: 1 } }');
      return { name, text };
    });
}

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer(DEMO_ENTITIES), launchBrowser()]);
  adminKey = (await demo.app.keys.create({ role: 'policy-admin', label: 'e2e policy admin' }, 'test')).key;
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('policy simulation', () => {
  it('English: start from the active pack, no changes; replace lists.yaml and set a version, drill down to a decision change', async () => {
    const active = demo.app.policy.files;
    const lists = candidateFiles().find((f) => f.name === 'lists.yaml')!;
    const version = '2026.1-e2e-from-active';
    const expected: SimulationReport = await demo.app.policy.simulate({
      ...active.files,
      'lists.yaml': parsePackFile(lists.text),
      'pack.yaml': { ...(active.files['pack.yaml'] as object), version },
    });
    const change = expected.decisions.flatMap((d) => d.changes.map((c) => ({ context: d.context, ...c }))).find((c) => c.count > 0);
    expect(change).toBeDefined();

    await withPage(browser, { locale: 'en-GB' }, async (page) => {
      await page.goto(`${demo.url}/sign-in`);
      await page.getByTestId('api-key').fill(adminKey);
      await page.getByTestId('api-key').press('Enter');
      await page.getByTestId('session').waitFor();
      await page.goto(`${demo.url}/simulation`);

      // The active pack unchanged: nothing would change, and it cannot be activated again under its version.
      await page.getByTestId('start-from-active').click();
      expect(await page.getByTestId('start-from-active').textContent()).toBe(`Start from the active pack (version ${active.version})`);
      expect(await page.getByTestId('pack-loaded').textContent()).toBe(`${Object.keys(active.files).length} files loaded, version ${active.version}: ${Object.keys(active.files).join(', ')}.`);
      await page.getByTestId('run-simulation').click();
      await page.getByTestId('simulation-no-changes').waitFor();
      await page.getByTestId('same-version').waitFor();
      await checkpoint(page, 'simulation-active-unchanged-en');

      // lists.yaml replaced by an upload, a new version typed in: the result is the API's for those files.
      await page.getByTestId('pack-files').setInputFiles([{ name: 'lists.yaml', mimeType: 'application/yaml', buffer: Buffer.from(lists.text) }]);
      await page.getByTestId('pack-version').fill(version);
      expect(await page.getByTestId('pack-loaded').textContent()).toContain(`version ${version}:`);
      await page.getByTestId('run-simulation').click();
      await page.getByTestId('simulation-summary').filter({ hasText: version }).waitFor();
      expect(await page.getByTestId('simulation-no-changes').count()).toBe(0);
      await page.locator(`[data-testid=change-buttons] button[data-change="${change!.context}:${change!.from}>${change!.to}"]`).click();
      const links = page.getByTestId('change-drill-down').getByRole('link');
      expect(await links.allTextContents()).toEqual(change!.sample);
      expect(await links.first().getAttribute('href')).toBe(`/entities/${encodeURIComponent(change!.sample[0]!)}`);
      await checkpoint(page, 'simulation-change-drill-en');
    });
  });

  it('繁體中文: sign in, simulate a candidate pack, see the charts, drill down to the entities, activate', async () => {
    const files = candidateFiles();
    const parsed = Object.fromEntries(files.map((f) => [f.name, parsePackFile(f.text)]));
    const expected: SimulationReport = await demo.app.policy.simulate(parsed);
    const moved = expected.lists.filter((l) => l.entering.count + l.leaving.count > 0);
    expect(moved.length).toBeGreaterThan(0);

    await withPage(browser, { locale: 'zh-HK' }, async (page) => {
      await page.goto(`${demo.url}/simulation`);
      await page.getByRole('heading', { level: 1, name: '政策模擬' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
      await page.getByTestId('simulation-needs-admin').waitFor();
      await checkpoint(page, 'simulation-signed-out-zh-hant');

      await page.getByTestId('simulation-needs-admin').getByRole('link').click();
      await page.getByTestId('api-key').fill(adminKey);
      await page.getByTestId('api-key').press('Enter');
      await page.getByTestId('session').waitFor();
      await page.getByTestId('session').getByRole('link', { name: '政策模擬' }).click();
      await page.getByTestId('pack-files').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/yaml', buffer: Buffer.from(f.text) })));
      expect(await page.getByTestId('pack-loaded').textContent()).toContain(`已載入 ${files.length} 個檔案，版本 ${CANDIDATE_VERSION}`);
      await page.getByTestId('run-simulation').click();
      await page.getByTestId('simulation-summary').waitFor();
      expect(await page.getByTestId('simulation-summary').textContent()).toBe(
        `版本 ${expected.currentVersion}（現行）對比 ${CANDIDATE_VERSION}（候選）：於 ${new Intl.DateTimeFormat('zh-Hant', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${expected.at}T00:00:00Z`))} 評估了 ${DEMO_ENTITIES} 個主體。`,
      );
      for (const id of ['simulation-lists', 'simulation-decisions']) await page.getByTestId(`${id}-chart`).locator('svg').waitFor();

      // The tables beside the charts hold the API's numbers.
      for (const l of expected.lists) {
        const row = page.getByTestId('simulation-lists-table').locator('tr', { has: page.locator(`th:text-is("${l.list}")`) });
        expect(await row.locator('td').allTextContents()).toEqual([String(l.entering.count), String(l.leaving.count)]);
      }
      const changed = expected.decisions.reduce((n, d) => n + d.changed, 0);
      expect(await page.getByTestId('simulation-decisions-summary').textContent()).toBe(changed === 0 ? '所有場景的決定均無改變。' : `將有 ${changed.toLocaleString('zh-Hant')} 個核查決定改變。`);
      await checkpoint(page, 'simulation-result-zh-hant');

      // Drill down: the first list that moves, its entities linked to their pages.
      const first = moved[0]!;
      await page.locator(`[data-testid=drill-buttons] button[data-list="${first.list}"]`).click();
      await page.getByTestId('drill-down').waitFor();
      const movement = first.entering.count > 0 ? first.entering : first.leaving;
      const links = page.getByTestId(first.entering.count > 0 ? 'drill-entering' : 'drill-leaving').getByRole('link');
      expect(await links.allTextContents()).toEqual(movement.sample);
      const href = await links.first().getAttribute('href');
      expect(href).toBe(`/entities/${encodeURIComponent(movement.sample[0]!)}`);
      await checkpoint(page, 'simulation-drill-zh-hant');

      // At phone width nothing scrolls sideways: the charts shrink, the tables scroll inside their own box.
      await page.setViewportSize({ width: 375, height: 740 });
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await checkpoint(page, 'simulation-drill-375');
      await page.setViewportSize({ width: 1280, height: 900 });

      // Activate, confirming first; checks answer under the candidate from now on.
      await page.getByTestId('activate').click();
      await page.getByTestId('confirm-activation').click();
      await page.getByTestId('activated').waitFor();
      expect(await page.getByTestId('activated').textContent()).toMatch(new RegExp(`^版本 ${CANDIDATE_VERSION.replace(/\./g, '\\.')} 自 .+ 起生效，取代 ${expected.currentVersion}。$`));
      expect(demo.app.policy.pack.version).toBe(CANDIDATE_VERSION);
      await checkpoint(page, 'simulation-activated-zh-hant');

      // The drill-down's link opens the entity's page.
      await links.first().click();
      await page.waitForURL(`${demo.url}${href}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
    });
  });
});
