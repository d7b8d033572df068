#!/usr/bin/env node
// Runs the CLI from the bundle `npm run build` writes (dist/main.mjs) while it is newer than every file and folder
// under src/, else from the TypeScript sources through tsx: `npx credence …` works without a build step and never
// runs code older than its sources. A bundle left behind by a change to the sources is named on stderr.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.join(import.meta.dirname, '..');
const bundle = path.join(root, 'dist', 'main.mjs');

function bundleIsCurrent() {
  const built = statSync(bundle).mtimeMs;
  const src = path.join(root, 'src');
  // Folders too: removing or renaming a file changes its folder's time. A file gone while looking counts as a change.
  const newer = (file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > built;
  return ![src, ...readdirSync(src, { recursive: true }).map((entry) => path.join(src, entry))].some(newer);
}

if (existsSync(bundle) && bundleIsCurrent()) {
  await import(pathToFileURL(bundle).href);
} else {
  if (existsSync(bundle)) process.stderr.write('credence: src/ changed since dist/ was built: running the sources (npm run build to start faster)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
