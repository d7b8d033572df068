/**
 * Import bench (issue: a Credence node you can run):
 * - records/s importing N record lines with `credence import`, beside a raw COPY of the same rows into the
 *   same table in the same run, on PGlite and on PostgreSQL;
 * - peak RSS of `credence import` for N/10 and N record lines;
 * - the start of `credence serve` on the N-record PGlite database until /readyz answers: first building its indexes,
 *   then, after a clean stop, loading their snapshots (also alone: `startBench`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type DatabaseTarget } from '../src/config.js';
import { generateDemoData } from '../src/domain/demo-data/index.js';
import { formatIdentifier } from '../src/domain/identifiers/index.js';
import { lineHash } from '../src/domain/import-plan.js';
import { interchangeSchemas, type RecordLine } from '../src/domain/interchange.js';
import { queryRows } from '../src/store/database.js';
import { RECORD_COLUMNS, recordCopyHead } from '../src/store/import-repository.js';
import { startCluster } from '../test/support/postgres-cluster.js';
import { CLI } from './support.js';
import { printTable, type Row } from './table.js';

const TODAY = '2026-11-27';
const COPY_CHUNK = 50_000;
const SERVE_HEAP_MB = 8_192;

interface Files {
  entities: string;
  records: string;
  recordLines: number;
  entityLines: number;
}

/** Demo data for gd split into an entity file and a record file with at least `records` record lines. */
async function generateFiles(dir: string, records: number, label: string): Promise<Files> {
  const entitiesFile = path.join(dir, `${label}-entities.ndjson`);
  const recordsFile = path.join(dir, `${label}-records.ndjson`);
  const e = createWriteStream(entitiesFile);
  const r = createWriteStream(recordsFile);
  let recordLines = 0;
  let entityLines = 0;
  // Demo data has about 0.77 records per entity; ask for enough entities and stop at `records`.
  for (const line of generateDemoData({ node: 'gd', entities: Math.ceil(records * 1.6), seed: 1, today: TODAY })) {
    if (line.type === 'record') {
      if (recordLines === records) continue;
      recordLines++;
      if (!r.write(JSON.stringify(line) + '\n')) await once(r, 'drain');
    } else {
      if (recordLines === records) break;
      entityLines++;
      if (!e.write(JSON.stringify(line) + '\n')) await once(e, 'drain');
    }
  }
  e.end();
  r.end();
  await Promise.all([once(e, 'finish'), once(r, 'finish')]);
  return { entities: entitiesFile, records: recordsFile, recordLines, entityLines };
}

interface ChildRun {
  seconds: number;
  peakRssMb: number;
  summary: { lines: number; seconds: number; rejected: number };
}

