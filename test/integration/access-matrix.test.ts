/**
 * The access-control table (issue 4): every route of the API × every role × own vs other entity and own vs
 * other authority. A refused request is 401 (anonymous) or 403 with problem+json and nothing else in the
 * body; an allowed one is never 401 or 403. The table must name every route the server documents, so a new
 * route without a row here fails the test.
 *
 * Subjects: entity A (`SUSPENDED`, a gd-samr penalty) is "own" for the entity key and gd-samr officers;
 * entity B (`DEBTOR`, a gd-court-gz record) belongs to the others.
 *
 * Own vs other jurisdiction: a Hong Kong entity and its penalty, received through the exchange, sit in this gd
 * node's register. Everyone may read them; nobody here may amend them or open due process on them, not even
 * the Hong Kong entity itself (409: that is the origin node's), and a gd officer's authority does not reach
 * them. A partner key reads the feed its agreement allows and nothing else.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import { bearer, createTestServer, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { repairs } from '../../src/store/schema.js';
import { applyFeedItems } from '../../src/store/exchange-repository.js';
import { incomingOf } from '../support/feed.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const A = 'uscc:91440101MA5CXXX01D';
const B = 'uscc:91440101MA5CXXX02G';

/** Who calls: each principal of the table. */
const CALLERS = ['anonymous', 'entity', 'entity-other', 'officer', 'officer-other', 'officer-no-duty', 'policy-admin', 'service', 'partner'] as const;
type Caller = (typeof CALLERS)[number];

/** The subjects requests are about, made once before the table runs. */
interface Subjects {
  recordA: number;
  objectionA: string;
  repairA: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as OpenAPI documents it, e.g. `/v1/entities/{ref}`. */
  route: string;
  /** The concrete request, about subjects of entity A (own for `entity` and `officer`). */
  url: (s: Subjects) => string;
  body?: (s: Subjects) => unknown;
  /** Who may: everyone, or the callers named. */
  allowed: 'anyone' | readonly Caller[];
}

const anyone = 'anyone' as const;
const NO_WATCH = '00000000-0000-4000-8000-000000000000';
const NEW_RECORD = {
  sourceId: 'MATRIX-1',
  subject: A,
  category: 'penalty',
  domain: 'market',
  severity: 'minor',
  authority: 'gd-samr',
  decisionNo: '穗市监罚〔2026〕99号',
  decidedOn: '2026-11-25',
  legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第九条' }],
  summary: '警告',
  penalty: { kinds: ['warning'] },
  status: 'active',
};

