/**
 * Planning one import batch: given validated lines and what the database already holds, decide line by line
 * what is new, changed or unchanged, and which lines must be rejected because what they refer to does not
 * exist. Pure: the store supplies the look-ups, the service writes the plan in one transaction, so a line is
 * either applied whole or rejected whole.
 */
import { createHash } from 'node:crypto';
import { formatIdentifier, type EntityRef, type Identifier } from './identifiers/index.js';
import type { EntityLine } from './interchange.js';

export interface Reject {
  line: number;
  field: string | null;
  reason: string;
}

export interface ValidLine<T> {
  line: number;
  value: T;
  hash: string;
}

export interface KnownEntity {
  id: string;
  hash: string;
}

/** What the database holds for the identifiers, entity ids and source ids a batch mentions. */
export interface BatchLookups {
  /** `scheme:value` → owning entity, for the identifiers of the batch's entity lines. */
  identifiers: ReadonlyMap<string, KnownEntity>;
  /** `scheme:value` → owning entity id, for the other identifiers the batch refers to. */
  subjects: ReadonlyMap<string, string>;
  /** Entity ids that exist (for references by internal id). */
  entityIds: ReadonlySet<string>;
  /** sourceId → stored record. */
  records: ReadonlyMap<string, StoredRecord>;
}

export interface StoredRecord {
  id: number;
  hash: string;
  entityId: string;
}

export interface PlannedEntity {
  id: string;
  line: EntityLine;
  hash: string;
  relations: { kind: string; targetId: string }[];
}

/** What planning needs to know of a record line; the importer carries its encoded row alongside. */
export interface RecordKey {
  line: number;
  sourceId: string;
  subject: EntityRef;
  hash: string;
}

export interface PlannedRecord<R extends RecordKey = RecordKey> {
  record: R;
  entityId: string;
}

export interface ImportPlan<R extends RecordKey = RecordKey> {
  newEntities: PlannedEntity[];
  changedEntities: PlannedEntity[];
  newRecords: PlannedRecord<R>[];
  /** Changed records keep their id; `previousEntityId` differs from `entityId` when the subject changed. */
  changedRecords: (PlannedRecord<R> & { id: number; previousEntityId: string })[];
  unchangedEntities: number;
  unchangedRecords: number;
  rejects: Reject[];
}

/**
 * Stable content hash of a line as validated: the schemas emit keys in their own order whatever order the
 * file used, so the JSON of the validated value is canonical without sorting.
 */
export function lineHash(validated: unknown): string {
  return createHash('sha256').update(JSON.stringify(validated)).digest('base64url');
}

/**
 * The internal id of an entity first registered under `identifier`: derived, not random, so the same
 * register imported anywhere, or re-imported after a crash, yields the same ids.
 */
export function entityIdFor(identifier: Identifier): string {
  const h = createHash('sha256').update(`credence-entity\n${formatIdentifier(identifier)}`).digest('hex');
  // RFC 9562 version 8 (custom) UUID layout.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function planImportBatch<R extends RecordKey>(
  entities: readonly ValidLine<EntityLine>[],
  records: readonly R[],
  lookups: BatchLookups,
): ImportPlan<R> {
  const plan: ImportPlan<R> = { newEntities: [], changedEntities: [], newRecords: [], changedRecords: [], unchangedEntities: 0, unchangedRecords: 0, rejects: [] };
  // Identifiers and ids introduced by earlier lines of this batch.
  const batchIdentifiers = new Map<string, KnownEntity>();
  const batchEntityIds = new Set<string>();
  const seenSourceIds = new Set<string>();

  const owner = (key: string) => batchIdentifiers.get(key) ?? lookups.identifiers.get(key);
  const resolve = (ref: EntityRef): string | undefined => {
    if (ref.kind === 'id') return lookups.entityIds.has(ref.id) || batchEntityIds.has(ref.id) ? ref.id : undefined;
    const key = formatIdentifier(ref.identifier);
    return owner(key)?.id ?? lookups.subjects.get(key);
  };
  const refText = (ref: EntityRef) => (ref.kind === 'id' ? ref.id : formatIdentifier(ref.identifier));

  // Entity and record lines are interleaved in a file; plan them in line order so a record may refer to an
  // entity introduced earlier in the same batch.
  let e = 0;
  let r = 0;
  while (e < entities.length || r < records.length) {
    const takeEntity = r >= records.length || (e < entities.length && entities[e]!.line < records[r]!.line);
    if (takeEntity) planEntity(entities[e++]!);
    else planRecord(records[r++]!);
  }
  return plan;

  function planEntity({ line, value, hash }: ValidLine<EntityLine>) {
    const owners = new Map<string, KnownEntity>();
    for (const identifier of value.identifiers) {
      const known = owner(formatIdentifier(identifier));
      if (known) owners.set(known.id, known);
    }
    if (owners.size > 1) {
      plan.rejects.push({ line, field: 'identifiers', reason: 'the identifiers belong to different registered entities' });
      return;
    }
    const relations: PlannedEntity['relations'] = [];
    for (const [index, relation] of (value.relations ?? []).entries()) {
      const targetId = resolve(relation.target);
      if (!targetId) {
        plan.rejects.push({ line, field: `relations.${index}.target`, reason: `unknown entity ${refText(relation.target)}` });
        return;
      }
      relations.push({ kind: relation.kind, targetId });
    }
    const existing = [...owners.values()][0];
    const planned: PlannedEntity = { id: existing?.id ?? entityIdFor(value.identifiers[0]!), line: value, hash, relations };
    if (!existing) plan.newEntities.push(planned);
    else if (existing.hash !== hash) plan.changedEntities.push(planned);
    else plan.unchangedEntities++;
    const known = { id: planned.id, hash };
    for (const identifier of value.identifiers) batchIdentifiers.set(formatIdentifier(identifier), known);
    batchEntityIds.add(planned.id);
  }

  function planRecord(record: R) {
    const { line, sourceId, subject, hash } = record;
    if (seenSourceIds.has(sourceId)) {
      plan.rejects.push({ line, field: 'sourceId', reason: `sourceId ${sourceId} appears twice in the same batch` });
      return;
    }
    const entityId = resolve(subject);
    if (!entityId) {
      plan.rejects.push({ line, field: 'subject', reason: `unknown entity ${refText(subject)}: import its entity line first` });
      return;
    }
    seenSourceIds.add(sourceId);
    const stored = lookups.records.get(sourceId);
    if (!stored) plan.newRecords.push({ record, entityId });
    else if (stored.hash !== hash) plan.changedRecords.push({ id: stored.id, record, entityId, previousEntityId: stored.entityId });
    else plan.unchangedRecords++;
  }
}
