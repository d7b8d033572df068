/**
 * PostgreSQL restarted under load (issue 8 §3), on a cluster of the test's own: while checks and register
 * reads keep coming, PostgreSQL is shut down (`pg_ctl stop -m fast`) and started again. The server process
 * stays up throughout; while the database is away /readyz and whatever needs the database answer 503
 * problem+json promptly (never a 500, never a hang); once it is back /readyz turns ready within seconds and
 * every request succeeds again, without restarting the server. PostgreSQL only.
 */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { SERVICE_KEY } from '../support/app.js';
import { startCli } from '../support/cli.js';
import { startCluster } from '../support/postgres-cluster.js';
import { freePort } from '../support/ports.js';

const ENTITY = 'uscc:91440101MA5CXXX01D';
/** Longest a request may take, database or not. */
const REQUEST_TIMEOUT_MS = 5_000;
/** How soon /readyz must say ready once PostgreSQL accepts connections again. */
const RECOVERY_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Phase = 'up' | 'stopping' | 'down' | 'starting' | 'back';
/** `across` for a request still in flight when the phase changed: it belongs to neither phase. */
type Answer = { phase: Phase | 'across'; status: number; problem: boolean; code?: string } | { phase: Phase | 'across'; failure: string };

/**
 * Workers sending checks (answered from the check index), register reads (from the database) and watch
 * registrations (a transaction of several statements) until stopped.
 */
class Load {
  phase: Phase = 'up';
  readonly answers: Answer[] = [];
  private running = true;
  private readonly workers: Promise<void>[];

  constructor(
    private readonly url: string,
    private readonly authorization: string,
    concurrency = 4,
  ) {
    this.workers = Array.from({ length: concurrency }, (_, n) => this.work(n));
  }

  async stop(): Promise<Answer[]> {
    this.running = false;
    await Promise.all(this.workers);
    return this.answers;
  }

  private async work(n: number): Promise<void> {
    const headers = { authorization: this.authorization, 'content-type': 'application/json' };
    while (this.running) {
      const phase = this.phase;
      const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
      const post = (url: string, body: object) => fetch(`${this.url}${url}`, { method: 'POST', headers, body: JSON.stringify(body), signal });
      const request = [
        () => post('/v1/checks', { entity: ENTITY, context: 'public-procurement' }),
        () => fetch(`${this.url}/v1/entities/${ENTITY}`, { headers, signal }),
        () => post('/v1/watches', { label: `load ${n}`, contexts: ['public-procurement'], entities: [ENTITY] }),
      ][n % 3]!;
      try {
        const res = await request();
        const problem = (res.headers.get('content-type') ?? '').startsWith('application/problem+json');
        const body = (await res.json()) as { code?: string };
        this.answers.push({ phase: this.phase === phase ? phase : 'across', status: res.status, problem, ...(problem ? { code: body.code } : {}) });
      } catch (error) {
        this.answers.push({ phase: this.phase === phase ? phase : 'across', failure: (error as Error).message });
      }
      await sleep(10);
    }
  }
}

async function readiness(url: string): Promise<{ status: number; type: string; code?: string }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = (await res.json()) as { code?: string };
  return { status: res.status, type: res.headers.get('content-type') ?? '', ...(body.code === undefined ? {} : { code: body.code }) };
}

describe.skipIf(process.env.TEST_DB !== 'postgres')('PostgreSQL restarted under load', () => {
  it('the server stays up, answers 503 while the database is away and recovers by itself', { timeout: 120_000 }, async () => {
    const cluster = await startCluster();
    try {
      const app = await buildApp({ ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent' }), database: { kind: 'postgres', url: cluster.url } }, { logger: pino({ level: 'silent' }) });
      let authorization: string;
      try {
        await app.imports.importFiles([path.join(import.meta.dirname, '..', 'fixtures', 'checks.ndjson')]);
        authorization = `Bearer ${(await app.keys.create(SERVICE_KEY, 'test')).key}`;
      } finally {
        await app.close();
      }

      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-pg-restart-')), 'gd.json');
      const { child, done } = startCli(['serve', '--db', cluster.url, '--port', String(port)], { CREDENCE_KEY_FILE: keyFile, CREDENCE_EXCHANGE_PULL_SECONDS: '0' });
      let load: Load | undefined;
      try {
        for (let i = 0; !(await readiness(url).then((r) => r.status === 200, () => false)); i++) {
          if (child.exitCode !== null) throw new Error(`the server stopped: ${(await done).stderr}`);
          expect(i, 'the server gets ready').toBeLessThan(600);
          await sleep(100);
        }
        load = new Load(url, authorization);
        await sleep(1_000);

        load.phase = 'stopping';
        await cluster.stopServer();
        load.phase = 'down';
        const down = await readiness(url);
        expect(down).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
        expect(down.type).toMatch(/^application\/problem\+json/);
        await sleep(1_500);
        expect(child.exitCode, 'the server process is still running').toBeNull();

        load.phase = 'starting';
        await cluster.startServer();
        const restarted = Date.now();
        while ((await readiness(url)).status !== 200) {
          expect(Date.now() - restarted, '/readyz ready again').toBeLessThan(RECOVERY_MS);
          await sleep(100);
        }
        load.phase = 'back';
        await sleep(1_000);
        const answers = await load.stop();

        // Never a network failure or a timeout, never a 500: 200, or 503 problem+json while the database is away.
        expect(answers.filter((a) => 'failure' in a)).toEqual([]);
        const unavailable = (a: Answer) => 'status' in a && a.status === 503 && a.problem && a.code === 'UNAVAILABLE';
        const ok = (a: Answer) => 'status' in a && (a.status === 200 || a.status === 201);
        expect(answers.filter((a) => !ok(a) && !unavailable(a))).toEqual([]);
        const inPhase = (phase: Phase) => answers.filter((a) => a.phase === phase);
        expect(inPhase('up').length).toBeGreaterThan(0);
        expect(inPhase('up').every(ok)).toBe(true);
        expect(inPhase('down').some(unavailable)).toBe(true);
        expect(inPhase('back').length).toBeGreaterThan(0);
        expect(inPhase('back').every(ok)).toBe(true);
      } finally {
        await load?.stop();
        child.kill('SIGTERM');
      }
      expect((await done).code).toBe(0);
    } finally {
      cluster.stop();
    }
  });
});
