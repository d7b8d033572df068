/**
 * Load bench (issue 8 §4): `POST /v1/checks` at full speed on a gd node serving from PostgreSQL, while against
 * the same database `credence import` loads N records (default 1,000,000) and `credence exchange pull`
 * replicates N/5 records from an hk node over HTTP (signed pages, verified). Every answer must be 2xx and the
 * check p99 stay ≤ 25 ms.
 *
 * The import and the pull run at a lower CPU priority (`--nice`, default 10), as docs/deploy.md advises for bulk
 * work beside a serving node; `--nice 0` runs them at the same priority as the server. The hk node stands in for a
 * partner on its own machine and runs at the same priority as the bulk work.
 *
 * Baseline in the same run: the same checks, at the same concurrency, on the same node while nothing else runs.
 * Under load, checks run in consecutive windows until the import and the pull have both ended; the table gives
 * the worst window's p99 as well as the median window's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { MEASURE_CONTEXTS } from '../src/domain/policy/vocabulary.js';
import { queryRows } from '../src/store/database.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { HK_PENALTIES } from './replicate.js';
import { cannon, percentile, runCli, serveNode, writePenalties, type Cannon, type PenaltyTerms } from './support.js';
import { printTable, type Row } from './table.js';

const GOAL_P99_MS = 25;
const WINDOW_SECONDS = 10;
const WARM_UP_SECONDS = 3;
const REGISTER_ENTITIES = 20_000;
const RECORDS_PER_ENTITY = 10;
/** Checks come from one service key at full speed: no rate limit gets in the way of the measurement. */
const NO_RATE_LIMIT = { CREDENCE_RATE_LIMIT_PER_KEY: '0', CREDENCE_RATE_LIMIT_PER_ADDRESS: '0' };

const GD_PENALTIES: PenaltyTerms = {
  node: 'gd',
  seed: 11,
  authority: 'gd-samr',
  domains: ['market'],
  summary: '未按规定公示年度报告',
  legalBasis: [{ instrument: '企业信息公示暂行条例', article: '第十八条' }],
  sourcePrefix: 'GD-LOAD',
  currency: 'CNY',
};

async function createDatabases(clusterUrl: string, names: string[]): Promise<(name: string) => string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`create database bench_load_${name}`);
  } finally {
    await admin.end();
  }
  return (name) => Object.assign(new URL(clusterUrl), { pathname: `/bench_load_${name}` }).toString();
}

function openNode(url: string, node: 'gd' | 'hk', keyFile: string): Promise<App> {
  const config = loadConfig({ CREDENCE_NODE: node, CREDENCE_LOG_LEVEL: 'silent', CREDENCE_KEY_FILE: keyFile });
  return buildApp({ ...config, database: { kind: 'postgres', url } }, { logger: pino({ level: 'silent' }) });
}

const countRecords = async (url: string, origin: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>('select count(*) as n from records where origin_node = $1', [origin])).rows[0]!.n);
  } finally {
    await client.end();
  }
};

/** What gd's /metrics say of its own process: how late its event loop ran, and its garbage-collection pauses. */
interface ServerStats {
  /** Event-loop delay p99 and max (ms) since the previous scrape, which restarts that measure. */
  loopP99: number;
  loopMax: number;
  /** Garbage-collection pauses so far: how many took over 10 ms, and their total (ms). */
  gcOver10ms: number;
  gcMs: number;
}

async function serverStats(url: string): Promise<ServerStats> {
  const text = await (await fetch(`${url}/metrics`)).text();
  /** The sum of the samples of metric `name` whose labels contain `having`. */
  const sum = (name: string, having = '') =>
    [...text.matchAll(new RegExp(`^credence_${name}(\\{[^}]*\\})? (\\S+)$`, 'gm'))].filter((m) => (m[1] ?? '').includes(having)).reduce((total, m) => total + Number(m[2]), 0);
  return {
    loopP99: Math.round(sum('nodejs_eventloop_lag_p99_seconds') * 1000),
    loopMax: Math.round(sum('nodejs_eventloop_lag_max_seconds') * 1000),
    gcOver10ms: sum('nodejs_gc_duration_seconds_count') - sum('nodejs_gc_duration_seconds_bucket', 'le="0.01"'),
    gcMs: sum('nodejs_gc_duration_seconds_sum') * 1000,
  };
}

/** A check of an entity with records, so the answer is evaluated rather than empty. */
async function checkBody(gd: App): Promise<string> {
  const [row] = await queryRows<{ scheme: string; value: string }>(
    gd.database.db,
    sql`select i.scheme, i.value from records r join identifiers i on i.entity_id = r.entity_id order by r.id limit 1`,
  );
  return JSON.stringify({ entity: `${row!.scheme}:${row!.value}`, context: 'public-procurement' });
}

