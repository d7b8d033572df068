/**
 * Objections (issue 4 §4) over HTTP (in-process) against a real database, on the gd pack: filing marks the
 * records disputed in the very next check and report; a reviewer of the deciding authority upholds
 * (revoking: the measure is gone from the next check) or rejects (the dispute is cleared, reasons shown to
 * the entity); only the entity and the deciding authority see an objection; retries with an idempotency
 * key never duplicate; the window and the due date follow the pack; attachments are stored with their hash
 * and refused when not what they claim; and 300 filed at once are all stored once, the audit chain intact.
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
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // court enforcement of 2025-08-01: its objection window ended long ago

/** A valid USCC numbered `n` (the check character computed). */
function uscc(n: number): string {
  const first17 = `91440101MA5DY${String(n).padStart(4, '0')}`;
  return `uscc:${first17}${usccCheckCharacter(first17)}`;
}
const LISTED = uscc(1); // serious SAMR penalty of 2026-10-01: on the SAMR serious list since 2026-10-17
const FINED = uscc(2); // a general penalty of 2026-11-02
const OTHER = uscc(3); // another entity with a penalty
const LISTED_TOO = uscc(4); // on the SAMR serious list, objects to the list entry
const MANY = uscc(5); // 300 minor penalties, for concurrent filings
const CONCURRENT = 300;

const entity = (ref: string) => gdEntityLine(ref, `示例${ref.slice(-4)}有限公司`);
const penalty = (sourceId: string, subject: string, decidedOn: string, severity: 'minor' | 'general' | 'serious', kinds: string[]) =>
  samrPenaltyLine({ sourceId, subject, decidedOn, severity, kinds, amount: 500_000 });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const attachment = (filename: string, mediaType: string, bytes: Buffer) => ({ filename, mediaType, contentBase64: bytes.toString('base64') });

type Headers = { authorization: string };

