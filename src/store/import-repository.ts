/**
 * Bulk reads and writes for `credence import`: set-based look-ups for a batch and COPY for new rows.
 */
import { sql } from 'drizzle-orm';
import { formatIdentifier, type EntityRef, type Identifier } from '../domain/identifiers/index.js';
import type { BatchLookups, KnownEntity, PlannedEntity, PlannedRecord, RecordKey, StoredRecord } from '../domain/import-plan.js';
import type { EntityLine, RecordLine } from '../domain/interchange.js';
import { encodeCopyRow, queryJsonRows, queryRows, type Db, type Tx } from './database.js';
import type { LookedUpColumns } from './statistics.js';

const ENTITY_COLUMNS = ['id', 'jurisdiction', 'legal_form', 'status', 'registered_on', 'origin_node', 'content_hash'] as const;
const IDENTIFIER_COLUMNS = ['scheme', 'value', 'entity_id', 'warnings'] as const;
const NAME_COLUMNS = ['entity_id', 'position', 'value', 'lang', 'kind', 'valid_from', 'valid_to'] as const;
const RELATION_COLUMNS = ['entity_id', 'kind', 'target_id'] as const;
/** Column order of record rows: the ones known from the line alone first, then those the batch resolves. */
export const RECORD_COLUMNS = [
  'origin_node', 'source_id', 'category', 'domain', 'severity', 'authority', 'decision_no', 'decided_on',
  'legal_basis', 'summary', 'details', 'status', 'content_hash', 'entity_id', 'batch_id',
] as const;

/**
 * A validated record line ready to write: `head` is its COPY row up to `content_hash` (encoded off the main
 * thread), `json` its validated JSON, parsed again only when an existing record changes.
 */
export interface EncodedRecord extends RecordKey {
  head: string;
  json: string;
}

export interface BatchReferences {
  /** Identifiers of the batch's entity lines: their entities' content hashes are needed too. */
  entityIdentifiers: Identifier[];
  /** Other identifiers the batch refers to (record subjects, relation targets). */
  subjectIdentifiers: Identifier[];
  entityIds: string[];
  sourceIds: string[];
}

/**
 * Everything the planner needs to know about the references of one batch, in set-based queries (a hash
 * join of the batch's keys against the table was measured faster than one index probe per key on PGlite), each
 * answer one JSON value (`queryJsonRows`).
 */
