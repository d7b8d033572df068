/**
 * Writing single records outside of imports: officers' recording, corrections and revocations, and the
 * status and dispute changes that objections and repairs make. Each call runs inside the caller's
 * transaction, beside the audit entry that records it.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { RecordStatus } from '../domain/taxonomy.js';
import type { Db } from './database.js';
import { records } from './schema.js';

export type RecordRow = typeof records.$inferSelect;

/** The record with this id, locked for update when `lock` (decisions on it must not interleave). */
export async function findRecord(db: Db, id: number, lock = false): Promise<RecordRow | undefined> {
  const query = db.select().from(records).where(eq(records.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Records by id, in id order. */
export function findRecords(db: Db, ids: readonly number[]): Promise<RecordRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(records).where(inArray(records.id, [...ids])).orderBy(records.id);
}

/** Changes the status of a record; the evaluator reads the day of the change from `updated_at`. */
export async function setRecordStatus(db: Db, id: number, status: RecordStatus): Promise<void> {
  await db.update(records).set({ status, updatedAt: sql`now()` }).where(eq(records.id, id));
}

/** Marks records disputed while an objection about them is open, or clears the mark. */
export async function setDisputed(db: Db, ids: readonly number[], disputed: boolean): Promise<void> {
  if (ids.length === 0) return;
  await db.update(records).set({ disputed }).where(inArray(records.id, [...ids]));
}
