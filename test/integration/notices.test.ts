/**
 * Notices and webhooks end to end on the checks fixture (test date 2026-11-27): notices served once for
 * imported and recorded adverse records and list entries, with everything BRIEF §1.7 says they state; each
 * entity sees only its own inbox; webhooks are delivered to a real receiver on 127.0.0.1, signed, retried
 * after a failure, and nothing served before a webhook exists is lost.
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxService } from '../../src/services/outbox-service.js';
import { queryRows } from '../../src/store/database.js';
import { enqueue, NO_WEBHOOK } from '../../src/store/outbox-repository.js';
import { outbox } from '../../src/store/schema.js';
import { bearer, createTestServer, TEST_NOW, type TestApp } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const SUSPENDED = 'uscc:91440101MA5CXXX01D'; // serious SAMR penalty of 2026-11-20 (CHK-SAMR-1): list entry pending until 2026-12-05
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // court enforcement of 2025-08-01: dishonest judgment debtor
const AEO = 'uscc:91440101MA5CXXX03K'; // an advanced-certified customs rating: nothing adverse
const CLEAN = 'uscc:91440101MA5CXXX05R'; // no records

interface Delivery {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that records what it gets and answers 500 to the first request on `/flaky`. */
async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  let flakyFailed = false;
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      deliveries.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const fail = request.url === '/flaky' && !flakyFailed;
      if (fail) flakyFailed = true;
      response.writeHead(fail ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    deliveries,
    close: () => new Promise((resolve) => receiver.close(() => resolve())),
  };
}

/** Verifies `Credence-Signature` as a receiver would, over the raw body. */
function signatureValid(delivery: Delivery, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers['credence-signature']));
  if (!match) return false;
  return createHmac('sha256', secret).update(`${match[1]}.${delivery.body}`).digest('hex') === match[2];
}