/** Runs a CLI command as a child at CPU priority `nice`; resolves with how long it took and its error, if it failed. */
async function timed(command: string[], env: Record<string, string>, nice: number): Promise<{ seconds: number; error?: string }> {
  const started = performance.now();
  const error = await runCli(command, env, nice).then(() => undefined, (e: unknown) => (e as Error).message);
  return { seconds: (performance.now() - started) / 1000, ...(error ? { error } : {}) };
}


export async function loadBench(options: { records: number; connections: number; nice: number }): Promise<void> {
  const { records, connections, nice } = options;
  const replicated = Math.round(records / 5);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-load-'));
  const cluster = await startCluster();
  try {
    const db = await createDatabases(cluster.url, ['gd', 'hk']);
    const keys = { gd: path.join(dir, 'gd-keys.json'), hk: path.join(dir, 'hk-keys.json') };
    const files = { register: path.join(dir, 'gd-register.ndjson'), bulk: path.join(dir, 'gd-bulk.ndjson'), hk: path.join(dir, 'hk.ndjson') };
    process.stderr.write(`load: generating the gd register (${REGISTER_ENTITIES.toLocaleString('en-US')} entities), ${records.toLocaleString('en-US')} gd records and ${replicated.toLocaleString('en-US')} hk records\n`);
    await writePenalties(files.register, REGISTER_ENTITIES, 1, { ...GD_PENALTIES, seed: 3, sourcePrefix: 'GD-BASE' });
    await writePenalties(files.bulk, records, RECORDS_PER_ENTITY, GD_PENALTIES);
    await writePenalties(files.hk, replicated, RECORDS_PER_ENTITY, HK_PENALTIES);

    process.stderr.write('load: importing the gd register and the hk records\n');
    const gdEnv = { CREDENCE_NODE: 'gd', CREDENCE_LOG_LEVEL: 'warn', CREDENCE_KEY_FILE: keys.gd, ...NO_RATE_LIMIT };
    const hkEnv = { CREDENCE_NODE: 'hk', CREDENCE_LOG_LEVEL: 'warn', CREDENCE_KEY_FILE: keys.hk, CREDENCE_EXCHANGE_PULL_SECONDS: '0' };
    await Promise.all([runCli(['import', files.register, '--db', db('gd')], gdEnv), runCli(['import', files.hk, '--db', db('hk')], hkEnv)]);
    const hkApp = await openNode(db('hk'), 'hk', keys.hk);
    const partnerKey = (await hkApp.keys.create({ role: 'partner', label: 'gd node (bench)', partnerNode: 'gd' }, 'bench')).key;
    await hkApp.close();
    const gdApp = await openNode(db('gd'), 'gd', keys.gd);
    const serviceKey = (await gdApp.keys.create({ role: 'service', label: 'load bench', contexts: [...MEASURE_CONTEXTS] }, 'bench')).key;
    const body = await checkBody(gdApp);
    await gdApp.close();

    // hk stands in for a partner node, which runs on its own machine: here it shares gd's cores, so it runs at the
    // bulk work's priority rather than take them from gd's API.
    const hk = await serveNode(db('hk'), hkEnv, nice);
    const peers = { CREDENCE_PEERS: `hk=${hk.url}`, CREDENCE_PEER_KEYS: `hk=${partnerKey}`, CREDENCE_EXCHANGE_PULL_SECONDS: '0' };
    const gd = await serveNode(db('gd'), { ...gdEnv, ...peers });
    try {
      const checks = `${gd.url}/v1/checks`;
      const load = { connections, authorization: `Bearer ${serviceKey}` };
      await cannon(checks, body, WARM_UP_SECONDS, load);
      process.stderr.write(`load: baseline, ${WINDOW_SECONDS} s of checks on the idle node\n`);
      const idle = await cannon(checks, body, WINDOW_SECONDS, load);
      process.stderr.write(`load: idle: ${Math.round(idle.requests.average)} checks/s, p99 ${idle.latency.p99} ms\n`);

      // Covers the warm-up and the idle run, and restarts the event-loop measure.
      const idleStats = await serverStats(gd.url);
      process.stderr.write(`load: idle: gd's event loop delayed p99 ${idleStats.loopP99} ms, max ${idleStats.loopMax} ms\n`);
      process.stderr.write('load: import and replication start; checks continue in windows until both end\n');
      let running = 2;
      const ends = <T>(work: Promise<T>) => work.finally(() => running--);
      const background = Promise.all([
        ends(timed(['import', files.bulk, '--db', db('gd')], gdEnv, nice)),
        ends(timed(['exchange', 'pull', '--db', db('gd')], { ...gdEnv, ...peers }, nice)),
      ]);
      const windows: Cannon[] = [];
      const stats: ServerStats[] = [idleStats];
      while (running > 0) {
        windows.push(await cannon(checks, body, WINDOW_SECONDS, load));
        stats.push(await serverStats(gd.url));
        const w = windows.at(-1)!;
        const [before, after] = stats.slice(-2) as [ServerStats, ServerStats];
        process.stderr.write(
          `load: window ${windows.length}: ${Math.round(w.requests.average)} checks/s, p99 ${w.latency.p99} ms, ${w.non2xx + w.errors + w.timeouts} failed; ` +
            `gd's event loop delayed p99 ${after.loopP99} ms, max ${after.loopMax} ms; ${after.gcOver10ms - before.gcOver10ms} GC pauses over 10 ms, ${Math.round(after.gcMs - before.gcMs)} ms of GC\n`,
        );
      }
      const delays = stats.slice(1);
      const gcPauses = delays.at(-1)!.gcOver10ms - idleStats.gcOver10ms;
      const [imported, pulled] = await background;

      const total = (key: 'non2xx' | 'errors' | 'timeouts', cs: Cannon[]) => cs.reduce((n, c) => n + c[key], 0);
      const failed = (cs: Cannon[]) => total('non2xx', cs) + total('errors', cs) + total('timeouts', cs);
      const requests = windows.reduce((n, c) => n + c.requests.total, 0);
      const worstP99 = Math.max(...windows.map((w) => w.latency.p99));
      const rows: Row[] = [
        { run: 'checks, node idle (baseline)', seconds: WINDOW_SECONDS, checks: idle.requests.total, 'checks/s': idle.requests.average, 'p50 ms': idle.latency.p50, 'p99 ms': idle.latency.p99, failed: failed([idle]), 'p99 vs idle': 1 },
        {
          run: 'checks during import + replication, median window',
          seconds: windows.length * WINDOW_SECONDS,
          checks: requests,
          'checks/s': requests / (windows.length * WINDOW_SECONDS),
          'p50 ms': percentile(windows.map((w) => w.latency.p50), 50),
          'p99 ms': percentile(windows.map((w) => w.latency.p99), 50),
          failed: failed(windows),
          'p99 vs idle': percentile(windows.map((w) => w.latency.p99), 50) / idle.latency.p99,
        },
        { run: `checks during import + replication, worst window (goal p99 ≤ ${GOAL_P99_MS} ms)`, seconds: WINDOW_SECONDS, 'p99 ms': worstP99, 'p99 vs idle': worstP99 / idle.latency.p99 },
      ];
      const priority = nice > 0 ? `, the import and the pull at nice ${nice}` : ', the import and the pull at the same CPU priority';
      printTable(`POST /v1/checks on gd (PostgreSQL 15, fsync off) at ${connections} connections while ${records.toLocaleString('en-US')} records are imported and ${replicated.toLocaleString('en-US')} replicated from hk${priority}`, rows);
      printTable("the windows, and how late gd's event loop ran in them (a check waiting behind the server's own work)", [
        { what: `windows with a check p99 over ${GOAL_P99_MS} ms`, figure: `${windows.filter((w) => w.latency.p99 > GOAL_P99_MS).length} of ${windows.length}` },
        { what: 'event-loop delay p99, idle (ms)', figure: idleStats.loopP99 },
        { what: 'event-loop delay p99, median window (ms)', figure: percentile(delays.map((d) => d.loopP99), 50) },
        { what: 'event-loop delay p99, worst window (ms)', figure: Math.max(...delays.map((d) => d.loopP99)) },
        { what: 'event-loop delay max, worst window (ms)', figure: Math.max(...delays.map((d) => d.loopMax)) },
        { what: 'garbage-collection pauses over 10 ms during the windows', figure: gcPauses },
      ]);
      printTable('the background work', [
        { work: `credence import, ${records.toLocaleString('en-US')} records`, seconds: imported.seconds, 'records/s': records / imported.seconds, result: imported.error ?? 'exit 0', 'gd records after': await countRecords(db('gd'), 'gd') },
        { work: `credence exchange pull, ${replicated.toLocaleString('en-US')} records`, seconds: pulled.seconds, 'records/s': replicated / pulled.seconds, result: pulled.error ?? 'exit 0', 'hk records on gd after': await countRecords(db('gd'), 'hk') },
      ]);
    } finally {
      await gd.stop();
      await hk.stop();
    }
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
