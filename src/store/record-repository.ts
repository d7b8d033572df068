/**
 * Writing single records outside of imports: officers' recording, corrections and revocations, and the
 * status and dispute changes that objections and repairs make. Each call runs inside the caller's
 * transaction, beside the audit entry that records it.
 */
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import type { RecordLine } from '../domain/interchange.js';
import type { RecordStatus } from '../domain/taxonomy.js';
import { queryJsonRows, type Db } from './database.js';
import { recordDetails } from './import-repository.js';
import { records } from './schema.js';

export type RecordRow = typeof records.$inferSelect;

/** What a decision says, as a notice of it quotes it. */
export interface DecisionWords {
  id: number;
  decisionNo: string;
  summary: string;
  legalBasis: RecordRow['legalBasis'];
}

/** The words of the decisions behind records `ids`, in no particular order: an import serves thousands of notices at once. */
export function decisionWords(db: Db, ids: readonly number[]): Promise<DecisionWords[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryJsonRows<DecisionWords>(
    db,
    sql`select id, decision_no as "decisionNo", summary, legal_basis as "legalBasis" from records where id = any(${sql.param([...ids])}::bigint[])`,
  );
}

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

/**
 * Changes the status of a record; the evaluator reads the day of the change from `updated_at`, so pass the
 * app clock's `at` (the database's own time would disagree with a fixed or skewed app clock).
 */
export async function setRecordStatus(db: Db, id: number, status: RecordStatus, at?: Date): Promise<void> {
  await db
    .update(records)
    .set({ status, updatedAt: at ? at.toISOString() : sql`now()` })
    .where(eq(records.id, id));
}

/** Marks records disputed while an objection about them is open, or clears the mark. */
export async function setDisputed(db: Db, ids: readonly number[], disputed: boolean): Promise<void> {
  if (ids.length === 0) return;
  await db.update(records).set({ disputed }).where(inArray(records.id, [...ids]));
}

/** A record to insert: a validated interchange line, its subject resolved, with its content hash. */
export interface NewRecord {
  originNode: string;
  entityId: string;
  line: RecordLine;
  contentHash: string;
  /** The record this one corrects, kept in `details.corrects`. */
  corrects?: number;
}

/**
 * Inserts one record (an officer's recording or a correction) and returns it; undefined when the origin
 * node already has a record with its source id (the caller decides whether that is a repeat or a conflict).
 */
export async function insertRecord(db: Db, record: NewRecord): Promise<RecordRow | undefined> {
  const { line } = record;
  const details = recordDetails(line);
  const [row] = await db
    .insert(records)
    .values({
      originNode: record.originNode,
      sourceId: line.sourceId,
      entityId: record.entityId,
      category: line.category,
      domain: line.domain,
      severity: line.severity ?? null,
      authority: line.authority,
      decisionNo: line.decisionNo,
      decidedOn: line.decidedOn,
      legalBasis: line.legalBasis,
      summary: line.summary,
      details: record.corrects === undefined ? details : { ...details, corrects: record.corrects },
      status: line.status,
      contentHash: record.contentHash,
    })
    .onConflictDoNothing({ target: [records.originNode, records.sourceId] })
    .returning();
  return row;
}

/** The record `sourceId` of `originNode`, locked for update when `lock`. */
export async function findRecordBySource(db: Db, originNode: string, sourceId: string, lock = false): Promise<RecordRow | undefined> {
  const query = db
    .select()
    .from(records)
    .where(and(eq(records.originNode, originNode), eq(records.sourceId, sourceId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** How many records of `originNode` have a source id starting with `prefix` (corrections are numbered by it). */
export async function countRecordsWithSourcePrefix(db: Db, originNode: string, prefix: string): Promise<number> {
  const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  const [row] = await db
    .select({ n: count() })
    .from(records)
    .where(and(eq(records.originNode, originNode), like(records.sourceId, `${escaped}%`)));
  return Number(row?.n ?? 0);
}
