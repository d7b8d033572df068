/**
 * What search and branch proposals read and write: entities as the name index sees them (paged for the
 * build at start, by id for updates), exact legal-name look-ups, and missing relations.
 */
import { and, asc, eq, gt, lte, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SearchableEntity } from '../domain/names/index.js';
import type { NameLang, RelationKind } from '../domain/taxonomy.js';
import type { Db } from './database.js';
import { entities, entityNames, entityRelations, identifiers } from './schema.js';

/** Every entity with its names and identifiers, in id order, `pageSize` entities per query. */
export async function* streamSearchableEntities(db: Db, pageSize = 10_000): AsyncGenerator<SearchableEntity[]> {
  let after: string | undefined;
  for (;;) {
    const page = await db
      .select({ id: entities.id, jurisdiction: entities.jurisdiction })
      .from(entities)
      .where(after === undefined ? undefined : gt(entities.id, after))
      .orderBy(asc(entities.id))
      .limit(pageSize);
    if (page.length === 0) return;
    const last = page[page.length - 1]!.id;
    const from = after;
    // An id range walks the primary-key indexes of names and identifiers; much faster than `= any(ids)`.
    yield withNamesAndIdentifiers(db, page, (column) => (from === undefined ? lte(column, last) : and(gt(column, from), lte(column, last))!));
    if (page.length < pageSize) return;
    after = last;
  }
}

/** The entities among `ids` that exist, with their names and identifiers. */
export async function searchableEntities(db: Db, ids: readonly string[]): Promise<SearchableEntity[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: entities.id, jurisdiction: entities.jurisdiction })
    .from(entities)
    .where(anyId(entities.id, ids));
  return withNamesAndIdentifiers(db, rows, (column) => anyId(column, ids));
}

/** `column = any($1::uuid[])`: one parameter however many ids (a batch can exceed the 65,535-parameter limit). */
function anyId(column: AnyColumn, ids: readonly string[]) {
  return sql`${column} = any(${sql.param([...ids])}::uuid[])`;
}

/** `rows` with their names and identifiers; `among` selects the rows' entity ids in a query. */
async function withNamesAndIdentifiers(
  db: Db,
  rows: { id: string; jurisdiction: string }[],
  among: (column: AnyColumn) => SQL,
): Promise<SearchableEntity[]> {
  const [names, codes] = await Promise.all([
    db
      .select({ entityId: entityNames.entityId, value: entityNames.value, lang: entityNames.lang })
      .from(entityNames)
      .where(among(entityNames.entityId))
      .orderBy(asc(entityNames.entityId), asc(entityNames.position)),
    db
      .select({ entityId: identifiers.entityId, scheme: identifiers.scheme, value: identifiers.value })
      .from(identifiers)
      .where(among(identifiers.entityId))
      .orderBy(asc(identifiers.entityId), asc(identifiers.scheme), asc(identifiers.value)),
  ]);
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, jurisdiction: r.jurisdiction, names: [] as { value: string; lang: NameLang }[], identifiers: [] as { scheme: string; value: string }[] }]));
  for (const n of names) byId.get(n.entityId)?.names.push({ value: n.value, lang: n.lang as NameLang });
  for (const i of codes) byId.get(i.entityId)?.identifiers.push({ scheme: i.scheme, value: i.value });
  return [...byId.values()];
}

/** The legal names of `jurisdiction` entities among `ids`, for reading branch names off them. */
export function legalNamesOfEntities(db: Db, ids: readonly string[], jurisdiction: string): Promise<{ entityId: string; value: string }[]> {
  return ids.length === 0 ? Promise.resolve([]) : legalNamesWhere(db, anyId(entityNames.entityId, ids), jurisdiction);
}

/** The entities of `jurisdiction` whose legal name is exactly one of `names`. */
export function entitiesByLegalName(db: Db, names: readonly string[], jurisdiction: string): Promise<{ entityId: string; value: string }[]> {
  return names.length === 0 ? Promise.resolve([]) : legalNamesWhere(db, sql`${entityNames.value} = any(${sql.param([...names])}::text[])`, jurisdiction);
}

async function legalNamesWhere(db: Db, condition: SQL, jurisdiction: string): Promise<{ entityId: string; value: string }[]> {
  return db
    .select({ entityId: entityNames.entityId, value: entityNames.value })
    .from(entityNames)
    .innerJoin(entities, eq(entities.id, entityNames.entityId))
    .where(and(condition, eq(entities.jurisdiction, jurisdiction), eq(entityNames.kind, 'legal')));
}

/** Inserts the relations that are not there yet; returns those it inserted. */
export async function insertMissingRelations(
  db: Db,
  relations: readonly { entityId: string; kind: RelationKind; targetId: string }[],
): Promise<{ entityId: string; kind: string; targetId: string }[]> {
  if (relations.length === 0) return [];
  return db.insert(entityRelations).values([...relations]).onConflictDoNothing().returning();
}
