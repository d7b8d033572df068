/**
 * Bulk reads and writes for `credence import`: set-based look-ups for a batch and COPY for new rows.
 */
import { sql } from 'drizzle-orm';
import { formatIdentifier } from '../domain/identifiers/index.js';
import type { BatchLookups, KnownEntity, PlannedEntity, PlannedRecord } from '../domain/import-plan.js';
import type { EntityLine, RecordLine } from '../domain/interchange.js';
import { encodeCopyRow, queryRows, type Db, type Tx } from './database.js';

const ENTITY_COLUMNS = ['id', 'jurisdiction', 'legal_form', 'status', 'registered_on', 'origin_node', 'content_hash'] as const;
const IDENTIFIER_COLUMNS = ['scheme', 'value', 'entity_id', 'warnings'] as const;
const NAME_COLUMNS = ['entity_id', 'position', 'value', 'lang', 'kind', 'valid_from', 'valid_to'] as const;
const RELATION_COLUMNS = ['entity_id', 'kind', 'target_id'] as const;
export const RECORD_COLUMNS = [
  'origin_node', 'source_id', 'entity_id', 'category', 'domain', 'severity', 'authority', 'decision_no',
  'decided_on', 'legal_basis', 'summary', 'details', 'status', 'content_hash', 'batch_id',
] as const;

export interface BatchReferences {
  identifiers: { scheme: string; value: string }[];
  entityIds: string[];
  sourceIds: string[];
}

/** Everything the planner needs to know about the references of one batch, in three queries. */
export async function lookupBatch(db: Db, originNode: string, refs: BatchReferences): Promise<BatchLookups> {
  const identifiers = new Map<string, KnownEntity>();
  if (refs.identifiers.length > 0) {
    const rows = await queryRows<{ scheme: string; value: string; entity_id: string; content_hash: string }>(
      db,
      sql`select i.scheme, i.value, i.entity_id, e.content_hash
          from identifiers i join entities e on e.id = i.entity_id
          where (i.scheme, i.value) in (select * from unnest(${sql.param(refs.identifiers.map((i) => i.scheme))}::text[], ${sql.param(refs.identifiers.map((i) => i.value))}::text[]))`,
    );
    for (const row of rows) identifiers.set(`${row.scheme}:${row.value}`, { id: row.entity_id, hash: row.content_hash });
  }
  const entityIds = new Set<string>();
  if (refs.entityIds.length > 0) {
    const rows = await queryRows<{ id: string }>(db, sql`select id from entities where id = any(${sql.param(refs.entityIds)}::uuid[])`);
    for (const row of rows) entityIds.add(row.id);
  }
  const records = new Map<string, { id: number; hash: string }>();
  if (refs.sourceIds.length > 0) {
    const rows = await queryRows<{ source_id: string; id: number | string; content_hash: string }>(
      db,
      sql`select source_id, id, content_hash from records where origin_node = ${originNode} and source_id = any(${sql.param(refs.sourceIds)}::text[])`,
    );
    for (const row of rows) records.set(row.source_id, { id: Number(row.id), hash: row.content_hash });
  }
  return { identifiers, entityIds, records };
}

/** Inserts new entities and replaces the identifiers, names and relations of changed ones. */
export async function writeEntities(tx: Tx, originNode: string, created: PlannedEntity[], changed: PlannedEntity[]): Promise<void> {
  if (created.length === 0 && changed.length === 0) return;
  if (changed.length > 0) {
    const ids = changed.map((e) => e.id);
    await tx.db.execute(sql`delete from identifiers where entity_id = any(${sql.param(ids)}::uuid[])`);
    await tx.db.execute(sql`delete from entity_names where entity_id = any(${sql.param(ids)}::uuid[])`);
    await tx.db.execute(sql`delete from entity_relations where entity_id = any(${sql.param(ids)}::uuid[])`);
    for (const e of changed) {
      await tx.db.execute(sql`update entities set jurisdiction = ${e.line.jurisdiction}, legal_form = ${e.line.legalForm ?? null},
        status = ${e.line.status}, registered_on = ${e.line.registeredOn ?? null}, content_hash = ${e.hash}, updated_at = now()
        where id = ${e.id}`);
    }
  }
  if (created.length > 0) {
    await tx.copyRows('entities', ENTITY_COLUMNS, created.map((e) => entityRow(e, originNode)).join(''));
  }
  const all = [...created, ...changed];
  await tx.copyRows('identifiers', IDENTIFIER_COLUMNS, all.flatMap(identifierRows).join(''));
  await tx.copyRows('entity_names', NAME_COLUMNS, all.flatMap(nameRows).join(''));
  const relations = all.flatMap(relationRows);
  if (relations.length > 0) await tx.copyRows('entity_relations', RELATION_COLUMNS, relations.join(''));
}

