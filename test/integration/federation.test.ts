/**
 * Three nodes on 127.0.0.1 with the demo packs (issue 5): gd, hk and mo each pull the other two under the demo
 * agreements. Every node ends with the other two's shared records as foreign records, and an AEO status from
 * either partner facilitates customs clearance through the receiving pack's recognition rules — nothing else
 * crosses, and foreign penalties put nobody under a local measure.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeId } from '../../src/domain/taxonomy.js';
import { buildHttpServer } from '../../src/http/server.js';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestApp, SERVICE_KEY, type TestApp } from '../support/app.js';
import { writeLines } from '../support/lines.js';
import { freePort } from '../support/ports.js';

const NODES = ['gd', 'hk', 'mo'] as const;

const entity = (jurisdiction: string, scheme: string, value: string, name: string, lang: string) => ({
  type: 'entity', jurisdiction, identifiers: [{ scheme, value }], names: [{ value: name, lang }], status: 'active',
});
const rating = (sourceId: string, subject: string, authority: string, scheme: string, grade: string) => ({
  type: 'record', sourceId, subject, category: 'rating', domain: 'customs', authority, decisionNo: `${sourceId}/2026`, decidedOn: '2026-03-02',
  legalBasis: [{ instrument: 'AEO programme', article: 'unspecified' }], summary: 'Authorised economic operator', rating: { scheme, grade },
});
const penalty = (sourceId: string, subject: string, authority: string, currency: string) => ({
  type: 'record', sourceId, subject, category: 'penalty', domain: 'customs', severity: 'serious', authority, decisionNo: `${sourceId}/2026`,
  decidedOn: '2026-10-01', legalBasis: [{ instrument: 'Customs law', article: 'unspecified' }], summary: 'Smuggling', status: 'active',
  penalty: { kinds: ['fine'], amount: { value: 900_000, currency } },
});

/** Each node's register: an AEO and a company with a serious customs penalty. */
const DATA: Record<NodeId, object[]> = {
  gd: [
    entity('GD', 'uscc', '91440101MA5CXXX03K', '广州示例高级认证贸易有限公司', 'zh-Hans'),
    rating('gd-aeo-1', 'uscc:91440101MA5CXXX03K', 'gd-customs', 'cn-customs', 'advanced-certified'),
    entity('GD', 'uscc', '91440101MA5CXXX01D', '广州示例停业有限公司', 'zh-Hans'),
    penalty('gd-pen-1', 'uscc:91440101MA5CXXX01D', 'gd-customs', 'CNY'),
  ],
  hk: [
    entity('HK', 'hk-brn', '10000001', 'Harbour Freight Limited', 'en'),
    rating('hk-aeo-1', 'hk-brn:10000001', 'hk-customs', 'hk-aeo', 'tier-1'),
    entity('HK', 'hk-brn', '10000002', 'Kowloon Traders Limited', 'en'),
    penalty('hk-pen-1', 'hk-brn:10000002', 'hk-customs', 'HKD'),
  ],
  mo: [
    entity('MO', 'mo-reg', '12345', 'Transportes Rápidos de Macau, Limitada', 'pt'),
    rating('mo-aeo-1', 'mo-reg:12345', 'mo-customs', 'mo-aeo', 'a'),
    entity('MO', 'mo-reg', '12346', 'Comércio do Porto, Limitada', 'pt'),
    penalty('mo-pen-1', 'mo-reg:12346', 'mo-customs', 'MOP'),
  ],
};
const AEO: Record<NodeId, string> = { gd: 'uscc:91440101MA5CXXX03K', hk: 'hk-brn:10000001', mo: 'mo-reg:12345' };
const PENALISED: Record<NodeId, string> = { gd: 'uscc:91440101MA5CXXX01D', hk: 'hk-brn:10000002', mo: 'mo-reg:12346' };

