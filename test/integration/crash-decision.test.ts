/**
 * Crash safety of due process (issue 8 §3): a real `credence serve` killed with SIGKILL while a reviewer's
 * objection decisions are in flight, restarted on the same database, and the decisions whose answers were lost
 * posted again, ends in exactly the state of a run that was never interrupted: the same objection outcomes,
 * the same record statuses and dispute marks, the same notices, one audit entry per decision, and an intact
 * audit chain (`verifyAuditChain`, which `credence audit verify` runs). A decision retried after it committed is answered with the
 * decided objection (nothing written twice); a different decision of it is 409.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { canonicalJson } from '../../src/domain/canonical-json.js';
import { usccCheckCharacter } from '../../src/domain/identifiers/uscc.js';
import { verifyAuditChain } from '../../src/domain/audit-chain.js';
import { buildHttpServer } from '../../src/http/server.js';
import { readAuditLog } from '../../src/store/audit-repository.js';
import { openDatabase, queryRows, type Db } from '../../src/store/database.js';
import { startCli, type CliResult } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { daysAgo, writeLines } from '../support/lines.js';
import { LoopbackServer } from '../support/loopback-server.js';
import { freePort } from '../support/ports.js';

const OBJECTIONS = 24;
/** The relay kills the server when this decision's answer comes back: it committed, its answer is lost. */
const KILL_AT = 8;
/** Decisions the reviewer keeps in flight, so the kill also lands inside other decisions' transactions. */
const IN_FLIGHT = 4;

function uscc(n: number): string {
  const first17 = `91440101MA5CR${String(n).padStart(4, '0')}`;
  return `uscc:${first17}${usccCheckCharacter(first17)}`;
}

/** One entity per objection, each with a general SAMR penalty decided five days ago (inside the 60-day window). */
function registerLines(): object[] {
  return Array.from({ length: OBJECTIONS }, (_, i) => [
    { type: 'entity', jurisdiction: 'GD', identifiers: [{ scheme: 'uscc', value: uscc(i).slice(5) }], names: [{ value: `崩溃测试${i}有限公司`, lang: 'zh-Hans' }], status: 'active' },
    {
      type: 'record',
      sourceId: `CRASH-${String(i).padStart(2, '0')}`,
      subject: uscc(i),
      category: 'penalty',
      domain: 'market',
      severity: 'general',
      authority: 'gd-samr',
      decisionNo: `穗市监罚〔2026〕C${i}号`,
      decidedOn: daysAgo(5),
      legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第九条' }],
      summary: '崩溃测试处罚',
      penalty: { kinds: ['fine'], amount: { value: 10000, currency: 'CNY' } },
    },
  ]).flat();
}

/** Revoked, corrected and rejected in turn. */
function decisionFor(i: number): object {
  if (i % 3 === 0) return { outcome: 'upheld', action: 'revoke', reasons: '事实认定错误，撤销处罚' };
  if (i % 3 === 1) return { outcome: 'upheld', action: 'correct', reasons: '罚款金额有误', correction: { amount: 5000 } };
  return { outcome: 'rejected', reasons: '处罚决定无误' };
}

/** The reviewer's and each entity's `Authorization` header, and each entity's record id. */
interface Keys {
  reviewer: string;
  entities: string[];
  records: number[];
}

const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const d of databases) await d.drop();
});

async function database(copyOf?: TestDatabase): Promise<TestDatabase> {
  const created = await createTestDatabase(copyOf);
  databases.push(created);
  return created;
}

