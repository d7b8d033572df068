/**
 * Replication bench (issue 5): N records (default 1,000,000) on an hk node, shared with gd under the demo
 * agreement, replicated to an empty gd node over HTTP on 127.0.0.1 — every page signed by hk, fetched, verified
 * against hk's JWKS, validated and applied with its cursor, the check and search indexes kept current — timed
 * from the first request until the feed has nothing more.
 *
 * Baseline in the same run: the same pages copied with no signing — the hk feed's unsigned page content applied to
 * another empty gd database in one transaction per page, in one process, with no HTTP, JWS or validation.
 *
 * The hk node serves from its own process (`credence serve`), as in a federation; the gd node runs in this one.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type DatabaseTarget } from '../src/config.js';
import { incomingPage } from '../src/exchange/feed.js';
import { queryRows } from '../src/store/database.js';
import { applyFeedItems, FEED_LOOKED_UP_COLUMNS } from '../src/store/exchange-repository.js';
import { analyzeGrownTables } from '../src/store/statistics.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { runCli, serveNode, writePenalties, type PenaltyTerms } from './support.js';
import { printTable, type Row } from './table.js';

const RECORDS_PER_ENTITY = 10;
const GOAL = 20_000;
const silent = pino({ level: 'silent' });

/** Where a bench node keeps its data: a PGlite directory, or a database of the bench's PostgreSQL cluster. */
interface Tier {
  label: string;
  /** The `--db` value for node `name`. */
  db(name: string): string;
  target(name: string): DatabaseTarget;
}

function pgliteTier(dir: string): Tier {
  return { label: 'PGlite', db: (name) => path.join(dir, name, 'db'), target: (name) => ({ kind: 'pglite', dataDir: path.join(dir, name, 'db') }) };
}

async function postgresTier(clusterUrl: string): Promise<Tier> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    for (const name of ['hk', 'copy', 'gd']) await admin.query(`create database bench_replicate_${name}`);
  } finally {
    await admin.end();
  }
  const url = (name: string) => Object.assign(new URL(clusterUrl), { pathname: `/bench_replicate_${name}` }).toString();
  return { label: 'PostgreSQL 15 (fsync off)', db: url, target: (name) => ({ kind: 'postgres', url: url(name) }) };
}

function nodeApp(tier: Tier, keyDir: string, name: string, node: 'gd' | 'hk', env: Record<string, string> = {}): Promise<App> {
  const config = loadConfig({ CREDENCE_NODE: node, CREDENCE_LOG_LEVEL: 'silent', CREDENCE_EXCHANGE_PULL_SECONDS: '0', CREDENCE_KEY_FILE: path.join(keyDir, `${name}-keys.json`), ...env });
  return buildApp({ ...config, database: tier.target(name) }, { logger: silent });
}

/** hk's penalties: every one is public and shared with gd under the demo agreement. */
export const HK_PENALTIES: PenaltyTerms = {
  node: 'hk',
  seed: 7,
  authority: 'hk-customs',
  domains: ['customs', 'market', 'market'],
  summary: 'Importing unmanifested cargo',
  legalBasis: [{ instrument: 'Import and Export Ordinance (Cap. 60)', article: 'section 18(1)(a)' }],
  sourcePrefix: 'HK-PEN',
  currency: 'HKD',
};

const count = async (app: App) =>
  Number((await queryRows<{ n: number | string }>(app.database.db, sql`select count(*) as n from records where origin_node = 'hk'`))[0]!.n);

/**
 * Copies hk's feed to a fresh gd database without signing: page content straight into `applyFeedItems`, the tables'
 * statistics kept current after each page as replication keeps them.
 */
async function unsignedCopy(hk: App, gd: App, pageSize: number): Promise<number> {
  const started = performance.now();
  let after: string | undefined;
  for (;;) {
    const page = await hk.feed.payload('gd', after, pageSize);
    await gd.database.transaction((tx) => applyFeedItems(tx, 'hk', incomingPage(page)!));
    await analyzeGrownTables(gd.database.db, FEED_LOOKED_UP_COLUMNS);
    after = page.next;
    if (!page.more) break;
  }
  return (performance.now() - started) / 1000;
}

