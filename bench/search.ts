/**
 * Search bench (issue 6):
 * - the labelled evaluation set (test/fixtures/search) imported through `credence import`'s service into
 *   PGlite and PostgreSQL, every query run through the real search service (the in-memory name index):
 *   precision@1, recall@10, MRR, match precision and latency per query kind;
 * - the baseline measured in the same run: pg_trgm on the same folded name cores (GIN trigram index,
 *   `%` then `similarity`), its 300 best names rescored with the same `scoreName`;
 * - scale: `--entities` demo entities (gd, hk, mo; 1,000,000 by default) plus the evaluation corpus on
 *   PGlite: import, index build (from the database, as `credence serve` does) time and heap, latency and
 *   throughput of the labelled queries and of 1,000 demo names on one core; beside them, the baseline of
 *   scoring every name in the index (no candidate selection) on a sample, for its speed and to show
 *   which first hits the candidate selection loses.
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
import {
  analyseName,
  evaluateRankings,
  indexCounts,
  indexedEntity,
  indexedEntityIds,
  indexedNames,
  prepareQuery,
  scoreName,
  scorePrepared,
  type LabelledQuery,
  type NameIndex,
  type RankedHit,
  type SearchFigures,
} from '../src/domain/names/index.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { registerIds, searchCorpus, searchQueries, writeEntityLines } from '../test/support/search-fixture.js';
import { percentile } from './support.js';
import { printTable, type Row } from './table.js';

const TODAY = '2026-11-27';
const TRGM_CANDIDATES = 300;
/** Queries the exhaustive baseline answers at scale (each scores every name: about a second a query at 1M). */
const EXHAUSTIVE_SAMPLE = 40;


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
    for (const kind of new Set([q.kind, 'all'])) run.latencies.set(kind, [...(run.latencies.get(kind) ?? []), ms]);
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
      'r@5': fa.recallAt5.toFixed(3),
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

