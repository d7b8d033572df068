/**
 * Global setup of the browser tests: installs Debian's Chromium and CJK fonts when they are missing and the tests
 * run as root (else stops naming the command, like the PostgreSQL setup), and builds the web app when web/dist is missing or older than its sources,
 * so `npx vitest run --project browser` always drives the current code (`npm test` builds it first anyway).
 * The build runs as `npm run build:web` would, in its own process with NODE_ENV=production: inside Vitest
 * NODE_ENV is `test`, which would bundle React's development build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WEB = path.join(ROOT, 'web');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const BROWSER_PACKAGES = 'chromium fonts-noto-cjk';

function ensureChromium(): void {
  if (existsSync('/usr/bin/chromium')) return;
  if (process.getuid?.() !== 0) throw new Error(`Chromium not found at /usr/bin/chromium; install it with: sudo apt-get install -y ${BROWSER_PACKAGES}`);
  execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${BROWSER_PACKAGES}`], { stdio: 'inherit' });
}

export default function setup(): void {
  ensureChromium();
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(newestSource(path.join(WEB, 'src')), statSync(path.join(WEB, 'index.html')).mtimeMs, statSync(path.join(WEB, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
}