export async function lookupBatch(db: Db, originNode: string, refs: BatchReferences): Promise<BatchLookups> {
  const keys = (ids: Identifier[]) =>
    sql`(select * from unnest(${sql.param(ids.map((i) => i.scheme))}::text[], ${sql.param(ids.map((i) => i.value))}::text[]))`;
  const identifiers = new Map<string, KnownEntity>();
  if (refs.entityIdentifiers.length > 0) {
    const rows = await queryJsonRows<{ scheme: string; value: string; entity_id: string; content_hash: string }>(
      db,
      sql`select i.scheme, i.value, i.entity_id, e.content_hash from identifiers i join entities e on e.id = i.entity_id
          where (i.scheme, i.value) in ${keys(refs.entityIdentifiers)}`,
    );
    for (const row of rows) identifiers.set(`${row.scheme}:${row.value}`, { id: row.entity_id, hash: row.content_hash });
  }
  const subjects = new Map<string, string>();
  if (refs.subjectIdentifiers.length > 0) {
    const rows = await queryJsonRows<{ scheme: string; value: string; entity_id: string }>(
      db,
      sql`select i.scheme, i.value, i.entity_id from identifiers i where (i.scheme, i.value) in ${keys(refs.subjectIdentifiers)}`,
    );
    for (const row of rows) subjects.set(`${row.scheme}:${row.value}`, row.entity_id);
  }
  const entityIds = new Set<string>();
  if (refs.entityIds.length > 0) {
    const rows = await queryJsonRows<{ id: string }>(db, sql`select id from entities where id = any(${sql.param(refs.entityIds)}::uuid[])`);
    for (const row of rows) entityIds.add(row.id);
  }
  const records = new Map<string, StoredRecord>();
  if (refs.sourceIds.length > 0) {
    const rows = await queryJsonRows<{ source_id: string; id: number; content_hash: string; entity_id: string }>(
      db,
      sql`select source_id, id, content_hash, entity_id from records
          where origin_node = ${originNode} and source_id = any(${sql.param(refs.sourceIds)}::text[])`,
    );
    for (const row of rows) records.set(row.source_id, { id: Number(row.id), hash: row.content_hash, entityId: row.entity_id });
  }
  return { identifiers, subjects, entityIds, records };
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
export async function writeRecords(
  tx: Tx,
  batchId: number,
  created: PlannedRecord<EncodedRecord>[],
  changed: (PlannedRecord<EncodedRecord> & { id: number })[],
): Promise<void> {
  if (created.length > 0) {
    let rows = '';
    for (const r of created) rows += `${r.record.head}\t${r.entityId}\t${batchId}\n`;
    await tx.copyRows('records', RECORD_COLUMNS, rows);
  }
  for (const r of changed) {
    const l = JSON.parse(r.record.json) as RecordLine;
    await tx.db.execute(sql`update records set entity_id = ${r.entityId}, category = ${l.category}, domain = ${l.domain},
      severity = ${l.severity ?? null}, authority = ${l.authority}, decision_no = ${l.decisionNo}, decided_on = ${l.decidedOn},
      legal_basis = ${JSON.stringify(l.legalBasis)}::jsonb, summary = ${l.summary}, details = ${JSON.stringify(recordDetails(l))}::jsonb,
      status = ${l.status}, content_hash = ${r.record.hash}, batch_id = ${batchId}, updated_at = now()
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

/** The columns `lookupBatch` filters on beyond a unique key alone, for `analyzeGrownTables`. */
export const IMPORT_LOOKED_UP_COLUMNS: LookedUpColumns = { records: ['origin_node', 'source_id'] };

/** Refreshes the planner's statistics of the register after a bulk load. */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`analyze entities, identifiers, entity_names, records`);
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

/** The category block of a record line (penalty, rating or court) as `records.details` stores it. */
export function recordDetails(l: RecordLine): Record<string, unknown> | null {
  if (l.penalty) return { penalty: l.penalty };
  if (l.rating) return { rating: l.rating };
  if (l.court) return { court: l.court };
  return null;
}

/** The COPY row of a record up to and including `content_hash`; `writeRecords` appends entity and batch. */
export function recordCopyHead(l: RecordLine, hash: string, originNode: string): string {
  return encodeCopyRow([
    originNode, l.sourceId, l.category, l.domain, l.severity, l.authority, l.decisionNo,
    l.decidedOn, l.legalBasis, l.summary, recordDetails(l), l.status, hash,
  ]).slice(0, -1);
}

/** Collects the distinct references of a batch's lines for `lookupBatch`. */
export function batchReferences(entities: EntityLine[], records: readonly RecordKey[]): BatchReferences {
  const entityIdentifiers = new Map<string, Identifier>();
  const subjectIdentifiers = new Map<string, Identifier>();
  const entityIds = new Set<string>();
  const add = (ref: EntityRef) => {
    if (ref.kind === 'id') entityIds.add(ref.id);
    else subjectIdentifiers.set(formatIdentifier(ref.identifier), ref.identifier);
  };
  for (const e of entities) {
    for (const i of e.identifiers) entityIdentifiers.set(formatIdentifier(i), { scheme: i.scheme, value: i.value });
    for (const rel of e.relations ?? []) add(rel.target);
  }
  for (const r of records) add(r.subject);
  for (const key of entityIdentifiers.keys()) subjectIdentifiers.delete(key);
  return {
    entityIdentifiers: [...entityIdentifiers.values()],
    subjectIdentifiers: [...subjectIdentifiers.values()],
    entityIds: [...entityIds],
    sourceIds: [...new Set(records.map((r) => r.sourceId))],
  };
}