/** Inserts new records with COPY and updates changed ones in place (their ids are kept). */
export async function writeRecords(tx: Tx, originNode: string, batchId: number, created: PlannedRecord[], changed: (PlannedRecord & { id: number })[]): Promise<void> {
  if (created.length > 0) {
    await tx.copyRows('records', RECORD_COLUMNS, created.map((r) => recordRow(r, originNode, batchId)).join(''));
  }
  for (const r of changed) {
    const l = r.line;
    await tx.db.execute(sql`update records set entity_id = ${r.entityId}, category = ${l.category}, domain = ${l.domain},
      severity = ${l.severity ?? null}, authority = ${l.authority}, decision_no = ${l.decisionNo}, decided_on = ${l.decidedOn},
      legal_basis = ${JSON.stringify(l.legalBasis)}::jsonb, summary = ${l.summary}, details = ${JSON.stringify(recordDetails(l))}::jsonb,
      status = ${l.status}, content_hash = ${r.hash}, batch_id = ${batchId}, updated_at = now()
      where id = ${r.id}`);
  }
}

export async function insertImportBatch(
  db: Db,
  batch: { runId: string; file: string; firstLine: number; lastLine: number; inserted: number; updated: number; unchanged: number; rejected: number },
): Promise<number> {
  const rows = await queryRows<{ id: number | string }>(
    db,
    sql`insert into import_batches (run_id, file, first_line, last_line, inserted, updated, unchanged, rejected)
        values (${batch.runId}, ${batch.file}, ${batch.firstLine}, ${batch.lastLine}, ${batch.inserted}, ${batch.updated}, ${batch.unchanged}, ${batch.rejected})
        returning id`,
  );
  return Number(rows[0]!.id);
}

/** Serialises importers of one database: two runs never interleave their batches. */
export async function lockImports(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('credence:import'))`);
}

function entityRow(e: PlannedEntity, originNode: string): string {
  const l = e.line;
  return encodeCopyRow([e.id, l.jurisdiction, l.legalForm, l.status, l.registeredOn, originNode, e.hash]);
}

function identifierRows(e: PlannedEntity): string[] {
  return e.line.identifiers.map((i) =>
    encodeCopyRow([i.scheme, i.value, e.id, i.warnings.length > 0 ? i.warnings : null]),
  );
}

function nameRows(e: PlannedEntity): string[] {
  return e.line.names.map((n, position) => encodeCopyRow([e.id, position, n.value, n.lang, n.kind, n.validFrom, n.validTo]));
}

function relationRows(e: PlannedEntity): string[] {
  return e.relations.map((r) => encodeCopyRow([e.id, r.kind, r.targetId]));
}

function recordDetails(l: RecordLine): Record<string, unknown> | null {
  if (l.penalty) return { penalty: l.penalty };
  if (l.rating) return { rating: l.rating };
  if (l.court) return { court: l.court };
  return null;
}

export function recordRow(r: PlannedRecord, originNode: string, batchId: number | null): string {
  const l = r.line;
  return encodeCopyRow([
    originNode, l.sourceId, r.entityId, l.category, l.domain, l.severity, l.authority, l.decisionNo,
    l.decidedOn, l.legalBasis, l.summary, recordDetails(l), l.status, r.hash, batchId,
  ]);
}

/** Collects the references of a batch's lines for `lookupBatch`. */
export function batchReferences(entities: EntityLine[], records: RecordLine[]): BatchReferences {
  const identifiers = new Map<string, { scheme: string; value: string }>();
  const entityIds = new Set<string>();
  const add = (ref: RecordLine['subject']) => {
    if (ref.kind === 'id') entityIds.add(ref.id);
    else identifiers.set(formatIdentifier(ref.identifier), ref.identifier);
  };
  for (const e of entities) {
    for (const i of e.identifiers) identifiers.set(formatIdentifier(i), i);
    for (const rel of e.relations ?? []) add(rel.target);
  }
  for (const r of records) add(r.subject);
  return { identifiers: [...identifiers.values()], entityIds: [...entityIds], sourceIds: records.map((r) => r.sourceId) };
}
