/**
 * Verify bench (issue 5, "Numbers": verify throughput of signed reports ≥ 5,000/s on one core).
 *
 * Real credit reports — the demo register's entities with the most records, through the report service on
 * PGlite — are signed by the node key, then verified one at a time (one verification in flight: one core):
 * - baseline: raw Ed25519 `crypto.verify` of node:crypto over the same signing inputs and signatures;
 * - raw Ed25519 `crypto_sign_verify_detached` of libsodium (sodium-native), which `verifyReport` uses for inputs
 *   of a report's size;
 * - jose `compactVerify` with the public key imported once (WebCrypto underneath on Node 20);
 * - `verifyReport`, the whole check `POST /v1/reports/verify` and `credence verify` run (header, type, issuer,
 *   key by kid, signature, claims, payload parsed), its signature checked with libsodium and the key imported
 *   once.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { compactVerify, importJWK } from 'jose';
import { pino } from 'pino';
import sodium from 'sodium-native';
import { buildApp } from '../src/app.js';
import { writeDemoData } from '../src/cli/commands/demo-data.js';
import { loadConfig } from '../src/config.js';
import { generateDemoData } from '../src/domain/demo-data/index.js';
import { NODE_KEY_ALG } from '../src/exchange/node-keys.js';
import { issuerOf, signReport } from '../src/exchange/sign-report.js';
import { verifyReport } from '../src/exchange/verify-report.js';
import type { CreditReport } from '../src/services/report-service.js';
import { printTable } from './table.js';

const TODAY = '2026-11-27';
const ENTITIES = 2_000;
/** Distinct signed reports, verified round-robin. */
const DISTINCT = 1_000;
const GOAL = 5_000;
/** Each way of verifying runs about this long in all, after one warm-up pass over the distinct reports. */
const SECONDS = 3;

interface Rate {
  /** Verifications per second of elapsed time. */
  wall: number;
  /**
   * Verifications per second of CPU time used by the process (all its threads): the one-core figure on a
   * machine shared with other work, where elapsed time also counts the waits for a core.
   */
  cpu: number;
}

/** One pass of a way of verifying over its reports, one at a time; resolves to how many it verified. */
type Pass = () => Promise<number>;

const pass =
  <T>(tokens: readonly T[], verifyOne: (token: T) => unknown): Pass =>
  async () => {
    for (const token of tokens) await verifyOne(token);
    return tokens.length;
  };

/**
 * Runs the passes in turn, one after another, until each has run for about `SECONDS`, after one warm-up pass each.
 * Taking turns puts every way through the same phases of a machine whose speed drifts (this VM's varies by a third
 * within minutes), so their ratios hold even when the absolute rates move.
 */
async function rates<const P extends readonly Pass[]>(passes: P): Promise<{ [K in keyof P]: Rate }> {
  for (const run of passes) await run();
  const totals = passes.map(() => ({ done: 0, wallMs: 0, cpuMs: 0 }));
  while (totals.some((t) => t.wallMs < SECONDS * 1000)) {
    for (const [i, run] of passes.entries()) {
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const done = await run();
      const cpu = process.cpuUsage(cpuBefore);
      totals[i]!.wallMs += performance.now() - started;
      totals[i]!.cpuMs += (cpu.user + cpu.system) / 1000;
      totals[i]!.done += done;
    }
  }
  return totals.map((t) => ({ wall: t.done / (t.wallMs / 1000), cpu: t.done / (t.cpuMs / 1000) })) as { [K in keyof P]: Rate };
}

const row = (what: string, r: Rate, baseline: Rate, goal: string) => ({
  what,
  'reports/s elapsed': Math.round(r.wall),
  'reports per CPU-second': Math.round(r.cpu),
  goal,
  'vs baseline (CPU)': r.cpu / baseline.cpu,
});

export async function verifyBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-bench-verify-'));
  const config = { ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent', CREDENCE_KEY_FILE: path.join(dir, 'node-keys.json') }), database: { kind: 'pglite' as const, dataDir: path.join(dir, 'db') } };
  const app = await buildApp(config, { logger: pino({ level: 'silent' }) });
  try {
    const file = path.join(dir, 'demo.ndjson');
    const out = createWriteStream(file);
    await writeDemoData({ node: 'gd', entities: ENTITIES, seed: 1, today: TODAY }, out);
    out.end();
    await once(out, 'finish');
    await app.imports.importFiles([file]);

    // The entities with the most records: reports with lists, ratings and several records each.
    const counts = new Map<string, number>();
    for (const line of generateDemoData({ node: 'gd', entities: ENTITIES, seed: 1, today: TODAY })) {
      if (line.type === 'record') counts.set(line.subject, (counts.get(line.subject) ?? 0) + 1);
    }
    const refs = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([ref]) => ref);
    const reports: CreditReport[] = [];
    for (const ref of refs) reports.push(await app.reports.report(ref));

    const signer = await app.nodeKeys.signingKey();
    const tokens: string[] = [];
    for (let i = 0; i < DISTINCT; i++) {
      const report = reports[i % reports.length]!;
      tokens.push(await signReport(report, signer, { issuer: issuerOf('gd'), subject: report.entity.id, now: new Date(Date.parse(`${TODAY}T04:00:00Z`) + i * 1000), validityDays: 30 }));
    }
    const now = new Date(`${TODAY}T12:00:00Z`);
    const jwk = (await app.nodeKeys.jwks()).keys[0]!;
    const keyObject = createPublicKey({ key: { ...jwk } as JsonWebKey, format: 'jwk' });
    const rawKey = Buffer.from(jwk.x, 'base64url');
    const cryptoKey = await importJWK(jwk, NODE_KEY_ALG);
    const raw = tokens.map((t) => {
      const dot = t.lastIndexOf('.');
      return { input: Buffer.from(t.slice(0, dot)), signature: Buffer.from(t.slice(dot + 1), 'base64url') };
    });

    const [baseline, libsodium, jose, full] = await rates([
      pass(raw, (r) => {
        if (!verify(null, r.input, keyObject, r.signature)) throw new Error('baseline: bad signature');
      }),
      pass(raw, (r) => {
        if (!sodium.crypto_sign_verify_detached(r.signature, r.input, rawKey)) throw new Error('libsodium: bad signature');
      }),
      pass(tokens, (t) => compactVerify(t, cryptoKey)),
      pass(tokens, async (t) => {
        if (!(await verifyReport(t, app.trustedKeys, now)).valid) throw new Error('verifyReport: invalid');
      }),
    ]);
    const bytes = tokens.reduce((sum, t) => sum + t.length, 0) / tokens.length;
    const records = reports.reduce((sum, r) => sum + r.records.length, 0) / reports.length;
    const lists = reports.reduce((sum, r) => sum + r.lists.length, 0) / reports.length;
    printTable(
      `verifying signed credit reports, one at a time (one core): ${DISTINCT.toLocaleString('en-US')} distinct JWS of ${Math.round(bytes).toLocaleString('en-US')} bytes on average (${records.toFixed(1)} records, ${lists.toFixed(1)} list memberships per report), about ${SECONDS} s each, the four taking turns a pass at a time`,
      [
        row('baseline: raw Ed25519 crypto.verify (node:crypto) over the same signing inputs', baseline, baseline, ''),
        row('raw Ed25519 crypto_sign_verify_detached (libsodium) over the same', libsodium, baseline, ''),
        row('jose compactVerify, key imported once', jose, baseline, ''),
        row('verifyReport: type, issuer, kid, signature (libsodium), claims, payload', full, baseline, `≥ ${GOAL.toLocaleString('en-US')} per CPU-second`),
      ],
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