const TABLE: Row[] = [
  { method: 'GET', route: '/healthz', url: () => '/healthz', allowed: anyone },
  { method: 'GET', route: '/readyz', url: () => '/readyz', allowed: anyone },
  { method: 'GET', route: '/metrics', url: () => '/metrics', allowed: anyone },
  { method: 'GET', route: '/v1/entities', url: () => `/v1/entities?q=${encodeURIComponent('广州示例')}`, allowed: anyone },
  { method: 'GET', route: '/v1/entities/{ref}', url: () => `/v1/entities/${A}`, allowed: anyone },
  { method: 'GET', route: '/v1/entities/{ref}/records', url: () => `/v1/entities/${A}/records`, allowed: anyone },
  { method: 'GET', route: '/v1/entities/{ref}/report', url: () => `/v1/entities/${A}/report`, allowed: anyone },
  { method: 'POST', route: '/v1/match', url: () => '/v1/match', body: () => ({ names: [{ value: '广州示例停业有限公司' }] }), allowed: anyone },
  {
    method: 'POST',
    route: '/v1/checks',
    url: () => '/v1/checks',
    body: () => ({ entity: A, context: 'public-procurement' }),
    allowed: ['officer', 'officer-other', 'officer-no-duty', 'policy-admin', 'service'],
  },
  {
    method: 'POST',
    route: '/v1/checks/batch',
    url: () => '/v1/checks/batch',
    body: () => ({ checks: [{ entity: A, context: 'public-procurement' }] }),
    allowed: ['officer', 'officer-other', 'officer-no-duty', 'policy-admin', 'service'],
  },
  { method: 'GET', route: '/v1/policy/pack', url: () => '/v1/policy/pack', allowed: ['policy-admin'] },
  { method: 'POST', route: '/v1/policy/simulations', url: () => '/v1/policy/simulations', body: () => ({ files: {} }), allowed: ['policy-admin'] },
  { method: 'POST', route: '/v1/policy/activations', url: () => '/v1/policy/activations', body: () => ({ files: {} }), allowed: ['policy-admin'] },
  { method: 'POST', route: '/v1/sessions', url: () => '/v1/sessions', allowed: CALLERS.filter((c) => c !== 'anonymous') },
  { method: 'GET', route: '/.well-known/jwks.json', url: () => '/.well-known/jwks.json', allowed: anyone },
  { method: 'GET', route: '/v1/entities/{ref}/report.jws', url: () => `/v1/entities/${A}/report.jws`, allowed: anyone },
  { method: 'POST', route: '/v1/reports/verify', url: () => '/v1/reports/verify', body: () => ({ jws: 'a.b.c' }), allowed: anyone },
  { method: 'GET', route: '/v1/exchange/feed', url: () => '/v1/exchange/feed?limit=10', allowed: ['partner'] },
  { method: 'GET', route: '/v1/exchange/status', url: () => '/v1/exchange/status', allowed: anyone },
  { method: 'GET', route: '/v1/transparency', url: () => '/v1/transparency', allowed: anyone },
  { method: 'GET', route: '/v1/records/{id}', url: (s) => `/v1/records/${s.recordA}`, allowed: anyone },
  { method: 'POST', route: '/v1/records', url: () => '/v1/records', body: () => NEW_RECORD, allowed: ['officer'] },
  { method: 'GET', route: '/v1/me/notices', url: () => '/v1/me/notices', allowed: ['entity', 'entity-other'] },
  { method: 'POST', route: '/v1/me/notices/{id}/read', url: () => '/v1/me/notices/1/read', allowed: ['entity', 'entity-other'] },
  { method: 'PUT', route: '/v1/me/webhook', url: () => '/v1/me/webhook', body: () => ({ url: 'http://127.0.0.1:9/hook' }), allowed: ['entity', 'entity-other'] },
  { method: 'DELETE', route: '/v1/me/webhook', url: () => '/v1/me/webhook', allowed: ['entity', 'entity-other'] },
  { method: 'POST', route: '/v1/objections', url: () => '/v1/objections', body: (s) => ({ subject: { record: s.recordA }, grounds: 'x' }), allowed: ['entity'] },
  { method: 'GET', route: '/v1/objections/{id}', url: (s) => `/v1/objections/${s.objectionA}`, allowed: ['entity', 'officer', 'officer-no-duty'] },
  { method: 'GET', route: '/v1/me/objections', url: () => '/v1/me/objections', allowed: ['entity', 'entity-other'] },
  { method: 'GET', route: '/v1/queues/objections', url: () => '/v1/queues/objections', allowed: ['officer', 'officer-other'] },
  { method: 'GET', route: '/v1/repairs/eligibility', url: (s) => `/v1/repairs/eligibility?subject=record:${s.recordA}`, allowed: ['entity'] },
  { method: 'POST', route: '/v1/repairs', url: () => '/v1/repairs', body: (s) => ({ subject: { record: s.recordA }, commitment: 'x', attachments: [] }), allowed: ['entity'] },
  { method: 'GET', route: '/v1/repairs/{id}', url: (s) => `/v1/repairs/${s.repairA}`, allowed: ['entity', 'officer', 'officer-no-duty'] },
  { method: 'GET', route: '/v1/me/repairs', url: () => '/v1/me/repairs', allowed: ['entity', 'entity-other'] },
  { method: 'GET', route: '/v1/queues/repairs', url: () => '/v1/queues/repairs', allowed: ['officer', 'officer-other'] },
  { method: 'PUT', route: '/v1/records/{id}/statement', url: (s) => `/v1/records/${s.recordA}/statement`, body: () => ({ text: 'x' }), allowed: ['entity'] },
  { method: 'DELETE', route: '/v1/records/{id}/statement', url: (s) => `/v1/records/${s.recordA}/statement`, allowed: ['entity'] },
  { method: 'GET', route: '/v1/watches', url: () => '/v1/watches', allowed: ['service'] },
  { method: 'POST', route: '/v1/watches', url: () => '/v1/watches', body: () => ({ label: 'x', contexts: ['public-procurement'], entities: [A] }), allowed: ['service'] },
  { method: 'PUT', route: '/v1/watches/webhook', url: () => '/v1/watches/webhook', body: () => ({ url: 'http://127.0.0.1:9/hook' }), allowed: ['service'] },
  { method: 'DELETE', route: '/v1/watches/webhook', url: () => '/v1/watches/webhook', allowed: ['service'] },
  { method: 'GET', route: '/v1/watches/{id}', url: () => `/v1/watches/${NO_WATCH}`, allowed: ['service'] },
  { method: 'POST', route: '/v1/watches/{id}/entities', url: () => `/v1/watches/${NO_WATCH}/entities`, body: () => ({ add: [A] }), allowed: ['service'] },
  { method: 'GET', route: '/v1/watches/{id}/changes', url: () => `/v1/watches/${NO_WATCH}/changes`, allowed: ['service'] },
  { method: 'DELETE', route: '/v1/watches/{id}', url: () => `/v1/watches/${NO_WATCH}`, allowed: ['service'] },
  // Decisions and amendments change state: last, so the rows above see the subjects as they were.
  { method: 'POST', route: '/v1/objections/{id}/decision', url: (s) => `/v1/objections/${s.objectionA}/decision`, body: () => ({ outcome: 'rejected', reasons: 'x' }), allowed: ['officer'] },
  { method: 'POST', route: '/v1/repairs/{id}/decision', url: (s) => `/v1/repairs/${s.repairA}/decision`, body: () => ({ outcome: 'refused', reasons: 'x' }), allowed: ['officer'] },
  { method: 'POST', route: '/v1/records/{id}/correction', url: (s) => `/v1/records/${s.recordA}/correction`, body: () => ({ summary: 'corrected', reason: 'x' }), allowed: ['officer'] },
  { method: 'POST', route: '/v1/records/{id}/revocation', url: (s) => `/v1/records/${s.recordA}/revocation`, body: () => ({ reason: 'x' }), allowed: ['officer'] },
  { method: 'GET', route: '/v1/sessions/current', url: () => '/v1/sessions/current', allowed: anyone },
  { method: 'DELETE', route: '/v1/sessions/current', url: () => '/v1/sessions/current', allowed: anyone },
];