describe('objections', () => {
  let t: TestApp;
  let server: FastifyInstance;
  let now = TEST_NOW;
  let as: Record<'listed' | 'fined' | 'other' | 'listedToo' | 'many' | 'debtor' | 'reviewer' | 'recorder' | 'otherReviewer' | 'service', Headers>;
  const records: Record<string, number> = {};

  beforeAll(async () => {
    t = await createTestApp({}, () => now);
    const lines = [
      ...[LISTED, FINED, OTHER, LISTED_TOO, MANY].map(entity),
      penalty('OBJ-LISTED', LISTED, '2026-10-01', 'serious', ['fine', 'business-suspension']),
      penalty('OBJ-FINED', FINED, '2026-11-02', 'general', ['fine']),
      penalty('OBJ-OTHER', OTHER, '2026-11-02', 'general', ['fine']),
      penalty('OBJ-LISTED-TOO', LISTED_TOO, '2026-10-01', 'serious', ['fine', 'business-suspension']),
      ...Array.from({ length: CONCURRENT }, (_, i) => penalty(`OBJ-MANY-${i}`, MANY, '2026-11-10', 'minor', ['warning'])),
    ];
    await t.app.imports.importFiles([fixture('checks.ndjson'), writeLines(lines)]);
    for (const row of await queryRows<{ id: number; source_id: string }>(t.app.database.db, sql`select id, source_id from records`)) records[row.source_id] = Number(row.id);
    server = await buildHttpServer(t.app);
    const key = (ref: string) => bearer(t.app, { role: 'entity', label: ref, entity: ref });
    as = {
      listed: await key(LISTED),
      fined: await key(FINED),
      other: await key(OTHER),
      listedToo: await key(LISTED_TOO),
      many: await key(MANY),
      debtor: await key(DEBTOR),
      reviewer: await bearer(t.app, { role: 'officer', label: 'samr reviewer', authority: 'gd-samr', duties: ['reviewer'] }),
      recorder: await bearer(t.app, { role: 'officer', label: 'samr recorder', authority: 'gd-samr', duties: ['recorder'] }),
      otherReviewer: await bearer(t.app, { role: 'officer', label: 'tax reviewer', authority: 'gd-tax', duties: ['reviewer'] }),
      service: await bearer(t.app, SERVICE_KEY),
    };
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object, extra: Record<string, string> = {}) =>
    server.inject({ method, url, headers: { ...headers, ...extra }, ...(payload ? { payload } : {}) });
  const check = async (ref: string, context = 'public-procurement') => (await call('POST', '/v1/checks', as.service, { entity: ref, context })).json();
  const report = async (ref: string) => (await server.inject({ method: 'GET', url: `/v1/entities/${ref}/report` })).json();
  const reportRecord = async (ref: string, sourceId: string) => (await report(ref)).records.find((r: { sourceId: string }) => r.sourceId === sourceId);
  const expectRefused = (res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status, code });
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'detail', 'status', 'title', 'type']));
    expect(body).not.toHaveProperty('grounds');
    expect(body).not.toHaveProperty('subject');
  };

  let listedObjection: { id: string };

  it('marks the record and the list entry disputed in the very next check and report', async () => {
    const before = await check(LISTED);
    expect(before).toMatchObject({ decision: 'review', disputed: false });
    const res = await call('POST', '/v1/objections', as.listed, {
      subject: { record: records['OBJ-LISTED'] },
      grounds: '处罚决定认定事实错误',
      attachments: [attachment('evidence.pdf', 'application/pdf', PDF)],
    });
    expect(res.statusCode).toBe(201);
    listedObjection = res.json();
    expect(listedObjection).toMatchObject({
      subject: `record:${records['OBJ-LISTED']}`,
      recordIds: [records['OBJ-LISTED']],
      authority: 'gd-samr',
      status: 'open',
      grounds: '处罚决定认定事实错误',
      // 20 calendar days under gd-social-credit-regulations, counted from the filing day
      dueOn: '2026-12-17',
      overdue: false,
      decision: null,
    });
    const after = await check(LISTED);
    expect(after).toMatchObject({ decision: 'review', disputed: true });
    expect(after.measures[0].because[0]).toMatchObject({ sourceId: 'OBJ-LISTED', disputed: true });
    const r = await report(LISTED);
    expect(r.disputed).toBe(true);
    expect(r.records.find((x: { sourceId: string }) => x.sourceId === 'OBJ-LISTED').disputed).toBe(true);
    expect(r.lists.find((l: { listId: string }) => l.listId === 'samr-serious-illegal-dishonest').disputed).toBe(true);
  });

  it('stores attachments with their size and SHA-256', async () => {
    const body = (await call('GET', `/v1/objections/${listedObjection.id}`, as.listed)).json();
    expect(body.attachments).toEqual([
      { id: expect.any(String), filename: 'evidence.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') },
    ]);
    const [stored] = await queryRows<{ size: number; sha256: string; content: string }>(t.app.database.db, sql`select size, sha256, content from attachments where id = ${body.attachments[0].id}`);
    expect(Buffer.from(stored!.content, 'base64').equals(PDF)).toBe(true);
  });

  it.each([
    ['a PNG declared but PDF bytes sent', attachment('scan.png', 'image/png', PDF), 415, 'UNSUPPORTED_MEDIA_TYPE', 'attachments.0.contentBase64'],
    ['a PDF declared but PNG bytes sent', attachment('scan.pdf', 'application/pdf', PNG), 415, 'UNSUPPORTED_MEDIA_TYPE', 'attachments.0.contentBase64'],
    ['a type not accepted', attachment('a.zip', 'application/zip', Buffer.from('PK\u0003\u0004')), 415, 'UNSUPPORTED_MEDIA_TYPE', 'attachments.0.mediaType'],
    ['text that is not UTF-8', attachment('a.txt', 'text/plain', Buffer.from([0xff, 0xfe, 0x00])), 415, 'UNSUPPORTED_MEDIA_TYPE', 'attachments.0.contentBase64'],
    ['a file over 2 MiB', attachment('big.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024)])), 413, 'PAYLOAD_TOO_LARGE', 'attachments.0.contentBase64'],
    ['content that is not base64', { filename: 'a.pdf', mediaType: 'application/pdf', contentBase64: 'not base64!' }, 400, 'INVALID_REQUEST', 'attachments.0.contentBase64'],
  ])('refuses %s, storing nothing', async (_, file, status, code, field) => {
    const res = await call('POST', '/v1/objections', as.fined, { subject: { record: records['OBJ-FINED'] }, grounds: 'x', attachments: [file] });
    expectRefused(res, status, code);
    expect(res.json().errors).toEqual([{ field, reason: expect.any(String) }]);
    expect((await call('GET', '/v1/me/objections', as.fined)).json().items).toEqual([]);
  });

  it('refuses more than 5 attachments', async () => {
    const six = Array.from({ length: 6 }, (_, i) => attachment(`${i}.txt`, 'text/plain', Buffer.from('证明')));
    expectRefused(await call('POST', '/v1/objections', as.fined, { subject: { record: records['OBJ-FINED'] }, grounds: 'x', attachments: six }), 400, 'INVALID_REQUEST');
  });

  it('returns the same objection for a retry with the same Idempotency-Key, never a duplicate', async () => {
    const payload = { subject: { record: records['OBJ-FINED'] }, grounds: '已缴纳罚款', attachments: [attachment('receipt.txt', 'text/plain', Buffer.from('收据 2026-11-20'))] };
    const first = await call('POST', '/v1/objections', as.fined, payload, { 'idempotency-key': 'retry-1' });
    expect(first.statusCode).toBe(201);
    const [second, third] = await Promise.all([
      call('POST', '/v1/objections', as.fined, payload, { 'idempotency-key': 'retry-1' }),
      call('POST', '/v1/objections', as.fined, payload, { 'idempotency-key': 'retry-1' }),
    ]);
    expect([second.statusCode, third.statusCode]).toEqual([200, 200]);
    expect(second.json()).toEqual(first.json());
    expect(third.json().id).toBe(first.json().id);
    const rows = await queryRows<{ n: number }>(t.app.database.db, sql`select count(*)::int as n from objections where subject = ${`record:${records['OBJ-FINED']}`}`);
    expect(rows[0]!.n).toBe(1);
    // Without the key, a second objection about the same subject is a conflict while the first is open.
    expectRefused(await call('POST', '/v1/objections', as.fined, payload), 409, 'CONFLICT');
  });

  it('refuses another entity, anonymous callers and officers of another authority with problem+json and no data', async () => {
    const url = `/v1/objections/${listedObjection.id}`;
    expectRefused(await call('GET', url, as.other), 403, 'FORBIDDEN');
    expectRefused(await server.inject({ method: 'GET', url }), 401, 'UNAUTHENTICATED');
    expectRefused(await call('GET', url, as.otherReviewer), 403, 'FORBIDDEN');
    expectRefused(await call('POST', `${url}/decision`, as.otherReviewer, { outcome: 'rejected', reasons: 'no' }), 403, 'FORBIDDEN');
    expectRefused(await call('POST', `${url}/decision`, as.recorder, { outcome: 'rejected', reasons: 'no' }), 403, 'FORBIDDEN');
    expectRefused(await call('POST', `${url}/decision`, as.listed, { outcome: 'rejected', reasons: 'no' }), 403, 'FORBIDDEN');
    expectRefused(await call('POST', '/v1/objections', as.other, { subject: { record: records['OBJ-LISTED'] }, grounds: 'not mine' }), 403, 'FORBIDDEN');
    expect((await call('GET', url, as.reviewer)).statusCode).toBe(200);
    expect((await call('GET', '/v1/queues/objections', as.otherReviewer)).json().items).toEqual([]);
  });

  it('objects to a list entry: the facts behind it are disputed, the list’s authority decides', async () => {
    const res = await call('POST', '/v1/objections', as.listedToo, { subject: { list: 'samr-serious-illegal-dishonest' }, grounds: '不应列入' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ subject: 'list:samr-serious-illegal-dishonest', recordIds: [records['OBJ-LISTED-TOO']], authority: 'gd-samr' });
    expect(await check(LISTED_TOO)).toMatchObject({ decision: 'review', disputed: true });
    expectRefused(await call('POST', '/v1/objections', as.fined, { subject: { list: 'samr-serious-illegal-dishonest' }, grounds: 'x' }), 409, 'CONFLICT');
    expectRefused(await call('POST', '/v1/objections', as.fined, { subject: { list: 'no-such-list' }, grounds: 'x' }), 404, 'NOT_FOUND');
  });

  it('refuses an objection after the window its notice stated', async () => {
    const res = await call('POST', '/v1/objections', as.debtor, { subject: { record: records['CHK-COURT-1'] }, grounds: '已履行' });
    expectRefused(res, 409, 'OBJECTION_DEADLINE_PASSED');
    expect(res.json().detail).toMatch(/ended on 2025-09-30 \(60 calendar days under gd-social-credit-regulations\)/);
    expectRefused(await call('POST', '/v1/objections', as.debtor, { subject: { list: 'court-dishonest-judgment-debtors' }, grounds: '已履行' }), 409, 'OBJECTION_DEADLINE_PASSED');
  });

  it('queues open objections of the reviewer’s authority by due date, flagged overdue once past it', async () => {
    const queue = async () => (await call('GET', '/v1/queues/objections', as.reviewer)).json().items as { id: string; dueOn: string; overdue: boolean }[];
    const items = await queue();
    expect(items.map((o) => o.dueOn)).toEqual([...items.map((o) => o.dueOn)].sort());
    expect(items.map((o) => o.id)).toContain(listedObjection.id);
    expect(items.every((o) => !o.overdue)).toBe(true);
    now = new Date('2026-12-17T15:00:00Z'); // 2026-12-17 23:00 in the GBA: the due date itself
    expect((await queue()).every((o) => !o.overdue)).toBe(true);
    now = new Date('2026-12-17T16:00:00Z'); // 2026-12-18 00:00 in the GBA
    expect((await queue()).every((o) => o.overdue)).toBe(true);
    expect((await call('GET', `/v1/objections/${listedObjection.id}`, as.listed)).json().overdue).toBe(true);
    now = TEST_NOW;
  });

  it('upheld with revocation: the very next check no longer has the measure, the report no longer the record', async () => {
    const res = await call('POST', `/v1/objections/${listedObjection.id}/decision`, as.reviewer, { outcome: 'upheld', action: 'revoke', reasons: '事实认定错误，撤销处罚' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'decided', decision: { outcome: 'upheld', action: 'revoke', reasons: '事实认定错误，撤销处罚', decidedAt: TEST_NOW.toISOString() } });
    expect(await check(LISTED)).toMatchObject({ decision: 'allow', measures: [], disputed: false });
    const r = await report(LISTED);
    expect(r.records).toEqual([]);
    expect(r.lists).toEqual([]);
    const [row] = await queryRows<{ status: string; disputed: boolean }>(t.app.database.db, sql`select status, disputed from records where id = ${records['OBJ-LISTED']}`);
    expect(row).toEqual({ status: 'revoked', disputed: false });
    expectRefused(await call('POST', `/v1/objections/${listedObjection.id}/decision`, as.reviewer, { outcome: 'rejected', reasons: 'again' }), 409, 'CONFLICT');
    const [entry] = await queryRows<{ detail: Record<string, unknown> }>(t.app.database.db, sql`select detail from audit_log where action = 'objection.decide' and subject = ${`objection:${listedObjection.id}`}`);
    expect(entry!.detail).toMatchObject({ outcome: 'upheld', action: 'revoke', before: expect.stringMatching(/^[0-9a-f]{64}$/), after: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('rejected: the dispute is cleared at once and the entity sees the reasons', async () => {
    const [open] = (await call('GET', '/v1/me/objections', as.fined)).json().items;
    expect(await reportRecord(FINED, 'OBJ-FINED')).toMatchObject({ disputed: true });
    const res = await call('POST', `/v1/objections/${open.id}/decision`, as.reviewer, { outcome: 'rejected', reasons: '罚款记录无误' });
    expect(res.statusCode).toBe(200);
    expect(await reportRecord(FINED, 'OBJ-FINED')).toMatchObject({ disputed: false, status: 'active' });
    const [mine] = (await call('GET', '/v1/me/objections', as.fined)).json().items;
    expect(mine).toMatchObject({ id: open.id, status: 'decided', overdue: false, decision: { outcome: 'rejected', reasons: '罚款记录无误' } });
  });

  it(`stores ${CONCURRENT} objections filed at once exactly once each, the audit chain intact`, async () => {
    const ids = Array.from({ length: CONCURRENT }, (_, i) => records[`OBJ-MANY-${i}`]!);
    const responses = await Promise.all(
      ids.map((id, i) => call('POST', '/v1/objections', as.many, { subject: { record: id }, grounds: `异议 ${i}` }, { 'idempotency-key': `many-${i}` })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(ids.map(() => 201));
    expect(new Set(responses.map((r) => r.json().id)).size).toBe(CONCURRENT);
    const [counts] = await queryRows<{ objections: number; subjects: number; audited: number; disputed: number }>(
      t.app.database.db,
      sql`select (select count(*)::int from objections o join entities e on e.id = o.entity_id where o.subject like 'record:%' and o.record_ids <@ ${JSON.stringify(ids)}::jsonb) as objections,
                 (select count(distinct subject)::int from objections where record_ids <@ ${JSON.stringify(ids)}::jsonb) as subjects,
                 (select count(*)::int from audit_log where action = 'objection.file') as audited,
                 (select count(*)::int from records where source_id like 'OBJ-MANY-%' and disputed) as disputed`,
    );
    expect(counts).toMatchObject({ objections: CONCURRENT, subjects: CONCURRENT, disputed: CONCURRENT });
    expect(counts!.audited).toBe(CONCURRENT + 3);
    expect(await t.app.audit.verify()).toMatchObject({ ok: true });
  }, 120_000);
});
