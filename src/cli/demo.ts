/**
 * `npm start`: the local three-node demo. Guangdong, Hong Kong and Macau nodes, one port each, each on its
 * own embedded database in ./data/<node>, seeded with demo data on first run, replicating each other's feeds.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { gbaDate } from '../domain/dates.js';
import { generateDemoData } from '../domain/demo-data/index.js';
import { MEASURE_CONTEXTS } from '../domain/policy/vocabulary.js';
import { NODE_IDS, type NodeId } from '../domain/taxonomy.js';
import { writeDemoData } from './commands/demo-data.js';
import { startNode, untilSignal, type RunningNode } from './node.js';

const FIRST_PORT = 8081;
const DEMO_ENTITIES = 3_000;
const DEMO_SEED: Record<NodeId, number> = { gd: 44, hk: 852, mo: 853 };

async function seedIfEmpty(node: RunningNode, id: NodeId): Promise<void> {
  if ((await node.app.entities.count()) > 0) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-demo-'));
  try {
    const file = path.join(dir, `${id}.ndjson`);
    const out = createWriteStream(file);
    await writeDemoData({ node: id, entities: DEMO_ENTITIES, seed: DEMO_SEED[id], today: gbaDate(new Date()) }, out);
    out.end();
    await once(out, 'finish');
    const summary = await node.app.imports.importFiles([file]);
    process.stdout.write(`seeded ${id}: ${summary.entities.inserted} entities, ${summary.records.inserted} records\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A reference that exists in the seeded demo data of `id`: the first generated entity's first identifier. */
function exampleRef(id: NodeId): string {
  const first = generateDemoData({ node: id, entities: 1, seed: DEMO_SEED[id], today: gbaDate(new Date()) }).next().value;
  const identifier = first && 'identifiers' in first ? first.identifiers[0] : undefined;
  return identifier ? `${identifier.scheme}:${identifier.value}` : '';
}

/**
 * Fresh keys for trying the demo, valid for a day: a service key for checks, an officer of the node's main
 * authority who may record and review, the example entity's own key, and a policy administrator's (simulation).
 */
async function demoKeys(node: RunningNode, id: NodeId): Promise<{ service: string; lines: string[] }> {
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const authority = { gd: 'gd-samr', hk: 'hk-customs', mo: 'mo-customs' }[id];
  const keys = node.app.keys;
  const service = await keys.create({ role: 'service', label: 'demo point of service', contexts: [...MEASURE_CONTEXTS].filter((c) => c !== 'public-works-tendering' || id === 'hk'), expiresAt }, 'demo');
  const officer = await keys.create({ role: 'officer', label: `demo officer of ${authority}`, authority, duties: ['recorder', 'reviewer'], expiresAt }, 'demo');
  const entity = await keys.create({ role: 'entity', label: 'demo company representative', entity: exampleRef(id), expiresAt }, 'demo');
  const policyAdmin = await keys.create({ role: 'policy-admin', label: 'demo policy administrator', expiresAt }, 'demo');
  return {
    service: service.key,
    lines: [`service  ${service.key}`, `officer  ${officer.key}  (${authority})`, `entity   ${entity.key}  (${exampleRef(id)})`, `policy   ${policyAdmin.key}`],
  };
}

/** How often the demo nodes pull each other's feeds. */
const DEMO_PULL_MS = 10_000;
const urlOf = (id: NodeId) => `http://127.0.0.1:${FIRST_PORT + NODE_IDS.indexOf(id)}`;

/**
 * Makes the three nodes a federation: each issues a partner key to the other two, and each pulls the other two's
 * feeds with the key it was given, every few seconds, under the demo packs' sharing agreements.
 */
async function federate(nodes: RunningNode[]): Promise<{ stop(): Promise<void> }[]> {
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  for (const [i, issuer] of nodes.entries()) {
    for (const [j, partner] of nodes.entries()) {
      if (i === j) continue;
      const key = await issuer.app.keys.create({ role: 'partner', label: `demo partner ${NODE_IDS[j]}`, partnerNode: NODE_IDS[j]!, expiresAt }, 'demo');
      partner.app.replication.setPeerKey(NODE_IDS[i]!, key.key);
    }
  }
  return nodes.map((n) => n.app.replication.start(DEMO_PULL_MS));
}

const nodes: RunningNode[] = [];
const schedules: { stop(): Promise<void> }[] = [];
try {
  for (const [index, id] of NODE_IDS.entries()) {
    const peers = NODE_IDS.filter((p) => p !== id).map((p) => `${p}=${urlOf(p)}`).join(',');
    const config = loadConfig({
      ...process.env,
      CREDENCE_NODE: id,
      CREDENCE_PORT: String(FIRST_PORT + index),
      CREDENCE_LOG_LEVEL: process.env.CREDENCE_LOG_LEVEL ?? 'warn',
      DATABASE_URL: undefined,
      CREDENCE_DB_DIR: undefined,
      CREDENCE_PEERS: peers,
      // The demo starts replication itself once the partner keys exist (federate).
      CREDENCE_EXCHANGE_PULL_SECONDS: '0',
    });
    const node = await startNode(config);
    nodes.push(node);
    await seedIfEmpty(node, id);
  }
  const keys = await Promise.all(nodes.map((n, i) => demoKeys(n, NODE_IDS[i]!)));
  schedules.push(...(await federate(nodes)));
  const gd = nodes[0]!.url;
  process.stdout.write(
    '\nCredence demo federation is running:\n' +
      nodes.map((n, i) => `  ${n.app.config.node}  ${n.url}   (web app ${n.url}/, API docs ${n.url}/docs)\n${keys[i]!.lines.map((k) => `      ${k}`).join('\n')}`).join('\n') +
      '\n\nThe keys above are fresh for this run and expire in a day.\n' +
      `Try:  curl ${gd}/v1/entities/${exampleRef('gd')}\n` +
      `      curl -H 'authorization: Bearer ${keys[0]!.service}' -H 'content-type: application/json' \\\n` +
      `           -d '{"entity":"${exampleRef('gd')}","context":"public-procurement"}' ${gd}/v1/checks\n` +
      `Watch the nodes replicate each other (AEO statuses and public penalties, every ${DEMO_PULL_MS / 1000} s):  curl ${gd}/v1/exchange/status\n` +
      'Press Ctrl+C to stop.\n',
  );
  await untilSignal();
} finally {
  for (const schedule of schedules) await schedule.stop();
  for (const node of nodes) await node.stop();
}
