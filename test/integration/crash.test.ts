/**
 * Crash safety (issue 8 §3): `credence exchange pull` killed with SIGKILL in the middle of a replication, then run
 * again to the end, leaves exactly the state of a pull that was never interrupted — the same entities and records,
 * none lost, none twice — and an intact audit chain: each page's transaction is whole or absent. (The same for an
 * import: test/integration/cli.test.ts.)
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/domain/audit-chain.js';
import { generateDemoData } from '../../src/domain/demo-data/index.js';
import { readAuditLog } from '../../src/store/audit-repository.js';
import { openDatabase, queryRows } from '../../src/store/database.js';
import { runCli, startCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { LoopbackServer } from '../support/loopback-server.js';
import { freePort } from '../support/ports.js';

const databases: TestDatabase[] = [];
async function database(): Promise<TestDatabase> {
  const created = await createTestDatabase();
  databases.push(created);
  return created;
}

afterAll(async () => {
  for (const d of databases) await d.drop();
});

/** Everything an import or a replication writes, in a comparable form, and whether the audit chain holds. */
async function stateOf(target: TestDatabase): Promise<{ identifiers: string[]; records: string[]; chain: boolean }> {
  const db = await openDatabase(target.target);
  try {
    const identifiers = await queryRows<{ line: string }>(db.db, sql`select scheme || ':' || value as line from identifiers order by 1`);
    const records = await queryRows<{ line: string }>(
      db.db,
      sql`select r.origin_node || ' ' || r.source_id || ' ' || r.status || ' ' || r.content_hash || ' ' || i.scheme || ':' || i.value as line
          from records r join lateral (select scheme, value from identifiers where entity_id = r.entity_id order by scheme, value limit 1) i on true
          order by 1`,
    );
    const verdict = await verifyAuditChain(readAuditLog(db.db));
    return { identifiers: identifiers.map((r) => r.line), records: records.map((r) => r.line), chain: verdict.ok };
  } finally {
    await db.close();
  }
}

async function demoFile(node: 'gd' | 'hk', entities: number): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-crash-')), `${node}.ndjson`);
  const out = createWriteStream(file);
  for (const line of generateDemoData({ node, entities, seed: 11, today: '2026-11-27' })) out.write(JSON.stringify(line) + '\n');
  out.end();
  await once(out, 'finish');
  return file;
}

/**
 * A relay in front of the hk node that counts feed requests and, when armed, kills the puller at the `at`-th: the
 * puller asks for page k + 1 once page k is verified and before it is written, so at the fourth request pages 1
 * and 2 are committed and page 3 is being written.
 */
class Relay extends LoopbackServer {
  private requests = 0;
  private victim: { at: number; kill: () => void } | undefined;

  constructor(private readonly target: string) {
    super();
  }

  arm(at: number, kill: () => void): void {
    this.requests = 0;
    this.victim = { at, kill };
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const authorization = req.headers.authorization;
    if (url.startsWith('/v1/exchange/feed') && this.victim && ++this.requests === this.victim.at) {
      this.victim.kill();
      this.victim = undefined;
      res.writeHead(503).end();
      return;
    }
    const upstream = await fetch(`${this.target}${url}`, { headers: authorization ? { authorization } : {} });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' }).end(await upstream.text());
  }
}

describe('crash safety', () => {
  it('a replication killed part way and pulled again ends as an uninterrupted one', { timeout: 300_000 }, async () => {
    const hk = await database();
    const hkEnv = { CREDENCE_NODE: 'hk', CREDENCE_KEY_FILE: path.join(mkdtempSync(path.join(os.tmpdir(), 'credence-crash-keys-')), 'hk.json') };
    expect((await runCli(['import', await demoFile('hk', 1_200), '--db', hk.flag], hkEnv)).code).toBe(0);
    const key = JSON.parse((await runCli(['keys', 'create', '--role', 'partner', '--partner', 'gd', '--label', 'gd', '--db', hk.flag, '--json'], hkEnv)).stdout).key as string;
    const port = await freePort();
    const server = startCli(['serve', '--db', hk.flag, '--port', String(port)], { ...hkEnv, CREDENCE_EXCHANGE_PULL_SECONDS: '0' });
    let relay: Relay | undefined;
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i++) {
        expect(i, 'hk node ready').toBeLessThan(600);
        await new Promise((r) => setTimeout(r, 100));
      }
      relay = new Relay(url);
      const gdEnv = { CREDENCE_PEERS: `hk=${await relay.listen()}`, CREDENCE_PEER_KEYS: `hk=${key}`, CREDENCE_EXCHANGE_PAGE_SIZE: '5' };
      const whole = await database();
      const pulled = await runCli(['exchange', 'pull', '--db', whole.flag], gdEnv);
      expect(pulled.code, pulled.stderr).toBe(0);
      const expected = await stateOf(whole);
      expect(expected.records.length).toBeGreaterThan(50);

      const crashed = await database();
      const { child, done } = startCli(['exchange', 'pull', '--db', crashed.flag], gdEnv);
      relay.arm(4, () => child.kill('SIGKILL'));
      expect((await done).signal).toBe('SIGKILL');
      const partial = await stateOf(crashed);
      expect(partial.records.length).toBeGreaterThan(0);
      expect(partial.records.length).toBeLessThan(expected.records.length);
      expect(partial.chain).toBe(true);
      const again = await runCli(['exchange', 'pull', '--db', crashed.flag], gdEnv);
      expect(again.code, again.stderr).toBe(0);
      expect(await stateOf(crashed)).toEqual(expected);
    } finally {
      await relay?.close();
      server.child.kill('SIGTERM');
      await server.done;
    }
  });
});