/** Runs `credence import` in a child process, sampling its peak RSS (VmHWM) from /proc. */
async function importInChild(file: string, db: string): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'import', file, '--db', db, '--json'], {
    env: { ...process.env, CREDENCE_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let peakKb = 0;
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKb = Math.max(peakKb, Number(m[1]));
    } catch {
      // the process has just exited
    }
  }, 50);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const [code] = await once(child, 'close');
  clearInterval(sample);
  if (code !== 0) throw new Error(`credence import exited ${code}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peakKb / 1024, summary: JSON.parse(stdout) };
}

async function openApp(target: DatabaseTarget): Promise<App> {
  return buildApp({ ...loadConfig({}), database: target }, { logger: pino({ level: 'silent' }) });
}

/** The COPY rows of the record file, subjects resolved against the imported entities, built before timing. */
async function copyChunks(app: App, file: string): Promise<string[]> {
  const owners = new Map<string, string>();
  for (const row of await queryRows<{ scheme: string; value: string; entity_id: string }>(app.database.db, sql`select scheme, value, entity_id from identifiers`)) {
    owners.set(`${row.scheme}:${row.value}`, row.entity_id);
  }
  const schema = interchangeSchemas({ identifierRules: app.config.identifierRules, today: TODAY }).record;
  const chunks: string[] = [];
  let chunk: string[] = [];
  for await (const text of createInterface({ input: createReadStream(file) })) {
    const line = schema.parse(JSON.parse(text)) as RecordLine;
    if (line.subject.kind !== 'identifier') throw new Error('demo subjects are identifiers');
    chunk.push(`${recordCopyHead(line, lineHash(line), 'gd')}\t${owners.get(formatIdentifier(line.subject.identifier))!}\t\\N\n`);
    if (chunk.length === COPY_CHUNK) {
      chunks.push(chunk.join(''));
      chunk = [];
    }
  }
  if (chunk.length > 0) chunks.push(chunk.join(''));
  return chunks;
}

/** Raw COPY of the rows into `records`, timed, then emptied again for the import. */
async function rawCopy(target: DatabaseTarget, file: string, rows: number): Promise<number> {
  const app = await openApp(target);
  try {
    const chunks = await copyChunks(app, file);
    const started = performance.now();
    await app.database.transaction(async (tx) => {
      for (const chunk of chunks) await tx.copyRows('records', RECORD_COLUMNS, chunk);
    });
    const seconds = (performance.now() - started) / 1000;
    // Cascade: tables that reference records (statements) hold nothing in this database, but truncate refuses without it.
    await app.database.db.execute(sql`truncate records cascade`);
    return rows / seconds;
  } finally {
    await app.close();
  }
}

async function importOn(tier: string, target: DatabaseTarget, flag: string, files: Files): Promise<Row[]> {
  process.stderr.write(`[${tier}] importing ${files.entityLines} entity lines\n`);
  const entities = await importInChild(files.entities, flag);
  process.stderr.write(`[${tier}] raw COPY of ${files.recordLines} record rows\n`);
  const copyRate = await rawCopy(target, files.records, files.recordLines);
  process.stderr.write(`[${tier}] importing ${files.recordLines} record lines\n`);
  const records = await importInChild(files.records, flag);
  const importRate = records.summary.lines / records.summary.seconds;
  return [
    { tier, what: `import ${files.entityLines} entity lines`, 'lines/s': Math.round(entities.summary.lines / entities.summary.seconds), 'peak RSS MB': Math.round(entities.peakRssMb), 'vs raw COPY': '' },
    { tier, what: `raw COPY ${files.recordLines} record rows`, 'lines/s': Math.round(copyRate), 'peak RSS MB': '', 'vs raw COPY': 1 },
    { tier, what: `import ${files.recordLines} record lines`, 'lines/s': Math.round(importRate), 'peak RSS MB': Math.round(records.peakRssMb), 'vs raw COPY': Number((importRate / copyRate).toFixed(2)) },
  ];
}

/** A running `credence serve`: seconds from spawn until it answered /healthz (the register) and /readyz (the indexes). */
interface Start {
  answering: number;
  ready: number;
  /** Stops it with SIGTERM (a clean close: the index snapshots are written) and resolves to the seconds it took. */
  stop(): Promise<number>;
}

async function serve(dbDir: string): Promise<Start> {
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const started = performance.now();
  // The heap a register of a million records needs (docs/deploy.md, sizing): Node's default is about 4 GB here.
  const child = spawn(process.execPath, [`--max-old-space-size=${SERVE_HEAP_MB}`, CLI, 'serve', '--db', dbDir, '--port', String(port)], {
    env: { ...process.env, CREDENCE_LOG_LEVEL: 'silent', CREDENCE_EXCHANGE_PULL_SECONDS: '0' },
    stdio: 'ignore',
  });
  let exited: number | null | undefined;
  const closed = once(child, 'close');
  child.on('exit', (code) => (exited = code));
  const until = async (path: string) => {
    for (;;) {
      if (exited !== undefined) throw new Error(`serve exited with code ${exited} before ${path} answered`);
      // A server busy building its indexes may not answer at all: give each probe a deadline.
      if (await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false)) return (performance.now() - started) / 1000;
      if (performance.now() - started > 600_000) throw new Error(`serve did not answer ${path} within 600 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stop = async () => {
    const stopping = performance.now();
    if (exited === undefined) child.kill('SIGTERM');
    await closed;
    if (exited !== 0) throw new Error(`serve exited with code ${exited} when stopped`);
    return (performance.now() - stopping) / 1000;
  };
  try {
    const answering = await until('/healthz');
    return { answering, ready: await until('/readyz'), stop };
  } catch (error) {
    child.kill('SIGKILL');
    await closed;
    throw error;
  }
}

