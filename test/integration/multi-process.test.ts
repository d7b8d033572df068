/**
 * Several API processes on one PostgreSQL database (issue 8 §5): two real `credence serve` processes, A and B,
 * keep their check and search indexes consistent through LISTEN/NOTIFY — a record made and corrected through A,
 * an import by a third process and a policy activation on A are answered by B at once (polled against a 2 s
 * deadline); a process whose listening connection was cut reconnects and rebuilds what it missed; `serve
 * --workers 2` answers from two workers, replaces one killed, and stops on SIGTERM. On PGlite only the refusal of
 * `--workers` runs: the embedded database belongs to one process.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Principal } from '../../src/domain/access.js';
import { readPackFiles } from '../../src/policy/load-pack.js';
import { CHANGE_CHANNEL } from '../../src/store/change-bus.js';
import { queryRows } from '../../src/store/database.js';
import { runCli, startCli, type CliResult } from '../support/cli.js';
import { createTestDatabase, testTier, type TestDatabase } from '../support/database.js';
import { daysAgo } from '../support/lines.js';
import { freePort } from '../support/ports.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const GD_PACK = fileURLToPath(new URL('../../policies/gd', import.meta.url));
const CLEAN = 'uscc:91440101MA5CXXX05R'; // no records in checks.ndjson
/** How long another process may take to answer a change made through one. */
const DEADLINE_MS = 2_000;

/** An ISO date `days` before today (UTC, so never after today in the GBA). */

/** A `credence serve` process on 127.0.0.1. */
interface Server {
  url: string;
  child: ReturnType<typeof startCli>['child'];
  done: Promise<CliResult>;
}

