/**
 * Worker thread of `credence import`: reads one file and prepares its batches (`BatchPreparer`), staying at
 * most two batches ahead of the main thread so memory stays flat however long the file is.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IdentifierRules } from '../../domain/identifiers/index.js';
import { interchangeSchemas } from '../../domain/interchange.js';
import { BatchPreparer, type PackedBatch } from './prepare.js';
import { readLines } from './read-lines.js';

export interface PrepareWorkerData {
  file: string;
  originNode: string;
  identifierRules: IdentifierRules;
  today: string;
  batchSize: number;
}

export type PrepareWorkerMessage = { type: 'batch'; batch: PackedBatch } | { type: 'done' } | { type: 'error'; message: string };

/** Batches posted and not yet acknowledged before the worker waits. */
const MAX_AHEAD = 2;

const port = parentPort!;
const { file, originNode, identifierRules, today, batchSize } = workerData as PrepareWorkerData;
let ahead = 0;
let wake: (() => void) | undefined;
port.on('message', () => {
  ahead--;
  wake?.();
});

async function post(batch: PackedBatch): Promise<void> {
  port.postMessage({ type: 'batch', batch } satisfies PrepareWorkerMessage);
  ahead++;
  while (ahead >= MAX_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
}

try {
  const preparer = new BatchPreparer(interchangeSchemas({ identifierRules, today }).line, originNode);
  let bytesRead = 0;
  for await (const source of readLines(file, (bytes) => (bytesRead = bytes))) {
    preparer.add(source);
    if (preparer.size >= batchSize) await post(preparer.take(bytesRead));
  }
  if (preparer.size > 0) await post(preparer.take(bytesRead));
  port.postMessage({ type: 'done' } satisfies PrepareWorkerMessage);
} catch (error) {
  port.postMessage({ type: 'error', message: (error as Error).stack ?? String(error) } satisfies PrepareWorkerMessage);
}