describe('notices', () => {
  let t: TestApp & { server: FastifyInstance };
  let server: FastifyInstance;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let keys: Record<'suspended' | 'debtor' | 'aeo' | 'clean' | 'recorder', { authorization: string }>;
  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestServer([fixture('checks.ndjson')]);
    server = t.server;
    keys = {
      suspended: await bearer(t.app, { role: 'entity', label: 'suspended', entity: SUSPENDED }),
      debtor: await bearer(t.app, { role: 'entity', label: 'debtor', entity: DEBTOR }),
      aeo: await bearer(t.app, { role: 'entity', label: 'aeo', entity: AEO }),
      clean: await bearer(t.app, { role: 'entity', label: 'clean', entity: CLEAN }),
      recorder: await bearer(t.app, { role: 'officer', label: 'samr recorder', authority: 'gd-samr', duties: ['recorder'] }),
    };
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const inbox = async (as: { authorization: string }, query = '') => {
    const res = await server.inject({ method: 'GET', url: `/v1/me/notices${query}`, headers: as });
    expect(res.statusCode).toBe(200);
    return res.json() as { items: { id: number; subject: string; kind: string; readAt: string | null; content: Record<string, any> }[]; next: string | null };
  };
  const recordId = async (sourceId: string) =>
    Number((await queryRows<{ id: number | string }>(t.app.database.db, sql`select id from records where source_id = ${sourceId}`))[0]!.id);

  it('serves an imported adverse record and its list entry together, stating what, why, basis, period, objection deadline and remedies', async () => {
    const id = await recordId('CHK-SAMR-1');
    const { items } = await inbox(keys.suspended);
    expect(items.map((n) => n.subject).sort()).toEqual([`list:samr-serious-illegal-dishonest:2026-12-05`, `record:${id}`]);
    const record = items.find((n) => n.kind === 'record')!;
    expect(record.content).toEqual({
      what: {
        title: '生产销售不合格产品，责令停业整顿',
        authority: 'gd-samr',
        record: { id: String(id), sourceId: 'CHK-SAMR-1', category: 'penalty', decisionNo: '穗市监罚〔2026〕1号', decidedOn: '2026-11-20' },
      },
      why: [{ recordId: String(id), sourceId: 'CHK-SAMR-1', originNode: 'gd', category: 'penalty', decidedOn: '2026-11-20', disputed: false }],
      legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第九条' }],
      // Order 36, serious: published 1 to 3 years.
      period: { from: '2026-11-20', until: '2029-11-20', regime: 'ndrc-order-36' },
      objection: { deadline: '2027-01-19', days: 60, unit: 'calendar', rule: 'gd-social-credit-regulations' },
      remedies: {
        repairable: true,
        repairFrom: '2027-11-20',
        repairConditions: [
          'minimum publicity period served: the minimum publicity period of ndrc-order-36',
          expect.stringContaining('obligations fulfilled'),
          expect.stringContaining('credit commitment (信用承诺书)'),
        ],
        earlyRemovalConditions: [],
      },
    });
    const list = items.find((n) => n.kind === 'list')!;
    expect(list.content).toMatchObject({
      what: { authority: 'gd-samr', list: { id: 'samr-serious-illegal-dishonest', kind: 'serious-dishonesty', name: { zh: '市场监督管理严重违法失信名单' } } },
      why: [{ sourceId: 'CHK-SAMR-1' }],
      legalBasis: expect.arrayContaining([expect.objectContaining({ instrument: expect.stringContaining('SAMR Order No. 44') })]),
      period: { from: '2026-12-05', until: '2029-11-20', state: 'pending', triggeredOn: '2026-11-20' },
      objection: { deadline: '2027-02-03', days: 60, unit: 'calendar' },
      remedies: { repairable: true, earlyRemovalFrom: '2027-12-05', earlyRemovalConditions: expect.arrayContaining(['removed the harmful effects']) },
    });
  });

  it('serves each notice once, however often the entities change', async () => {
    const before = await queryRows<{ n: number | string }>(t.app.database.db, sql`select count(*) as n from notices`);
    await t.app.imports.importFiles([fixture('checks.ndjson')]);
    const ids = (await queryRows<{ entity_id: string }>(t.app.database.db, sql`select distinct entity_id from records`)).map((r) => r.entity_id);
    expect(await t.app.notices.serve(ids)).toBe(0);
    const after = await queryRows<{ n: number | string }>(t.app.database.db, sql`select count(*) as n from notices`);
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
    expect((await inbox(keys.aeo)).items).toEqual([]);
  });

  it('serves a notice for a record an officer records through the API, before the answer', async () => {
    const res = await server.inject({
      method: 'POST',
      url: '/v1/records',
      headers: keys.recorder,
      payload: {
        sourceId: 'API-DISCLOSURE-1',
        subject: CLEAN,
        category: 'disclosure-default',
        domain: 'market',
        authority: 'gd-samr',
        decisionNo: '穗市监异〔2026〕7号',
        decidedOn: '2026-11-26',
        legalBasis: [{ instrument: '企业信息公示暂行条例', article: '第十七条' }],
        summary: '未按规定报送年度报告',
      },
    });
    expect(res.statusCode).toBe(201);
    const { items } = await inbox(keys.clean);
    expect(items.map((n) => n.subject).sort()).toEqual([`list:samr-abnormal-operations:2026-12-07`, `record:${res.json().id}`]);
    const record = items.find((n) => n.kind === 'record')!;
    expect(record.content).toMatchObject({
      what: { title: '未按规定报送年度报告', record: { sourceId: 'API-DISCLOSURE-1' } },
      period: { from: '2026-11-26' },
      objection: { deadline: '2027-01-25' },
      // No publicity regime covers disclosure defaults: the record ends by its authority; the list entry is repaired.
      remedies: { repairable: false, notRepairableReason: expect.stringContaining('no publicity regime'), repairConditions: [] },
    });
    const list = items.find((n) => n.kind === 'list')!;
    expect(list.content).toMatchObject({
      what: { list: { kind: 'watch' } },
      period: { state: 'pending', from: '2026-12-07' },
      remedies: { repairable: true, repairConditions: expect.arrayContaining([expect.stringContaining('cure the cause')]) },
    });
  });

  it('shows each entity only its own notices, newest first, a page at a time', async () => {
    const own = await inbox(keys.debtor);
    expect(own.items.length).toBe(2);
    expect(own.items.every((n) => n.content['why'].every((f: { sourceId: string }) => f.sourceId === 'CHK-COURT-1'))).toBe(true);
    expect(own.items[0]!.id).toBeGreaterThan(own.items[1]!.id);
    const suspended = await inbox(keys.suspended);
    const foreignIds = new Set(suspended.items.map((n) => n.id));
    expect(own.items.some((n) => foreignIds.has(n.id))).toBe(false);

    const first = await inbox(keys.debtor, '?limit=1');
    expect(first.items).toHaveLength(1);
    const second = await inbox(keys.debtor, `?limit=1&after=${first.next}`);
    expect(second.items.map((n) => n.id)).toEqual([own.items[1]!.id]);

    const stolen = await server.inject({ method: 'POST', url: `/v1/me/notices/${suspended.items[0]!.id}/read`, headers: keys.debtor });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).not.toHaveProperty('content');
    for (const [as, status] of [[keys.recorder, 403], [undefined, 401]] as const) {
      const res = await server.inject({ method: 'GET', url: '/v1/me/notices', ...(as ? { headers: as } : {}) });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).not.toHaveProperty('items');
    }
  });

  it('marks a notice read', async () => {
    const [notice] = (await inbox(keys.debtor)).items;
    const res = await server.inject({ method: 'POST', url: `/v1/me/notices/${notice!.id}/read`, headers: keys.debtor });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: notice!.id, readAt: TEST_NOW.toISOString() });
  });

  it('delivers notices served before the webhook existed, once it is registered, signed', async () => {
    // Served while no entity had a webhook, the messages were parked as they were enqueued.
    const waiting = await queryRows<{ next_attempt_at: string; last_error: string }>(
      t.app.database.db,
      sql`select next_attempt_at::text, last_error from outbox where event = 'notice.served'`,
    );
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(new Set(waiting.map((m) => `${m.next_attempt_at} ${m.last_error}`))).toEqual(new Set([`infinity ${NO_WEBHOOK}`]));
    // The dispatcher parks any other message whose owner has no webhook.
    await enqueue(t.app.database.db, [{ owner: `key:${randomUUID()}`, event: 'watch.changed', payload: {} }], TEST_NOW);
    expect(await t.app.outbox.runOnce()).toEqual({ delivered: 0, failed: 0, parked: 1 });
    expect(receiver.deliveries).toHaveLength(0);

    const set = await server.inject({ method: 'PUT', url: '/v1/me/webhook', headers: keys.suspended, payload: { url: `${receiver.url}/suspended` } });
    expect(set.statusCode).toBe(200);
    const { secret } = set.json() as { secret: string };
    expect(secret).toMatch(/^whsec_/);

    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 2, failed: 0 });
    const got = receiver.deliveries.filter((d) => d.path === '/suspended');
    expect(got).toHaveLength(2);
    for (const delivery of got) {
      expect(signatureValid(delivery, secret)).toBe(true);
      expect(signatureValid(delivery, 'whsec_wrong')).toBe(false);
      const body = JSON.parse(delivery.body);
      expect(delivery.headers['credence-event']).toBe('notice.served');
      expect(delivery.headers['credence-delivery']).toBe(String(body.id));
      expect(body).toMatchObject({ event: 'notice.served', payload: { notice: { kind: expect.any(String), content: expect.any(Object) } }, createdAt: expect.any(String) });
    }
    // Each message carries the notice exactly as the inbox shows it.
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    const payloads = got.map((d) => JSON.parse(d.body).payload as { entityId: string; notice: { id: number } });
    expect(payloads.map((p) => p.notice).sort(byId)).toEqual((await inbox(keys.suspended)).items.sort(byId));
    expect(new Set(payloads.map((p) => p.entityId)).size).toBe(1);
    // Delivered is delivered: the next round sends nothing again.
    expect(await t.app.outbox.runOnce()).toMatchObject({ delivered: 0, failed: 0 });
  });

  it('retries a delivery the receiver refused, with backoff, until it is acknowledged', async () => {
    const set = await server.inject({ method: 'PUT', url: '/v1/me/webhook', headers: keys.debtor, payload: { url: `${receiver.url}/flaky` } });
    expect(set.statusCode).toBe(200);
    const now = new Date(TEST_NOW.getTime() + 60_000);
    expect(await t.app.outbox.runOnce(now)).toMatchObject({ delivered: 1, failed: 1 });
    const [failed] = await t.app.database.db.select().from(outbox).where(eq(outbox.lastError, 'HTTP 500'));
    expect(failed).toMatchObject({ attempts: 1, deliveredAt: null });
    const wait = new Date(failed!.nextAttemptAt).getTime() - now.getTime();
    expect(wait).toBeGreaterThanOrEqual(800);
    expect(wait).toBeLessThanOrEqual(1_200);

    expect(await t.app.outbox.runOnce(now)).toMatchObject({ delivered: 0, failed: 0 });
    expect(await t.app.outbox.runOnce(new Date(now.getTime() + 1_500))).toMatchObject({ delivered: 1, failed: 0 });
    const flaky = receiver.deliveries.filter((d) => d.path === '/flaky');
    expect(flaky).toHaveLength(3);
    expect(flaky.filter((d) => d.headers['credence-delivery'] === String(failed!.id))).toHaveLength(2);
    const [done] = await t.app.database.db.select().from(outbox).where(eq(outbox.id, failed!.id));
    expect(done).toMatchObject({ attempts: 2, lastError: null, deliveredAt: expect.any(String) });
  });

  it('removes a webhook, refuses a URL that is not http(s), and audits webhook changes', async () => {
    const bad = await server.inject({ method: 'PUT', url: '/v1/me/webhook', headers: keys.aeo, payload: { url: 'ftp://example.com/hook' } });
    expect(bad.statusCode).toBe(400);
    expect((await server.inject({ method: 'DELETE', url: '/v1/me/webhook', headers: keys.debtor })).statusCode).toBe(204);
    expect((await server.inject({ method: 'DELETE', url: '/v1/me/webhook', headers: keys.debtor })).statusCode).toBe(404);
    const actions = await queryRows<{ action: string }>(t.app.database.db, sql`select action from audit_log where subject like 'webhook:%' order by seq`);
    expect(actions.map((a) => a.action)).toEqual(['webhook.set', 'webhook.set', 'webhook.delete']);
  });

  it("delivers any owner's messages exactly once when several dispatchers run at the same time", async () => {
    const owner = `key:${randomUUID()}`;
    await t.app.outbox.setWebhook(owner, `${receiver.url}/key`, 'test');
    await enqueue(t.app.database.db, Array.from({ length: 30 }, (_, i) => ({ owner, event: 'watch.changed', payload: { i } })), TEST_NOW);
    const other = new OutboxService({ database: t.app.database, clock: t.app.clock, logger: t.app.logger });
    const now = new Date(TEST_NOW.getTime() + 3_600_000);
    const rounds = await Promise.all([t.app.outbox.runOnce(now), other.runOnce(now), t.app.outbox.runOnce(now), other.runOnce(now)]);
    expect(rounds.reduce((n, r) => n + r.delivered, 0)).toBe(30);
    const ids = receiver.deliveries.filter((d) => d.path === '/key').map((d) => d.headers['credence-delivery']);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('dispatches in the background and stops cleanly', async () => {
    const res = await server.inject({
      method: 'POST',
      url: '/v1/records',
      headers: keys.recorder,
      payload: {
        sourceId: 'API-SAMR-9',
        subject: SUSPENDED,
        category: 'penalty',
        domain: 'market',
        severity: 'general',
        authority: 'gd-samr',
        decisionNo: '穗市监罚〔2026〕9号',
        decidedOn: '2026-11-25',
        legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第二十八条' }],
        summary: '虚假宣传',
        penalty: { kinds: ['fine'], amount: { value: 20000, currency: 'CNY' } },
      },
    });
    expect(res.statusCode).toBe(201);
    const before = receiver.deliveries.length;
    t.app.outbox.start();
    await expect.poll(() => receiver.deliveries.length, { timeout: 5_000, interval: 20 }).toBe(before + 1);
    await t.app.outbox.stop();
    expect(JSON.parse(receiver.deliveries.at(-1)!.body).payload.notice.subject).toBe(`record:${res.json().id}`);
  });
});
