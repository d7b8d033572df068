/**
 * Exchange between real nodes on 127.0.0.1 (issue 5 §2–5): an hk node serves its signed feed, a gd node pulls it
 * through a small proxy that can take the partner down, repeat, alter, re-sign or replay pages. Each fault is
 * rejected and reported, or applied idempotently; the agreement decides exactly which fields cross; a Hong Kong
 * AEO facilitates customs clearance in gd and nothing else; when the agreement ends, what was shared is retracted.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { CompactSign, generateKeyPair } from 'jose';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.js';
import { queryRows } from '../../src/store/database.js';
import { applyFeedItems } from '../../src/store/exchange-repository.js';
import { createTestApp, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { feedServes, incomingOf } from '../support/feed.js';
import { writeLines } from '../support/lines.js';
import { LoopbackServer } from '../support/loopback-server.js';

const HK_PACK = fileURLToPath(new URL('../../policies/hk', import.meta.url));
const AEO_FIELDS = ['sourceId', 'category', 'domain', 'authority', 'decidedOn', 'rating'];
const PENALTY_FIELDS = ['sourceId', 'category', 'domain', 'severity', 'decidedOn', 'legalBasis', 'penalty', 'status'];

/** The hk pack with one agreement with gd ending 2026-12-31; penalties without summary, authority and decision number. */
function hkPackDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-hk-pack-'));
  cpSync(HK_PACK, dir, { recursive: true });
  const agreement = {
    id: 'hk-gd-test',
    partner: 'gd',
    purpose: 'AEO recognition and public convictions (test)',
    records: [
      { category: 'rating', ratings: [{ scheme: 'hk-aeo', grades: ['tier-1', 'tier-2'] }], fields: AEO_FIELDS },
      { category: 'penalty', fields: PENALTY_FIELDS },
    ],
    entity: { identifiers: ['hk-brn', 'aeo'], names: true },
    legalBasis: [{ instrument: 'Mainland–Hong Kong AEO Mutual Recognition Arrangement', article: 'unspecified' }],
    effective: { from: '2026-01-01', to: '2026-12-31' },
  };
  writeFileSync(path.join(dir, 'agreements.yaml'), stringify({ agreements: [agreement] }));
  return dir;
}

const basis = [{ instrument: 'Import and Export Ordinance (Cap. 60)', article: 'section 18(1)(a)' }];
const entity = (brn: string, name: string, aeo?: string) => ({
  type: 'entity',
  jurisdiction: 'HK',
  identifiers: [{ scheme: 'hk-brn', value: brn }, ...(aeo ? [{ scheme: 'aeo', value: aeo }] : [])],
  names: [{ value: name, lang: 'en' }],
  status: 'active',
});
const aeoRecord = { type: 'record', sourceId: 'hk-aeo-1', subject: 'hk-brn:10000001', category: 'rating', domain: 'customs', authority: 'hk-customs', decisionNo: 'C&ED AEO 2025/0001', decidedOn: '2025-01-10', legalBasis: basis, summary: 'Accredited AEO Tier 1', rating: { scheme: 'hk-aeo', grade: 'tier-1' } };
const penalty = (sourceId: string, status = 'active') => ({
  type: 'record', sourceId, subject: 'hk-brn:10000002', category: 'penalty', domain: 'customs', severity: 'general', authority: 'hk-customs',
  decisionNo: `KCCC ${sourceId}`, decidedOn: '2026-10-01', legalBasis: basis, summary: 'Importing unmanifested cargo', status,
  penalty: { kinds: ['fine'], amount: { value: 50_000, currency: 'HKD' } },
});
const licence = { type: 'record', sourceId: 'hk-lic-1', subject: 'hk-brn:10000002', category: 'license', domain: 'market', authority: 'hk-customs', decisionNo: 'L-1', decidedOn: '2025-03-01', legalBasis: basis, summary: 'Licence granted' };

type Mode = 'pass' | 'down' | 'repeat' | 'alter' | 'rogue' | 'replay';

/** A proxy in front of the hk node: JWKS passes untouched; feed responses suffer the current mode. */
class FaultyProxy extends LoopbackServer {
  mode: Mode = 'pass';
  /** Every feed page that went through, in order. */
  readonly pages: string[] = [];
  constructor(private readonly target: () => string, private readonly rogueSign: (jws: string) => Promise<string>) {
    super();
  }
  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const authorization = req.headers.authorization ?? '';
    const feed = url.startsWith('/v1/exchange/feed');
    if (feed && this.mode === 'down') {
      res.writeHead(503).end('partner down');
      return;
    }
    if (feed && (this.mode === 'repeat' || this.mode === 'replay')) {
      const page = this.mode === 'repeat' ? this.pages.at(-1)! : this.pages[0]!;
      res.writeHead(200, { 'content-type': 'application/jose' }).end(page);
      return;
    }
    const upstream = await fetch(`${this.target()}${url}`, { headers: authorization ? { authorization } : {} });
    let body = await upstream.text();
    if (feed && upstream.ok) {
      if (this.mode === 'pass') this.pages.push(body);
      if (this.mode === 'alter') body = alter(body);
      if (this.mode === 'rogue') body = await this.rogueSign(body);
    }
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' }).end(body);
  }
}

const payloadOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8'));

/** The same page with one byte of its content changed and the signature kept. */
function alter(jws: string): string {
  const [header, , signature] = jws.split('.');
  const payload = payloadOf(jws);
  payload.iat += 1;
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

describe('exchange between nodes', () => {
  let hk: TestApp;
  let gd: TestApp;
  let hkServer: FastifyInstance;
  let gdServer: FastifyInstance;
  let hkUrl = '';
  let proxy: FaultyProxy;
  let hkNow = TEST_NOW;
  let partnerKey = '';

  const importHk = async (lines: object[]) => {
    const summary = await hk.app.imports.importFiles([writeLines(lines)]);
    await feedServes(hk.app.database.db);
    return summary;
  };
  const pull = () => gd.app.replication.pull('hk');
  const gdRecords = () =>
    queryRows<{ source_id: string; summary: string; authority: string; decision_no: string; status: string; origin_node: string }>(
      gd.app.database.db,
      sql`select source_id, summary, authority, decision_no, status, origin_node from records where origin_node = 'hk' order by source_id`,
    );
  const status = async () => (await gdServer.inject({ method: 'GET', url: '/v1/exchange/status' })).json().partners[0];

  beforeAll(async () => {
    const keyDir = mkdtempSync(path.join(os.tmpdir(), 'credence-exchange-keys-'));
    hk = await createTestApp({ CREDENCE_NODE: 'hk', CREDENCE_POLICY_DIR: hkPackDir(), CREDENCE_KEY_FILE: path.join(keyDir, 'hk.json') }, () => hkNow);
    hkServer = await buildHttpServer(hk.app);
    hkUrl = await hkServer.listen({ host: '127.0.0.1', port: 0 });
    partnerKey = (await hk.app.keys.create({ role: 'partner', label: 'gd node', partnerNode: 'gd' }, 'test')).key;
    const rogue = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    proxy = new FaultyProxy(
      () => hkUrl,
      (jws) => new CompactSign(Buffer.from(jws.split('.')[1]!, 'base64url')).setProtectedHeader({ alg: 'EdDSA', kid: 'rogue-key', typ: 'credence-feed+json' }).sign(rogue.privateKey),
    );
    const proxyUrl = await proxy.listen();
    gd = await createTestApp({ CREDENCE_NODE: 'gd', CREDENCE_PEERS: `hk=${proxyUrl}`, CREDENCE_PEER_KEYS: `hk=${partnerKey}`, CREDENCE_KEY_FILE: path.join(keyDir, 'gd.json') });
    gdServer = await buildHttpServer(gd.app);
    await importHk([entity('10000001', 'Harbour Freight Limited', 'HK0000000000001'), aeoRecord, entity('10000002', 'Kowloon Traders Limited'), penalty('hk-pen-1'), penalty('hk-pen-revoked', 'revoked'), licence]);
  });

  afterAll(async () => {
    await proxy?.close();
    await gdServer?.close();
    await hkServer?.close();
    await gd?.close();
    await hk?.close();
  });

  it('refuses the feed to anyone but a partner with an agreement', async () => {
    expect((await hkServer.inject({ method: 'GET', url: '/v1/exchange/feed' })).statusCode).toBe(401);
    const service = (await hk.app.keys.create(SERVICE_KEY, 'test')).key;
    expect((await hkServer.inject({ method: 'GET', url: '/v1/exchange/feed', headers: { authorization: `Bearer ${service}` } })).statusCode).toBe(403);
    const mo = (await hk.app.keys.create({ role: 'partner', label: 'mo node', partnerNode: 'mo' }, 'test')).key;
    // The test pack has no agreement with mo.
    expect((await hkServer.inject({ method: 'GET', url: '/v1/exchange/feed', headers: { authorization: `Bearer ${mo}` } })).statusCode).toBe(403);
  });

  it('serves exactly the fields the agreement names, and nothing it does not cover', async () => {
    const res = await hkServer.inject({ method: 'GET', url: '/v1/exchange/feed', headers: { authorization: `Bearer ${partnerKey}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/jose/);
    const page = payloadOf(res.body);
    expect(page).toMatchObject({ iss: 'credence:hk', aud: 'credence:gd', after: '', more: false, agreement: 'hk-gd-test' });
    const bySource = new Map(page.items.map((i: { record?: { sourceId: string }; sourceId?: string }) => [i.record?.sourceId ?? i.sourceId, i]));
    expect([...bySource.keys()].sort()).toEqual(['hk-aeo-1', 'hk-pen-1', 'hk-pen-revoked']); // the licence never leaves
    const aeo = bySource.get('hk-aeo-1') as { record: object; entity: string };
    expect(Object.keys(aeo.record).sort()).toEqual([...AEO_FIELDS].sort());
    // The entities of the two upserts, each listed once; items name theirs by id.
    const entities = new Map((page.entities as { id: string; identifiers: { scheme: string }[]; names: object[] }[]).map((e) => [e.id, e]));
    expect(entities.size).toBe(page.entities.length);
    expect([...entities.keys()].sort()).toEqual([aeo.entity, (bySource.get('hk-pen-1') as { entity: string }).entity].sort());
    expect(entities.get(aeo.entity)!.identifiers.map((i) => i.scheme).sort()).toEqual(['aeo', 'hk-brn']);
    expect(entities.get(aeo.entity)!.names).toEqual([{ value: 'Harbour Freight Limited', lang: 'en', kind: 'legal' }]);
    expect(Object.keys((bySource.get('hk-pen-1') as { record: object }).record).sort()).toEqual([...PENALTY_FIELDS].sort());
    expect(bySource.get('hk-pen-revoked')).toMatchObject({ op: 'retract' });
  });

  it('replicates: verified pages applied with their cursor; a retraction before its record leaves a tombstone', async () => {
    const result = await pull();
    expect(result).toMatchObject({ partner: 'hk', pages: 1, items: 3 });
    expect(result.error).toBeUndefined();
    const rows = await gdRecords();
    expect(rows.map((r) => r.source_id)).toEqual(['hk-aeo-1', 'hk-pen-1']);
    // Withheld fields are not on this node.
    expect(rows.find((r) => r.source_id === 'hk-pen-1')).toMatchObject({ summary: '', authority: '', decision_no: '' });
    const tombs = await queryRows<{ source_id: string }>(gd.app.database.db, sql`select source_id from exchange_tombstones`);
    expect(tombs.map((t) => t.source_id)).toEqual(['hk-pen-revoked']);
    // An older upsert of the retracted record (however it arrives) does not resurrect it.
    const older = `${'0'.repeat(20)}.${'0'.repeat(19)}1`;
    await gd.app.database.transaction((tx) =>
      applyFeedItems(tx, 'hk', incomingOf([{ op: 'upsert', version: older, record: { sourceId: 'hk-pen-revoked', category: 'penalty', domain: 'customs', decidedOn: '2026-10-01' }, entity: { id: '00000000-0000-4000-8000-000000000001', jurisdiction: 'HK', identifiers: [] } }])),
    );
    expect((await gdRecords()).map((r) => r.source_id)).toEqual(['hk-aeo-1', 'hk-pen-1']);
    expect(await status()).toMatchObject({ partner: 'hk', pagesApplied: 1, rejectedPages: 0, lastError: null });
  });

  it('gives a Hong Kong AEO effect in gd only through recognition, and foreign penalties none', async () => {
    const service = { authorization: `Bearer ${(await gd.app.keys.create(SERVICE_KEY, 'test')).key}` };
    const check = async (entityRef: string, context: string) =>
      (await gdServer.inject({ method: 'POST', url: '/v1/checks', headers: service, payload: { entity: entityRef, context } })).json();
    const aeo = await check('hk-brn:10000001', 'customs-clearance');
    expect(aeo).toMatchObject({ decision: 'allow', measures: [] });
    expect(aeo.facilitations.map((f: { id: string }) => f.id)).toEqual(['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']);
    for (const context of ['public-procurement', 'honours', 'government-subsidy', 'administrative-licensing', 'inspection', 'customs-clearance']) {
      const convicted = await check('hk-brn:10000002', context);
      expect(convicted, context).toMatchObject({ decision: 'allow', measures: [], facilitations: [] });
      if (context !== 'customs-clearance') expect((await check('hk-brn:10000001', context)).facilitations, context).toEqual([]);
    }
  });

  it('keeps foreign records read-only: no correction or revocation, and due process is the origin node\'s', async () => {
    const [row] = await queryRows<{ id: number | string }>(gd.app.database.db, sql`select id from records where origin_node = 'hk' and source_id = 'hk-pen-1'`);
    const id = Number(row!.id);
    const officer = { authorization: `Bearer ${(await gd.app.keys.create({ role: 'officer', label: 'customs', authority: 'gd-customs', duties: ['recorder'] }, 'test')).key}` };
    for (const [url, payload] of [[`/v1/records/${id}/correction`, { severity: 'minor', reason: 'x' }], [`/v1/records/${id}/revocation`, { reason: 'x' }]] as const) {
      const res = await gdServer.inject({ method: 'POST', url, headers: officer, payload });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().detail).toMatch(/comes from node hk and is read-only here/);
    }
    const entity = { authorization: `Bearer ${(await gd.app.keys.create({ role: 'entity', label: 'kowloon', entity: 'hk-brn:10000002' }, 'test')).key}` };
    const objection = await gdServer.inject({ method: 'POST', url: '/v1/objections', headers: entity, payload: { subject: { record: id }, grounds: 'not us' } });
    expect(objection.statusCode).toBe(409);
    expect(objection.json().detail).toMatch(/comes from node hk: its due process is that node's/);
    expect((await gdRecords()).find((r) => r.source_id === 'hk-pen-1')).toMatchObject({ status: 'active', origin_node: 'hk' });
  });

  it('catches up after the partner was down, with nothing lost', async () => {
    proxy.mode = 'down';
    await importHk([penalty('hk-pen-2'), penalty('hk-pen-3')]);
    const failed = await pull();
    expect(failed.error).toMatch(/503/);
    expect(await status()).toMatchObject({ lastError: expect.stringMatching(/503/), rejectedPages: 0 });
    proxy.mode = 'pass';
    expect(await pull()).toMatchObject({ pages: 1, items: 2 });
    expect((await gdRecords()).map((r) => r.source_id)).toEqual(['hk-aeo-1', 'hk-pen-1', 'hk-pen-2', 'hk-pen-3']);
    expect((await status()).lastError).toBeNull();
  });

  it('takes the same page delivered twice as a repeat, changing nothing', async () => {
    const before = await status();
    proxy.mode = 'repeat';
    const repeated = await pull();
    expect(repeated).toMatchObject({ pages: 0, duplicates: 1 });
    expect(repeated.error).toBeUndefined();
    expect(await status()).toMatchObject({ cursor: before.cursor, pagesApplied: before.pagesApplied, rejectedPages: 0 });
    proxy.mode = 'pass';
  });

  it('rejects and reports a page altered in transit, signed by an unknown key, or replayed', async () => {
    await importHk([penalty('hk-pen-4')]);
    for (const [mode, reason] of [['alter', 'bad-signature'], ['rogue', 'unknown-key'], ['replay', 'out-of-order']] as const) {
      const before = await status();
      proxy.mode = mode;
      const result = await pull();
      expect(result.rejected, mode).toBe(reason);
      const after = await status();
      expect(after).toMatchObject({ cursor: before.cursor, rejectedPages: before.rejectedPages + 1, lastRejection: { reason } });
      expect((await gdRecords()).map((r) => r.source_id)).not.toContain('hk-pen-4');
    }
    const metrics = (await gdServer.inject({ method: 'GET', url: '/metrics' })).body;
    for (const reason of ['bad-signature', 'unknown-key', 'out-of-order']) {
      expect(metrics).toContain(`credence_exchange_rejections_total{partner="hk",reason="${reason}"} 1`);
    }
    const rejections = await queryRows<{ page_digest: string }>(gd.app.database.db, sql`select page_digest from exchange_rejections`);
    expect(rejections.every((r) => /^[0-9a-f]{64}$/.test(r.page_digest))).toBe(true);
    proxy.mode = 'pass';
    expect(await pull()).toMatchObject({ pages: 1, items: 1 });
    expect((await gdRecords()).map((r) => r.source_id)).toContain('hk-pen-4');
  });

  it('propagates a revocation as a retraction', async () => {
    await importHk([penalty('hk-pen-2', 'revoked')]);
    expect(await pull()).toMatchObject({ pages: 1, items: 1 });
    expect((await gdRecords()).map((r) => r.source_id)).toEqual(['hk-aeo-1', 'hk-pen-1', 'hk-pen-3', 'hk-pen-4']);
  });

  it('stops sharing and retracts what was shared when the agreement expires', async () => {
    hkNow = new Date('2027-01-05T04:00:00Z');
    await pull();
    expect(await gdRecords()).toEqual([]);
    const page = payloadOf((await hkServer.inject({ method: 'GET', url: '/v1/exchange/feed', headers: { authorization: `Bearer ${partnerKey}` } })).body);
    expect(page.agreement).toBeNull();
    expect(page.items.every((i: { op: string }) => i.op === 'retract')).toBe(true);
    // New records are no longer sent at all.
    await importHk([penalty('hk-pen-5')]);
    expect(await pull()).toMatchObject({ items: 0 });
    expect(await gdRecords()).toEqual([]);
  });
});