async function writeScaleFile(file: string, entities: number): Promise<number> {
  const out = createWriteStream(file);
  let lines = 0;
  for (const node of ['gd', 'hk', 'mo'] as const) {
    for (const line of generateDemoData({ node, entities: Math.ceil(entities / 3), seed: 11, today: TODAY })) {
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

/**
 * The baseline at scale: every live name of the index scored against the query (what the candidate
 * selection spares), each entity keeping its best name; the first hit's entity and score.
 */
function exhaustiveFirst(index: NameIndex, q: string): { entityId: string; score: number } | undefined {
  const prepared = prepareQuery(analyseName(q));
  let best: { entityId: string; score: number } | undefined;
  for (const entry of indexedNames(index)) {
    const score = scorePrepared(prepared, entry.analysed);
    if (score > 0 && (!best || score > best.score || (score === best.score && entry.entityId < best.entityId))) best = { entityId: entry.entityId, score };
  }
  return best;
}

function latencyFigures(ms: readonly number[]) {
  const total = ms.reduce((a, b) => a + b, 0) / 1000;
  return {
    'p50 ms': percentile(ms, 50).toFixed(2),
    'p95 ms': percentile(ms, 95).toFixed(2),
    'p99 ms': percentile(ms, 99).toFixed(2),
    'queries/s': Math.round(ms.length / total),
  };
}

async function scaleOnPglite(dir: string, corpusFile: string, entities: number): Promise<void> {
  const scaleFile = path.join(dir, 'scale.ndjson');
  const demoLines = await writeScaleFile(scaleFile, entities);
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
    const counts = indexCounts(index);
    printTable('Search at scale: index build from the database (PGlite)', [
      {
        ...counts,
        'import s': importSeconds.toFixed(1),
        'index build s': buildSeconds.toFixed(1),
        'build goal s': 60,
        'build ratio': (buildSeconds / 60).toFixed(2),
        'index heap MB': Math.round(heapMb),
        'KB an entity': ((heapMb * 1000) / counts.entities).toFixed(2),
        'rejected lines': summary.rejected,
      },
    ]);

    const fixtureIdOf = new Map([...(await registerIds(app, corpus))].map(([fixture, id]) => [id, fixture]));
    const labelled = await runQueries(queries, serviceStrategy(app, fixtureIdOf));
    const report = evaluateRankings(queries, (q) => labelled.hits.get(q) ?? []).overall;
    // Demo names repeat some corpus names exactly: a right answer tied with the first hit's score is
    // indistinguishable by name, whichever entity the id order puts first.
    const answered = queries.filter((q) => q.expected.length > 0);
    const rightOrTied = answered.filter((q) => {
      const hits = labelled.hits.get(q) ?? [];
      return hits.some((h) => q.expected.includes(h.id) && h.score === hits[0]!.score);
    }).length;
    const ids = [...indexedEntityIds(index)];
    const step = Math.max(1, Math.floor(ids.length / 1000));
    const demoNames = ids.filter((_id, i) => i % step === 0).slice(0, 1000).map((id) => ({ query: indexedEntity(index, id)!.names[0]!.value, expected: [], kind: 'demo' }));
    const demo = await runQueries(demoNames, serviceStrategy(app, fixtureIdOf));

    // The baseline on a sample of names (labelled and demo; identifier queries have no names to score).
    const named = queries.filter((q) => q.kind !== 'identifier');
    const sample = [...named.filter((_q, i) => i % Math.floor(named.length / (EXHAUSTIVE_SAMPLE / 2)) === 0), ...demoNames.filter((_q, i) => i % 50 === 0)].slice(0, EXHAUSTIVE_SAMPLE);
    const exhaustiveMs: number[] = [];
    const sampleMs: number[] = [];
    let sameFirst = 0;
    for (const q of sample) {
      let t = performance.now();
      const first = exhaustiveFirst(index, q.query);
      exhaustiveMs.push(performance.now() - t);
      t = performance.now();
      const [hit] = await app.search.search({ q: q.query, limit: 1 });
      sampleMs.push(performance.now() - t);
      // The same best score is the same answer: equal scores are ties, whichever entity is named.
      if ((hit?.score ?? 0) === (first?.score ?? 0)) sameFirst++;
    }
    const ours = [...labelled.latencies.get('all')!, ...demo.latencies.get('all')!];
    const oursFigures = latencyFigures(ours);
    const baselineFigures = latencyFigures(exhaustiveMs);
    printTable(`Search at scale: ${counts.entities.toLocaleString('en-US')} entities (${demoLines.toLocaleString('en-US')} demo + the evaluation corpus), one core`, [
      { queries: `labelled (${queries.length})`, ...latencyFigures(labelled.latencies.get('all')!), 'p@1': report.precisionAt1.toFixed(3), 'p@1 answered, ties right': (rightOrTied / answered.length).toFixed(3), 'r@5': report.recallAt5.toFixed(3), 'r@10': report.recallAt10.toFixed(3), MRR: report.mrr.toFixed(3), 'match prec.': report.matchPrecision.toFixed(3) },
      { queries: `demo names (${demoNames.length})`, ...latencyFigures(demo.latencies.get('all')!) },
      { queries: `both (${ours.length}): goal p95 ≤ 30 ms, ≥ 500/s`, ...oursFigures, 'ratio to goal': `p95 ${(percentile(ours, 95) / 30).toFixed(2)}, q/s ${(oursFigures['queries/s'] / 500).toFixed(2)}` },
      { queries: `baseline: every name scored (${sample.length})`, ...baselineFigures, 'ratio to goal': `same first hit ${sameFirst}/${sample.length}; on these queries the index is ${(percentile(exhaustiveMs, 50) / percentile(sampleMs, 50)).toFixed(0)} × faster (median)` },
    ]);
  } finally {
    await app.close();
  }
}

export async function searchBench(options: { entities: number }): Promise<void> {
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
    await scaleOnPglite(dir, corpusFile, options.entities);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
