/**
 * Hostile input (issue 8 §1): seeded, generated requests to every route the server documents, as every kind of
 * caller — wrong types, huge and deeply nested bodies, invalid UTF-8, control characters, SQL and path-traversal
 * strings, out-of-range dates, identifiers with wrong check characters, bodies of the wrong media type. Nothing
 * answers 5xx, every refusal is problem+json naming the problem, and the database is exactly as it was. Then
 * the same kinds of lines through `credence import`, as NDJSON and as CSV: every one rejected with its reason,
 * nothing written to the register.
 */
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestServer, type TestApp } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const SEED = 20261127;
const REQUESTS = Number(process.env.CREDENCE_FUZZ_REQUESTS ?? 10_000);

/** Strings that have broken servers before. */
const HOSTILE = [
  "' or '1'='1", "'; drop table records; --", '%zz', '%E0%A4%A', '%ff%fe%00', '%2e%2e%2f%2e%2e%2f', '1; select pg_sleep(10)', '") or 1=1 --', '$1', '%', '_', '\\',
  '../../../../etc/passwd', '..%2f..%2fetc%2fpasswd', '/dev/blob', 'file:///etc/passwd', 'C:\\Windows\\win.ini',
  '\u0000', 'a\u0000b', '\u0007\u0008\u001b[31m', '\r\nX-Injected: 1', '\u202e\u2066', '\ud800', '\udfff\ud800', '\ufeff',
  '<script>alert(1)</script>', '${jndi:ldap://127.0.0.1/x}', '{{7*7}}', '__proto__', 'constructor', 'prototype',
  '-1', '0', '1e309', 'NaN', 'Infinity', '99999999999999999999999', '-9223372036854775809', '0x7fffffff', '١٢٣',
  '2026-02-30', '0000-00-00', '9999-12-31', '-000001-01-01', '2026-13-01T25:61:61Z', '+275760-09-13', '1970-01-01T00:00:00.000Z',
  'uscc:91440101MA5CXXX01X', 'uscc:92440101MA5CXXX01D', 'uscc:ＩＯＳＺＶ', 'hk-brn:1234', 'hk-brn:１２３４５６７８', 'lei:5493001KJTIIGC8Y1R13',
  'mo-reg:', 'aeo:', ':', 'scheme:value:extra', 'record:', 'list:', 'record:-1', 'record:99999999999999999999',
  '招商银行有限公司'.repeat(40), '𠜎𠜱𠝹'.repeat(300), 'x'.repeat(70_000),
];

/** Fields that request bodies of this API carry, to reach past the first "unknown field" check. */
const FIELDS = [
  'entity', 'context', 'at', 'items', 'q', 'names', 'identifiers', 'jurisdiction', 'subject', 'record', 'list', 'grounds', 'reason',
  'decision', 'text', 'url', 'secret', 'key', 'sourceId', 'category', 'domain', 'severity', 'authority', 'decisionNo', 'decidedOn',
  'legalBasis', 'summary', 'penalty', 'rating', 'court', 'status', 'commitment', 'evidence', 'attachments', 'contexts', 'entities',
  'version', 'pack', 'files', 'label', 'role', 'value', 'lang', 'limit', 'after',
];

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

const scalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-0), fc.bigInt().map(String));

/** Objects with this API's field names and values of any type, nested. */
const shapedObject = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileString), tie('value'), { maxKeys: 6 }),
})).object;

/** A JSON text nested `depth` levels deep. */
const deeplyNested = fc.integer({ min: 500, max: 20_000 }).chain((depth) =>
  fc.constantFrom('[', '{"entity":').map((open) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth)),
);

