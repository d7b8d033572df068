/**
 * `npm start`: the local three-node demo. Guangdong, Hong Kong and Macau nodes, one port each, each on its
 * own embedded database in ./data/<node>, seeded with demo data on first run.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { gbaDate } from '../domain/dates.js';
import { generateDemoData } from '../domain/demo-data/index.js';
import { NODE_IDS, type NodeId } from '../domain/taxonomy.js';
import { writeDemoData } from './commands/demo-data.js';
import { startNode, untilSignal, type RunningNode } from './commands/serve.js';

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

const nodes: RunningNode[] = [];
try {
  for (const [index, id] of NODE_IDS.entries()) {
    const config = loadConfig({ ...process.env, CREDENCE_NODE: id, CREDENCE_PORT: String(FIRST_PORT + index), CREDENCE_LOG_LEVEL: process.env.CREDENCE_LOG_LEVEL ?? 'warn', DATABASE_URL: undefined, CREDENCE_DB_DIR: undefined });
    const node = await startNode(config);
    nodes.push(node);
    await seedIfEmpty(node, id);
  }
  process.stdout.write(
    '\nCredence demo federation is running:\n' +
      nodes.map((n) => `  ${n.app.config.node}  ${n.url}   (API docs ${n.url}/docs)`).join('\n') +
      `\n\nTry:  curl ${nodes[0]!.url}/v1/entities/${exampleRef('gd')}\nPress Ctrl+C to stop.\n`,
  );
  await untilSignal();
} finally {
  for (const node of nodes) await node.stop();
}
