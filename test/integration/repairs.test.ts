/**
 * Credit repair (issue 4 §5) and statements (§6) over HTTP (in-process) against a real database: what the
 * pack marks not repairable (a court list in gd; everything in hk) says so up front; the conditions are
 * checked and shown, and an application missing one is refused with the reasons; the due date counts the
 * gd calendar's working days; a reviewer of the identifying authority grants — the very next check lifts
 * the measure and the report drops the record — or refuses with reasons; overdue applications are flagged;
 * an entity's statement shows beside its record in the public report.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../src/domain/identifiers/uscc.js';
import { buildHttpServer } from '../../src/http/server.js';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestApp, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { gdEntityLine, samrPenaltyLine, writeLines } from '../support/lines.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // court enforcement of 2025-08-01: on the courts' list, which is not repairable

function uscc(n: number): string {
  const first17 = `91440101MA5DX${String(n).padStart(4, '0')}`;
  return `uscc:${first17}${usccCheckCharacter(first17)}`;
}
const LISTED = uscc(1); // serious SAMR penalty of 2025-09-01 (Order 58: repairable from 2025-12-01), on the SAMR serious list
const LISTED_TOO = uscc(2); // the same, applies to leave the list
const RECENT = uscc(3); // serious penalty of 2026-10-01 (Order 36: repairable from 2027-10-01)
const FINED = uscc(4); // serious penalty of 2025-09-01 without a heavy penalty: applies during the October holidays

const entity = (ref: string) => gdEntityLine(ref, `修复${ref.slice(-4)}有限公司`);
const penalty = (sourceId: string, subject: string, decidedOn: string, kinds: string[]) => samrPenaltyLine({ sourceId, subject, decidedOn, severity: 'serious', kinds });

const PDF = Buffer.from('%PDF-1.7\n% payment receipt\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const evidence = [
  { filename: '缴款凭证.pdf', mediaType: 'application/pdf', contentBase64: PDF.toString('base64') },
  { filename: 'photo.jpg', mediaType: 'image/jpeg', contentBase64: JPEG.toString('base64') },
];
const COMMITMENT = '本企业承诺依法诚信经营，如有违反，愿承担相应责任。';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Headers = { authorization: string };

describe('credit repair and statements', () => {
  let t: TestApp;
  let server: FastifyInstance;
  let now = TEST_NOW;
  let as: Record<'listed' | 'listedToo' | 'recent' | 'fined' | 'debtor' | 'reviewer' | 'otherReviewer' | 'service', Headers>;
  const records: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({}, () => now);
    const lines = [
      ...[LISTED, LISTED_TOO, RECENT, FINED].map(entity),
      penalty('REP-LISTED', LISTED, '2025-09-01', ['fine', 'business-suspension']),
      penalty('REP-LISTED-TOO', LISTED_TOO, '2025-09-01', ['fine', 'business-suspension']),
      penalty('REP-RECENT', RECENT, '2026-10-01', ['fine', 'business-suspension']),
      penalty('REP-FINED', FINED, '2025-09-01', ['fine']),
    ];
    await t.app.imports.importFiles([fixture('checks.ndjson'), writeLines(lines)]);
    for (const row of await queryRows<{ id: number; source_id: string }>(t.app.database.db, sql`select id, source_id from records`)) records[row.source_id] = Number(row.id);
    server = await buildHttpServer(t.app);
    const key = (ref: string) => bearer(t.app, { role: 'entity', label: ref, entity: ref });
    as = {
      listed: await key(LISTED),
      listedToo: await key(LISTED_TOO),
      recent: await key(RECENT),
      fined: await key(FINED),
      debtor: await key(DEBTOR),
      reviewer: await bearer(t.app, { role: 'officer', label: 'samr reviewer', authority: 'gd-samr', duties: ['reviewer'] }),
      otherReviewer: await bearer(t.app, { role: 'officer', label: 'court reviewer', authority: 'gd-court', duties: ['reviewer'] }),
      service: await bearer(t.app, SERVICE_KEY),
    };
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers?: Headers, payload?: object, extra: Record<string, string> = {}) =>
    server.inject({ method, url, headers: { ...headers, ...extra }, ...(payload ? { payload } : {}) });
  const check = async (ref: string, context = 'public-procurement') => (await call('POST', '/v1/checks', as.service, { entity: ref, context })).json();
  const report = async (ref: string) => (await call('GET', `/v1/entities/${ref}/report`)).json();
  const eligibility = async (subject: string, who: Headers) => call('GET', `/v1/repairs/eligibility?subject=${encodeURIComponent(subject)}`, who);
  const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code });
    expect(res.json()).not.toHaveProperty('conditions');
  };

  it('shows up front that a list the pack marks not repairable cannot be, and what ends it instead', async () => {
    const res = await eligibility('list:court-dishonest-judgment-debtors', as.debtor);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      subject: 'list:court-dishonest-judgment-debtors',
      authority: 'gd-court',
      repairable: false,
      reason: 'the pack marks list court-dishonest-judgment-debtors as not repairable: removal follows performance of the judgment (the court-enforcement record ends)',
      conditions: [],
    });
    const record = (await eligibility(`record:${records['CHK-COURT-1']}`, as.debtor)).json();
    expect(record).toMatchObject({ repairable: false, reason: expect.stringMatching(/no publicity regime covers court-enforcement records/) });
    const applied = await call('POST', '/v1/repairs', as.debtor, { subject: { list: 'court-dishonest-judgment-debtors' }, commitment: COMMITMENT, attachments: evidence });
    expectProblem(applied, 409, 'REPAIR_NOT_ALLOWED');
    expect(applied.json().detail).toMatch(/removal follows performance of the judgment/);
  });

  it('shows the conditions of a repairable record, each met or not', async () => {
    const res = await eligibility(`record:${records['REP-LISTED']}`, as.listed);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      subject: `record:${records['REP-LISTED']}`,
      authority: 'gd-samr',
      repairable: true,
      regime: 'ndrc-order-36',
      conditions: [
        { id: 'publicity-served', met: true, detail: 'served since 2025-12-01' },
        { id: 'obligations-fulfilled', met: false },
        { id: 'commitment', met: false },
      ],
    });
    expectProblem(await eligibility(`record:${records['REP-LISTED']}`, as.listedToo), 403, 'FORBIDDEN');
    expectProblem(await eligibility('record:abc', as.listed), 400, 'INVALID_REQUEST');
  });

  it('refuses an application missing a condition, naming each', async () => {
    const bare = await call('POST', '/v1/repairs', as.listed, { subject: { record: records['REP-LISTED'] }, commitment: '', attachments: [] });
    expectProblem(bare, 409, 'REPAIR_NOT_ALLOWED');
    expect(bare.json().errors.map((e: { field: string }) => e.field)).toEqual(['conditions.obligations-fulfilled', 'conditions.commitment']);
    const early = await call('POST', '/v1/repairs', as.recent, { subject: { record: records['REP-RECENT'] }, commitment: COMMITMENT, attachments: evidence });
    expectProblem(early, 409, 'REPAIR_NOT_ALLOWED');
    expect(early.json().errors).toEqual([{ field: 'conditions.publicity-served', reason: 'not before 2027-10-01' }]);
    expect((await call('GET', '/v1/me/repairs', as.recent)).json().items).toEqual([]);
  });

  it('counts the due date in working days over the gd calendar, skipping the National Day holidays', async () => {
    now = new Date('2026-09-28T04:00:00Z'); // Monday; 1–3 October are holidays
    const res = await call('POST', '/v1/repairs', as.fined, { subject: { record: records['REP-FINED'] }, commitment: COMMITMENT, attachments: evidence.slice(0, 1) });
    now = TEST_NOW;
    expect(res.statusCode).toBe(201);
    // 10 working days after 2026-09-28: 29, 30 Sep; 5–9 Oct; 12, 13, 14 Oct (weekends and 1–2 Oct not counted).
    expect(res.json()).toMatchObject({ dueOn: '2026-10-14', status: 'open', filedAt: '2026-09-28T04:00:00.000Z' });
  });

  let application: { id: string };

  it('files an application with its evidence and commitment, once per Idempotency-Key', async () => {
    const payload = { subject: { record: records['REP-LISTED'] }, commitment: COMMITMENT, attachments: evidence };
    const res = await call('POST', '/v1/repairs', as.listed, payload, { 'idempotency-key': 'repair-1' });
    expect(res.statusCode).toBe(201);
    application = res.json();
    expect(application).toMatchObject({
      subject: `record:${records['REP-LISTED']}`,
      recordIds: [records['REP-LISTED']],
      authority: 'gd-samr',
      status: 'open',
      commitment: COMMITMENT,
      // 10 working days after Friday 2026-11-27
      dueOn: '2026-12-11',
      overdue: false,
      decision: null,
      conditions: [
        { id: 'publicity-served', met: true },
        { id: 'obligations-fulfilled', met: 'on-review', detail: '2 document(s) attached; the reviewer decides' },
        { id: 'commitment', met: true },
      ],
      attachments: [
        { id: expect.any(String), filename: '缴款凭证.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha256(PDF) },
        { id: expect.any(String), filename: 'photo.jpg', mediaType: 'image/jpeg', size: JPEG.length, sha256: sha256(JPEG) },
      ],
    });
    const retry = await call('POST', '/v1/repairs', as.listed, payload, { 'idempotency-key': 'repair-1' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(application);
    expectProblem(await call('POST', '/v1/repairs', as.listed, payload), 409, 'CONFLICT');
    const [audit] = await queryRows<{ n: number }>(t.app.database.db, sql`select count(*)::int as n from audit_log where action = 'repair.apply' and subject = ${`repair:${application.id}`}`);
    expect(audit!.n).toBe(1);
  });

  it('queues open applications of the reviewer’s authority by due date, the overdue one flagged', async () => {
    const items = (await call('GET', '/v1/queues/repairs', as.reviewer)).json().items as { id: string; dueOn: string; overdue: boolean }[];
    expect(items.map((i) => [i.dueOn, i.overdue])).toEqual([
      ['2026-10-14', true],
      ['2026-12-11', false],
    ]);
    expect((await call('GET', '/v1/queues/repairs', as.otherReviewer)).json().items).toEqual([]);
    expectProblem(await call('GET', `/v1/repairs/${application.id}`, as.otherReviewer), 403, 'FORBIDDEN');
    expectProblem(await call('GET', `/v1/repairs/${application.id}`, as.listedToo), 403, 'FORBIDDEN');
    expectProblem(await call('POST', `/v1/repairs/${application.id}/decision`, as.otherReviewer, { outcome: 'granted', reasons: 'x' }), 403, 'FORBIDDEN');
  });

  it('granted: the very next check lifts the measure, the report drops the record and the list entry ends', async () => {
    expect(await check(LISTED)).toMatchObject({ decision: 'review' });
    expect((await report(LISTED)).lists.map((l: { listId: string }) => l.listId)).toEqual(['samr-serious-illegal-dishonest']);
    const res = await call('POST', `/v1/repairs/${application.id}/decision`, as.reviewer, { outcome: 'granted', reasons: '已履行处罚决定并作出信用承诺' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', decision: { outcome: 'granted', reasons: '已履行处罚决定并作出信用承诺', decidedAt: TEST_NOW.toISOString() } });
    expect(await check(LISTED)).toMatchObject({ decision: 'allow', measures: [] });
    const r = await report(LISTED);
    expect(r.records).toEqual([]);
    expect(r.lists).toEqual([]);
    const [row] = await queryRows<{ status: string }>(t.app.database.db, sql`select status from records where id = ${records['REP-LISTED']}`);
    expect(row!.status).toBe('repaired');
    expectProblem(await call('POST', `/v1/repairs/${application.id}/decision`, as.reviewer, { outcome: 'refused', reasons: 'again' }), 409, 'CONFLICT');
    // The same decision posted again (its answer lost) is answered with the decided application, written once.
    const audited = await t.app.audit.verify();
    const retry = await call('POST', `/v1/repairs/${application.id}/decision`, as.reviewer, { outcome: 'granted', reasons: '已履行处罚决定并作出信用承诺' });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'decided', decision: { outcome: 'granted', decidedAt: TEST_NOW.toISOString() } });
    expect(await t.app.audit.verify()).toEqual(audited);
  });

  it('repairs a list entry on the list’s conditions; refused, the entity sees the reasons and the entry stays', async () => {
    const up = (await eligibility('list:samr-serious-illegal-dishonest', as.listedToo)).json();
    expect(up).toMatchObject({ repairable: true, authority: 'gd-samr', conditions: [{ id: 'publicity-served', met: true }, { met: false }, { met: false }] });
    expect(up.conditions[0].description).toMatch(/at least 1 year on the list/);
    const res = await call('POST', '/v1/repairs', as.listedToo, { subject: { list: 'samr-serious-illegal-dishonest' }, commitment: COMMITMENT, attachments: evidence });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ subject: 'list:samr-serious-illegal-dishonest', recordIds: [records['REP-LISTED-TOO']], authority: 'gd-samr' });
    await call('POST', `/v1/repairs/${res.json().id}/decision`, as.reviewer, { outcome: 'refused', reasons: '罚款尚未缴清' });
    const [mine] = (await call('GET', '/v1/me/repairs', as.listedToo)).json().items;
    expect(mine).toMatchObject({ status: 'decided', decision: { outcome: 'refused', reasons: '罚款尚未缴清' } });
    expect(await check(LISTED_TOO)).toMatchObject({ decision: 'review' });
  });

  it('shows an entity’s statement beside its record in the public report, replaced on re-write, removed on delete', async () => {
    const url = `/v1/records/${records['REP-LISTED-TOO']}/statement`;
    const statement = async () => (await report(LISTED_TOO)).records.find((r: { sourceId: string }) => r.sourceId === 'REP-LISTED-TOO').statement;
    expect(await statement()).toBeNull();
    expect((await call('PUT', url, as.listedToo, { text: '我司已整改完毕。' })).json()).toEqual({ recordId: records['REP-LISTED-TOO'], text: '我司已整改完毕。', updatedAt: TEST_NOW.toISOString() });
    expect((await call('PUT', url, as.listedToo, { text: '我司已整改完毕，罚款分期缴纳中。' })).statusCode).toBe(200);
    expect(await statement()).toEqual({ text: '我司已整改完毕，罚款分期缴纳中。', updatedAt: TEST_NOW.toISOString() });
    expectProblem(await call('PUT', url, as.listed, { text: '不是我的记录' }), 403, 'FORBIDDEN');
    expectProblem(await call('PUT', url, undefined, { text: 'anonymous' }), 401, 'UNAUTHENTICATED');
    expectProblem(await call('PUT', url, as.listedToo, { text: 'x'.repeat(2_001) }), 400, 'INVALID_REQUEST');
    expect((await call('DELETE', url, as.listedToo)).statusCode).toBe(204);
    expect(await statement()).toBeNull();
    expectProblem(await call('DELETE', url, as.listedToo), 404, 'NOT_FOUND');
    const audited = await queryRows<{ action: string }>(t.app.database.db, sql`select action from audit_log where subject = ${`record:${records['REP-LISTED-TOO']}`} order by seq`);
    expect(audited.map((a) => a.action)).toEqual(['statement.write', 'statement.write', 'statement.delete']);
  });
});

describe('credit repair in hk', () => {
  let t: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp({ CREDENCE_NODE: 'hk' });
    const lines = [
      { type: 'entity', jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: '12345678' }], names: [{ value: 'Example Contractors Limited', lang: 'en' }], status: 'active' },
      {
        type: 'record',
        sourceId: 'HK-DEVB-1',
        subject: 'hk-brn:12345678',
        category: 'penalty',
        domain: 'construction',
        severity: 'serious',
        authority: 'hk-devb',
        decisionNo: 'DEVB/2026/1',
        decidedOn: '2026-10-01',
        legalBasis: [{ instrument: 'Contractor Management Handbook', article: 'ch. 5' }],
        summary: 'Suspended from tendering',
        penalty: { kinds: ['licence-suspension'] },
      },
    ];
    await t.app.imports.importFiles([writeLines(lines)]);
    server = await buildHttpServer(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('says up front that the node has no credit repair, and what ends a status instead', async () => {
    const headers = await bearer(t.app, { role: 'entity', label: 'contractor', entity: 'hk-brn:12345678' });
    const [row] = await queryRows<{ id: number }>(t.app.database.db, sql`select id from records where source_id = 'HK-DEVB-1'`);
    for (const subject of [`record:${row!.id}`, 'list:devb-tendering-suspension']) {
      const res = await server.inject({ method: 'GET', url: `/v1/repairs/eligibility?subject=${subject}`, headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ subject, authority: 'hk-devb', repairable: false, conditions: [] });
      expect(res.json().reason).toMatch(/^node hk has no credit repair procedure .*file an objection$/);
    }
  });
});