const quietApp = (target: TestDatabase): Promise<App> =>
  buildApp({ ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent' }), database: target.target }, { logger: pino({ level: 'silent' }) });

/** A database with the register imported and the keys made, closed again so that it can be copied. */
async function preparedDatabase(lines: string): Promise<{ prepared: TestDatabase; keys: Keys }> {
  const prepared = await database();
  const app = await quietApp(prepared);
  try {
    await app.imports.importFiles([lines]);
    const bearer = async (key: Parameters<typeof app.keys.create>[0]) => `Bearer ${(await app.keys.create(key, 'test')).key}`;
    const reviewer = await bearer({ role: 'officer', label: 'samr reviewer', authority: 'gd-samr', duties: ['reviewer'] });
    const entities: string[] = [];
    for (let i = 0; i < OBJECTIONS; i++) entities.push(await bearer({ role: 'entity', label: `entity ${i}`, entity: uscc(i) }));
    const records = await queryRows<{ id: number }>(app.database.db, sql`select id from records order by source_id`);
    return { prepared, keys: { reviewer, entities, records: records.map((r) => Number(r.id)) } };
  } finally {
    await app.close();
  }
}

/** POSTs a JSON body; rejects when the connection dies. */
type Post = (url: string, authorization: string, body: object) => Promise<{ status: number; body: string }>;

const overHttp =
  (base: string): Post =>
  async (url, authorization, body) => {
    const res = await fetch(`${base}${url}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: await res.text() };
  };

/** Each entity objects to its record; returns the objection ids in entity order. */
async function fileObjections(post: Post, keys: Keys): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < OBJECTIONS; i++) {
    const res = await post('/v1/objections', keys.entities[i]!, { subject: { record: keys.records[i] }, grounds: '处罚决定认定事实错误' });
    expect(res.status, res.body).toBe(201);
    ids.push((JSON.parse(res.body) as { id: string }).id);
  }
  return ids;
}

/**
 * The reviewer decides every objection, `IN_FLIGHT` at a time; returns the indexes whose decision was answered
 * (200). A decision whose connection died is not retried here.
 */
async function decideAll(post: Post, keys: Keys, ids: readonly string[]): Promise<Set<number>> {
  const answered = new Set<number>();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ids.length; i = next++) {
      const res = await post(`/v1/objections/${ids[i]}/decision`, keys.reviewer, decisionFor(i)).catch(() => undefined);
      if (!res) continue;
      expect(res.status, res.body).toBe(200);
      answered.add(i);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return answered;
}

interface Node {
  url: string;
  child: ReturnType<typeof startCli>['child'];
  done: Promise<CliResult>;
}

const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-crash-decision-')), 'gd.json');

/** `credence serve` on `target`, once /readyz answers. */
async function serve(target: TestDatabase): Promise<Node> {
  const port = await freePort();
  const { child, done } = startCli(['serve', '--db', target.flag, '--port', String(port)], { CREDENCE_KEY_FILE: keyFile, CREDENCE_EXCHANGE_PULL_SECONDS: '0' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i++) {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${(await done).stderr}`);
    if (i > 600) child.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, done };
}

async function shutDown(node: Node): Promise<void> {
  node.child.kill('SIGTERM');
  expect((await node.done).code).toBe(0);
}

/**
 * A relay between the reviewer and the server. When the `at`-th decision answer comes back from the server it
 * kills the server (SIGKILL) and drops that answer: that decision committed, its reviewer never hears so.
 * Decisions in flight at that moment die with the server, committed or not.
 */
class Relay extends LoopbackServer {
  private answers = 0;
  /** The URL of the decision that committed and whose answer was dropped. */
  lostAfterCommit: string | undefined;

  constructor(
    private readonly target: string,
    private readonly at: number,
    private readonly kill: () => void,
  ) {
    super();
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const upstream = await fetch(`${this.target}${req.url}`, {
        method: req.method,
        headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: Buffer.concat(chunks),
      });
      const body = await upstream.text();
      if (upstream.ok && ++this.answers === this.at) {
        this.lostAfterCommit = req.url;
        this.kill();
        res.destroy();
        return;
      }
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' }).end(body);
    } catch {
      res.destroy();
    }
  }
}

/** Everything the decisions touch, in a comparable form (no ids or times, which differ between runs). */
async function stateOf(db: Db) {
  const objections = await queryRows<{ source_id: string; status: string; decision: unknown; decided_by: string | null }>(
    db,
    sql`select r.source_id, o.status, o.decision, o.decided_by from objections o join records r on r.id = (o.record_ids->>0)::bigint order by r.source_id`,
  );
  const records = await queryRows<{ line: string }>(db, sql`select source_id || ' ' || status || ' ' || disputed as line from records order by source_id`);
  const [notices] = await queryRows<{ all: number; subjects: number }>(db, sql`select count(*)::int as all, count(distinct (entity_id, subject))::int as subjects from notices`);
  const audit = await queryRows<{ line: string }>(db, sql`select action || ' ' || count(*) as line from audit_log group by action order by action`);
  const auditedTwice = await queryRows<{ subject: string }>(
    db,
    sql`select subject from audit_log where action = 'objection.decide' group by subject having count(*) > 1`,
  );
  const chain = await verifyAuditChain(readAuditLog(db));
  return {
    objections: objections.map((o) => `${o.source_id} ${o.status} ${o.decision === null ? '-' : canonicalJson(o.decision)} ${o.decided_by === null ? '-' : 'reviewer'}`),
    records: records.map((r) => r.line),
    notices,
    audit: audit.map((a) => a.line),
    decisionsAuditedTwice: auditedTwice.map((d) => d.subject),
    chain: chain.ok ? { ok: true, entries: chain.entries } : chain,
  };
}

