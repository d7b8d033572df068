/**
 * The public transparency dashboard in a real browser, in Português: its charts render, the numbers beside
 * them are those of GET /v1/transparency (list entries and exits, objections filed and decided, checks answered per
 * context and decision), the context filter narrows the checks, the exchange status is shown, it works at phone width and
 * from the keyboard, and axe-core finds nothing at WCAG 2.1 A/AA. Screenshots go to test-results/screenshots.
 */
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import type { TransparencyReport } from '../../src/services/transparency-service.js';
import { queryRows } from '../../src/store/database.js';
import { checkpoint, launchBrowser, startDemoServer, withPage, type DemoServer } from './support.js';

const DEMO_ENTITIES = 200;
const CHECKS = 60;
const OBJECTIONS = 3;

let demo: DemoServer;
let browser: Browser;
let figures: TransparencyReport;
const pt = new Intl.NumberFormat('pt');
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer(DEMO_ENTITIES), launchBrowser()]);
  // Checks answered by this node, so the checks chart has something to show (counted like any API check).
  const refs = demo.entities.map((e) => `${e.identifiers[0]!.scheme}:${e.identifiers[0]!.value}`);
  for (let i = 0; i < CHECKS; i++) await demo.app.checks.check({ entity: refs[i % refs.length]!, context: MEASURE_CONTEXTS[i % MEASURE_CONTEXTS.length]! });
  await fileObjections();
  const res = await fetch(`${demo.url}/v1/transparency`);
  figures = (await res.json()) as TransparencyReport;
});

/** Objections to the latest penalties that may still be objected to, the first one rejected by its authority's reviewer. */
async function fileObjections(): Promise<void> {
  const penalties = await queryRows<{ id: number; entity_id: string; authority: string }>(
    demo.app.database.db,
    sql`select id, entity_id, authority from records where category = 'penalty' order by decided_on desc, id limit 50`,
  );
  const filed: { id: string; authority: string }[] = [];
  for (const p of penalties) {
    if (filed.length === OBJECTIONS) break;
    const entity = { role: 'entity', keyId: 'e2e', entityId: p.entity_id } as const;
    try {
      const { row } = await demo.app.objections.file({ subject: { record: Number(p.id) }, grounds: 'Os factos não estão provados.' }, entity);
      filed.push({ id: row.id, authority: p.authority });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // window closed, one open already…: try the next
    }
  }
  expect(filed).toHaveLength(OBJECTIONS);
  const reviewer = { role: 'officer', keyId: 'e2e', authority: filed[0]!.authority, duties: ['reviewer'] } as const;
  await demo.app.objections.decide(filed[0]!.id, { outcome: 'rejected', reasons: 'Os factos estão provados.' }, reviewer);
}

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const cells = (page: Page, testId: string, row: string) =>
  page.getByTestId(testId).locator('tr', { has: page.locator(`th[scope=row]:text-is("${row}")`) }).locator('td').allTextContents();

describe('transparency dashboard', () => {
  it('Português: charts with the numbers of the API beside them, filtered by context', async () => {
    await withPage(browser, { locale: 'pt-PT' }, async (page) => {
      await page.goto(`${demo.url}/`);
      await page.getByRole('link', { name: 'Transparência' }).click();
      await page.getByRole('heading', { level: 1, name: 'Transparência' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('pt');
      await page.getByTestId('transparency-intro').waitFor();
      expect(await page.getByTestId('transparency-intro').textContent()).toContain(`nó gd, mês a mês nos últimos 24 meses`);

      // Every chart is drawn (SVG) and labelled for assistive technology.
      for (const id of ['lists', 'objections', 'repairs', 'checks']) {
        const chart = page.getByTestId(`${id}-chart`);
        await chart.locator('svg').waitFor();
        expect(await chart.getAttribute('role')).toBe('img');
      }

      // Lists: on each list today, entries and exits over the period, as the API counts them.
      expect(figures.lists.some((l) => l.current > 0)).toBe(true);
      for (const list of figures.lists) {
        const row = page.getByTestId('lists-today').locator(`tr[data-list="${list.list}"] td`);
        expect(await row.allTextContents()).toEqual([pt.format(list.current), pt.format(sum(list.entered)), pt.format(sum(list.exited))]);
      }
      const entered = sum(figures.lists.flatMap((l) => l.entered));
      const exited = sum(figures.lists.flatMap((l) => l.exited));
      expect(await page.getByTestId('lists-summary').textContent()).toBe(`${pt.format(entered)} entradas e ${pt.format(exited)} saídas em 24 meses.`);

      // Checks: this month's row of the table holds the counts per decision of every context together.
      const month = new Intl.DateTimeFormat('pt', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${figures.months.at(-1)}-01T00:00:00Z`));
      const thisMonth = (decision: 'allow' | 'review' | 'deny', contexts = figures.checks) => pt.format(sum(contexts.map((c) => c.decisions[decision].at(-1)!)));
      expect(sum(figures.checks.flatMap((c) => [c.decisions.allow, c.decisions.review, c.decisions.deny].map((s) => s.at(-1)!)))).toBe(CHECKS);
      expect(await cells(page, 'checks-table', month)).toEqual([thisMonth('allow'), thisMonth('review'), thisMonth('deny')]);
      expect(await cells(page, 'objections-table', month)).toEqual([
        pt.format(figures.objections.filed.at(-1)!),
        pt.format(figures.objections.upheld.at(-1)!),
        pt.format(figures.objections.rejected.at(-1)!),
        pt.format(figures.objections.medianDaysToDecision.at(-1)!),
      ]);
      expect([figures.objections.filed.at(-1), figures.objections.rejected.at(-1)]).toEqual([OBJECTIONS, 1]);
      expect(await page.getByTestId('checks-summary').textContent()).toBe(`${pt.format(CHECKS)} verificações respondidas em 24 meses.`);
      expect(await page.getByTestId('exchange-none').textContent()).toBe('Este nó não recebe dados de nenhum nó parceiro.');
      await checkpoint(page, 'transparency-pt');

      // One context: the chart and its table narrow to it.
      await page.getByTestId('context-filter').selectOption('customs-clearance');
      await page.getByRole('heading', { level: 3, name: 'desalfandegamento' }).waitFor();
      const customs = figures.checks.filter((c) => c.context === 'customs-clearance');
      expect(await cells(page, 'checks-table', month)).toEqual([thisMonth('allow', customs), thisMonth('review', customs), thisMonth('deny', customs)]);
      await page.getByTestId('checks').getByText('Os números em tabela').click();
      await page.getByTestId('checks-table').waitFor();
      await checkpoint(page, 'transparency-table-pt');
    });
  });

  it('works at phone width (375 px) and from the keyboard', async () => {
    await withPage(browser, { locale: 'pt-PT', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }, async (page) => {
      await page.goto(`${demo.url}/transparency`);
      await page.getByTestId('checks-chart').locator('svg').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await checkpoint(page, 'transparency-375');

      // The filters and the tables' disclosures are reached with Tab and work with the keyboard.
      const filter = page.getByTestId('list-filter');
      for (let i = 0; i < 12 && !(await filter.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await filter.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('lists').locator('details').getAttribute('open')).not.toBeNull();
    });
  });
});
