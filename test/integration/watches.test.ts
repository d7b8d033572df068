/**
 * Watches (issue 4 §9) and expiry by itself (§7), over HTTP (in-process) against a real database: a watch
 * over the check fixtures tells exactly the decisions that changed — on import, on policy activation, and on
 * the date alone (a sweep with a clock the test moves) — to pull page by page and through the outbox; it is
 * its key's own; its limits hold at 100,000 references.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/domain/demo-data/index.js';
import { signatureHeader } from '../../src/domain/webhooks.js';
import { buildHttpServer } from '../../src/http/server.js';
import { readPackFiles } from '../../src/policy/load-pack.js';
import type { NewKey } from '../../src/services/key-service.js';
import { queryRows } from '../../src/store/database.js';
import { createTestApp, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { writeLines } from '../support/lines.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const GD_PACK = fileURLToPath(new URL('../../policies/gd', import.meta.url));
const SUSPENDED = 'uscc:91440101MA5CXXX01D'; // serious SAMR penalty of 2026-11-20: pending until 2026-12-05, listed until 2029-11-20
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // court enforcement of 2025-08-01 owing 120,000 CNY: deny in honours
const AEO = 'aeo:AEOCN4401000003'; // customs advanced certified: allow everywhere
const OLD = 'uscc:91440101MA5CXXX04N'; // a minor penalty of 2026-09-01 inside its publicity window
const CLEAN = 'uscc:91440101MA5CXXX05R'; // no records
const UNKNOWN = 'uscc:91440101MA5CXXX06W'; // well-formed, in no register
const CONTEXTS = ['honours', 'public-procurement'];

/** A change as `GET /v1/watches/{id}/changes` and the webhook carry it. */
type Change = { seq: number; entity: { id: string; ref: string | null }; context: string; before: string; after: string; cause: string; at: string };

