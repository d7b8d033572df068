/**
 * The SQL of due process (issue 4 §4–§6): attachments, objections (异议), credit repair applications
 * (信用修复) and entities' statements beside their records. Objections and repair applications are both
 * "cases" about a subject — filed by an entity, decided by a reviewer of an authority by a due date — and
 * share one set of queries over their common columns. Writes run inside the caller's transaction, beside
 * the audit entry that records them.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from './database.js';
import { attachments, objections, repairs, statements } from './schema.js';

export type AttachmentRow = typeof attachments.$inferSelect;
/** An attachment as answers list it: everything but the content. */
export type AttachmentMeta = Omit<AttachmentRow, 'content' | 'entityId' | 'createdAt'>;
export type ObjectionRow = typeof objections.$inferSelect;
export type RepairRow = typeof repairs.$inferSelect;
export type StatementRow = typeof statements.$inferSelect;

/** Stores attachments (content as base64 text, with size and SHA-256 of the decoded bytes). */
export async function insertAttachments(db: Db, rows: readonly (typeof attachments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(attachments).values([...rows]);
}

/** The attachments of `ids`, without their content, in the order of `ids`. */
export async function attachmentMeta(db: Db, ids: readonly string[]): Promise<AttachmentMeta[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: attachments.id, filename: attachments.filename, mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256 })
    .from(attachments)
    .where(inArray(attachments.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Serialises filings about one subject of one entity until the transaction ends, so "one open case per
 * subject" holds under concurrent requests on both dialects.
 */
export async function lockSubject(db: Db, kind: 'objection' | 'repair', entityId: string, subject: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`credence:${kind}:${entityId}:${subject}`}))`);
}

/** What a reviewer's decision writes on a case. */
export interface CaseDecision {
  status: string;
  decidedAt: string;
  decidedBy: string;
  decision: Record<string, unknown>;
}

/** The queries objections and repair applications share, over one of the two tables. */
export interface CaseQueries<Row, New> {
  /** Inserts a case; undefined when the entity already used its idempotency key (the first one stands). */
  insert(db: Db, row: New): Promise<Row | undefined>;
  /** The case `id`, locked for update when `lock` (a decision must not interleave with another). */
  find(db: Db, id: string, lock?: boolean): Promise<Row | undefined>;
  /** The case the entity filed with this idempotency key, if any. */
  findByRequest(db: Db, entityId: string, requestKey: string): Promise<Row | undefined>;
  /** The open case about `subject` of the entity, if any. */
  findOpen(db: Db, entityId: string, subject: string): Promise<Row | undefined>;
  /** The entity's cases, newest first. */
  listByEntity(db: Db, entityId: string): Promise<Row[]>;
  /** The open cases an authority decides, earliest due first. */
  queue(db: Db, authority: string): Promise<Row[]>;
  decide(db: Db, id: string, decision: CaseDecision): Promise<void>;
}

function caseQueries<Row, New>(table: typeof objections | typeof repairs): CaseQueries<Row, New> {
  // Both tables have the same case columns; the casts only restore which of the two row types comes back.
  const t = table as typeof objections;
  return {
    async insert(db, row) {
      const [inserted] = await db
        .insert(t)
        .values(row as typeof objections.$inferInsert)
        .onConflictDoNothing({ target: [t.entityId, t.requestKey] })
        .returning();
      return inserted as Row | undefined;
    },
    async find(db, id, lock = false) {
      const query = db.select().from(t).where(eq(t.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row as Row | undefined;
    },
    async findByRequest(db, entityId, requestKey) {
      const [row] = await db.select().from(t).where(and(eq(t.entityId, entityId), eq(t.requestKey, requestKey)));
      return row as Row | undefined;
    },
    async findOpen(db, entityId, subject) {
      const [row] = await db.select().from(t).where(and(eq(t.entityId, entityId), eq(t.subject, subject), eq(t.status, 'open')));
      return row as Row | undefined;
    },
    async listByEntity(db, entityId) {
      return (await db.select().from(t).where(eq(t.entityId, entityId)).orderBy(desc(t.filedAt), asc(t.id))) as Row[];
    },
    async queue(db, authority) {
      return (await db.select().from(t).where(and(eq(t.authority, authority), eq(t.status, 'open'))).orderBy(asc(t.dueOn), asc(t.filedAt))) as Row[];
    },
    async decide(db, id, decision) {
      await db.update(t).set(decision).where(eq(t.id, id));
    },
  };
}

export const objectionCases: CaseQueries<ObjectionRow, typeof objections.$inferInsert> = caseQueries(objections);
export const repairCases: CaseQueries<RepairRow, typeof repairs.$inferInsert> = caseQueries(repairs);

/** Of `recordIds`, those another open objection of the entity (not `except`) still covers. */
export async function stillObjected(db: Db, entityId: string, recordIds: readonly number[], except: string): Promise<Set<number>> {
  if (recordIds.length === 0) return new Set();
  const rows = await queryRows<{ id: number | string }>(
    db,
    sql`select distinct (jsonb_array_elements(record_ids))::bigint as id from objections
        where entity_id = ${entityId} and status = 'open' and id <> ${except}`,
  );
  const wanted = new Set(recordIds);
  return new Set(rows.map((r) => Number(r.id)).filter((id) => wanted.has(id)));
}

/** The statement beside a record, if its entity wrote one. */
export async function findStatement(db: Db, recordId: number): Promise<StatementRow | undefined> {
  const [row] = await db.select().from(statements).where(eq(statements.recordId, recordId));
  return row;
}

/** Writes the statement beside a record, replacing the one there. */
export async function putStatement(db: Db, row: StatementRow): Promise<void> {
  await db
    .insert(statements)
    .values(row)
    .onConflictDoUpdate({ target: statements.recordId, set: { text: row.text, updatedAt: row.updatedAt } });
}

export async function deleteStatement(db: Db, recordId: number): Promise<void> {
  await db.delete(statements).where(eq(statements.recordId, recordId));
}

/** The statements beside an entity's records, by record id (for its public report). */
export async function statementsOf(db: Db, entityId: string): Promise<Map<number, StatementRow>> {
  const rows = await db.select().from(statements).where(eq(statements.entityId, entityId));
  return new Map(rows.map((r) => [r.recordId, r]));
}