async function serve(db: TestDatabase, env: Record<string, string>, extra: string[] = []): Promise<Server> {
  const port = await freePort();
  const { child, done } = startCli(['serve', '--db', db.flag, '--port', String(port), ...extra], env);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i++) {
    if (i >= 600) throw new Error(`${url} not ready: ${(await Promise.race([done, Promise.resolve(undefined)]))?.stderr ?? ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, done };
}

/** Polls `read` every `every` ms until `accept` holds, failing after `deadline` ms; returns how long it took. */
async function within<T>(read: () => Promise<T>, accept: (value: T) => boolean, deadline = DEADLINE_MS, every = 20): Promise<number> {
  const started = performance.now();
  for (let value = await read(); !accept(value); value = await read()) {
    if (performance.now() - started > deadline) throw new Error(`not seen within ${deadline} ms: ${JSON.stringify(value, (_key, v: unknown) => (v instanceof Set ? [...v] : v))}`);
    await new Promise((r) => setTimeout(r, every));
  }
  return performance.now() - started;
}

async function send(url: string, method: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** GET on a new connection each time, so that the cluster hands it to the next worker. */
function getFresh(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: 'close' } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

async function createKey(db: TestDatabase, env: Record<string, string>, args: string[]): Promise<string> {
  const res = await runCli(['keys', 'create', ...args, '--db', db.flag, '--json'], env);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout).key as string;
}

describe.skipIf(testTier() !== 'postgres')('several processes on one PostgreSQL database', () => {
  const env = { CREDENCE_KEY_FILE: path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-multi-')), 'gd.json'), CREDENCE_EXCHANGE_PULL_SECONDS: '0' };
  const servers: Server[] = [];
  let db: TestDatabase;
  let admin: Record<string, string>;
  let court: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    const imported = await runCli(['import', fixture('checks.ndjson'), '--db', db.flag], env);
    expect(imported.code, imported.stderr).toBe(0);
    admin = { authorization: `Bearer ${await createKey(db, env, ['--role', 'policy-admin', '--label', 'admin'])}` };
    court = { authorization: `Bearer ${await createKey(db, env, ['--role', 'officer', '--authority', 'gd-court-gz', '--duties', 'recorder', '--label', 'court'])}` };
  });
  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.done;
    }
    await db?.drop();
  });

  const check = async (server: Server, entity: string) => (await send(`${server.url}/v1/checks`, 'POST', { entity, context: 'honours' }, admin)).json as { decision: string; policyVersion: string };

  it('a change made through A, or by another process, is answered by B at once', async () => {
    const [a, b] = await Promise.all([serve(db, env), serve(db, env)]);
    servers.push(a, b);
    expect(await check(b, CLEAN)).toMatchObject({ decision: 'allow', policyVersion: '2026.1' });

    // A court enforcement recorded through A puts the entity on the dishonest judgment debtors list.
    const recorded = await send(`${a.url}/v1/records`, 'POST', {
      sourceId: 'MULTI-COURT-1',
      subject: CLEAN,
      category: 'court-enforcement',
      domain: 'other-regulatory',
      authority: 'gd-court-gz',
      decisionNo: '（2026）粤0106执9号',
      decidedOn: daysAgo(90),
      legalBasis: [{ instrument: '中华人民共和国民事诉讼法', article: '第二百六十六条' }],
      summary: '未履行生效判决',
      court: { caseNo: '（2026）粤0106执9号', amountOwed: { value: 50_000, currency: 'CNY' } },
    }, court);
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(201);
    expect(await check(a, CLEAN)).toMatchObject({ decision: 'deny' });
    const recordMs = await within(() => check(b, CLEAN), (c) => c.decision === 'deny');

    // Corrected through A to a decision of yesterday: inside its notice window, so of no effect yet.
    const corrected = await send(`${a.url}/v1/records/${recorded.json.id}/correction`, 'POST', { decidedOn: daysAgo(1), reason: 'wrong date' }, court);
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(201);
    const correctionMs = await within(() => check(b, CLEAN), (c) => c.decision === 'allow');

    // A third process imports new entities: both servers find them by name.
    const search = async (server: Server) => JSON.stringify(await (await fetch(`${server.url}/v1/entities?q=${encodeURIComponent('华为技术')}`)).json());
    expect(await search(b)).not.toContain('914403001922038216');
    expect((await runCli(['import', fixture('register.ndjson'), '--db', db.flag], env)).code).toBe(0);
    const importMs = await within(() => Promise.all([search(a), search(b)]), (found) => found.every((s) => s.includes('914403001922038216')));

    // A policy version activated on A answers B's checks.
    const files = structuredClone(await readPackFiles(GD_PACK));
    (files['pack.yaml'] as { version: string }).version = '2026.9';
    const activated = await send(`${a.url}/v1/policy/activations`, 'POST', { files }, admin);
    expect(activated.status, JSON.stringify(activated.json)).toBe(201);
    const activationMs = await within(() => check(b, CLEAN), (c) => c.policyVersion === '2026.9');
    console.info(`B caught up in ms: record ${recordMs.toFixed(0)}, correction ${correctionMs.toFixed(0)}, import ${importMs.toFixed(0)}, activation ${activationMs.toFixed(0)}`);
  });

  it('serve --workers 2 answers from two workers, each consistent at once, replaces a dead one and stops on SIGTERM', { timeout: 240_000 }, async () => {
    const cluster = await serve(db, env, ['--workers', '2']);
    servers.push(cluster);
    const workerLabels = async (requests: number) => {
      const labels = new Set<string>();
      for (let i = 0; i < requests; i++) for (const [, id] of (await getFresh(`${cluster.url}/metrics`)).matchAll(/worker="(\d+)"/g)) labels.add(id!);
      return labels;
    };
    /** Until both workers answer (one may still be starting when the other is ready). */
    const bothAnswer = () => within(() => workerLabels(4), (labels) => labels.size === 2, 60_000, 200);
    await bothAnswer();

    // Whichever worker takes the record, every worker answers it at once.
    const recorded = await send(`${cluster.url}/v1/records`, 'POST', {
      sourceId: 'MULTI-COURT-2',
      subject: 'uscc:91440101MA5CXXX04N',
      category: 'court-enforcement',
      domain: 'other-regulatory',
      authority: 'gd-court-gz',
      decisionNo: '（2026）粤0106执10号',
      decidedOn: daysAgo(90),
      legalBasis: [{ instrument: '中华人民共和国民事诉讼法', article: '第二百六十六条' }],
      summary: '未履行生效判决',
      court: { caseNo: '（2026）粤0106执10号', amountOwed: { value: 50_000, currency: 'CNY' } },
    }, court);
    expect(recorded.status).toBe(201);
    for (let i = 0; i < 6; i++) {
      await within(async () => JSON.parse(await postFresh(`${cluster.url}/v1/checks`, { entity: 'uscc:91440101MA5CXXX04N', context: 'honours' }, admin)), (c) => c.decision === 'deny');
    }

    const workers = () => execFileSync('ps', ['-o', 'pid=', '--ppid', String(cluster.child.pid)]).toString().trim().split(/\s+/).map(Number);
    const [victim] = workers();
    expect(workers()).toHaveLength(2);
    process.kill(victim!, 'SIGKILL');
    // A worker replaced, then answering.
    await within(async () => workers(), (pids) => pids.length === 2 && !pids.includes(victim!), 10_000, 100);
    await bothAnswer();
    const survivors = workers();

    cluster.child.kill('SIGTERM');
    expect((await cluster.done).code).toBe(0);
    for (const pid of survivors) expect(() => process.kill(pid, 0)).toThrow();
  });
});

describe.skipIf(testTier() !== 'postgres')('a process that lost its listening connection', () => {
  it('ignores junk on the channel, reconnects and rebuilds its indexes, so a change it was not told of is answered', async () => {
    const db = await createTestDatabase();
    const config = { ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent' }), database: db.target };
    const open = () => buildApp(config, { logger: pino({ level: 'silent' }) });
    const [a, b] = [await open(), await open()];
    try {
      await a.imports.importFiles([fixture('checks.ndjson')]);
      await b.peers.listen();
      await b.warm();
      const check = async () => b.checks.check({ entity: CLEAN, context: 'honours' });
      expect(await check()).toMatchObject({ decision: 'allow' });

      // Whatever else is sent on the channel is ignored (logged), not a crash.
      for (const junk of ['null', 'not json', '{"from":"elsewhere"}']) await queryRows(a.database.db, sql`select pg_notify(${CHANGE_CHANNEL}, ${junk})`);

      const listeners = () => queryRows<{ pid: number }>(a.database.db, sql`select pid from pg_stat_activity where query = ${`listen ${CHANGE_CHANNEL}`}`);
      const [cut] = await listeners();
      await queryRows(a.database.db, sql`select pg_terminate_backend(${cut!.pid})`);
      // Recorded while B has no listening connection: the notification is lost to B.
      const officer: Principal = { role: 'officer', keyId: 'test', authority: 'gd-court-gz', duties: ['recorder'] };
      await a.records.create(a.records.requestSchemas().record.parse({
        sourceId: 'MULTI-COURT-3', subject: CLEAN, category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz',
        decisionNo: '（2026）粤0106执11号', decidedOn: daysAgo(90), legalBasis: [{ instrument: '中华人民共和国民事诉讼法', article: '第二百六十六条' }],
        summary: '未履行生效判决', court: { caseNo: '（2026）粤0106执11号', amountOwed: { value: 50_000, currency: 'CNY' } },
      }), officer);
      await within(check, (c) => c.decision === 'deny');
      expect((await listeners()).map((l) => l.pid)).not.toContain(cut!.pid);
      expect(b.warmUp.state).toBe('warm');
    } finally {
      await b.close();
      await a.close();
      await db.drop();
    }
  });
});

/** POST on a new connection, for the same reason as `getFresh`. */
function postFresh(url: string, body: unknown, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve(text));
    });
    req.on('error', reject).end(JSON.stringify(body));
  });
}

describe.skipIf(testTier() !== 'pglite')('serve --workers on the embedded database', () => {
  it('is refused as a usage error', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-workers-'));
    const res = await runCli(['serve', '--db', dir, '--workers', '2', '--port', String(await freePort())]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--workers needs PostgreSQL/);
    expect((await runCli(['serve', '--db', dir, '--workers', 'many'])).code).toBe(2);
  });
});
