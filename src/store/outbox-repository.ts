/**
 * The transactional outbox (issue 4 §3): a webhook is enqueued in the transaction that makes the change it
 * reports, so a crash can delay a delivery but never lose one. The dispatcher sends and retries.
 */
import type { Db } from './database.js';
import { outbox } from './schema.js';

export interface OutboxMessage {
  /** Whose webhook receives it: `entity:<uuid>` or `key:<uuid>`. */
  owner: string;
  /** `notice.served`, `watch.changed`, … */
  event: string;
  payload: Record<string, unknown>;
}

/** Enqueues messages for delivery as soon as possible; call inside the change's transaction. */
export async function enqueue(db: Db, messages: readonly OutboxMessage[], at: Date): Promise<void> {
  if (messages.length === 0) return;
  await db.insert(outbox).values(messages.map((m) => ({ ...m, nextAttemptAt: at.toISOString() })));
}
