/**
 * The officer console in a real browser against a real server with demo data, signed in with an officer key
 * of gd-samr (recorder and reviewer): the queues earliest due first with the overdue application in red and
 * badged; an objection upheld (the record revoked) and a repair granted (the record repaired) after the
 * missing reasons were shown beside their field (English); a record entered with the API's field errors
 * shown beside the fields, then corrected and the correction revoked, at phone width (简体中文). Each effect
 * is checked through the API; every page state passes axe-core and is saved under test-results/screenshots.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/app.js';
import { PDF, cleanEntities, clientFor, expectNoSidewaysScroll, refOf, samrPenaltyOf, signIn, type Client } from './cases.js';
import { checkpoint, launchBrowser, startDemoServer, withPage, type DemoServer } from './support.js';

const DEMO_ENTITIES = 150;
/** When the overdue application was filed: ten working days before the test day are long past by then. */
const EARLIER = new Date('2026-11-02T04:00:00Z');

let now = TEST_NOW;
let demo: DemoServer;
let browser: Browser;
let officer: { key: string; call: Client };
let newEntity: string;
interface Case {
  id: string;
  dueOn: string;
}
/** An objection to a recent penalty, a repair application filed today and one filed on `EARLIER` (overdue). */
let objection: Case & { recordIds: number[] };
let repair: Case;
let overdue: Case & { recordIds: number[] };

const evidence = [{ filename: 'evidence.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') }];

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemoServer(DEMO_ENTITIES, () => now), launchBrowser()]);
  const [first, second, third] = (await cleanEntities(demo, 3)).map(refOf);
  newEntity = third!;
  officer = await clientFor(demo, { role: 'officer', label: 'e2e samr officer', authority: 'gd-samr', duties: ['recorder', 'reviewer'] });
  const recent = await officer.call<{ id: number }>('POST', '/v1/records', samrPenaltyOf('E2E-CONSOLE-RECENT', first!, '2026-11-20', 'general', '未按规定明码标价'));
  const old = await officer.call<{ id: number }>('POST', '/v1/records', samrPenaltyOf('E2E-CONSOLE-OLD', first!, '2025-09-01', 'serious', '销售不合格产品'));
  const older = await officer.call<{ id: number }>('POST', '/v1/records', samrPenaltyOf('E2E-CONSOLE-OLDER', second!, '2025-09-01', 'serious', '虚假宣传'));
  const one = await clientFor(demo, { role: 'entity', label: 'e2e one', entity: first! });
  const two = await clientFor(demo, { role: 'entity', label: 'e2e two', entity: second! });
  objection = await one.call('POST', '/v1/objections', { subject: { record: recent.id }, grounds: '价格标签已按规定标示，附照片。', attachments: evidence });
  repair = await one.call('POST', '/v1/repairs', { subject: { record: old.id }, commitment: '本企业承诺依法诚信经营。', attachments: evidence });
  now = EARLIER;
  try {
    overdue = await two.call('POST', '/v1/repairs', { subject: { record: older.id }, commitment: '本企业承诺依法诚信经营。', attachments: evidence });
  } finally {
    now = TEST_NOW;
  }
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** The browser logs each refused request; the journeys send invalid forms on purpose for the API to refuse. */
const refusedOnPurpose = (error: string) => error.includes('the server responded with a status of 400');

/** The error shown beside a control: the element its aria-describedby names for errors. */
async function errorBeside(page: Page, control: Locator): Promise<string | null> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids, 'an error is tied to the control').toHaveLength(1);
  return page.locator(`[id="${ids[0]}"]`).textContent();
}

