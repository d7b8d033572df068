/** Reading the register: entities with their identifiers, names and relations, and their records. */
import { and, asc, count, eq, gt, inArray, or } from 'drizzle-orm';
import type { Identifier } from '../domain/identifiers/index.js';
import type { Db } from './database.js';
import { entities, entityNames, entityRelations, identifiers, records } from './schema.js';

export type EntityRow = typeof entities.$inferSelect;
export type RecordRow = typeof records.$inferSelect;

export interface EntityDetail {
  entity: EntityRow;
  identifiers: (typeof identifiers.$inferSelect)[];
  names: (typeof entityNames.$inferSelect)[];
  /** Relations from and to this entity (e.g. its parent, and its branches). */
  relations: (typeof entityRelations.$inferSelect)[];
}

export async function findEntityIdByIdentifier(db: Db, identifier: Identifier): Promise<string | undefined> {
  const [row] = await db
    .select({ entityId: identifiers.entityId })
    .from(identifiers)
    .where(and(eq(identifiers.scheme, identifier.scheme), eq(identifiers.value, identifier.value)));
  return row?.entityId;
}

export async function getEntityDetail(db: Db, id: string): Promise<EntityDetail | undefined> {
  const [entity] = await db.select().from(entities).where(eq(entities.id, id));
  if (!entity) return undefined;
  const [ids, names, relations] = await Promise.all([
    db.select().from(identifiers).where(eq(identifiers.entityId, id)).orderBy(asc(identifiers.scheme), asc(identifiers.value)),
    db.select().from(entityNames).where(eq(entityNames.entityId, id)).orderBy(asc(entityNames.position)),
    db.select().from(entityRelations).where(or(eq(entityRelations.entityId, id), eq(entityRelations.targetId, id))),
  ]);
  return { entity, identifiers: ids, names, relations };
}

/** The first legal name of each of `ids`, to label related entities. */
export async function primaryNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ entityId: entityNames.entityId, value: entityNames.value })
    .from(entityNames)
    .where(and(inArray(entityNames.entityId, ids), eq(entityNames.position, 0)));
  return new Map(rows.map((r) => [r.entityId, r.value]));
}

/** One page of an entity's records in id order; `after` is the last id of the previous page. */
export async function listEntityRecords(db: Db, entityId: string, page: { after: number; limit: number }): Promise<RecordRow[]> {
  return db
    .select()
    .from(records)
    .where(and(eq(records.entityId, entityId), gt(records.id, page.after)))
    .orderBy(asc(records.id))
    .limit(page.limit);
}

export async function countEntities(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(entities);
  return Number(row?.n ?? 0);
}