async function stateOfClosed(target: TestDatabase): Promise<Awaited<ReturnType<typeof stateOf>>> {
  const opened = await openDatabase(target.target);
  try {
    return await stateOf(opened.db);
  } finally {
    await opened.close();
  }
}

const decided = (state: Awaited<ReturnType<typeof stateOf>>) => state.objections.filter((o) => o.includes(' decided ')).length;

describe('crash safety of objection decisions', () => {
  it('a server killed mid-decisions, restarted and the lost decisions retried, ends as an uninterrupted run', { timeout: 180_000 }, async () => {
    const { prepared, keys } = await preparedDatabase(writeLines(registerLines()));
    const crashed = await database(prepared);

    // The uninterrupted run, in process (the same routes, without a network between).
    const app = await quietApp(prepared);
    const server = await buildHttpServer(app);
    let expected: Awaited<ReturnType<typeof stateOf>>;
    try {
      const inProcess: Post = async (url, authorization, body) => {
        const res = await server.inject({ method: 'POST', url, headers: { authorization }, payload: body });
        return { status: res.statusCode, body: res.body };
      };
      const ids = await fileObjections(inProcess, keys);
      expect((await decideAll(inProcess, keys, ids)).size).toBe(OBJECTIONS);
      expected = await stateOf(app.database.db);
    } finally {
      await server.close();
      await app.close();
    }
    expect(decided(expected)).toBe(OBJECTIONS);
    expect(expected.records.filter((r) => r.endsWith(' true'))).toEqual([]);
    expect(expected.chain).toMatchObject({ ok: true });

    // The same on a real server, killed when the KILL_AT-th decision has committed and others are in flight.
    const first = await serve(crashed);
    const relay = new Relay(first.url, KILL_AT, () => first.child.kill('SIGKILL'));
    let ids: string[];
    let answered: Set<number>;
    try {
      ids = await fileObjections(overHttp(first.url), keys);
      answered = await decideAll(overHttp(await relay.listen()), keys, ids);
      expect((await first.done).signal).toBe('SIGKILL');
    } finally {
      await relay.close();
      first.child.kill('SIGKILL');
    }
    // Answers the server had already sent when it died may still have arrived.
    expect(answered.size).toBeGreaterThanOrEqual(KILL_AT - 1);
    const partial = await stateOfClosed(crashed);
    expect(decided(partial)).toBeGreaterThanOrEqual(KILL_AT);
    expect(decided(partial)).toBeLessThan(OBJECTIONS);
    expect(partial.decisionsAuditedTwice).toEqual([]);
    expect(partial.chain).toMatchObject({ ok: true });

    const second = await serve(crashed);
    try {
      const post = overHttp(second.url);
      const lost = relay.lostAfterCommit!;
      const lostIndex = ids.findIndex((id) => lost.includes(id));
      // The decision that committed before the kill, retried: answered with the decision made then.
      const retried = await post(lost, keys.reviewer, decisionFor(lostIndex));
      expect(retried.status).toBe(200);
      expect(JSON.parse(retried.body)).toMatchObject({ status: 'decided', decision: decisionFor(lostIndex) });
      const changedMind = await post(lost, keys.reviewer, { outcome: 'rejected', reasons: '改变主意' });
      expect(changedMind.status).toBe(409);
      expect(JSON.parse(changedMind.body)).toMatchObject({ status: 409, code: 'CONFLICT' });
      // Every other decision whose answer was lost, committed or not, posted again.
      for (let i = 0; i < OBJECTIONS; i++) {
        if (answered.has(i) || i === lostIndex) continue;
        const res = await post(`/v1/objections/${ids[i]}/decision`, keys.reviewer, decisionFor(i));
        expect(res.status, res.body).toBe(200);
      }
    } finally {
      await shutDown(second);
    }

    expect(await stateOfClosed(crashed)).toEqual(expected);
  });
});