/** A path segment for `value`: percent-encoded as UTF-8 (lone surrogates too), or raw when it is itself a broken escape. */
function pathSegment(value: string): string {
  if (/^%/.test(value) && !/[/?#]/.test(value)) return value;
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
}

type Body = { payload: string | Buffer; contentType?: string } | undefined;

const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant(undefined),
  shapedObject.map((o) => ({ payload: JSON.stringify(o), contentType: 'application/json' })),
  fc.jsonValue({ maxDepth: 5 }).map((v) => ({ payload: JSON.stringify(v), contentType: 'application/json' })),
  deeplyNested.map((text) => ({ payload: text, contentType: 'application/json' })),
  fc.uint8Array({ minLength: 1, maxLength: 256 }).map((bytes) => ({ payload: Buffer.concat([Buffer.from('{"q":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(bytes), Buffer.from('"}')]), contentType: 'application/json' })),
  hostileString.map((text) => ({ payload: text, contentType: 'application/json' })),
  hostileString.map((text) => ({ payload: text, contentType: 'text/plain' })),
  hostileString.map((text) => ({ payload: text, contentType: 'multipart/form-data; boundary=x' })),
  hostileString.map((text) => ({ payload: text, contentType: 'application/x-www-form-urlencoded' })),
  fc.constant({ payload: 'x'.repeat((1 << 20) + 10), contentType: 'application/json' }),
);

const CALLERS = ['anonymous', 'entity', 'officer', 'policy-admin', 'service', 'partner'] as const;
type Caller = (typeof CALLERS)[number];

interface Route {
  method: string;
  path: string;
  params: string[];
  query: string[];
}

/** Every row count and the audit chain's head: any write shows. */
async function snapshot(t: TestApp): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_name: string }>(
    t.app.database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [row] = await queryRows<{ n: number | string }>(t.app.database.db, sql`select count(*) as n from ${sql.identifier(table_name)}`);
    counts[table_name] = Number(row!.n);
  }
  const [head] = await queryRows<{ seq: number | string | null }>(t.app.database.db, sql`select max(seq) as seq from audit_log`);
  counts['audit_log.head'] = Number(head!.seq ?? 0);
  return counts;
}

describe('hostile input', () => {
  let t: TestApp & { server: FastifyInstance };
  let routes: Route[];
  const headers: Partial<Record<Caller, { authorization: string }>> = {};

  beforeAll(async () => {
    // Anonymous requests are thousands from one address here: the address limit (rate-limit.test.ts) would refuse most.
    t = await createTestServer([fixture('checks.ndjson')], { CREDENCE_RATE_LIMIT_PER_ADDRESS: '0' });
    headers.entity = await bearer(t.app, { role: 'entity', label: 'fuzz', entity: 'uscc:91440101MA5CXXX01D' });
    headers.officer = await bearer(t.app, { role: 'officer', label: 'fuzz', authority: 'gd-samr', duties: ['recorder', 'reviewer'] });
    headers['policy-admin'] = await bearer(t.app, { role: 'policy-admin', label: 'fuzz' });
    headers.service = await bearer(t.app, { role: 'service', label: 'fuzz', contexts: [...MEASURE_CONTEXTS] });
    headers.partner = await bearer(t.app, { role: 'partner', label: 'fuzz', partnerNode: 'hk' });
    type Operation = { parameters?: { in: string; name: string }[] };
    const paths = (t.server.swagger() as { paths: Record<string, Record<string, Operation>> }).paths;
    routes = Object.entries(paths).flatMap(([p, operations]) =>
      Object.entries(operations).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: p,
        params: [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: (op.parameters ?? []).filter((q) => q.in === 'query').map((q) => q.name),
      })),
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it(`answers ${REQUESTS.toLocaleString('en-US')} generated requests to every route without a 5xx, each refusal problem+json, and changes nothing`, async () => {
    expect(routes.length).toBeGreaterThan(40);
    const before = await snapshot(t);
    const request = fc.record({
      route: fc.constantFrom(...routes),
      caller: fc.constantFrom(...CALLERS),
      params: fc.array(hostileString, { minLength: 3, maxLength: 3 }),
      query: fc.dictionary(fc.oneof(fc.constantFrom('q', 'limit', 'after', 'at', 'jurisdiction', 'context', 'status', 'partner'), hostileString), hostileString, { maxKeys: 4 }),
      body,
    });
    const statuses = new Map<number, number>();
    const writes: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async ({ route, caller, params, query, body: sent }) => {
        const url = route.params.reduce((u, name, i) => u.replace(`{${name}}`, pathSegment(params[i]!)), route.path);
        const res = await t.server.inject({
          method: route.method as 'GET',
          url,
          query,
          headers: { ...headers[caller], ...(sent?.contentType ? { 'content-type': sent.contentType } : {}) },
          ...(sent && route.method !== 'GET' ? { payload: sent.payload } : {}),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const what = `${route.method} ${url.slice(0, 120)} (${caller}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/);
          const problem = res.json();
          expect(problem, what).toMatchObject({ status: res.statusCode, code: expect.any(String), detail: expect.any(String) });
          expect(problem.detail.length).toBeGreaterThan(0);
        } else if (route.method !== 'GET') {
          writes.push(`${route.method} ${route.path} → ${res.statusCode}`);
        }
      }),
      { seed: SEED, numRuns: REQUESTS, endOnFailure: true },
    );
    // Answers that were not refusals are reads, or sessions opened or closed with a valid key (any body is ignored):
    // nothing else may have been written.
    const sessions = writes.filter((w) => w.startsWith('POST /v1/sessions ')).length;
    expect(writes.filter((w) => !w.startsWith('POST /v1/sessions ') && !/^(POST \/v1\/(reports\/verify|match|checks(\/batch)?)|DELETE \/v1\/sessions\/current) /.test(w))).toEqual([]);
    expect(await snapshot(t)).toEqual({ ...before, sessions: before.sessions! + sessions });
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 10);
    process.stdout.write(`fuzz: ${REQUESTS} requests over ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; accepted writes ${writes.length}\n`);
  });

  it('rejects every hostile import line, as NDJSON and as CSV, with its reason, and writes nothing to the register', async () => {
    const before = await snapshot(t);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-fuzz-import-'));
    const lines = fc.sample(
      fc.oneof(
        shapedObject.map((o) => JSON.stringify({ type: 'record', ...o })),
        shapedObject.map((o) => JSON.stringify({ type: 'entity', ...o })),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        deeplyNested,
        hostileString.map((s) => s.replace(/[\r\n]/g, ' ')),
      ),
      { seed: SEED, numRuns: 2_000 },
    ).filter((line) => line.trim() !== '');
    const ndjson = path.join(dir, 'hostile.ndjson');
    // Invalid UTF-8 between the lines, too.
    writeFileSync(ndjson, Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0xff, 0xfe, 0x0a, 0xc3, 0x28, 0x0a])]));
    const ndjsonRun = await t.app.imports.importFiles([ndjson]);
    expect(ndjsonRun.rejected).toBe(ndjsonRun.lines);
    expect(ndjsonRun.lines).toBe(lines.length + 2);

    const cells = fc.sample(fc.array(hostileString, { minLength: 1, maxLength: 12 }), { seed: SEED, numRuns: 500 });
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = path.join(dir, 'hostile.csv');
    writeFileSync(csv, ['type,sourceId,subject,category,domain,severity,authority,decisionNo,decidedOn,summary,status,legalBasis', ...cells.map((row) => ['record', ...row].map(csvCell).join(','))].join('\n') + '\n');
    const csvRun = await t.app.imports.importFiles([csv]);
    expect(csvRun.rejected).toBe(csvRun.lines);

    const after = await snapshot(t);
    for (const table of ['entities', 'identifiers', 'entity_names', 'records', 'notices']) expect(after[table], table).toBe(before[table]);
  });
});
