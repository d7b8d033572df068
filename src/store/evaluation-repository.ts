/**
 * Reading what the policy evaluator needs: entities with their identifier references and records, mapped to
 * the domain's `EvaluableRecord`. Whole-register reads go a page of entities at a time (keyset on the id), so
 * rebuilding the check index or simulating a pack keeps memory flat however large the register is. No joins:
 * three indexed queries per page.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { EvaluableRecord, EvaluationInput } from '../domain/policy/model.js';
import type { Currency, Jurisdiction, NodeId, PenaltyKind, RecordCategory, RecordStatus, RegulatoryDomain, Severity } from '../domain/taxonomy.js';
import { queryJsonRows, queryRows, type Db } from './database.js';
import { records } from './schema.js';

/**
 * A record that was imported active and later changed to a non-active status stopped having effect on the day
 * (GBA time) of that change; one imported already non-active never had effect.
 */
const statusChangedOn = sql<string | null>`case when ${records.status} <> 'active' and ${records.updatedAt} > ${records.createdAt}
  then ((${records.updatedAt} at time zone 'UTC') + interval '8 hours')::date::text end`;

/** A stored record as `toEvaluableRecord` reads it. */
export type EvaluationRecordRow = Pick<
  typeof records.$inferSelect,
  'id' | 'originNode' | 'sourceId' | 'category' | 'domain' | 'severity' | 'authority' | 'decidedOn' | 'details' | 'status' | 'disputed'
> & { statusChangedOn: string | null };

interface Details {
  penalty?: { kinds: PenaltyKind[]; amount?: { value: number; currency: Currency } };
  rating?: { scheme: string; grade: string };
  court?: { amountOwed?: { value: number; currency: Currency } };
}

/**
 * Maps a stored record to the evaluator's input. The category block in `details` gives penalty kinds, the
 * amount (penalty amount or amount owed) and the rating. `disputed` is set while an objection is open.
 */
export function toEvaluableRecord(row: EvaluationRecordRow): EvaluableRecord {
  const details = (row.details ?? {}) as Details;
  return {
    id: String(row.id),
    sourceId: row.sourceId,
    originNode: row.originNode as NodeId,
    category: row.category as RecordCategory,
    domain: row.domain as RegulatoryDomain,
    severity: (row.severity ?? undefined) as Severity | undefined,
    authority: row.authority,
    decidedOn: row.decidedOn,
    penaltyKinds: details.penalty?.kinds,
    amount: details.penalty?.amount ?? details.court?.amountOwed,
    rating: details.rating && { scheme: details.rating.scheme, grade: details.rating.grade },
    status: row.status as RecordStatus,
    statusChangedOn: row.statusChangedOn ?? undefined,
    disputed: row.disputed,
  };
}

/**
 * Every entity of the register with its records, `pageSize` entities at a time in id order, with a turn of the event
 * loop between pages (index builds run beside a serving node).
 */
export async function* readEvaluationPages(db: Db, pageSize = 5_000): AsyncGenerator<EvaluationInput[]> {
  for (let after = ''; ; await nextTurn()) {
    const rows = await queryRows<EntityRow>(
      db,
      sql`select id, jurisdiction from entities ${after ? sql`where id > ${after}::uuid` : sql``} order by id limit ${pageSize}`,
    );
    if (rows.length === 0) return;
    yield await withRecords(db, rows);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The entities of `ids` that exist, with their records. */
export async function loadEvaluationInputs(db: Db, ids: readonly string[]): Promise<EvaluationInput[]> {
  if (ids.length === 0) return [];
  const rows = await queryJsonRows<EntityRow>(db, sql`select id, jurisdiction from entities where id = any(${sql.param([...ids])}::uuid[])`);
  return withRecords(db, rows);
}

/** All records of one entity in id order, whole, with the day their status changed (see `toEvaluableRecord`). */
export async function recordsWithStatusDates(db: Db, entityId: string): Promise<(typeof records.$inferSelect & { statusChangedOn: string | null })[]> {
  return db
    .select({ ...getTableColumns(records), statusChangedOn })
    .from(records)
    .where(eq(records.entityId, entityId))
    .orderBy(asc(records.id));
}

interface EntityRow {
  id: string;
  jurisdiction: string;
}

/**
 * The identifiers and records of `rows`. Both arrive as one JSON value each (`queryJsonRows`): a page of
 * entities has thousands of records, and the embedded database decodes single fields slowly.
 */
async function withRecords(db: Db, rows: EntityRow[]): Promise<EvaluationInput[]> {
  const ids = sql.param(rows.map((r) => r.id));
  const [refRows, recordRows] = await Promise.all([
    queryJsonRows<{ entityId: string; ref: string }>(db, sql`select entity_id as "entityId", scheme || ':' || value as ref from identifiers where entity_id = any(${ids}::uuid[])`),
    queryJsonRows<EvaluationRecordRow & { entityId: string }>(
      db,
      sql`select id, entity_id as "entityId", origin_node as "originNode", source_id as "sourceId", category, domain, severity,
            authority, decided_on as "decidedOn", details, status, disputed, ${statusChangedOn} as "statusChangedOn"
          from records where entity_id = any(${ids}::uuid[])`,
    ),
  ]);
  const refs = new Map<string, string[]>();
  for (const r of refRows) push(refs, r.entityId, r.ref);
  const byEntity = new Map<string, EvaluableRecord[]>();
  for (const r of recordRows.sort((a, b) => a.id - b.id)) push(byEntity, r.entityId, toEvaluableRecord(r));
  return rows.map((r) => ({
    entity: { id: r.id, jurisdiction: r.jurisdiction as Jurisdiction },
    refs: (refs.get(r.id) ?? []).sort(),
    records: byEntity.get(r.id) ?? [],
  }));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
