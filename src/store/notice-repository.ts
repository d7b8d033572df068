/**
 * Notices served to entities (SPEC §1.5): written a batch at a time, idempotent on (entity, subject), and
 * read back as each entity's inbox, newest first.
 */
import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from './database.js';
import { notices } from './schema.js';

export type NoticeRow = typeof notices.$inferSelect;
export type NewNotice = Omit<typeof notices.$inferInsert, 'id' | 'readAt'>;

/** Rows per multi-row statement: well below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 5_000;

/** Which of `subjects` already have a notice for one of `entityIds`, as `<entityId> <subject>`. */
export async function servedSubjects(db: Db, entityIds: readonly string[], subjects: readonly string[]): Promise<Set<string>> {
  const served = new Set<string>();
  if (entityIds.length === 0 || subjects.length === 0) return served;
  const unique = [...new Set(subjects)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select({ entityId: notices.entityId, subject: notices.subject })
      .from(notices)
      .where(and(inArray(notices.entityId, [...entityIds]), inArray(notices.subject, unique.slice(i, i + CHUNK))));
    for (const r of rows) served.add(`${r.entityId} ${r.subject}`);
  }
  return served;
}

/** Inserts the notices not served yet (a concurrent server may have won the race) and returns those inserted. */
export async function insertNotices(db: Db, rows: readonly NewNotice[]): Promise<NoticeRow[]> {
  const inserted: NoticeRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    inserted.push(
      ...(await db
        .insert(notices)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoNothing({ target: [notices.entityId, notices.subject] })
        .returning()),
    );
  }
  return inserted;
}

/** An entity's notices, newest first, `limit` of them with ids below `before` (a page cursor) when given. */
export function listNotices(db: Db, entityId: string, page: { before?: number; limit: number }): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.entityId, entityId), page.before === undefined ? undefined : lt(notices.id, page.before)))
    .orderBy(desc(notices.id))
    .limit(page.limit);
}

/** Marks the entity's notice `id` read (the first reading counts); undefined when it has no such notice. */
export async function markNoticeRead(db: Db, entityId: string, id: number, at: string): Promise<NoticeRow | undefined> {
  await db
    .update(notices)
    .set({ readAt: at })
    .where(and(eq(notices.id, id), eq(notices.entityId, entityId), isNull(notices.readAt)));
  const [row] = await db
    .select()
    .from(notices)
    .where(and(eq(notices.id, id), eq(notices.entityId, entityId)));
  return row;
}
