/**
 * The transparency figures (issue 7 §6) over HTTP (in-process) against a real database: anyone may read
 * them; objections and repair applications filed and decided show in their months with the median time to
 * decision; answered checks are counted per context and decision in memory and written in batches (a row
 * per day, context and decision, never one per check); list entries and exits match what the reports show,
 * and follow a revocation at once; nothing names an entity or a case.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../src/domain/identifiers/uscc.js';
import { buildHttpServer } from '../../src/http/server.js';
import type { TransparencyReport } from '../../src/services/transparency-service.js';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestApp, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { gdEntityLine, samrPenaltyLine, writeLines } from '../support/lines.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const DAY_MS = 24 * 60 * 60 * 1000;

function uscc(n: number): string {
  const first17 = `91440101MA5DT${String(n).padStart(4, '0')}`;
  return `uscc:${first17}${usccCheckCharacter(first17)}`;
}
const UPHELD = uscc(1); // serious penalty of 2026-10-01: on the SAMR serious list since 2026-10-17; its objection is upheld
const REJECTED = uscc(2); // general penalty of 2026-11-02: its objection is rejected
const OPEN = uscc(3); // general penalty of 2026-11-02: its objection stays open
const GRANTED = uscc(4); // serious penalty of 2025-09-01 (repairable from 2025-12-01): repair granted
const REFUSED = uscc(5); // the same: repair refused
const SAMR_SERIOUS = 'samr-serious-illegal-dishonest';

const entity = (ref: string) => gdEntityLine(ref, `透明${ref.slice(-4)}有限公司`);
const penalty = (sourceId: string, subject: string, decidedOn: string, severity: 'general' | 'serious', kinds: string[]) =>
  samrPenaltyLine({ sourceId, subject, decidedOn, severity, kinds });
const EVIDENCE = [{ filename: '缴款凭证.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\n% receipt\n%%EOF\n').toString('base64') }];
const COMMITMENT = '本企业承诺依法诚信经营，如有违反，愿承担相应责任。';

type Headers = { authorization: string };

describe('transparency figures', () => {
  let t: TestApp;
  let server: FastifyInstance;
  let now = TEST_NOW;
  let as: Record<'upheld' | 'rejected' | 'open' | 'granted' | 'refused' | 'reviewer' | 'service', Headers>;
  const records: Record<string, number> = {};
  /** Every check answered in the test, by context and decision. */
  const answered = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp({}, () => now);
    const lines = [
      ...[UPHELD, REJECTED, OPEN, GRANTED, REFUSED].map(entity),
      penalty('TR-UPHELD', UPHELD, '2026-10-01', 'serious', ['fine', 'business-suspension']),
      penalty('TR-REJECTED', REJECTED, '2026-11-02', 'general', ['fine']),
      penalty('TR-OPEN', OPEN, '2026-11-02', 'general', ['fine']),
      penalty('TR-GRANTED', GRANTED, '2025-09-01', 'serious', ['fine', 'business-suspension']),
      penalty('TR-REFUSED', REFUSED, '2025-09-01', 'serious', ['fine', 'business-suspension']),
    ];
    await t.app.imports.importFiles([fixture('checks.ndjson'), writeLines(lines)]);
    for (const row of await queryRows<{ id: number; source_id: string }>(t.app.database.db, sql`select id, source_id from records`)) records[row.source_id] = Number(row.id);
    server = await buildHttpServer(t.app);
    const key = (ref: string) => bearer(t.app, { role: 'entity', label: ref, entity: ref });
    as = {
      upheld: await key(UPHELD),
      rejected: await key(REJECTED),
      open: await key(OPEN),
      granted: await key(GRANTED),
      refused: await key(REFUSED),
      reviewer: await bearer(t.app, { role: 'officer', label: 'samr reviewer', authority: 'gd-samr', duties: ['reviewer'] }),
      service: await bearer(t.app, SERVICE_KEY),
    };
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const call = async (method: 'GET' | 'POST', url: string, headers?: Headers, payload?: object) => {
    const res = await server.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const figures = async (): Promise<TransparencyReport> => call('GET', '/v1/transparency');
  const check = async (entity: string, context: string) => {
    const { decision } = await call('POST', '/v1/checks', as.service, { entity, context });
    answered.set(`${context} ${decision}`, (answered.get(`${context} ${decision}`) ?? 0) + 1);
  };
  const last = <T>(series: readonly T[]) => series[series.length - 1];

  /** Per list, from the public reports of every entity: on it today, entries and exits in the window. */
  async function listsFromReports(months: readonly string[], today: string) {
    const ids = await queryRows<{ id: string }>(t.app.database.db, sql`select id from entities`);
    const expected = new Map<string, { current: number; entered: number; exited: number }>();
    for (const { id } of ids) {
      for (const m of (await t.app.reports.report(id)).lists) {
        const row = expected.get(m.listId) ?? { current: 0, entered: 0, exited: 0 };
        if (m.start <= today && (m.end === undefined || m.end > today)) row.current++;
        if (m.start <= today && m.start.slice(0, 7) >= months[0]!) row.entered++;
        if (m.end !== undefined && m.end <= today && m.end.slice(0, 7) >= months[0]!) row.exited++;
        expected.set(m.listId, row);
      }
    }
    return expected;
  }

  it('is public: 24 GBA months ending with the current one, every series aligned with them', async () => {
    const res = await server.inject({ method: 'GET', url: '/v1/transparency' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as TransparencyReport;
    expect(body).toMatchObject({ node: 'gd', asOf: '2026-11-27', policyVersion: t.app.policy.pack.version });
    expect(body.months).toHaveLength(24);
    expect([body.months[0], last(body.months)]).toEqual(['2024-12', '2026-11']);
    const all = [
      ...body.lists.flatMap((l) => [l.entered, l.exited]),
      ...Object.values(body.objections),
      ...Object.values(body.repairs),
      ...body.checks.flatMap((c) => Object.values(c.decisions)),
    ];
    for (const series of all) expect(series).toHaveLength(24);
    expect(body.lists.map((l) => l.list)).toEqual(t.app.policy.pack.lists.map((l) => l.source.id));
  });

  it('counts list entries and exits as the reports show them, and follows a revocation at once', async () => {
    const before = await figures();
    const expected = await listsFromReports(before.months, before.asOf);
    for (const list of before.lists) {
      const sum = (s: number[]) => s.reduce((a, b) => a + b, 0);
      expect({ list: list.list, current: list.current, entered: sum(list.entered), exited: sum(list.exited) }).toEqual({
        list: list.list,
        ...(expected.get(list.list) ?? { current: 0, entered: 0, exited: 0 }),
      });
    }
    const serious = before.lists.find((l) => l.list === SAMR_SERIOUS)!;
    expect(serious.entered[before.months.indexOf('2026-10')]).toBeGreaterThanOrEqual(1);

    // The upheld objection revokes the record behind UPHELD's entry: the entry is gone from the figures.
    const objection = await call('POST', '/v1/objections', as.upheld, { subject: { record: records['TR-UPHELD'] }, grounds: '处罚决定认定事实错误' });
    now = new Date(TEST_NOW.getTime() + 2 * DAY_MS);
    await call('POST', `/v1/objections/${objection.id}/decision`, as.reviewer, { outcome: 'upheld', action: 'revoke', reasons: '事实认定错误，撤销处罚' });
    const after = (await figures()).lists.find((l) => l.list === SAMR_SERIOUS)!;
    expect(after.current).toBe(serious.current - 1);
    now = TEST_NOW;
  });

  it('shows objections and repair applications filed and decided, with the median days to decision', async () => {
    const rejected = await call('POST', '/v1/objections', as.rejected, { subject: { record: records['TR-REJECTED'] }, grounds: '罚款金额计算错误' });
    await call('POST', '/v1/objections', as.open, { subject: { record: records['TR-OPEN'] }, grounds: '程序违法' });
    const granted = await call('POST', '/v1/repairs', as.granted, { subject: { record: records['TR-GRANTED'] }, commitment: COMMITMENT, attachments: EVIDENCE });
    const refused = await call('POST', '/v1/repairs', as.refused, { subject: { record: records['TR-REFUSED'] }, commitment: COMMITMENT, attachments: EVIDENCE });
    now = new Date(TEST_NOW.getTime() + 2 * DAY_MS);
    await call('POST', `/v1/repairs/${granted.id}/decision`, as.reviewer, { outcome: 'granted', reasons: '已履行处罚决定并作出信用承诺' });
    now = new Date(TEST_NOW.getTime() + 3 * DAY_MS); // 2026-11-30 12:00 in the GBA: still November
    await call('POST', `/v1/objections/${rejected.id}/decision`, as.reviewer, { outcome: 'rejected', reasons: '罚款金额计算无误' });
    await call('POST', `/v1/repairs/${refused.id}/decision`, as.reviewer, { outcome: 'refused', reasons: '罚款尚未缴清' });

    const body = await figures();
    expect(body.asOf).toBe('2026-11-30');
    const november = body.months.indexOf('2026-11');
    const at = (o: Record<string, (number | null)[]>) => Object.fromEntries(Object.entries(o).map(([k, s]) => [k, s[november]]));
    // Three objections filed (one in the test before), one upheld after 2 days, one rejected after 3.
    expect(at(body.objections)).toEqual({ filed: 3, upheld: 1, rejected: 1, medianDaysToDecision: 2.5 });
    expect(at(body.repairs)).toEqual({ filed: 2, granted: 1, refused: 1, medianDaysToDecision: 2.5 });
    expect(body.objections.filed.slice(0, november).every((n) => n === 0)).toBe(true);
    expect(body.repairs.medianDaysToDecision.slice(0, november).every((d) => d === null)).toBe(true);
    now = TEST_NOW;
  });

  it('counts checks answered per context and decision, written in batches rather than one row per check', async () => {
    const start = await figures();
    const counted = (body: TransparencyReport, context: string, decision: string) =>
      last(body.checks.find((c) => c.context === context)!.decisions[decision as 'allow' | 'review' | 'deny'])!;
    const baseline = new Map([...answered.keys()].map((k) => [k, counted(start, ...(k.split(' ') as [string, string]))]));
    answered.clear();
    for (let i = 0; i < 20; i++) await check(i % 2 === 0 ? OPEN : REFUSED, 'public-procurement');
    for (let i = 0; i < 10; i++) await check(GRANTED, 'government-subsidy');
    const batch = await call('POST', '/v1/checks/batch', as.service, {
      checks: [
        { entity: OPEN, context: 'customs-clearance' },
        { entity: REFUSED, context: 'customs-clearance' },
        { entity: 'uscc:91440101MA5ZZZZZ9X', context: 'customs-clearance' }, // unknown: refused, not counted
      ],
    });
    for (const item of batch.items.filter((i: { result?: { decision: string } }) => i.result)) {
      const k = `customs-clearance ${item.result.decision}`;
      answered.set(k, (answered.get(k) ?? 0) + 1);
    }

    const body = await figures();
    for (const [k, n] of answered) {
      const [context, decision] = k.split(' ') as [string, string];
      expect(counted(body, context, decision), k).toBe((baseline.get(k) ?? 0) + n);
    }
    const total = body.checks.reduce((sum, c) => sum + Object.values(c.decisions).reduce((s, series) => s + last(series)!, 0), 0);
    const [stored] = await queryRows<{ rows: number; checks: number }>(t.app.database.db, sql`select count(*)::int as rows, coalesce(sum(count), 0)::int as checks from check_counts`);
    expect(stored!.checks).toBe(total);
    expect(stored!.rows).toBeLessThanOrEqual(answered.size + baseline.size);
    expect(stored!.rows).toBeLessThan(stored!.checks);
    // Reading again adds nothing: counts are written once.
    expect(await figures()).toEqual(body);
  });

  it('names no entity, case or key', async () => {
    const text = JSON.stringify(await figures());
    const ids = await queryRows<{ id: string }>(t.app.database.db, sql`select id::text from entities union all select id::text from objections union all select id::text from repairs`);
    expect(text).not.toMatch(/uscc:|key:|crd_/);
    for (const { id } of ids) expect(text).not.toContain(id);
  });
});
