/**
 * Check bench (issue 3, "Numbers"):
 * (a) in process, on `entities` synthetic entities with 3 records each on average, drawn from gd demo records:
 *     building the check index, checks/s from it (lookup alone, and the whole synchronous check), the memory the
 *     index holds (V8 heap and typed arrays), and a full re-evaluation (simulation of a candidate pack) of every entity;
 * (b) `POST /v1/checks` over HTTP at 64 connections for 20 s (autocannon in a child process, 127.0.0.1), beside a
 *     bare Fastify route returning a constant JSON body of the same size, in the same run, each after a warm-up;
 *     the two take turns in 4 rounds of 5 s.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fastify from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../src/app.js';
import { writeDemoData } from '../src/cli/commands/demo-data.js';
import { loadConfig } from '../src/config.js';
import { generateDemoData } from '../src/domain/demo-data/index.js';
import { Random } from '../src/domain/demo-data/random.js';
import { usccCheckCharacter } from '../src/domain/identifiers/uscc.js';
import { compilePack } from '../src/domain/policy/compile.js';
import { toDay } from '../src/domain/policy/dates.js';
import type { EvaluableRecord, EvaluationInput } from '../src/domain/policy/model.js';
import { MEASURE_CONTEXTS, type MeasureContext } from '../src/domain/policy/vocabulary.js';
import type { RecordLineInput } from '../src/domain/interchange.js';
import { buildHttpServer } from '../src/http/server.js';
import { loadPack } from '../src/policy/load-pack.js';
import { simulatePack } from '../src/policy/simulate.js';
import { CheckService, type CheckRequest } from '../src/services/check-service.js';
import { DecisionIndex } from '../src/services/decision-index.js';
import { cannon, percentile, type Cannon } from './support.js';
import { printTable, type Row } from './table.js';

const TODAY = '2026-11-27';
const POLICIES = path.join(import.meta.dirname, '..', 'policies', 'gd');
/** Each server first takes this much load unmeasured, so that both are measured warm (JIT, pools). */
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 64;
/** The HTTP comparison's rounds: each route is loaded for `seconds / HTTP_ROUNDS` a round. */
const HTTP_ROUNDS = 4;

/** Records of the gd demo data as the evaluator reads them, to draw synthetic entities' records from. */
function recordPool(size: number): Omit<EvaluableRecord, 'id' | 'sourceId'>[] {
  const pool: Omit<EvaluableRecord, 'id' | 'sourceId'>[] = [];
  for (const line of generateDemoData({ node: 'gd', entities: size, seed: 3, today: TODAY })) {
    if (line.type !== 'record') continue;
    const r = line as RecordLineInput;
    pool.push({
      originNode: 'gd',
      category: r.category,
      domain: r.domain,
      severity: r.severity,
      authority: r.authority,
      decidedOn: r.decidedOn,
      penaltyKinds: r.penalty?.kinds,
      amount: r.penalty?.amount ?? r.court?.amountOwed,
      rating: r.rating && { scheme: r.rating.scheme, grade: r.rating.grade },
      status: r.status ?? 'active',
    });
  }
  return pool;
}

/** `entities` entities with 0–6 records each (3 on average), as pages of 10,000. */
function* syntheticRegister(entities: number, pool: readonly Omit<EvaluableRecord, 'id' | 'sourceId'>[]): Generator<EvaluationInput[]> {
  const rng = new Random(11);
  let seq = 0;
  for (let start = 0; start < entities; start += 10_000) {
    const page: EvaluationInput[] = [];
    for (let i = start; i < Math.min(entities, start + 10_000); i++) {
      const records: EvaluableRecord[] = [];
      for (let n = rng.int(7); n > 0; n--) {
        seq++;
        records.push({ ...pool[rng.int(pool.length)]!, id: String(seq), sourceId: `GD-BENCH-${seq}` });
      }
      page.push({ entity: { id: entityId(i), jurisdiction: 'GD' }, refs: [refOf(i)], records });
    }
    yield page;
  }
}

const entityId = (i: number) => `00000000-0000-8000-8000-${String(i).padStart(12, '0')}`;
/** A valid USCC reference for entity `i`. */
const refOf = (i: number) => {
  const first17 = `91440300${String(i).padStart(9, '0')}`;
  return `uscc:${first17}${usccCheckCharacter(first17)}`;
};

