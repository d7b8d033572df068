/**
 * The main thread's side of the import pipeline: starts the preparing worker for a file and yields its
 * batches, acknowledging each once it has been written so the worker can prepare further ahead.
 */
import { workerModule } from '../../paths.js';
import { startWorker } from '../ts-worker.js';
import { unpackBatch, type PreparedBatch } from './prepare.js';
import type { PrepareWorkerData, PrepareWorkerMessage } from './prepare-worker.js';

export async function* preparedBatches(options: PrepareWorkerData): AsyncGenerator<PreparedBatch> {
  const worker = startWorker(workerModule('services/import/prepare-worker'), options);
  const queue: PrepareWorkerMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: PrepareWorkerMessage) => {
    queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`import worker stopped with exit code ${code}`);
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift();
      if (!message) throw failure!;
      if (message.type === 'done') return;
      if (message.type === 'error') throw new Error(`preparing ${options.file} failed: ${message.message}`);
      yield unpackBatch(message.batch);
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}