describe('officer console', () => {
  it('English: queues by due date, overdue in red and badged; uphold an objection and grant a repair with reasons', async () => {
    await withPage(browser, { locale: 'en-GB' }, async (page) => {
      await signIn(page, demo.url, officer.key, 'Officer console');
      expect(await page.getByTestId('session-who').textContent()).toBe('officer of gd-samr');
      const repairs = page.getByTestId('queue-repair').getByTestId('case');
      await repairs.first().waitFor();
      expect(await repairs.evaluateAll((cards) => cards.map((c) => c.getAttribute('data-due')))).toEqual([overdue.dueOn, repair.dueOn]);
      expect(overdue.dueOn < TEST_NOW.toISOString().slice(0, 10)).toBe(true);
      expect(await repairs.first().getByTestId('overdue').textContent()).toBe('Overdue');
      expect(await repairs.first().evaluate((card) => getComputedStyle(card).borderLeftColor)).toBe('rgb(163, 22, 26)');
      expect(await repairs.nth(1).getByTestId('overdue').count()).toBe(0);
      expect(await page.getByTestId('queue-repair').getByText('Overdue: 1.').count()).toBe(1);
      await checkpoint(page, 'console-queues-en');

      const objectionCard = page.getByTestId('queue-objection').getByTestId('case');
      expect(await objectionCard.count()).toBe(1);
      expect(await objectionCard.textContent()).toContain('evidence.pdf');
      await objectionCard.getByTestId('outcome-upheld').check();
      await objectionCard.getByTestId('decision-action').selectOption('revoke');
      await objectionCard.getByTestId('decision-reasons').fill('The price tags shown in the photos were in place on the day of the inspection.');
      await objectionCard.getByRole('button', { name: 'Decide' }).click();
      await page.getByTestId('queue-objection').getByText('Decided now: 1.').waitFor();
      expect(await objectionCard.count()).toBe(0);
      expect(await officer.call('GET', `/v1/objections/${objection.id}`)).toMatchObject({ status: 'decided', decision: { outcome: 'upheld', action: 'revoke' } });
      expect(await officer.call('GET', `/v1/records/${objection.recordIds[0]}`)).toMatchObject({ status: 'revoked' });

      const overdueCard = repairs.first();
      await overdueCard.getByTestId('outcome-granted').check();
      await overdueCard.getByRole('button', { name: 'Decide' }).click();
      const reasons = overdueCard.getByTestId('decision-reasons');
      await expect.poll(() => reasons.getAttribute('aria-invalid')).toBe('true');
      expect(await errorBeside(page, reasons)).toMatch(/too_small|at least 1|>=1/i);
      await checkpoint(page, 'console-decision-error-en');
      await reasons.fill('The fine was paid on 2025-10-15 (receipt attached) and the commitment is given.');
      await overdueCard.getByRole('button', { name: 'Decide' }).click();
      await page.getByTestId('queue-repair').getByText('Decided now: 1.').waitFor();
      expect(await officer.call('GET', `/v1/repairs/${overdue.id}`)).toMatchObject({ status: 'decided', decision: { outcome: 'granted' } });
      expect(await officer.call('GET', `/v1/records/${overdue.recordIds[0]}`)).toMatchObject({ status: 'repaired' });
      expect(await repairs.count()).toBe(1);
      await checkpoint(page, 'console-decided-en');
    }, refusedOnPurpose);
  });

  it('简体中文 at phone width: record entry with the API’s field errors beside the fields, correction, revocation', async () => {
    await withPage(browser, { locale: 'zh-CN', viewport: { width: 375, height: 800 } }, async (page) => {
      await signIn(page, demo.url, officer.key, '工作人员工作台');
      await page.getByRole('navigation', { name: '工作人员工作台' }).getByRole('link', { name: '记录' }).click();
      await page.getByRole('heading', { level: 1, name: '记录' }).waitFor();
      const form = page.getByTestId('record-form');
      await form.getByTestId('record-sourceId').fill('E2E-CONSOLE-NEW');
      await form.getByTestId('record-subject').fill(newEntity);
      await form.getByTestId('record-decisionNo').fill('穗市监罚〔2026〕E2E号');
      await form.getByTestId('record-decidedOn').fill('2027-01-05');
      await form.getByTestId('record-instrument').fill('中华人民共和国价格法');
      await form.getByTestId('record-article').fill('第十三条');
      await form.getByTestId('record-summary').fill('未按规定明码标价');
      await form.getByRole('button', { name: '录入', exact: true }).click();
      await expect.poll(() => form.getByTestId('record-decidedOn').getAttribute('aria-invalid')).toBe('true');
      expect(await errorBeside(page, form.getByTestId('record-decidedOn'))).toBe('must not be after today (2026-11-27)');
      expect(await form.locator('fieldset').filter({ hasText: '处罚种类' }).getByTestId('field-error').textContent()).toBe('at least one penalty kind is required');
      expect(await page.getByTestId('record-form-problems').textContent()).toMatch(/^未保存：有 \d+ 处字段问题/);
      await expectNoSidewaysScroll(page);
      await checkpoint(page, 'console-record-errors-zh-hans');

      await form.getByTestId('record-decidedOn').fill('2026-11-20');
      await form.getByTestId('record-severity').selectOption('general');
      await form.getByTestId('penalty-fine').check();
      await form.getByTestId('record-amount').fill('50000');
      await form.getByRole('button', { name: '录入', exact: true }).click();
      const recorded = page.getByTestId('recorded');
      await recorded.waitFor();
      const [created] = (await officer.call<{ items: { id: number; sourceId: string; severity: string; status: string; details: { penalty: unknown } }[] }>('GET', `/v1/entities/${newEntity}/records`)).items;
      expect(created).toMatchObject({ sourceId: 'E2E-CONSOLE-NEW', severity: 'general', status: 'active', details: { penalty: { kinds: ['fine'], amount: { value: 50000, currency: 'CNY' } } } });
      await checkpoint(page, 'console-recorded-zh-hans');

      await recorded.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `记录 ${created!.id}` }).waitFor();
      const correction = page.getByTestId('correction-form');
      await correction.getByTestId('record-summary').fill('未按规定明码标价（更正：涉及两个门店）');
      await correction.getByTestId('record-amount').fill('30000');
      await correction.getByTestId('correction-reason').fill('罚款金额计算有误');
      await correction.getByRole('button', { name: '保存更正' }).click();
      await page.getByTestId('corrects').waitFor();
      const newId = Number(new URL(page.url()).pathname.split('/').pop());
      expect(await page.getByTestId('corrects').textContent()).toBe(`更正记录 ${created!.id}`);
      expect(await officer.call('GET', `/v1/records/${created!.id}`)).toMatchObject({ status: 'corrected' });
      expect(await officer.call('GET', `/v1/records/${newId}`)).toMatchObject({
        status: 'active',
        summary: '未按规定明码标价（更正：涉及两个门店）',
        details: { corrects: created!.id, penalty: { amount: { value: 30000 } } },
      });
      await checkpoint(page, 'console-corrected-zh-hans');

      const revocation = page.getByTestId('revocation-form');
      await revocation.getByRole('button', { name: '撤销此记录' }).click();
      await expect.poll(() => revocation.getByTestId('revocation-reason').getAttribute('aria-invalid')).toBe('true');
      expect(await errorBeside(page, revocation.getByTestId('revocation-reason'))).toBe('must not be empty');
      await revocation.getByTestId('revocation-reason').fill('同一违法行为已由区局立案处理');
      await revocation.getByRole('button', { name: '撤销此记录' }).click();
      await expect.poll(() => page.getByTestId('record-status').textContent()).toBe('已撤销');
      expect(await officer.call('GET', `/v1/records/${newId}`)).toMatchObject({ status: 'revoked' });
      await expectNoSidewaysScroll(page);
      await checkpoint(page, 'console-revoked-zh-hans');
    }, refusedOnPurpose);
  });
});