/** Replicates `records` hk records on `tier`; returns the table rows (baseline, replication) and the checks after. */
async function replicateOn(tier: Tier, dir: string, file: string, records: number, pageSize: number): Promise<{ rows: Row[]; checks: Row[] }> {
  mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'hk-keys.json');
  const env = { CREDENCE_NODE: 'hk', CREDENCE_LOG_LEVEL: 'warn', CREDENCE_KEY_FILE: keyFile };
  process.stderr.write(`replicate (${tier.label}): importing into the hk node\n`);
  await runCli(['import', file, '--db', tier.db('hk')], env);

  process.stderr.write(`replicate (${tier.label}): baseline, unsigned copy in one process\n`);
  const hk = await nodeApp(tier, dir, 'hk', 'hk');
  const partnerKey = (await hk.keys.create({ role: 'partner', label: 'gd node (bench)', partnerNode: 'gd' }, 'bench')).key;
  const copy = await nodeApp(tier, dir, 'copy', 'gd');
  const baselineSeconds = await unsignedCopy(hk, copy, pageSize);
  const copied = await count(copy);
  await copy.close();
  await hk.close();

  const server = await serveNode(tier.db('hk'), { ...env, CREDENCE_EXCHANGE_PULL_SECONDS: '0' });
  const hkUrl = server.url;
  try {
    process.stderr.write(`replicate (${tier.label}): gd pulls hk over HTTP, signatures verified\n`);
    const gd = await nodeApp(tier, dir, 'gd', 'gd', { CREDENCE_PEERS: `hk=${hkUrl}`, CREDENCE_PEER_KEYS: `hk=${partnerKey}`, CREDENCE_EXCHANGE_PAGE_SIZE: String(pageSize) });
    try {
      const started = performance.now();
      // Progress from the cursor's row: counting the records instead scanned the growing table every 10 s, on PGlite
      // on the very thread that writes the pages.
      const applied = async () => (await gd.replication.status())[0]?.itemsApplied ?? 0;
      const progress = setInterval(() => void applied().then((n) => process.stderr.write(`replicate (${tier.label}): ${n.toLocaleString('en-US')} items applied on gd\n`)), 10_000);
      const result = await gd.replication.pull('hk').finally(() => clearInterval(progress));
      const seconds = (performance.now() - started) / 1000;
      const replicated = await count(gd);
      return {
        rows: [
          { run: 'unsigned copy of the same pages, one process (baseline)', records: copied, seconds: baselineSeconds, 'records/s': copied / baselineSeconds, ratio: 1 },
          { run: 'replication: signed pages over HTTP, verified, indexes kept', records: replicated, seconds, 'records/s': replicated / seconds, ratio: baselineSeconds / seconds },
        ],
        checks: [
          { check: 'pull error', value: result.error ?? 'none', expected: 'none' },
          // The last page is empty when the records fill whole pages: the feed cannot know there are no more.
          { check: 'pages applied', value: result.pages, expected: Math.floor(records / pageSize) + 1 },
          { check: 'records on gd', value: replicated, expected: records },
        ],
      };
    } finally {
      await gd.close();
    }
  } finally {
    await server.stop();
  }
}

export async function replicateBench(options: { records: number; pageSize: number }): Promise<void> {
  const { records, pageSize } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-replicate-'));
  const cluster = await startCluster();
  try {
    const file = path.join(dir, 'hk.ndjson');
    process.stderr.write(`replicate: generating ${records.toLocaleString('en-US')} hk records\n`);
    await writePenalties(file, records, RECORDS_PER_ENTITY, HK_PENALTIES);
    for (const tier of [await postgresTier(cluster.url), pgliteTier(dir)]) {
      const result = await replicateOn(tier, path.join(dir, tier.label.split(' ')[0]!), file, records, pageSize);
      printTable(`Replicating ${records.toLocaleString('en-US')} records hk → gd on 127.0.0.1, ${tier.label}, ${pageSize.toLocaleString('en-US')} items per page (goal ≥ ${GOAL.toLocaleString('en-US')} records/s)`, result.rows);
      printTable('after the run', result.checks);
    }
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
