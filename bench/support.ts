/**
 * What several benches share: running the `credence` CLI in a child process, a `credence serve` node in its own
 * process, autocannon load in its own process, and files of penalty records for one node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { gbaDate } from '../src/domain/dates.js';
import { generateDemoData } from '../src/domain/demo-data/index.js';
import type { NodeId } from '../src/domain/taxonomy.js';
import { freePort } from '../test/support/ports.js';

/** The `credence` command as deployed: `npm run bench` builds the bundle first (prebench), which this then runs. */
export const CLI = path.join(import.meta.dirname, '..', 'bin', 'credence.js');
const AUTOCANNON = path.join(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');
const READY_WITHIN_MS = 600_000;

/**
 * `credence …` in a child process with `env` added, at CPU priority `nice` (0 = this process's, up to 19 = the
 * lowest); resolves when it exits 0 (or 3: some lines rejected).
 */
export async function runCli(command: string[], env: Record<string, string>, nice = 0): Promise<void> {
  const child = spawnCli(command, env, nice);
  const [code] = await once(child, 'close');
  if (code !== 0 && code !== 3) throw new Error(`credence ${command[0]} exited with ${code}`);
}

function spawnCli(command: string[], env: Record<string, string>, nice: number): ChildProcess {
  const argv = [...(nice > 0 ? ['nice', '-n', String(nice)] : []), process.execPath, CLI, ...command];
  return spawn(argv[0]!, argv.slice(1), { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface ServingNode {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** `credence serve --db DB` on a free port of 127.0.0.1, at CPU priority `nice`, once /readyz answers. */
export async function serveNode(db: string, env: Record<string, string>, nice = 0): Promise<ServingNode> {
  const port = await freePort();
  const child = spawnCli(['serve', '--db', db, '--port', String(port)], env, nice);
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'close');
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + READY_WITHIN_MS;
  while (!(await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false))) {
    if (child.exitCode !== null || performance.now() > deadline) {
      await stop();
      throw new Error(`credence serve --db ${db} did not become ready`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, process: child, stop };
}

export interface Cannon {
  requests: { average: number; total: number };
  latency: { p99: number; p50: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** autocannon POSTing `body` to `url` for `seconds`, in a child process so it does not take the server's core. */
export function cannon(url: string, body: string, seconds: number, options: { connections: number; authorization?: string }): Promise<Cannon> {
  const { connections, authorization } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [AUTOCANNON, '-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json',
        ...(authorization ? ['-H', `authorization=${authorization}`] : []), '-b', body, '-j', url],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Cannon) : reject(new Error(`autocannon exited ${code}`))));
  });
}

/** The penalties a bench writes for one node: who decided them, under which law, with which source ids. */
export interface PenaltyTerms {
  node: NodeId;
  seed: number;
  authority: string;
  /** Regulatory domains, taken in turn. */
  domains: readonly string[];
  summary: string;
  legalBasis: { instrument: string; article: string }[];
  sourcePrefix: string;
  currency: string;
}

/**
 * Demo entities of `terms.node`, each followed by `perEntity` public penalties decided in the last year, until
 * `records` penalties are written.
 */
export async function writePenalties(file: string, records: number, perEntity: number, terms: PenaltyTerms): Promise<void> {
  const out = createWriteStream(file);
  const today = gbaDate(new Date());
  const day = (i: number) => gbaDate(new Date(Date.now() - (1 + (i % 360)) * 86_400_000));
  let written = 0;
  for (const line of generateDemoData({ node: terms.node, entities: Math.ceil(records / perEntity), seed: terms.seed, today })) {
    if (line.type !== 'entity') continue;
    if (!out.write(JSON.stringify(line) + '\n')) await once(out, 'drain');
    const subject = `${line.identifiers[0]!.scheme}:${line.identifiers[0]!.value}`;
    for (let k = 0; k < perEntity && written < records; k++, written++) {
      const record = {
        type: 'record',
        sourceId: `${terms.sourcePrefix}-${written}`,
        subject,
        category: 'penalty',
        domain: terms.domains[k % terms.domains.length],
        severity: k % 5 === 0 ? 'serious' : 'general',
        authority: terms.authority,
        decisionNo: `${terms.sourcePrefix} ${written}/2026`,
        decidedOn: day(written),
        legalBasis: terms.legalBasis,
        summary: terms.summary,
        penalty: { kinds: ['fine'], amount: { value: 1_000 * (1 + (written % 50)), currency: terms.currency } },
        status: 'active',
      };
      if (!out.write(JSON.stringify(record) + '\n')) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

/** The `p`th percentile (0–100) of `values`, nearest rank; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