describe('watches and expiry', () => {
  let t: TestApp;
  let server: FastifyInstance;
  let now = TEST_NOW;
  let keyId: string;
  let service: { authorization: string };
  let other: { authorization: string };
  let honoursOnly: { authorization: string };
  let watchId: string;

  const key = async (input: NewKey) => {
    const created = await t.app.keys.create(input, 'test');
    return { id: created.id, header: { authorization: `Bearer ${created.key}` } };
  };
  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: object, payload?: object) =>
    server.inject({ method, url, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) });
  const pullAll = async (id: string, after?: string): Promise<Change[]> =>
    (await call('GET', `/v1/watches/${id}/changes?limit=1000${after ? `&after=${after}` : ''}`, service)).json().items;
  const decision = async (entity: string, context: string) =>
    (await call('POST', '/v1/checks', service, { entity, context })).json().decision;
  const cursor = async (id: string) => (await call('GET', `/v1/watches/${id}`, service)).json().lastChange ?? undefined;
  let secret: string;
  const receiver = {
    url: '',
    received: [] as { headers: IncomingHttpHeaders; body: string }[],
    server: createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        receiver.received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    }),
  };
  const outbox = () =>
    queryRows<{ owner: string; event: string; payload: unknown }>(t.app.database.db, sql`select owner, event, payload from outbox where event = 'watch.changed' order by id`);

  beforeAll(async () => {
    receiver.server.listen(0, '127.0.0.1');
    await once(receiver.server, 'listening');
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks`;
    t = await createTestApp({}, () => now);
    await t.app.imports.importFiles([fixture('checks.ndjson')]);
    server = await buildHttpServer(t.app);
    const own = await key(SERVICE_KEY);
    keyId = own.id;
    service = own.header;
    other = (await key({ ...SERVICE_KEY, label: 'another service' })).header;
    honoursOnly = (await key({ role: 'service', label: 'honours only', contexts: ['honours'] })).header;
  });
  afterAll(async () => {
    receiver.server.close();
    await server?.close();
    await t?.close();
  });

  it('creates a watch with the current decisions as baseline, listing each refused reference', async () => {
    const res = await call('POST', '/v1/watches', service, {
      label: 'suppliers',
      contexts: CONTEXTS,
      entities: [SUSPENDED, DEBTOR, AEO, OLD, CLEAN, DEBTOR.toLowerCase(), UNKNOWN, 'uscc:123'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    watchId = body.id;
    expect(body).toMatchObject({ label: 'suppliers', contexts: CONTEXTS, entities: 5, added: 5, removed: 0, rejected: 2 });
    expect(body.problems).toEqual([
      { ref: UNKNOWN, reason: `no entity ${UNKNOWN} in this node's register` },
      { ref: 'uscc:123', reason: expect.stringMatching(/invalid entity reference "uscc:123"/) },
    ]);
    const detail = (await call('GET', `/v1/watches/${watchId}`, service)).json();
    expect(detail).toMatchObject({ id: watchId, entities: 5, lastChange: null });
    expect(detail.decisions).toEqual([
      { context: 'honours', decision: 'allow', entities: 4 },
      { context: 'honours', decision: 'deny', entities: 1 },
      { context: 'public-procurement', decision: 'allow', entities: 4 },
      { context: 'public-procurement', decision: 'review', entities: 1 },
    ]);
    expect((await call('GET', '/v1/watches', service)).json().items).toEqual([expect.objectContaining({ id: watchId, entities: 5 })]);
  });

  it.each([
    ['every reference refused', 'service', { label: 'x', contexts: CONTEXTS, entities: [UNKNOWN] }, 400, 'INVALID_REQUEST'],
    ['a context beyond the key’s own', 'honoursOnly', { label: 'x', contexts: ['honours', 'customs-clearance'], entities: [CLEAN] }, 403, 'FORBIDDEN'],
    ['an unknown context', 'service', { label: 'x', contexts: ['karaoke'], entities: [CLEAN] }, 400, 'INVALID_REQUEST'],
    ['no key', 'anonymous', { label: 'x', contexts: CONTEXTS, entities: [CLEAN] }, 401, 'UNAUTHENTICATED'],
  ] as const)('refuses a watch with %s', async (_name, caller, payload, status, code) => {
    const headers = { service, honoursOnly, anonymous: {} }[caller];
    const res = await call('POST', '/v1/watches', headers, payload);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code });
  });

  it('refuses other keys: another service key finds no such watch, other roles are forbidden', async () => {
    const entityKey = (await key({ role: 'entity', label: 'clean', entity: CLEAN })).header;
    for (const [method, url, payload] of [
      ['GET', `/v1/watches/${watchId}`],
      ['GET', `/v1/watches/${watchId}/changes`],
      ['POST', `/v1/watches/${watchId}/entities`, { remove: [DEBTOR] }],
      ['DELETE', `/v1/watches/${watchId}`],
    ] as const) {
      const res = await call(method, url, other, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).not.toContain('suppliers');
      expect((await call(method, url, entityKey, payload)).statusCode).toBe(403);
    }
    expect((await call('GET', '/v1/watches', other)).json()).toEqual({ items: [] });
    expect((await call('GET', `/v1/watches/${watchId}`, service)).json()).toMatchObject({ entities: 5 });
  });

  it('sets a webhook whose secret is shown once', async () => {
    const res = await call('PUT', '/v1/watches/webhook', service, { url: receiver.url });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ url: receiver.url, secret: expect.stringMatching(/^whsec_/) });
    secret = res.json().secret;
    expect((await call('PUT', '/v1/watches/webhook', service, { url: 'ftp://x' })).statusCode).toBe(400);
    expect((await call('PUT', '/v1/watches/webhook', honoursOnly, { url: receiver.url })).statusCode).toBe(200);
    expect((await call('DELETE', '/v1/watches/webhook', honoursOnly)).statusCode).toBe(204);
  });

  it('tells an import that changes decisions, once per changed context, and nothing about unchanged ones', async () => {
    const after = await cursor(watchId);
    const file = writeLines([
      {
        type: 'record', sourceId: 'WATCH-COURT-1', subject: CLEAN, category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz',
        decisionNo: '（2026）粤0106执9号', decidedOn: '2026-01-05', legalBasis: [{ instrument: '中华人民共和国民事诉讼法', article: '第二百六十六条' }],
        summary: '未履行生效判决', court: { caseNo: '（2026）粤0106执9号', amountOwed: { value: 500_000, currency: 'CNY' } },
      },
    ]);
    await t.app.imports.importFiles([file]);
    expect(await decision(CLEAN, 'honours')).toBe('deny');
    const changes = await pullAll(watchId, after);
    expect(changes.map((c) => [c.entity.ref, c.context, c.before, c.after, c.cause])).toEqual([
      [CLEAN, 'honours', 'allow', 'deny', 'import'],
      [CLEAN, 'public-procurement', 'allow', 'review', 'import'],
    ]);
    expect(changes[0]).toMatchObject({ seq: expect.any(Number), entity: { id: expect.any(String) }, at: TEST_NOW.toISOString() });
    // Importing the same file again changes nothing, so tells nothing.
    await t.app.imports.importFiles([file]);
    expect(await pullAll(watchId, String(changes.at(-1)!.seq))).toEqual([]);
    const [message] = (await outbox()).slice(-1);
    expect(message).toEqual({ owner: `key:${keyId}`, event: 'watch.changed', payload: { watch: watchId, changes } });
    // The dispatcher delivers it, signed, to the key's webhook.
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(delivery!.headers['credence-event']).toBe('watch.changed');
    const stamp = Number(/^t=(\d+),/.exec(delivery!.headers['credence-signature'] as string)![1]);
    expect(delivery!.headers['credence-signature']).toBe(signatureHeader(secret, stamp, delivery!.body));
    expect(JSON.parse(delivery!.body)).toMatchObject({ event: 'watch.changed', payload: { watch: watchId, changes } });
  });

  it('tells a policy activation, with cause policy, and offers the changes page by page', async () => {
    const after = await cursor(watchId);
    const files = structuredClone(await readPackFiles(GD_PACK));
    (files['pack.yaml'] as { version: string }).version = '2026.2';
    type Lists = { lists: { id: string; entry: { anyOf: { record?: Record<string, unknown> }[] } }[] };
    const court = (files['lists.yaml'] as Lists).lists.find((l) => l.id === 'court-dishonest-judgment-debtors')!;
    court.entry.anyOf[0]!.record!.amountAtLeast = { value: 200_000, currency: 'CNY' }; // DEBTOR owes 120,000, CLEAN 500,000
    await t.app.policy.activate(files, 'test');
    expect(await decision(DEBTOR, 'honours')).toBe('allow');
    expect(await decision(CLEAN, 'honours')).toBe('deny');

    const first = (await call('GET', `/v1/watches/${watchId}/changes?after=${after}&limit=1`, service)).json();
    const second = (await call('GET', `/v1/watches/${watchId}/changes?after=${first.next}&limit=1`, service)).json();
    const last = (await call('GET', `/v1/watches/${watchId}/changes?after=${second.next}&limit=1`, service)).json();
    expect([...first.items, ...second.items].map((c: Change) => [c.entity.ref, c.context, c.before, c.after, c.cause])).toEqual([
      [DEBTOR, 'honours', 'deny', 'allow', 'policy'],
      [DEBTOR, 'public-procurement', 'review', 'allow', 'policy'],
    ]);
    expect(last).toEqual({ items: [], next: second.next });
    const bad = await call('GET', `/v1/watches/${watchId}/changes?after=yesterday`, service);
    expect(bad.statusCode).toBe(400);
  });

  it('adds and removes in bulk: 20,000 demo entities in and out of one watch', async () => {
    const entities = [...generateDemoData({ node: 'gd', entities: 20_000, seed: 11, today: '2026-11-27' })].filter((l) => l.type === 'entity');
    await t.app.imports.importFiles([writeLines(entities)]);
    const refs = entities.map((l) => `${l.identifiers[0]!.scheme}:${l.identifiers[0]!.value}`);
    expect(refs).toHaveLength(20_000);
    const started = Date.now();
    const added = await call('POST', `/v1/watches/${watchId}/entities`, service, { add: refs });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ entities: 20_005, added: 20_000, removed: 0, rejected: 0, problems: [] });
    const again = await call('POST', `/v1/watches/${watchId}/entities`, service, { add: [...refs.slice(0, 10), UNKNOWN] });
    expect(again.json()).toMatchObject({ entities: 20_005, added: 0, rejected: 1 });
    const removed = await call('POST', `/v1/watches/${watchId}/entities`, service, { remove: refs });
    expect(removed.json()).toEqual({ entities: 5, added: 0, removed: 20_000, rejected: 0, problems: [] });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('takes 100,000 references in one request and refuses 100,001', async () => {
    const refs = [CLEAN, ...Array.from({ length: 99_999 }, () => randomUUID())];
    const res = await call('POST', '/v1/watches', service, { label: 'large', contexts: ['honours'], entities: refs });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ entities: 1, added: 1, rejected: 99_999 });
    expect(res.json().problems).toHaveLength(1_000);
    const tooMany = await call('POST', '/v1/watches', service, { label: 'too large', contexts: ['honours'], entities: [...refs, CLEAN] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    expect((await call('POST', `/v1/watches/${res.json().id}/entities`, service, { add: [...refs, CLEAN] })).statusCode).toBe(400);
    expect((await call('DELETE', `/v1/watches/${res.json().id}`, service)).statusCode).toBe(204);
    expect((await call('GET', `/v1/watches/${res.json().id}`, service)).statusCode).toBe(404);
  });

  describe('expiry, with no one acting', () => {
    it('the public report drops a record once its publicity window has passed', async () => {
      const report = async () => (await call('GET', `/v1/entities/${OLD}/report`, {})).json();
      const { records } = await report();
      expect(records.map((r: { sourceId: string }) => r.sourceId)).toEqual(['CHK-NEW-1']);
      const until: string = records[0].publication.until;
      expect(until < '2026-12-05').toBe(true); // the tests below move the clock on from there
      now = new Date(`${until}T04:00:00Z`);
      expect((await report()).records).toEqual([]);
    });

    it('a list entry whose notice window ends takes effect: checks answer it and the sweep tells it as expiry', async () => {
      expect(await t.app.watches.sweep()).toBe(0);
      const after = await cursor(watchId);
      now = new Date('2026-12-05T04:00:00Z');
      expect(await decision(SUSPENDED, 'public-procurement')).toBe('review');
      expect(await t.app.watches.sweep()).toBe(2);
      expect((await pullAll(watchId, after)).map((c) => [c.entity.ref, c.context, c.before, c.after, c.cause, c.at])).toEqual([
        [SUSPENDED, 'honours', 'allow', 'deny', 'expiry', now.toISOString()],
        [SUSPENDED, 'public-procurement', 'allow', 'review', 'expiry', now.toISOString()],
      ]);
      expect(await t.app.watches.sweep()).toBe(0);
    });

    it('a list entry past its end stops having effects, and the sweep tells it', async () => {
      const after = await cursor(watchId);
      now = new Date('2029-11-20T04:00:00Z');
      expect(await decision(SUSPENDED, 'honours')).toBe('allow');
      await t.app.watches.sweep();
      const changes = await pullAll(watchId, after);
      expect(changes.filter((c) => c.entity.ref === SUSPENDED).map((c) => [c.context, c.before, c.after, c.cause])).toEqual([
        ['honours', 'deny', 'allow', 'expiry'],
        ['public-procurement', 'review', 'allow', 'expiry'],
      ]);
      expect(changes.every((c) => c.cause === 'expiry')).toBe(true);
    });
  });

  it('deletes a watch with its changes', async () => {
    expect((await call('DELETE', `/v1/watches/${watchId}`, service)).statusCode).toBe(204);
    expect((await call('GET', `/v1/watches/${watchId}/changes`, service)).statusCode).toBe(404);
    const [row] = await queryRows<{ n: number | string }>(t.app.database.db, sql`select count(*) as n from watch_changes`);
    expect(Number(row!.n)).toBe(0);
  });
});
