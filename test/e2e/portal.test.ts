/**
 * The entity portal in a real browser against a real server with demo data: an entity signs in with its
 * key (by keyboard), reads its notices and marks one read, objects to a recent penalty with a PDF attached
 * (a GIF is refused before sending), sees the objection and its due date among its requests (繁體中文);
 * applies for credit repair of an old penalty with the conditions shown and checked as it fills the form,
 * writes a statement beside the record and signs out, at phone width (Português). Each effect is checked
 * through the API; every page state passes axe-core and is saved under test-results/screenshots.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/app.js';
import { PDF, cleanEntities, clientFor, expectNoSidewaysScroll, refOf, samrPenaltyOf, signIn, type Client } from './cases.js';
import { checkpoint, launchBrowser, startDemoServer, withPage, type DemoServer } from './support.js';

const DEMO_ENTITIES = 150;

/** A day `YYYY-MM-DD` as the Chinese locales write it: 2026年11月27日. */
const zhDay = (day: string) => day.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');

let demo: DemoServer;
let browser: Browser;
let entity: { key: string; call: Client };
let ref: string;
let name: string;
/** A general penalty of last week (its objection window is open) and a serious one of 2025 (repairable). */
let recent: { id: number };
let old: { id: number };

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer(DEMO_ENTITIES), launchBrowser()]);
  const [line] = await cleanEntities(demo, 1);
  ref = refOf(line!);
  name = line!.names.find((n) => n.lang === 'zh-Hans')!.value;
  const recorder = await clientFor(demo, { role: 'officer', label: 'e2e samr recorder', authority: 'gd-samr', duties: ['recorder'] });
  recent = await recorder.call('POST', '/v1/records', samrPenaltyOf('E2E-PORTAL-RECENT', ref, '2026-11-20', 'general', '未按规定公示年度报告'));
  old = await recorder.call('POST', '/v1/records', samrPenaltyOf('E2E-PORTAL-OLD', ref, '2025-09-01', 'serious', '销售不合格产品'));
  entity = await clientFor(demo, { role: 'entity', label: 'e2e entity', entity: ref });
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('entity portal', () => {
  it('繁體中文: sign in by keyboard, notices, mark one read, object with an attachment, track it', async () => {
    await withPage(browser, { locale: 'zh-HK' }, async (page) => {
      await page.goto(demo.url + '/sign-in');
      await page.getByRole('heading', { level: 1, name: '以金鑰登入' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant');
      await checkpoint(page, 'sign-in-zh-hant');
      await signIn(page, demo.url, entity.key, '企業專區');
      expect(new URL(page.url()).pathname).toBe('/portal');
      expect(await page.getByTestId('session-who').textContent()).toBe(name);

      const notices = page.getByTestId('notice');
      await notices.first().waitFor();
      expect(await notices.count()).toBeGreaterThanOrEqual(2);
      const unread = await notices.count();
      await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe(`未讀：${unread}`);
      await checkpoint(page, 'portal-zh-hant');

      await page.getByTestId('mark-read').first().click();
      await expect.poll(() => page.getByTestId('unread-count').textContent()).toBe(`未讀：${unread - 1}`);
      const inbox = await entity.call<{ items: { subject: string; readAt: string | null; content: { objection: { deadline: string } | null } }[] }>('GET', '/v1/me/notices');
      expect(inbox.items.filter((n) => n.readAt !== null)).toHaveLength(1);

      await page.getByTestId(`act-record-${recent.id}`).click();
      await page.getByRole('heading', { level: 1, name: `處理 record:${recent.id}` }).waitFor();
      // The deadline the notice stated, in the locale's format.
      const notice = inbox.items.find((n) => n.subject === `record:${recent.id}`)!;
      expect(await page.getByTestId('subject-deadline').textContent()).toBe(zhDay(notice.content.objection!.deadline));
      const form = page.getByTestId('objection-form');
      await form.getByTestId('attachments').setInputFiles({ name: 'photo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a') });
      expect(await form.getByTestId('field-error').textContent()).toBe('photo.gif：只接受 PDF、PNG、JPEG 或純文字。');
      await form.getByRole('button', { name: '提交異議' }).click();
      expect(await form.getByTestId('field-error').first().textContent()).toBe('請說明異議理由。');
      await checkpoint(page, 'portal-objection-errors-zh-hant');

      await form.getByTestId('grounds').fill('年度報告已於期限內公示，附公示截圖。');
      await form.getByTestId('attachments').setInputFiles({ name: '公示證明.pdf', mimeType: 'application/pdf', buffer: PDF });
      await form.getByTestId('attachment-names').waitFor();
      await form.getByRole('button', { name: '提交異議' }).click();
      await page.getByTestId('open-case').waitFor();

      const [objection] = (await entity.call<{ items: { subject: string; status: string; dueOn: string; attachments: { filename: string; size: number }[] }[] }>('GET', '/v1/me/objections')).items;
      expect(objection).toMatchObject({ subject: `record:${recent.id}`, status: 'open', attachments: [{ filename: '公示證明.pdf', size: PDF.length }] });
      expect(await page.getByTestId('open-case').textContent()).toContain(zhDay(objection!.dueOn));
      await checkpoint(page, 'portal-objection-filed-zh-hant');

      await page.getByRole('link', { name: '返回我的專區' }).click();
      const request = page.getByTestId('request-objection');
      await request.waitFor();
      expect(await request.getByTestId('due-on').textContent()).toBe(zhDay(objection!.dueOn));
      expect(await request.textContent()).toContain('處理中');
      expect(await page.getByTestId('own-record').filter({ hasText: '未按规定公示年度报告' }).textContent()).toContain('有爭議');
      await checkpoint(page, 'portal-requests-zh-hant');
    });
  });

  it('Português at phone width: repair with the conditions checked as the form fills, a statement, sign out', async () => {
    await withPage(browser, { locale: 'pt-PT', viewport: { width: 375, height: 800 } }, async (page) => {
      await signIn(page, demo.url, entity.key, 'Portal da entidade');
      await page.goto(`${demo.url}/portal/subjects/${encodeURIComponent(`record:${old.id}`)}`);
      await page.getByRole('heading', { level: 1, name: `Agir sobre record:${old.id}` }).waitFor();
      const form = page.getByTestId('repair-form');
      const condition = (id: string) => form.locator(`[data-condition="${id}"]`);
      await form.waitFor();
      // Its objection window closed long ago: the page says so instead of offering the form.
      expect(await page.getByTestId('objection-closed').textContent()).toMatch(/^O prazo de reclamação terminou em \d+ de \w+\. de 2025\.$/);
      expect(await condition('publicity-served').getAttribute('data-met')).toBe('true');
      expect(await condition('obligations-fulfilled').getAttribute('data-met')).toBe('false');
      expect(await condition('commitment').getAttribute('data-met')).toBe('false');
      expect(await condition('commitment').textContent()).toContain('não cumprida');
      await expectNoSidewaysScroll(page);
      await checkpoint(page, 'portal-repair-pt');

      await form.getByTestId('commitment').fill('A empresa compromete-se a cumprir a lei e a agir de boa-fé.');
      await form.getByTestId('attachments').setInputFiles({ name: 'recibo-multa.pdf', mimeType: 'application/pdf', buffer: PDF });
      await expect.poll(() => condition('commitment').getAttribute('data-met')).toBe('true');
      await expect.poll(() => condition('obligations-fulfilled').getAttribute('data-met')).toBe('on-review');
      expect(await condition('obligations-fulfilled').textContent()).toContain('a apreciar');
      await checkpoint(page, 'portal-repair-checked-pt');
      await form.getByRole('button', { name: 'Pedir a reabilitação' }).click();
      await page.getByTestId('open-case').first().waitFor();
      const [repair] = (await entity.call<{ items: { subject: string; status: string; conditions: { id: string; met: unknown }[] }[] }>('GET', '/v1/me/repairs')).items;
      expect(repair).toMatchObject({ subject: `record:${old.id}`, status: 'open' });
      expect(repair!.conditions.map((c) => [c.id, c.met])).toEqual([
        ['publicity-served', true],
        ['obligations-fulfilled', 'on-review'],
        ['commitment', true],
      ]);

      const statement = page.getByTestId('statement-form');
      await statement.getByTestId('statement-text').fill('A multa foi paga integralmente em outubro de 2025.');
      await statement.getByRole('button', { name: 'Guardar a declaração' }).click();
      await expect.poll(() => statement.getByTestId('statement-saved').textContent()).toMatch(/^Declaração guardada em 27 de nov\. de 2026/);
      const report = await entity.call<{ records: { id: number; statement: { text: string; updatedAt: string } | null }[] }>('GET', `/v1/entities/${encodeURIComponent(ref)}/report`);
      expect(report.records.find((r) => r.id === old.id)!.statement).toEqual({ text: 'A multa foi paga integralmente em outubro de 2025.', updatedAt: TEST_NOW.toISOString() });
      await expectNoSidewaysScroll(page);
      await checkpoint(page, 'portal-statement-375');

      await page.getByTestId('sign-out').click();
      await page.getByRole('link', { name: 'Entrar' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      const who = await page.evaluate(async () => (await (await fetch('/v1/sessions/current')).json()) as { principal: { role: string } });
      expect(who.principal.role).toBe('anonymous');
      await page.goto(demo.url + '/portal');
      await page.getByRole('alert').filter({ hasText: 'Esta página destina-se a uma entidade' }).waitFor();
      await checkpoint(page, 'portal-signed-out-pt');
    });
  });
});
