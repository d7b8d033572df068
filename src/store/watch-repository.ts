/**
 * Watches (issue 4 §9): a service key's watched entities with the decisions last told about them, the
 * changes recorded against those, and the key's webhook. Bulk writes go by COPY or a chunk at a time in
 * multi-row statements, so registering 100,000 entities is a few dozen round trips, never one per entity.
 */
import { and, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { IDENTIFIER_SCHEMES } from '../domain/identifiers/index.js';
import { encodeCopyRow, queryRows, type Db, type Tx } from './database.js';
import { identifiers, watchChanges, watchEntities, watches, webhooks } from './schema.js';

/** Rows per multi-row statement: well below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 5_000;

export type WatchRow = typeof watches.$inferSelect;
export type WatchChangeRow = typeof watchChanges.$inferSelect;
export type NewWatchChange = Omit<typeof watchChanges.$inferInsert, 'seq'>;

/** A watched entity with its watch, as a change is compared against it. */
export interface WatchedEntity {
  watchId: string;
  keyId: string;
  contexts: string[];
  entityId: string;
  decisions: Record<string, string>;
}

export async function insertWatch(db: Db, row: typeof watches.$inferInsert): Promise<WatchRow> {
  const [inserted] = await db.insert(watches).values(row).returning();
  return inserted!;
}

/** The watch `id` if it belongs to key `keyId` (another key's watch is not found), locked for update when `lock`. */
export async function findOwnWatch(db: Db, id: string, keyId: string, lock = false): Promise<WatchRow | undefined> {
  const query = db
    .select()
    .from(watches)
    .where(and(eq(watches.id, id), eq(watches.keyId, keyId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The watches of key `keyId`, oldest first, with how many entities each holds. */
export async function listOwnWatches(db: Db, keyId: string): Promise<(WatchRow & { entities: number })[]> {
  const sizes = db
    .select({ watchId: watchEntities.watchId, entities: count().as('entities') })
    .from(watchEntities)
    .groupBy(watchEntities.watchId)
    .as('sizes');
  const rows = await db
    .select({ watch: watches, entities: sizes.entities })
    .from(watches)
    .leftJoin(sizes, eq(sizes.watchId, watches.id))
    .where(eq(watches.keyId, keyId))
    .orderBy(asc(watches.createdAt), asc(watches.id));
  return rows.map((r) => ({ ...r.watch, entities: Number(r.entities ?? 0) }));
}

/** Deletes a watch with its entities and changes. */
export async function deleteWatch(db: Db, id: string): Promise<void> {
  await db.delete(watches).where(eq(watches.id, id));
}

export async function countWatchEntities(db: Db, watchId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(watchEntities).where(eq(watchEntities.watchId, watchId));
  return Number(row!.n);
}

/** The last change recorded for a watch, if any. */
export async function lastWatchChange(db: Db, watchId: string): Promise<WatchChangeRow | undefined> {
  const [row] = await db.select().from(watchChanges).where(eq(watchChanges.watchId, watchId)).orderBy(desc(watchChanges.seq)).limit(1);
  return row;
}

/** How many watched entities stand at each decision, per context, as last told. */
export async function decisionCounts(db: Db, watchId: string): Promise<{ context: string; decision: string; entities: number }[]> {
  const rows = await queryRows<{ context: string; decision: string; entities: number | string }>(
    db,
    sql`select d.key as context, d.value as decision, count(*) as entities
        from ${watchEntities}, jsonb_each_text(${watchEntities.decisions}) d
        where ${watchEntities.watchId} = ${watchId}
        group by d.key, d.value order by d.key, d.value`,
  );
  return rows.map((r) => ({ ...r, entities: Number(r.entities) }));
}

export type WatchEntry = { entityId: string; decisions: Record<string, string> };

/** Stores entities none of which the watch holds yet (e.g. of a watch just created), by COPY. */
export async function insertWatchEntities(tx: Tx, watchId: string, rows: readonly WatchEntry[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.copyRows('watch_entities', ['watch_id', 'entity_id', 'decisions'], rows.map((r) => encodeCopyRow([watchId, r.entityId, r.decisions])).join(''));
}

/**
 * Adds entities with their baseline decisions; ones already watched keep theirs. The caller holds the
 * watch's row lock, so no other transaction adds to it meanwhile. Returns how many were added.
 */
export async function addWatchEntities(tx: Tx, watchId: string, rows: readonly WatchEntry[]): Promise<number> {
  const watched = new Set<string>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const found = await tx.db
      .select({ entityId: watchEntities.entityId })
      .from(watchEntities)
      .where(and(eq(watchEntities.watchId, watchId), inArray(watchEntities.entityId, rows.slice(i, i + CHUNK).map((r) => r.entityId))));
    for (const r of found) watched.add(r.entityId);
  }
  const fresh = rows.filter((r) => !watched.has(r.entityId));
  await insertWatchEntities(tx, watchId, fresh);
  return fresh.length;
}

/** Removes entities from a watch; returns how many were watched. */
export async function removeWatchEntities(db: Db, watchId: string, entityIds: readonly string[]): Promise<number> {
  let removed = 0;
  for (let i = 0; i < entityIds.length; i += CHUNK) {
    const deleted = await db
      .delete(watchEntities)
      .where(and(eq(watchEntities.watchId, watchId), inArray(watchEntities.entityId, entityIds.slice(i, i + CHUNK))))
      .returning({ entityId: watchEntities.entityId });
    removed += deleted.length;
  }
  return removed;
}

/** Whether any watch holds any entity. */
export async function anyWatched(db: Db): Promise<boolean> {
  const rows = await db.select({ entityId: watchEntities.entityId }).from(watchEntities).limit(1);
  return rows.length > 0;
}

/** Which of `entityIds` some watch holds. */
export async function watchedAmong(db: Db, entityIds: readonly string[]): Promise<string[]> {
  const watched: string[] = [];
  for (let i = 0; i < entityIds.length; i += CHUNK) {
    const rows = await db
      .selectDistinct({ entityId: watchEntities.entityId })
      .from(watchEntities)
      .where(inArray(watchEntities.entityId, entityIds.slice(i, i + CHUNK)));
    for (const r of rows) watched.push(r.entityId);
  }
  return watched;
}

/** Where a page of watch entries ends: the next page starts after it. */
export interface WatchEntryKey {
  entityId: string;
  watchId: string;
}

/**
 * Every watch entry of `entityIds` (at most one chunk), locked until the transaction ends, so concurrent
 * comparisons of one entity take turns and a change is recorded once.
 */
export function lockWatchedEntities(db: Db, entityIds: readonly string[]): Promise<WatchedEntity[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  return lockedEntries(db, inArray(watchEntities.entityId, [...entityIds]));
}

/** Up to `limit` watch entries after `after` in (entity, watch) order, locked: the pages of a sweep. */
export function lockWatchEntryPage(db: Db, after: WatchEntryKey | undefined, limit: number): Promise<WatchedEntity[]> {
  const from = after && sql`(${watchEntities.entityId}, ${watchEntities.watchId}) > (${after.entityId}::uuid, ${after.watchId}::uuid)`;
  return lockedEntries(db, from, limit);
}

function lockedEntries(db: Db, where: SQL | undefined, limit?: number): Promise<WatchedEntity[]> {
  const query = db
    .select({
      watchId: watchEntities.watchId,
      keyId: watches.keyId,
      contexts: watches.contexts,
      entityId: watchEntities.entityId,
      decisions: watchEntities.decisions,
    })
    .from(watchEntities)
    .innerJoin(watches, eq(watches.id, watchEntities.watchId))
    .where(where)
    .orderBy(asc(watchEntities.entityId), asc(watchEntities.watchId));
  return (limit === undefined ? query : query.limit(limit)).for('update', { of: watchEntities });
}

/** Records changes and returns them with their `seq`, in the order given. */
export async function insertWatchChanges(db: Db, changes: readonly NewWatchChange[]): Promise<WatchChangeRow[]> {
  const inserted: WatchChangeRow[] = [];
  for (let i = 0; i < changes.length; i += CHUNK) {
    inserted.push(...(await db.insert(watchChanges).values(changes.slice(i, i + CHUNK)).returning()));
  }
  return inserted.sort((a, b) => a.seq - b.seq);
}

/** Replaces the decisions last told for watch entries, in one statement per chunk. */
export async function updateWatchDecisions(db: Db, rows: readonly { watchId: string; entityId: string; decisions: Record<string, string> }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = sql.join(
      rows.slice(i, i + CHUNK).map((r) => sql`(${r.watchId}::uuid, ${r.entityId}::uuid, ${JSON.stringify(r.decisions)}::jsonb)`),
      sql`, `,
    );
    await db.execute(sql`update ${watchEntities} set decisions = v.decisions
      from (values ${values}) as v(watch_id, entity_id, decisions)
      where ${watchEntities.watchId} = v.watch_id and ${watchEntities.entityId} = v.entity_id`);
  }
}

/** Up to `limit` changes of a watch after `seq`, oldest first. */
export function listWatchChanges(db: Db, watchId: string, after: number, limit: number): Promise<WatchChangeRow[]> {
  return db
    .select()
    .from(watchChanges)
    .where(and(eq(watchChanges.watchId, watchId), gt(watchChanges.seq, after)))
    .orderBy(asc(watchChanges.seq))
    .limit(limit);
}

/**
 * One `scheme:value` reference per entity, for people reading changes: the first in `IDENTIFIER_SCHEMES`
 * order (a USCC before an AEO number), then the smallest value.
 */
export async function entityRefs(db: Db, entityIds: readonly string[]): Promise<Map<string, string>> {
  const rank = (scheme: string) => {
    const at = (IDENTIFIER_SCHEMES as readonly string[]).indexOf(scheme);
    return at < 0 ? IDENTIFIER_SCHEMES.length : at;
  };
  const best = new Map<string, { scheme: string; value: string }>();
  const unique = [...new Set(entityIds)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select({ entityId: identifiers.entityId, scheme: identifiers.scheme, value: identifiers.value })
      .from(identifiers)
      .where(inArray(identifiers.entityId, unique.slice(i, i + CHUNK)));
    for (const r of rows) {
      const held = best.get(r.entityId);
      if (!held || rank(r.scheme) < rank(held.scheme) || (r.scheme === held.scheme && r.value < held.value)) best.set(r.entityId, r);
    }
  }
  return new Map([...best].map(([id, r]) => [id, `${r.scheme}:${r.value}`]));
}

/** Which of `owners` (`key:<uuid>`, `entity:<uuid>`) have a webhook. */
export async function ownersWithWebhook(db: Db, owners: readonly string[]): Promise<Set<string>> {
  if (owners.length === 0) return new Set();
  const rows = await db.select({ owner: webhooks.owner }).from(webhooks).where(inArray(webhooks.owner, [...owners]));
  return new Set(rows.map((r) => r.owner));
}