/** MB held on the V8 heap and in array buffers (the index's typed arrays live outside the heap), after a full GC. */
function heldMb(gc: () => void): { heap: number; arrays: number } {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed / 2 ** 20, arrays: arrayBuffers / 2 ** 20 };
}

async function inProcess(entities: number): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const pack = compilePack(await loadPack(POLICIES));
  const pool = recordPool(20_000);
  const day = toDay(TODAY);
  const rows: Row[] = [];

  const before = heldMb(gc);
  let started = performance.now();
  const index = new DecisionIndex(pack);
  let records = 0;
  for (const page of syntheticRegister(entities, pool)) {
    for (const input of page) {
      records += input.records.length;
      index.put(input, day);
    }
  }
  const buildSeconds = (performance.now() - started) / 1000;
  const after = heldMb(gc);
  const heap = after.heap - before.heap;
  const arrays = after.arrays - before.arrays;
  rows.push({ what: `build index: ${entities.toLocaleString('en-US')} entities, ${records.toLocaleString('en-US')} records`, figure: buildSeconds, unit: 's', goal: '', ratio: '' });
  rows.push({ what: 'memory held by the index: V8 heap', figure: heap, unit: 'MB', goal: '', ratio: '' });
  rows.push({ what: 'memory held by the index: typed arrays (outside the heap)', figure: arrays, unit: 'MB', goal: '', ratio: '' });
  rows.push({ what: 'memory held by the index: both', figure: heap + arrays, unit: 'MB', goal: '≤ 300', ratio: (heap + arrays) / 300 });

  const N = 2_000_000;
  const ROUNDS = 5;
  const rng = new Random(5);
  const requests: CheckRequest[] = Array.from({ length: 65_536 }, () => ({ entity: refOf(rng.int(entities)), context: MEASURE_CONTEXTS[rng.int(6)]! }));
  const keys = requests.map((r) => r.entity);
  const contexts = requests.map((r) => MEASURE_CONTEXTS.indexOf(r.context as MeasureContext));
  const checks = new CheckService({ db: undefined as never, policy: { today: () => day, decisionIndex: async () => index, builtIndex: () => index }, identifierRules: loadConfig({}).identifierRules });
  // Rounds alternate the two loops, and the median round is reported: this VM's speed drifts within a run.
  const lookupRates: number[] = [];
  const checkRates: number[] = [];
  let denies = 0;
  for (let round = 0; round < ROUNDS; round++) {
    started = performance.now();
    for (let i = 0; i < N; i++) {
      if (index.outcomeOn(index.slotOf(keys[i & 65_535]!)!, day, contexts[i & 65_535]!)!.decision === 'deny') denies++;
    }
    lookupRates.push(N / ((performance.now() - started) / 1000));
    started = performance.now();
    for (let i = 0; i < N; i++) if (checks.tryCheck(index, requests[i & 65_535]!)!.decision === 'deny') denies--;
    checkRates.push(N / ((performance.now() - started) / 1000));
  }
  const lookups = percentile(lookupRates, 50);
  const full = percentile(checkRates, 50);
  const of = `median of ${ROUNDS} rounds of ${N.toLocaleString('en-US')}`;
  rows.push({ what: `index lookups/s (slot + outcome on a day; ${of})`, figure: Math.round(lookups), unit: '/s', goal: '', ratio: '' });
  rows.push({ what: `checks/s (parse ref, lookup, shape the answer; ${of})`, figure: Math.round(full), unit: '/s', goal: '≥ 1,000,000', ratio: full / 1_000_000 });
  if (denies !== 0) throw new Error('the two loops disagree');

  const candidate = compilePack({ ...pack.pack, manifest: { ...pack.pack.manifest, version: 'candidate' } });
  started = performance.now();
  const report = await simulatePack(pack, candidate, syntheticRegister(entities, pool), TODAY);
  const simSeconds = (performance.now() - started) / 1000;
  rows.push({ what: `simulation: re-evaluate ${report.entities.toLocaleString('en-US')} entities under two packs`, figure: simSeconds, unit: 's', goal: '≤ 60', ratio: simSeconds / 60 });
  printTable('check index, in process (one core)', rows);
}

