/**
 * Notices served to entities (SPEC §1.5): written a batch at a time, idempotent on (entity, subject), and
 * read back as each entity's inbox, newest first.
 */
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { ENTITY_OWNER_PREFIX } from '../domain/webhooks.js';
import { queryRows, type Db } from './database.js';
import { NO_WEBHOOK } from './outbox-repository.js';
import { notices } from './schema.js';
import type { LookedUpColumns } from './statistics.js';

export type NoticeRow = typeof notices.$inferSelect;
export type NewNotice = Omit<typeof notices.$inferInsert, 'id' | 'readAt'>;

/** The outbox event announcing a notice, to the webhook of its entity (`ENTITY_OWNER_PREFIX`). */
const NOTICE_SERVED = 'notice.served';

/** Rows per multi-row statement: well below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 5_000;

/** The columns `servedSubjects` filters on (the unique key, each by a list), for `analyzeGrownTables`. */
export const NOTICE_LOOKED_UP_COLUMNS: LookedUpColumns = { notices: ['entity_id', 'subject'] };

/** Which of `subjects` already have a notice for one of `entityIds`, as `<entityId> <subject>`. */
export async function servedSubjects(db: Db, entityIds: readonly string[], subjects: readonly string[]): Promise<Set<string>> {
  const served = new Set<string>();
  if (entityIds.length === 0 || subjects.length === 0) return served;
  const unique = [...new Set(subjects)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await queryRows<{ entity_id: string; subject: string }>(
      db,
      sql`select entity_id, subject from notices
          where entity_id = any(${sql.param([...entityIds])}::uuid[]) and subject = any(${sql.param(unique.slice(i, i + CHUNK))}::text[])`,
    );
    for (const r of rows) served.add(`${r.entity_id} ${r.subject}`);
  }
  return served;
}

/**
 * Inserts the notices not served yet (a concurrent server may have won the race), each with the outbox message
 * that announces it (`notice_id`; the dispatcher builds the message from the notice), and returns those inserted.
 * The message of an entity without a webhook is parked at once (as `parkOwnerless` would park it), so that the
 * dispatcher does not rewrite a whole import's worth of messages to park them.
 * Each chunk travels as one JSON parameter: an import serves a notice per record, and binding every value
 * separately cost more than the rest of the import.
 */
export async function insertNotices(db: Db, rows: readonly NewNotice[], enqueueAt: Date): Promise<NoticeRow[]> {
  const inserted: NoticeRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const bySubject = new Map(chunk.map((row) => [`${row.entityId} ${row.subject}`, row]));
    const ids = await queryRows<{ id: number | string; entity_id: string; subject: string }>(
      db,
      sql`with inserted as (
            insert into notices (entity_id, subject, kind, content, served_at)
            select "entityId", subject, kind, content, "servedAt"
            from json_to_recordset(${JSON.stringify(chunk)}::json) as r("entityId" uuid, subject text, kind text, content json, "servedAt" timestamptz)
            on conflict (entity_id, subject) do nothing
            returning id, entity_id, subject),
          queued as (
            insert into outbox (owner, event, notice_id, next_attempt_at, last_error)
            select o.owner, ${NOTICE_SERVED}, o.id,
              case when w.owner is null then 'infinity' else ${enqueueAt.toISOString()} end::timestamptz,
              case when w.owner is null then ${NO_WEBHOOK} end
            from (select ${ENTITY_OWNER_PREFIX} || entity_id as owner, id from inserted) as o left join webhooks w on w.owner = o.owner)
          select id, entity_id, subject from inserted`,
    );
    for (const r of ids) inserted.push({ ...bySubject.get(`${r.entity_id} ${r.subject}`)!, id: Number(r.id), readAt: null });
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
