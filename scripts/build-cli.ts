/**
 * Bundles the CLI and the modules its worker threads run into `dist/` (`main.mjs`, `prepare-worker.mjs`,
 * `feed-reader-worker.mjs`), or into the folder given, with the npm packages left as imports. A bundle finds the
 * project's files from the folder above its own (src/paths.ts). `bin/credence.js` runs the bundle while it is newer
 * than every source file: loading one bundle instead of some 250 TypeScript modules through tsx takes about a second
 * off the start of `credence serve` (docs/benchmarks.md). Run: npm run build:cli [-- FOLDER]
 */
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.join(import.meta.dirname, '..');
/** The CLI and each worker's module (src/paths.ts `workerModule` finds a worker's bundle by its file name). */
const ENTRY_POINTS = ['src/cli/main.ts', 'src/services/import/prepare-worker.ts', 'src/exchange/feed-reader-worker.ts'];

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
// Written beside and then swapped in, so that a `credence` starting meanwhile finds either bundle whole, or none.
const building = `${out}.${process.pid}`;
await build({
  entryPoints: ENTRY_POINTS.map((entry) => path.join(ROOT, entry)),
  outdir: building,
  entryNames: '[name]',
  // Beside the entry points: a module finds the project's root from the folder above its own (src/paths.ts).
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // What the sources import on demand (the PostgreSQL driver, the server) stays on demand: in chunks of its own.
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
await rm(out, { recursive: true, force: true });
await rename(building, out);
