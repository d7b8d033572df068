/**
 * Where the project's files are. Credence runs from its TypeScript sources under `src/` through tsx (the tests,
 * `npm run credence`, a checkout not built), or from the bundles `npm run build` writes to `dist/`, which
 * `bin/credence.js` prefers while they are newer than every source (docs/deploy.md). Both directories sit right
 * below the project's root, and in a bundle `import.meta.url` is the bundle's, so the root is found the same way.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The project's root: `policies/`, `web/dist/`, `package-lock.json` and the migrations are found from it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Whether this code runs from a bundle in `dist/` rather than from its sources. */
export const BUNDLED = !import.meta.url.endsWith('.ts');

/** The directory of the code that runs: `src/` or `dist/`. */
export const CODE_DIR = path.join(ROOT, BUNDLED ? 'dist' : 'src');

/**
 * The module a worker thread runs, named by its source path under `src/` without extension
 * (`exchange/feed-reader-worker`): that source, or its bundle (`dist/feed-reader-worker.mjs`, scripts/build-cli.ts).
 */
export function workerModule(source: string): URL {
  return pathToFileURL(BUNDLED ? path.join(CODE_DIR, `${path.basename(source)}.mjs`) : path.join(CODE_DIR, `${source}.ts`));
}
