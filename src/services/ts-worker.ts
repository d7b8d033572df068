/**
 * Worker threads running this project's modules. From the sources, the worker registers the tsx loader itself, so it
 * starts the same way under the CLI, the test runner or any other host; from the bundles (src/paths.ts), it runs the
 * worker's own bundle.
 */
import { Worker } from 'node:worker_threads';
import { BUNDLED } from '../paths.js';

/** A worker thread running the module at `moduleUrl` (from `workerModule`), with `workerData`. */
export function startWorker(moduleUrl: URL, workerData?: unknown): Worker {
  if (BUNDLED) return new Worker(moduleUrl, { workerData, execArgv: [] });
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}
