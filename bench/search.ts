/**
 * Search bench (issue 6):
 * - the labelled evaluation set (test/fixtures/search) imported through `credence import`'s service into
 *   PGlite and PostgreSQL, every query run through the real search service (the in-memory name index):
 *   precision@1, recall@10, MRR, match precision and latency per query kind;
 * - the baseline measured in the same run: pg_trgm on the same folded name cores (GIN trigram index,
 *   `%` then `similarity`), its 300 best names rescored with the same `scoreName`;
 * - scale: 100,000 demo entities (gd, hk, mo) plus the evaluation corpus on PGlite: import, index build
 *   time and heap, and latency and throughput of the labelled queries and of 1,000 demo names.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { pino } from 'pino';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type DatabaseTarget } from '../src/config.js';
import { generateDemoData } from '../src/domain/demo-data/index.js';
import { analyseName, evaluateRankings, scoreName, type LabelledQuery, type RankedHit, type SearchFigures } from '../src/domain/names/index.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { registerIds, searchCorpus, searchQueries, writeEntityLines } from '../test/support/search-fixture.js';
import { percentile } from './support.js';
import { printTable, type Row } from './table.js';

const TODAY = '2026-11-27';
const TRGM_CANDIDATES = 300;
const SCALE_ENTITIES = 100_000;


type Query = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
type Strategy = (q: string) => Promise<RankedHit[]>;

interface Run {
  hits: Map<LabelledQuery, RankedHit[]>;
  latencies: Map<string, number[]>;
}

async function openApp(target: DatabaseTarget): Promise<App> {
  return buildApp({ ...loadConfig({}), database: target }, { logger: pino({ level: 'silent' }) });
}

/** Runs every query once through `strategy`, timing each. */
async function runQueries(queries: readonly LabelledQuery[], strategy: Strategy): Promise<Run> {
  const run: Run = { hits: new Map(), latencies: new Map() };
  for (const q of queries) {
    const started = performance.now();
    run.hits.set(q, await strategy(q.query));
    const ms = performance.now() - started;
    for (const kind of [q.kind, 'all']) run.latencies.set(kind, [...(run.latencies.get(kind) ?? []), ms]);
  }
  return run;
}

function figureRows(tier: string, queries: readonly LabelledQuery[], chosen: Run, baseline: Run): Row[] {
  const a = evaluateRankings(queries, (q) => chosen.hits.get(q) ?? []);
  const b = evaluateRankings(queries, (q) => baseline.hits.get(q) ?? []);
  const kinds = [...Object.keys(a.byKind).sort(), 'all'];
  const pick = (report: typeof a, kind: string): SearchFigures => (kind === 'all' ? report.overall : report.byKind[kind]!);
  const ratio = (x: number, y: number) => (y === 0 ? '∞' : (x / y).toFixed(2));
  return kinds.map((kind) => {
    const fa = pick(a, kind);
    const fb = pick(b, kind);
    const la = chosen.latencies.get(kind)!;
    const lb = baseline.latencies.get(kind)!;
    return {
      tier,
      kind,
      n: fa.queries,
      'p@1': fa.precisionAt1.toFixed(3),
      'r@10': fa.recallAt10.toFixed(3),
      MRR: fa.mrr.toFixed(3),
      'match prec.': fa.matchPrecision.toFixed(3),
      'p50 ms': percentile(la, 50).toFixed(2),
      'p99 ms': percentile(la, 99).toFixed(2),
      'trgm p@1': fb.precisionAt1.toFixed(3),
      'trgm MRR': fb.mrr.toFixed(3),
      'trgm p50 ms': percentile(lb, 50).toFixed(2),
      'trgm p99 ms': percentile(lb, 99).toFixed(2),
      'MRR ratio': ratio(fa.mrr, fb.mrr),
      'p50 speed-up': ratio(percentile(lb, 50), percentile(la, 50)),
    };
  });
}

/** The chosen strategy: the search service of the app, fixture ids read back from register ids. */
function serviceStrategy(app: App, fixtureIdOf: Map<string, string>): Strategy {
  return async (q) =>
    (await app.search.search({ q, limit: 10 })).map((h) => ({ id: fixtureIdOf.get(h.entity.id) ?? h.entity.id, score: h.score, name: h.entity.names[0]?.value ?? '' }));
}

/**
 * The baseline: a trigram table of folded name cores (the same folding the index uses), a GIN index, and
 * `%` + `similarity` to pick candidates that `scoreName` then ranks.
 */
async function trgmStrategy(query: Query, fixtureIdOf: Map<string, string>): Promise<Strategy> {
  await query('create extension if not exists pg_trgm', []);
  await query('create table bench_trgm (entity_id uuid not null, value text not null, lang text not null, core text not null)', []);
  const names = await query('select entity_id, value, lang from entity_names', []);
  for (let i = 0; i < names.length; i += 1000) {
    const chunk = names.slice(i, i + 1000);
    await query(
      'insert into bench_trgm select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[])',
      [chunk.map((n) => n.entity_id), chunk.map((n) => n.value), chunk.map((n) => n.lang), chunk.map((n) => analyseName(String(n.value)).core)],
    );
  }
  await query('create index bench_trgm_core on bench_trgm using gin (core gin_trgm_ops)', []);
  await query('analyze bench_trgm', []);
  return async (q) => {
    const analysed = analyseName(q);
    const rows = await query(
      `select entity_id, value, lang from bench_trgm where core % $1 order by similarity(core, $1) desc limit ${TRGM_CANDIDATES}`,
      [analysed.core],
    );
    const best = new Map<string, RankedHit>();
    for (const row of rows) {
      const id = fixtureIdOf.get(String(row.entity_id)) ?? String(row.entity_id);
      const { score } = scoreName(analysed, analyseName(String(row.value), row.lang as never));
      if (score > (best.get(id)?.score ?? 0)) best.set(id, { id, score, name: String(row.value) });
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, 10);
  };
}

