/**
 * Asking ahead (issue 5 §4): while more pages follow, a feed answer names the next one in a `Link` header, and a
 * puller on PostgreSQL asks for it while it reads the current page, so that the partner builds the next page
 * meanwhile (on PGlite the puller's main thread is the bound and it does not ask ahead). The header is only a hint: a
 * page asked for under a cursor the signed page does not name is dropped, and the pull goes on from the signed
 * cursor.
 */
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.js';
import { queryRows } from '../../src/store/database.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { feedServes } from '../support/feed.js';
import { writeLines } from '../support/lines.js';
import { LoopbackServer } from '../support/loopback-server.js';

const PAGE_SIZE = 2;

/**
 * A relay in front of the hk node. It notes the cursor of every feed request, and holds back the body of the first
 * answer that names a next page until another feed request comes in (at most 2 s): only a puller that asks ahead
 * gets that body at once. With `mislead`, the answers name a cursor of the relay's own.
 */
class Relay extends LoopbackServer {
  readonly asked: string[] = [];
  mislead = false;
  /** Whether the next page was asked for while the held answer's body was still on its way; undefined until one was held. */
  askedAhead: boolean | undefined;
  private onRequest: (() => void) | undefined;

  constructor(private readonly target: string) {
    super();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const authorization = req.headers.authorization;
    const requested = new URL(url, 'http://relay');
    if (requested.pathname === '/v1/exchange/feed') {
      this.asked.push(requested.searchParams.get('after') ?? '');
      this.onRequest?.();
    }
    const upstream = await fetch(`${this.target}${url}`, { headers: authorization ? { authorization } : {} });
    const body = await upstream.text();
    const named = upstream.headers.get('link');
    const link = named && this.mislead ? `<?after=not-a-cursor&limit=${PAGE_SIZE}>; rel="next"` : named;
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain', ...(link ? { link } : {}) });
    if (link && this.askedAhead === undefined) {
      res.flushHeaders();
      this.askedAhead = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), 2_000);
        this.onRequest = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.onRequest = undefined;
    }
    res.end(body);
  }
}

const penalty = (sourceId: string) => ({
  type: 'record', sourceId, subject: 'hk-brn:10000002', category: 'penalty', domain: 'customs', severity: 'general', authority: 'hk-customs',
  decisionNo: `KCCC ${sourceId}`, decidedOn: '2026-10-01', legalBasis: [{ instrument: 'Import and Export Ordinance (Cap. 60)', article: 'section 18(1)(a)' }],
  summary: 'Importing unmanifested cargo', penalty: { kinds: ['fine'], amount: { value: 50_000, currency: 'HKD' } },
});
const penalties = (from: number, count: number) => Array.from({ length: count }, (_, i) => penalty(`hk-pen-${from + i}`));

describe('asking for the next feed page ahead', () => {
  let hk: TestApp;
  let gd: TestApp;
  let hkServer: FastifyInstance;
  let relay: Relay;
  let partnerKey = '';

  const gdRecords = async () =>
    (await queryRows<{ source_id: string }>(gd.app.database.db, sql`select source_id from records where origin_node = 'hk' order by id`)).map((r) => r.source_id);

  beforeAll(async () => {
    const keyDir = mkdtempSync(path.join(os.tmpdir(), 'credence-ahead-keys-'));
    hk = await createTestApp({ CREDENCE_NODE: 'hk', CREDENCE_KEY_FILE: path.join(keyDir, 'hk.json') });
    hkServer = await buildHttpServer(hk.app);
    relay = new Relay(await hkServer.listen({ host: '127.0.0.1', port: 0 }));
    partnerKey = (await hk.app.keys.create({ role: 'partner', label: 'gd node', partnerNode: 'gd' }, 'test')).key;
    await hk.app.imports.importFiles([
      writeLines([{ type: 'entity', jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: '10000002' }], names: [{ value: 'Kowloon Traders Limited', lang: 'en' }], status: 'active' }, ...penalties(1, 7)]),
    ]);
    await feedServes(hk.app.database.db);
    gd = await createTestApp({
      CREDENCE_NODE: 'gd',
      CREDENCE_PEERS: `hk=${await relay.listen()}`,
      CREDENCE_PEER_KEYS: `hk=${partnerKey}`,
      CREDENCE_EXCHANGE_PAGE_SIZE: String(PAGE_SIZE),
      CREDENCE_KEY_FILE: path.join(keyDir, 'gd.json'),
    });
  });

  afterAll(async () => {
    await relay?.close();
    await hkServer?.close();
    await gd?.close();
    await hk?.close();
  });

  it('names the next page in a Link header while more follow, and none on the last', async () => {
    const get = (after?: string) =>
      hkServer.inject({ method: 'GET', url: `/v1/exchange/feed?limit=5${after ? `&after=${after}` : ''}`, headers: { authorization: `Bearer ${partnerKey}` } });
    const first = await get();
    const { next, more } = JSON.parse(Buffer.from(first.body.split('.')[1]!, 'base64url').toString('utf8'));
    expect(more).toBe(true);
    expect(first.headers.link).toBe(`<?after=${next}&limit=5>; rel="next"`);
    const last = await get(next);
    expect(last.statusCode).toBe(200);
    expect(last.headers.link).toBeUndefined();
  });

  it('asks for the next page while it reads this one on PostgreSQL, and reads each page once', async () => {
    const result = await gd.app.replication.pull('hk');
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ pages: 4, items: 7 });
    expect(relay.askedAhead).toBe(gd.app.database.dialect === 'postgres');
    expect(relay.asked).toHaveLength(4);
    expect(new Set(relay.asked).size).toBe(4);
    expect(await gdRecords()).toEqual(penalties(1, 7).map((p) => p.sourceId));
  });

  it('drops a page asked for under a cursor the signed page does not name, and reads on from the signed one', async () => {
    await hk.app.imports.importFiles([writeLines(penalties(8, 5))]);
    await feedServes(hk.app.database.db);
    relay.asked.length = 0;
    relay.askedAhead = undefined;
    relay.mislead = true;
    const result = await gd.app.replication.pull('hk');
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({ pages: 3, items: 5 });
    expect(relay.askedAhead).toBe(gd.app.database.dialect === 'postgres');
    expect(relay.asked.includes('not-a-cursor')).toBe(gd.app.database.dialect === 'postgres');
    expect(relay.asked.filter((a) => a !== 'not-a-cursor')).toHaveLength(3);
    expect((await gd.app.replication.status())[0]).toMatchObject({ rejectedPages: 0, lastError: null });
    expect(await gdRecords()).toEqual(penalties(1, 12).map((p) => p.sourceId));
  });
});