/**
 * Starts `credence serve` on the PGlite database twice and prints the table: the first start builds the search and
 * check indexes from the register (any snapshot is removed first); its clean stop writes their snapshots; the
 * restart loads them.
 */
async function printStarts(dbDir: string, label: string): Promise<void> {
  rmSync(path.join(dbDir, 'index-snapshots'), { recursive: true, force: true });
  const first = await serve(dbDir);
  const firstStop = await first.stop();
  const again = await serve(dbDir);
  const againStop = await again.stop();
  printTable(`Start of credence serve on ${label} (goal: ready ≤ 3 s)`, [
    { start: 'first: indexes built from the register (baseline)', 'answering (s)': round2(first.answering), 'ready (s)': round2(first.ready), 'clean stop (s)': round2(firstStop), 'ready vs baseline': 1 },
    { start: 'restart: indexes loaded from their snapshots', 'answering (s)': round2(again.answering), 'ready (s)': round2(again.ready), 'clean stop (s)': round2(againStop), 'ready vs baseline': Number((again.ready / first.ready).toFixed(3)) },
  ]);
}

const round2 = (n: number) => Number(n.toFixed(2));

/**
 * `npm run bench -- start [--db DIR] [--records N]`: the starts of {@link printStarts} on the PGlite database in DIR (it
 * is used, not copied), or on a fresh one with N demo record lines imported.
 */
export async function startBench(options: { records: number; db?: string | undefined }): Promise<void> {
  if (options.db) return printStarts(options.db, `the PGlite database ${options.db}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-'));
  try {
    process.stderr.write(`generating and importing demo data: ${options.records} record lines\n`);
    const files = await generateFiles(dir, options.records, 'start');
    const dbDir = path.join(dir, 'pglite');
    await importInChild(files.entities, dbDir);
    await importInChild(files.records, dbDir);
    await printStarts(dbDir, `PGlite, ${options.records} records`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function importBench(options: { records: number }): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-'));
  const cluster = await startCluster();
  try {
    const small = Math.round(options.records / 10);
    process.stderr.write(`generating demo data: ${options.records} and ${small} record lines\n`);
    const big = await generateFiles(dir, options.records, 'big');
    const little = await generateFiles(dir, small, 'small');

    const pgliteDir = path.join(dir, 'pglite');
    const rows = await importOn('PGlite', { kind: 'pglite', dataDir: pgliteDir }, pgliteDir, big);
    const pgUrl = cluster.url;
    rows.push(...(await importOn('PostgreSQL 15', { kind: 'postgres', url: pgUrl }, pgUrl, big)));
    printTable(`Import throughput (gd demo data; ratio goal ≥ 0.5 of raw COPY)`, rows);

    const smallDir = path.join(dir, 'pglite-small');
    await importInChild(little.entities, smallDir);
    const smallRun = await importInChild(little.records, smallDir);
    const bigRss = rows[2]!['peak RSS MB'] as number;
    printTable('Peak RSS of credence import (PGlite; goal: 1M ≤ 1.2 × 100k)', [
      { 'record lines': small, 'peak RSS MB': Math.round(smallRun.peakRssMb), ratio: 1 },
      { 'record lines': options.records, 'peak RSS MB': bigRss, ratio: Number((bigRss / smallRun.peakRssMb).toFixed(2)) },
    ]);

    await printStarts(pgliteDir, `PGlite, ${options.records} records`);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