/** The Hong Kong entity and penalty this gd node received from its partner hk. */
const HK = 'hk-brn:10000002';
const HK_ENTITY = { id: randomUUID(), jurisdiction: 'hk', identifiers: [{ scheme: 'hk-brn', value: '10000002' }], names: [{ value: 'Kowloon Traders Limited', lang: 'en', kind: 'legal' }] };
const HK_PENALTY = { sourceId: 'hk-pen-1', category: 'penalty', domain: 'customs', severity: 'serious', authority: 'hk-customs', decidedOn: '2026-10-01', summary: 'fine', status: 'active' };

/** Callers of the other-jurisdiction table: this node's own, and the Hong Kong entity's key here. */
const JURISDICTION_CALLERS = ['anonymous', 'entity', 'entity-foreign', 'officer', 'officer-other', 'policy-admin', 'service', 'partner'] as const;
type JurisdictionCaller = (typeof JURISDICTION_CALLERS)[number];

interface JurisdictionRow {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The request about the foreign record (its id, or `{id}` in the test's name). */
  url: (foreignRecord: number | string) => string;
  body?: (foreignRecord: number) => unknown;
  /** Who gets an answer; everyone else is refused without data (401, 403, 404 or 409). */
  allowed: 'anyone' | readonly JurisdictionCaller[];
}

const JURISDICTION_TABLE: JurisdictionRow[] = [
  { method: 'GET', url: () => `/v1/entities/${HK}`, allowed: anyone },
  { method: 'GET', url: () => `/v1/entities/${HK}/records`, allowed: anyone },
  { method: 'GET', url: () => `/v1/entities/${HK}/report`, allowed: anyone },
  { method: 'GET', url: (r) => `/v1/records/${r}`, allowed: anyone },
  { method: 'POST', url: () => '/v1/checks', body: () => ({ entity: HK, context: 'public-procurement' }), allowed: ['officer', 'officer-other', 'policy-admin', 'service'] },
  { method: 'POST', url: () => '/v1/objections', body: (r) => ({ subject: { record: r }, grounds: 'not us' }), allowed: [] },
  { method: 'GET', url: (r) => `/v1/repairs/eligibility?subject=record:${r}`, allowed: [] },
  { method: 'POST', url: () => '/v1/repairs', body: (r) => ({ subject: { record: r }, commitment: 'x', attachments: [] }), allowed: [] },
  { method: 'POST', url: (r) => `/v1/records/${r}/correction`, body: () => ({ summary: 'corrected', reason: 'x' }), allowed: [] },
  { method: 'POST', url: (r) => `/v1/records/${r}/revocation`, body: () => ({ reason: 'x' }), allowed: [] },
  { method: 'POST', url: () => '/v1/records', body: () => ({ ...NEW_RECORD, sourceId: 'MATRIX-HK', subject: HK, authority: 'hk-customs' }), allowed: [] },
];

describe('access control: every route × every role × own and other subjects', () => {
  let t: TestApp & { server: FastifyInstance };
  const headers = {} as Record<Caller | JurisdictionCaller, Record<string, string>>;
  let subjects: Subjects;

  beforeAll(async () => {
    t = await createTestServer([fixture('checks.ndjson')], { CREDENCE_KEY_FILE: path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-keys-')), 'node-keys.json') });
    const key = (k: Parameters<typeof bearer>[1]) => bearer(t.app, k);
    headers.anonymous = {};
    headers.entity = await key({ role: 'entity', label: 'A', entity: A });
    headers['entity-other'] = await key({ role: 'entity', label: 'B', entity: B });
    headers.officer = await key({ role: 'officer', label: 'samr', authority: 'gd-samr', duties: ['recorder', 'reviewer'] });
    headers['officer-other'] = await key({ role: 'officer', label: 'court', authority: 'gd-court-gz', duties: ['recorder', 'reviewer'] });
    headers['officer-no-duty'] = await key({ role: 'officer', label: 'samr reader', authority: 'gd-samr' });
    headers['policy-admin'] = await key({ role: 'policy-admin', label: 'policy' });
    headers.service = await key({ ...SERVICE_KEY, contexts: [...MEASURE_CONTEXTS] });
    headers.partner = await key({ role: 'partner', label: 'hk', partnerNode: 'hk' });
    const received = await t.app.database.transaction((tx) =>
      applyFeedItems(tx, 'hk', incomingOf([{ op: 'upsert', version: '1', entity: HK_ENTITY, record: HK_PENALTY }])),
    );
    await t.app.changes.publish({ register: received.createdEntityIds, records: received.entityIds, cause: 'exchange' });
    headers['entity-foreign'] = await key({ role: 'entity', label: 'kowloon', entity: HK });
    const records = (await t.app.entities.records(A, { limit: 10 })).items;
    const recordA = records[0]!.id;
    const filed = await t.server.inject({ method: 'POST', url: '/v1/objections', headers: headers.entity, payload: { subject: { record: recordA }, grounds: 'matrix' } });
    // A's records are not repairable yet (a minimum publicity period applies), so the application is written directly.
    const repairA = randomUUID();
    await t.app.database.db.insert(repairs).values({
      id: repairA,
      entityId: await t.app.entities.resolve(A),
      subject: `record:${recordA}`,
      recordIds: [recordA],
      authority: 'gd-samr',
      conditions: [],
      commitment: 'x',
      attachmentIds: [],
      status: 'open',
      filedAt: TEST_NOW.toISOString(),
      dueOn: '2026-12-11',
    });
    subjects = { recordA, objectionA: filed.json().id, repairA };
  });
  afterAll(async () => {
    await t?.close();
  });

  const send = (row: Row, caller: Caller) =>
    t.server.inject({
      method: row.method,
      url: row.url(subjects),
      headers: headers[caller],
      ...(row.body ? { payload: row.body(subjects) as object } : {}),
    });

  it('has a row for every documented route', async () => {
    const documented = Object.entries((t.server.swagger() as { paths: Record<string, object> }).paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(TABLE.map((r) => `${r.method} ${r.route}`).sort()).toEqual(documented.sort());
  });

  const refusals = TABLE.flatMap((row) => CALLERS.filter((c) => row.allowed !== anyone && !row.allowed.includes(c)).map((c) => [`${row.method} ${row.route}`, c, row] as const));
  it.each(refusals)('%s refuses %s without data', async (_name, caller, row) => {
    const res = await send(row, caller);
    expect(res.statusCode).toBe(caller === 'anonymous' ? 401 : 403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
  });

  const permitted = TABLE.flatMap((row) => CALLERS.filter((c) => row.allowed === anyone || row.allowed.includes(c)).map((c) => [`${row.method} ${row.route}`, c, row] as const));
  it.each(permitted)('%s lets %s through', async (_name, caller, row) => {
    const res = await send(row, caller);
    expect([401, 403]).not.toContain(res.statusCode);
  });

  describe('other jurisdiction: a Hong Kong record received from the partner', () => {
    let foreignRecord: number;
    beforeAll(async () => {
      foreignRecord = (await t.app.entities.records(HK, { limit: 10 })).items[0]!.id;
    });
    const sendForeign = (row: JurisdictionRow, caller: JurisdictionCaller) =>
      t.server.inject({
        method: row.method,
        url: row.url(foreignRecord),
        headers: headers[caller],
        ...(row.body ? { payload: row.body(foreignRecord) as object } : {}),
      });
    const cases = JURISDICTION_TABLE.flatMap((row) =>
      JURISDICTION_CALLERS.map((c) => [`${row.method} ${row.url('{id}')}`, c, row, row.allowed === anyone || row.allowed.includes(c)] as const),
    );
    it.each(cases)('%s as %s', async (_name, caller, row, allowed) => {
      const before = await t.app.entities.records(HK, { limit: 10 });
      const res = await sendForeign(row, caller);
      if (allowed) {
        expect(res.statusCode).toBeLessThan(300);
        return;
      }
      expect([401, 403, 404, 409]).toContain(res.statusCode);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(Object.keys(body).filter((k) => k !== 'errors').sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
      expect(await t.app.entities.records(HK, { limit: 10 })).toEqual(before);
    });

    it('serves a partner only what its agreement allows, and never another node\'s records', async () => {
      const feed = await t.server.inject({ method: 'GET', url: '/v1/exchange/feed?limit=1000', headers: headers.partner });
      expect(feed.statusCode).toBe(200);
      const items = (JSON.parse(Buffer.from(feed.body.split('.')[1]!, 'base64url').toString()) as { items: { record?: { category: string; sourceId: string } }[] }).items;
      // gd's demo agreement with hk shares penalties and ratings only, and hk's own records are not gd's to share.
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.record === undefined || ['penalty', 'rating'].includes(i.record.category))).toBe(true);
      expect(items.some((i) => i.record?.sourceId === HK_PENALTY.sourceId)).toBe(false);
    });
  });
});
