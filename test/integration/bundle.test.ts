/**
 * The bundles `npm run build:cli` writes (scripts/build-cli.ts) run the CLI as its sources do. Built into a scratch
 * project beside the real one's packages, policies, web app and migrations, they import a file (the preparing worker
 * thread's bundle), serve (policy pack, migrations, web app, OpenAPI) and pull a partner's feed (the feed reader's
 * bundle); and `bin/credence.js` runs them only while they are newer than every file and folder under `src/`.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, createWriteStream, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/domain/demo-data/index.js';
import type { CliResult } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { freePort } from '../support/ports.js';

const PROJECT = path.join(import.meta.dirname, '..', '..');
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

let root: string;
const databases: TestDatabase[] = [];

/** `node <root>/bin/credence.js …` in a child process. */
function credence(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'credence.js'), ...args], {
    env: { ...process.env, CREDENCE_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = once(child, 'close').then(([code, signal]) => ({ code, signal, stdout, stderr }) as CliResult);
  return { child, done };
}

async function database(): Promise<TestDatabase> {
  const created = await createTestDatabase();
  databases.push(created);
  return created;
}

/** Sets `file` (and so the bundle's view of it) to long before the bundle was built. */
function age(file: string): void {
  utimesSync(file, LONG_AGO, LONG_AGO);
}

beforeAll(async () => {
  // A project whose only source is a stub CLI (so that running from the sources shows) and the real migrations.
  root = mkdtempSync(path.join(os.tmpdir(), 'credence-bundle-'));
  for (const shared of ['node_modules', 'policies', 'web', 'package-lock.json']) symlinkSync(path.join(PROJECT, shared), path.join(root, shared));
  mkdirSync(path.join(root, 'bin'));
  copyFileSync(path.join(PROJECT, 'bin', 'credence.js'), path.join(root, 'bin', 'credence.js'));
  mkdirSync(path.join(root, 'src', 'cli'), { recursive: true });
  symlinkSync(path.join(PROJECT, 'src', 'store'), path.join(root, 'src', 'store'));
  writeFileSync(path.join(root, 'src', 'cli', 'main.ts'), "console.log('from the sources');\n");
  for (const file of ['src/cli/main.ts', 'src/cli', 'src']) age(path.join(root, file));
  const build = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT, 'scripts', 'build-cli.ts'), path.join(root, 'dist')], { stdio: 'inherit' });
  expect((await once(build, 'close'))[0]).toBe(0);
});

afterAll(async () => {
  for (const d of databases) await d.drop();
  rmSync(root, { recursive: true, force: true });
});

describe('the CLI bundles', () => {
  it('import, serve and pull as the sources do', { timeout: 240_000 }, async () => {
    const file = path.join(root, 'hk.ndjson');
    const out = createWriteStream(file);
    for (const line of generateDemoData({ node: 'hk', entities: 200, seed: 5, today: '2026-11-27' })) out.write(JSON.stringify(line) + '\n');
    out.end();
    await once(out, 'finish');

    const hk = await database();
    const hkEnv = { CREDENCE_NODE: 'hk', CREDENCE_KEY_FILE: path.join(root, 'hk-key.json') };
    const imported = await credence(['import', file, '--db', hk.flag, '--json'], hkEnv).done;
    expect(imported.code, imported.stderr).toBe(0);
    const summary = JSON.parse(imported.stdout) as { lines: number; rejected: number };
    expect(summary.rejected).toBe(0);
    expect(summary.lines).toBeGreaterThan(200);
    const created = await credence(['keys', 'create', '--role', 'partner', '--partner', 'gd', '--label', 'gd', '--db', hk.flag, '--json'], hkEnv).done;
    expect(created.code, created.stderr).toBe(0);

    const port = await freePort();
    const server = credence(['serve', '--db', hk.flag, '--port', String(port)], { ...hkEnv, CREDENCE_EXCHANGE_PULL_SECONDS: '0' });
    try {
      const url = `http://127.0.0.1:${port}`;
      for (let i = 0; !(await fetch(`${url}/readyz`).then((r) => r.ok, () => false)); i++) {
        expect(i, 'hk node ready').toBeLessThan(600);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');

      const gd = await database();
      const pulled = await credence(['exchange', 'pull', '--db', gd.flag, '--json'], {
        CREDENCE_PEERS: `hk=${url}`,
        CREDENCE_PEER_KEYS: `hk=${(JSON.parse(created.stdout) as { key: string }).key}`,
        CREDENCE_KEY_FILE: path.join(root, 'gd-key.json'),
      }).done;
      expect(pulled.code, pulled.stderr).toBe(0);
      expect(pulled.stdout).toMatch(/"items":[1-9]/);
    } finally {
      server.child.kill('SIGTERM');
      expect((await server.done).code).toBe(0);
    }
  });

  it('bin/credence.js runs them only while every source is older', async () => {
    const help = async () => (await credence(['--help']).done).stdout;
    expect(await help()).toContain('Credence: enterprise credit information');

    const stub = path.join(root, 'src', 'cli', 'main.ts');
    writeFileSync(stub, "console.log('from the sources');\n");
    const stale = await credence(['--help']).done;
    expect(stale.stdout).toBe('from the sources\n');
    expect(stale.stderr).toContain('src/ changed since dist/ was built');
    age(stub);
    age(path.join(root, 'src', 'cli'));
    expect(await help()).toContain('Credence: enterprise credit information');

    // A file added (or removed) shows in its folder's time.
    writeFileSync(path.join(root, 'src', 'cli', 'added.ts'), '');
    age(path.join(root, 'src', 'cli', 'added.ts'));
    expect(await help()).toBe('from the sources\n');

    // Never built: the sources, with nothing to say about it.
    renameSync(path.join(root, 'dist'), path.join(root, 'dist-away'));
    expect(await credence(['--help']).done).toMatchObject({ code: 0, stdout: 'from the sources\n', stderr: '' });
  });
});