async function overHttp(entities: number, seconds: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-check-'));
  // One service key at full speed: its limit is the highest the configuration allows (the limiter still counts).
  const app = await buildApp({ ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent', CREDENCE_RATE_LIMIT_PER_KEY: String(100_000_000) }), database: { kind: 'pglite', dataDir: dir } }, { logger: pino({ level: 'silent' }) });
  try {
    const file = path.join(dir, 'demo.ndjson');
    const out = createWriteStream(file);
    await writeDemoData({ node: 'gd', entities, seed: 1, today: TODAY }, out);
    out.end();
    await once(out, 'finish');
    await app.imports.importFiles([file]);
    await app.policy.decisionIndex();
    const server = await buildHttpServer(app);
    const url = await server.listen({ host: '127.0.0.1', port: 0 });
    // Checks are answered to a service key, authenticated on every request as in production.
    const { key } = await app.keys.create({ role: 'service', label: 'bench', contexts: ['honours'] }, 'bench');
    const authorization = `Bearer ${key}`;
    // An entity some measure applies to, so the answer carries measures, legal basis and facts.
    let body = '';
    let answer = '';
    for (const line of generateDemoData({ node: 'gd', entities, seed: 1, today: TODAY })) {
      if (line.type !== 'record' || line.category !== 'court-enforcement') continue;
      const request = JSON.stringify({ entity: line.subject, context: 'honours' });
      const res = await server.inject({ method: 'POST', url: '/v1/checks', payload: request, headers: { 'content-type': 'application/json', authorization } });
      if (res.statusCode === 200 && res.json().decision === 'deny') {
        body = request;
        answer = res.body;
        break;
      }
    }
    if (!body) throw new Error('no entity with a deny decision in the demo data');
    const bare = Fastify();
    bare.post('/v1/checks', async (_request, reply) => reply.type('application/json').send(answer));
    const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
    const routes = [
      { what: 'bare Fastify route, constant body of the same size', url: `${bareUrl}/v1/checks`, authorization: undefined, rounds: [] as Cannon[] },
      { what: 'POST /v1/checks (goal ≥ 0.7×, p99 ≤ 10 ms)', url: `${url}/v1/checks`, authorization, rounds: [] as Cannon[] },
    ];
    for (const route of routes) await cannon(route.url, body, WARM_UP_SECONDS, { connections: CONNECTIONS, authorization: route.authorization });
    // This VM's speed drifts by tens of per cent within a minute: the two routes take turns, each round in the
    // other order, and each round's ratio compares loads measured side by side.
    const roundSeconds = Math.max(1, Math.round(seconds / HTTP_ROUNDS));
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      for (const route of round % 2 === 0 ? routes : [...routes].reverse()) {
        route.rounds.push(await cannon(route.url, body, roundSeconds, { connections: CONNECTIONS, authorization: route.authorization }));
      }
    }
    await server.close();
    await bare.close();

    const [baseline, check] = routes.map((r) => r.rounds) as [Cannon[], Cannon[]];
    const ratios = check.map((c, i) => c.requests.average / baseline[i]!.requests.average);
    const sum = (rounds: Cannon[], of: (c: Cannon) => number) => rounds.reduce((total, c) => total + of(c), 0);
    const row = (what: string, rounds: Cannon[], ratio: string): Row => ({
      what,
      'req/s': Math.round(sum(rounds, (c) => c.requests.total) / (roundSeconds * HTTP_ROUNDS)),
      'p50 ms': percentile(rounds.map((c) => c.latency.p50), 50),
      'p99 ms (median / worst round)': `${percentile(rounds.map((c) => c.latency.p99), 50)} / ${Math.max(...rounds.map((c) => c.latency.p99))}`,
      'non-2xx': sum(rounds, (c) => c.non2xx + c.errors),
      'vs bare (median round; range)': ratio,
    });
    const fixed = (n: number) => n.toFixed(2);
    printTable(
      `POST /v1/checks over HTTP, ${CONNECTIONS} connections, ${HTTP_ROUNDS} alternating rounds of ${roundSeconds} s each, answer ${Buffer.byteLength(answer)} bytes (${entities.toLocaleString('en-US')}-entity register on PGlite)`,
      [
        row(routes[0]!.what, baseline, '1'),
        row(routes[1]!.what, check, `${fixed(percentile(ratios, 50))}; ${fixed(Math.min(...ratios))}–${fixed(Math.max(...ratios))}`),
      ],
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs both parts; `entities` sizes the in-process index, `seconds` each HTTP run. */
export async function checkBench(options: { entities: number; seconds: number }): Promise<void> {
  await inProcess(options.entities);
  await overHttp(Math.min(options.entities, 20_000), options.seconds);
}