async function evaluationOn(tier: string, target: DatabaseTarget, corpusFile: string, openTrgm: () => Promise<{ query: Query; close(): Promise<void> }>): Promise<Row[]> {
  const corpus = searchCorpus();
  const queries = searchQueries();
  const app = await openApp(target);
  let chosen: Run;
  let fixtureIdOf: Map<string, string>;
  try {
    await app.imports.importFiles([corpusFile]);
    fixtureIdOf = new Map([...(await registerIds(app, corpus))].map(([fixture, id]) => [id, fixture]));
    await app.search.ready();
    chosen = await runQueries(queries, serviceStrategy(app, fixtureIdOf));
  } finally {
    await app.close();
  }
  const trgm = await openTrgm();
  try {
    const baseline = await runQueries(queries, await trgmStrategy(trgm.query, fixtureIdOf));
    return figureRows(tier, queries, chosen, baseline);
  } finally {
    await trgm.close();
  }
}

async function writeScaleFile(file: string): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  for (const node of ['gd', 'hk', 'mo'] as const) {
    for (const line of generateDemoData({ node, entities: Math.ceil(SCALE_ENTITIES / 3), seed: 11, today: TODAY })) {
      if (line.type !== 'entity') continue;
      lines++;
      if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return lines;
}

/** A garbage collection on demand, to read the heap an index holds. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

async function scaleOnPglite(dir: string, corpusFile: string): Promise<void> {
  const scaleFile = path.join(dir, 'scale.ndjson');
  const demoLines = await writeScaleFile(scaleFile);
  const corpus = searchCorpus();
  const queries = searchQueries();
  const gc = collector();
  const app = await openApp({ kind: 'pglite', dataDir: path.join(dir, 'scale-db') });
  try {
    let started = performance.now();
    const summary = await app.imports.importFiles([scaleFile, corpusFile]);
    const importSeconds = (performance.now() - started) / 1000;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    started = performance.now();
    const index = await app.search.ready();
    const buildSeconds = (performance.now() - started) / 1000;
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    printTable('Search at scale: index build (PGlite)', [
      {
        entities: index.entities.size,
        names: index.names.length,
        'import s': importSeconds.toFixed(1),
        'index build s': buildSeconds.toFixed(1),
        'index heap MB': Math.round(heapMb),
        'rejected lines': summary.rejected,
      },
    ]);

    const fixtureIdOf = new Map([...(await registerIds(app, corpus))].map(([fixture, id]) => [id, fixture]));
    const labelled = await runQueries(queries, serviceStrategy(app, fixtureIdOf));
    const report = evaluateRankings(queries, (q) => labelled.hits.get(q) ?? []).overall;
    const demoNames = [...index.entities.values()].filter((_e, i) => i % 100 === 0).slice(0, 1000).map((e) => ({ query: e.entity.names[0]!.value, expected: [], kind: 'all' }));
    const demo = await runQueries(demoNames, serviceStrategy(app, fixtureIdOf));
    const latencyRow = (what: string, run: Run) => {
      const all = run.latencies.get('all')!;
      const total = all.reduce((a, b) => a + b, 0) / 1000;
      return { queries: what, 'p50 ms': percentile(all, 50).toFixed(2), 'p95 ms': percentile(all, 95).toFixed(2), 'p99 ms': percentile(all, 99).toFixed(2), 'queries/s': Math.round(all.length / total) };
    };
    printTable(`Search at scale: ${index.entities.size.toLocaleString('en-US')} entities (${demoLines.toLocaleString('en-US')} demo + the evaluation corpus), one core`, [
      { ...latencyRow(`labelled (${queries.length})`, labelled), 'p@1': report.precisionAt1.toFixed(3), 'r@10': report.recallAt10.toFixed(3), MRR: report.mrr.toFixed(3), 'match prec.': report.matchPrecision.toFixed(3) },
      latencyRow(`demo names (${demoNames.length})`, demo),
    ]);
  } finally {
    await app.close();
  }
}

export async function searchBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-search-'));
  const corpusFile = path.join(dir, 'corpus.ndjson');
  writeEntityLines(corpusFile, searchCorpus());
  const cluster = await startCluster();
  try {
    const rows: Row[] = [];
    const pgliteDir = path.join(dir, 'pglite');
    rows.push(
      ...(await evaluationOn('PGlite', { kind: 'pglite', dataDir: pgliteDir }, corpusFile, async () => {
        const client = await PGlite.create(pgliteDir, { extensions: { pg_trgm } });
        return { query: async (text, params) => (await client.query<Record<string, unknown>>(text, params)).rows, close: () => client.close() };
      })),
    );
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database bench_search');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/bench_search';
    rows.push(
      ...(await evaluationOn('PostgreSQL', { kind: 'postgres', url: url.toString() }, corpusFile, async () => {
        const client = new pg.Client({ connectionString: url.toString() });
        await client.connect();
        return { query: async (text, params) => (await client.query(text, params)).rows, close: () => client.end() };
      })),
    );
    printTable('Search: evaluation set, in-memory index (chosen) vs pg_trgm + rescoring (baseline), same run', rows);
    await scaleOnPglite(dir, corpusFile);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
