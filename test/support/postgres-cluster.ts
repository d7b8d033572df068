/**
 * A throwaway PostgreSQL cluster for the integration tests, started from the Debian binaries
 * (/usr/lib/postgresql/<version>/bin). When they are missing it installs them with apt-get if it runs as
 * root, or fails naming the command to run. Set TEST_DATABASE_URL to use an existing server instead.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const INSTALL_COMMAND = 'apt-get update && apt-get install -y postgresql';

export interface Cluster {
  url: string;
  /** Shuts the server down (`pg_ctl stop -m fast`: sessions are ended), keeping the data for `startServer`. */
  stopServer(): Promise<void>;
  /** Starts the server again on the same data directory and port; resolves once it accepts connections. */
  startServer(): Promise<void>;
  /** Stops the server at once and deletes the cluster. */
  stop(): void;
}

function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function installBinaries(): string {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) throw new Error(`PostgreSQL server binaries not found; install them with: sudo sh -c '${INSTALL_COMMAND}'`);
  const result = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${INSTALL_COMMAND}`], { stdio: 'inherit' });
  const bin = findBinaries();
  if (result.status !== 0 || !bin) throw new Error(`installing PostgreSQL failed; run: ${INSTALL_COMMAND}`);
  return bin;
}

/** The command line that runs a PostgreSQL binary, as the postgres user when we are root (initdb refuses root). */
function commandLine(bin: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [bin, args];
  const quoted = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]];
}

const run = (bin: string, args: string[]): void => void execFileSync(...commandLine(bin, args), { stdio: 'pipe' });
/** `run` without blocking the event loop, for tests that keep serving requests meanwhile. */
const runInBackground = (bin: string, args: string[]): Promise<void> => promisify(execFile)(...commandLine(bin, args)).then(() => undefined);

export async function startCluster(): Promise<Cluster> {
  const bin = findBinaries() ?? installBinaries();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  run(path.join(bin, 'initdb'), ['-D', data, '--locale=C.UTF-8', '--encoding=UTF8', '--auth=trust', '-U', 'postgres']);
  const start = [
    '-D', data, '-l', path.join(dir, 'server.log'), '-w', 'start',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
  ];
  run(path.join(bin, 'pg_ctl'), start);
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stopServer() {
      await runInBackground(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    async startServer() {
      await runInBackground(path.join(bin, 'pg_ctl'), start);
      running = true;
    },
    stop() {
      try {
        if (running) run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
