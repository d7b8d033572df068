/** Reading the register: entities with their identifiers, names and relations, and their records. */
import { and, asc, count, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Identifier } from '../domain/identifiers/index.js';
import { queryJsonRows, type Db } from './database.js';
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

/** An entity as the search index and the exchange feed read it: jurisdiction, names in order, identifiers in order. */
export interface NamedEntity {
  id: string;
  jurisdiction: string;
  names: { value: string; lang: string; kind: string }[];
  identifiers: { scheme: string; value: string }[];
}

/** Identifiers in one order whichever way they were read, so that an unchanged entity compares equal. */
export function inIdentifierOrder<T extends { scheme: string; value: string }>(codes: T[]): T[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return codes.sort((a, b) => order(a.scheme, b.scheme) || order(a.value, b.value));
}

/**
 * The entities among `ids` that exist, with their names and identifiers: each table read as one JSON value
 * (`queryJsonRows`), which keeps no order, so names and identifiers are put in theirs here.
 */
export async function namedEntities(db: Db, ids: readonly string[]): Promise<NamedEntity[]> {
  if (ids.length === 0) return [];
  const among = sql.param([...ids]);
  const [rows, names, codes] = await Promise.all([
    queryJsonRows<{ id: string; jurisdiction: string }>(db, sql`select id, jurisdiction from entities where id = any(${among}::uuid[])`),
    queryJsonRows<{ entityId: string; position: number; value: string; lang: string; kind: string }>(
      db,
      sql`select entity_id as "entityId", position, value, lang, kind from entity_names where entity_id = any(${among}::uuid[])`,
    ),
    queryJsonRows<{ entityId: string; scheme: string; value: string }>(
      db,
      sql`select entity_id as "entityId", scheme, value from identifiers where entity_id = any(${among}::uuid[])`,
    ),
  ]);
  const byId = new Map<string, NamedEntity>(rows.map((r) => [r.id, { id: r.id, jurisdiction: r.jurisdiction, names: [], identifiers: [] }]));
  for (const n of names.sort((a, b) => a.position - b.position)) byId.get(n.entityId)?.names.push({ value: n.value, lang: n.lang, kind: n.kind });
  for (const i of inIdentifierOrder(codes)) byId.get(i.entityId)?.identifiers.push({ scheme: i.scheme, value: i.value });
  return [...byId.values()];
}