describe('a federation of three nodes', () => {
  const nodes = {} as Record<NodeId, { t: TestApp; server: FastifyInstance; service: { authorization: string } }>;

  beforeAll(async () => {
    const keys = mkdtempSync(path.join(os.tmpdir(), 'credence-federation-keys-'));
    const ports = Object.fromEntries(await Promise.all(NODES.map(async (n) => [n, await freePort()] as const))) as Record<NodeId, number>;
    for (const node of NODES) {
      const peers = NODES.filter((p) => p !== node).map((p) => `${p}=http://127.0.0.1:${ports[p]}`).join(',');
      const t = await createTestApp({ CREDENCE_NODE: node, CREDENCE_PEERS: peers, CREDENCE_KEY_FILE: path.join(keys, `${node}.json`) });
      await t.app.imports.importFiles([writeLines(DATA[node])]);
      const server = await buildHttpServer(t.app);
      await server.listen({ host: '127.0.0.1', port: ports[node] });
      nodes[node] = { t, server, service: await bearer(t.app, SERVICE_KEY) };
    }
    // Each node issues a partner key to each other node, which presents it at its feed.
    for (const issuer of NODES) {
      for (const partner of NODES.filter((p) => p !== issuer)) {
        const { key } = await nodes[issuer].t.app.keys.create({ role: 'partner', label: `${partner} node`, partnerNode: partner }, 'test');
        nodes[partner].t.app.replication.setPeerKey(issuer, key);
      }
    }
  });

  afterAll(async () => {
    for (const node of NODES) {
      await nodes[node]?.server.close();
      await nodes[node]?.t.close();
    }
  });

  const check = async (node: NodeId, entityRef: string, context: string) =>
    (await nodes[node].server.inject({ method: 'POST', url: '/v1/checks', headers: nodes[node].service, payload: { entity: entityRef, context } })).json();

  it('replicates every partner into every node, signatures verified, no page rejected', async () => {
    for (const node of NODES) {
      const results = await nodes[node].t.app.replication.pullAll();
      expect(results.map((r) => r.partner).sort(), node).toEqual(NODES.filter((p) => p !== node));
      for (const r of results) {
        expect(r.error, `${node} ← ${r.partner}`).toBeUndefined();
        expect(r.items, `${node} ← ${r.partner}`).toBe(2);
      }
      const held = await queryRows<{ origin_node: string; source_id: string }>(
        nodes[node].t.app.database.db,
        sql`select origin_node, source_id from records where origin_node <> ${node} order by origin_node, source_id`,
      );
      expect(held.map((r) => `${r.origin_node}:${r.source_id}`), node).toEqual(
        NODES.filter((p) => p !== node).flatMap((p) => [`${p}:${p}-aeo-1`, `${p}:${p}-pen-1`]),
      );
    }
  });

  it('gives each partner AEO effect in customs clearance only, through recognition', async () => {
    for (const node of NODES) {
      for (const partner of NODES.filter((p) => p !== node)) {
        const clearance = await check(node, AEO[partner], 'customs-clearance');
        expect(clearance.decision, `${partner} AEO at ${node}`).toBe('allow');
        expect(clearance.facilitations.length, `${partner} AEO at ${node}`).toBeGreaterThan(0);
        expect(clearance.facilitations.flatMap((f: { because: { originNode: string }[] }) => f.because.map((b) => b.originNode))).toContain(partner);
        expect((await check(node, AEO[partner], 'public-procurement')).facilitations, `${partner} AEO at ${node}`).toEqual([]);
      }
    }
  });

  it('lets no foreign penalty put anyone under a local measure', async () => {
    for (const node of NODES) {
      for (const partner of NODES.filter((p) => p !== node)) {
        for (const context of ['public-procurement', 'customs-clearance', 'inspection']) {
          expect(await check(node, PENALISED[partner], context), `${partner} penalty at ${node}, ${context}`).toMatchObject({ decision: 'allow', measures: [] });
        }
      }
    }
  });
});
