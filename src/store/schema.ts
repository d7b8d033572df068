/**
 * The one Drizzle schema. Migrations in `src/store/migrations` are generated from it (`npm run db:generate`)
 * and applied by `openDatabase` on both PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();

/** A legal entity (never a natural person: SPEC §1.1). `originNode` is the node whose register it comes from. */
export const entities = pgTable('entities', {
  id: uuid('id').primaryKey(),
  jurisdiction: text('jurisdiction').notNull(),
  legalForm: text('legal_form'),
  status: text('status').notNull(),
  registeredOn: date('registered_on', { mode: 'string' }),
  originNode: text('origin_node').notNull(),
  /** Hash of the normalised import line: an identical re-import is recognised and changes nothing. */
  contentHash: text('content_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Identifiers keyed by (scheme, normalised value); one entity has one or more. */
export const identifiers = pgTable(
  'identifiers',
  {
    scheme: text('scheme').notNull(),
    value: text('value').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    /** Diagnostics such as a failed GB 11714 check: kept so an officer can verify against the registry. */
    warnings: jsonb('warnings').$type<string[]>(),
  },
  (t) => [primaryKey({ columns: [t.scheme, t.value] }), index('identifiers_entity_idx').on(t.entityId)],
);

export const entityNames = pgTable(
  'entity_names',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    value: text('value').notNull(),
    lang: text('lang').notNull(),
    kind: text('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  // By value: branch proposals look parents up by their exact legal name.
  (t) => [primaryKey({ columns: [t.entityId, t.position] }), index('entity_names_value_idx').on(t.value)],
);

export const entityRelations = pgTable(
  'entity_relations',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.kind, t.targetId] }), index('entity_relations_target_idx').on(t.targetId)],
);

/** A public-law record about an entity. Keyed by (originNode, sourceId): imports are idempotent on it. */
export const records = pgTable(
  'records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    originNode: text('origin_node').notNull(),
    sourceId: text('source_id').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    category: text('category').notNull(),
    domain: text('domain').notNull(),
    severity: text('severity'),
    authority: text('authority').notNull(),
    decisionNo: text('decision_no').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    legalBasis: jsonb('legal_basis').$type<{ instrument: string; article: string }[]>().notNull(),
    summary: text('summary').notNull(),
    /** The category-specific block (penalty, rating or court), as in the interchange line. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    status: text('status').notNull(),
    contentHash: text('content_hash').notNull(),
    batchId: integer('batch_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('records_source_idx').on(t.originNode, t.sourceId), index('records_entity_idx').on(t.entityId)],
);

/** One row per committed import batch: a crashed run leaves only whole batches behind. */
export const importBatches = pgTable('import_batches', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  runId: uuid('run_id').notNull(),
  file: text('file').notNull(),
  firstLine: integer('first_line').notNull(),
  lastLine: integer('last_line').notNull(),
  inserted: integer('inserted').notNull(),
  updated: integer('updated').notNull(),
  unchanged: integer('unchanged').notNull(),
  rejected: integer('rejected').notNull(),
  committedAt: createdAt(),
});

/**
 * Append-only, hash-chained audit log: `hash = sha256(prevHash + canonical entry)`. A trigger in the
 * migrations refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_log_seq_positive', sql`${t.seq} > 0`)],
);

/**
 * Policy pack versions activated on this node, newest last. The latest row is the active pack; it wins over
 * the pack directory at start. `content` holds the pack files, re-validated when loaded.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    node: text('node').notNull(),
    version: text('version').notNull(),
    /** The pack files as `validatePack` takes them (file name → parsed content). */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true, mode: 'string' }).notNull(),
    activatedBy: text('activated_by').notNull(),
  },
  (t) => [uniqueIndex('policy_versions_version_idx').on(t.node, t.version)],
);
