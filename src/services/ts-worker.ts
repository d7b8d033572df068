/**
 * Worker threads running this project's TypeScript modules. The worker registers the tsx loader itself, so it
 * starts the same way under the CLI, the test runner or any other host.
 */
import { Worker } from 'node:worker_threads';

const TSX_API_URL = import.meta.resolve('tsx/esm/api');

/** A worker thread running the module at `moduleUrl` (an `import.meta.url`-relative URL), with `workerData`. */
export function startWorker(moduleUrl: URL, workerData?: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(TSX_API_URL)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}
