/**
 * What search and branch proposals read and write: entities as the name index sees them (paged for the
 * build at start, by id for updates), exact legal-name look-ups, and missing relations.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { SearchableEntity } from '../domain/names/index.js';
import type { NameLang, RelationKind } from '../domain/taxonomy.js';
import { decodeCopyRows, queryRows, type Database, type Db } from './database.js';
import { inIdentifierOrder, namedEntities } from './entity-repository.js';
import { entities, entityNames, entityRelations } from './schema.js';

/**
 * Every entity with its names and identifiers, a stretch of the entities table at a time. The three tables
 * are read whole, in their physical order, with COPY over ranges of blocks (TID range scans): names and
 * identifiers first, grouped by entity in memory (the index keeps them anyway), then the entities. On a
 * 1,000,000-entity PGlite register that takes about 8 s, against about 45 s for the same rows read in entity
 * order through queries. It is not one snapshot: the caller re-reads the entities changed while it reads
 * (`SearchService`).
 */
export async function* streamSearchableEntities(database: Database): AsyncGenerator<SearchableEntity[]> {
  const names = await groupedByEntity(database, 'entity_names', 'position, value, lang', ([position, value, lang]) => ({
    position: Number(position),
    value: value!,
    lang: lang as NameLang,
  }));
  const codes = await groupedByEntity(database, 'identifiers', 'scheme, value', ([scheme, value]) => ({ scheme: scheme!, value: value! }));
  for await (const rows of tableInBlocks(database, 'entities', 'id, jurisdiction')) {
    yield rows.map(([id, jurisdiction]) => {
      const entity = {
        id: id!,
        jurisdiction: jurisdiction!,
        names: (names.get(id!) ?? []).sort((a, b) => a.position - b.position).map(({ value, lang }) => ({ value, lang })),
        identifiers: inIdentifierOrder(codes.get(id!) ?? []),
      };
      names.delete(id!);
      codes.delete(id!);
      return entity;
    });
  }
}

/** A table with an `entity_id` column read whole, its rows made by `make` from `columns` and grouped by entity. */
async function groupedByEntity<T>(database: Database, table: string, columns: string, make: (fields: (string | null)[]) => T): Promise<Map<string, T[]>> {
  const grouped = new Map<string, T[]>();
  for await (const rows of tableInBlocks(database, table, `entity_id, ${columns}`)) {
    for (const [entityId, ...fields] of rows) {
      const item = make(fields);
      const held = grouped.get(entityId!);
      if (held) held.push(item);
      else grouped.set(entityId!, [item]);
    }
  }
  return grouped;
}

/**
 * Blocks of a table per COPY: a tenth of a second or so of the event loop each, on PGlite. The loop gets a turn
 * between reads: the embedded database answers through promises alone, so a run of reads would otherwise keep a
 * starting server from answering anything until the whole register was read.
 */
const BLOCKS_PER_READ = 1_000;

async function* tableInBlocks(database: Database, table: string, columns: string): AsyncGenerator<(string | null)[][]> {
  const [size] = await queryRows<{ blocks: number }>(
    database.db,
    sql`select (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::int as blocks`,
  );
  for (let from = 0; from < size!.blocks; from += BLOCKS_PER_READ) {
    if (from > 0) await nextTurn();
    const to = from + BLOCKS_PER_READ;
    yield decodeCopyRows(await database.copyOut(`select ${columns} from ${table} where ctid >= '(${from},0)'::tid and ctid < '(${to},0)'::tid`));
  }
}

/** The entities among `ids` that exist, with their names and identifiers. */
export async function searchableEntities(db: Db, ids: readonly string[]): Promise<SearchableEntity[]> {
  return (await namedEntities(db, ids)).map((e) => ({ ...e, names: e.names.map(({ value, lang }) => ({ value, lang: lang as NameLang })) }));
}

/** `column = any($1::uuid[])`: one parameter however many ids (a batch can exceed the 65,535-parameter limit). */
function anyId(column: AnyColumn, ids: readonly string[]) {
  return sql`${column} = any(${sql.param([...ids])}::uuid[])`;
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
