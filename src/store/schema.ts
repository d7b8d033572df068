/**
 * The one Drizzle schema. Migrations in `src/store/migrations` are generated from it (`npm run db:generate`)
 * and applied by `openDatabase` on both PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  json,
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
    /** An objection to the record is open (SPEC §1.5): shown in reports and check answers. */
    disputed: boolean('disputed').notNull().default(false),
    contentHash: text('content_hash').notNull(),
    batchId: integer('batch_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /**
     * The transaction that last wrote the row (`pg_current_xact_id()`): its position in the exchange feed
     * with `id` (docs/exchange.md "The feed"). Set by this default on insert (COPY included) and by the
     * `records_feed_xid` trigger on every update, so no writer can forget it.
     */
    feedXid: bigint('feed_xid', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text::bigint)`),
    /**
     * A foreign record's version at its origin node (its position in that node's feed, fixed-width): a feed item
     * older than it changes nothing. Null for this node's own records.
     */
    originVersion: text('origin_version'),
  },
  (t) => [
    uniqueIndex('records_source_idx').on(t.originNode, t.sourceId),
    index('records_entity_idx').on(t.entityId),
    index('records_feed_idx').on(t.originNode, t.feedXid, t.id),
  ],
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

/**
 * API keys (issue 4). The secret is shown once at creation; only its SHA-256 is stored. A key carries one
 * role and the scope that role needs: an entity, an officer's authority and duties, a service's check
 * contexts, a partner's node.
 */
export const apiKeys = pgTable('api_keys', {
  id: uuid('id').primaryKey(),
  secretHash: text('secret_hash').notNull(),
  label: text('label').notNull(),
  role: text('role').notNull(),
  entityId: uuid('entity_id').references(() => entities.id),
  authority: text('authority'),
  duties: jsonb('duties').$type<string[]>().notNull(),
  contexts: jsonb('contexts').$type<string[]>(),
  partnerNode: text('partner_node'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
});

/** Browser sessions obtained from a key: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('sessions_key_idx').on(t.keyId)],
);

/**
 * Notices served to an entity (SPEC §1.5, BRIEF §1.7 两书同达): one per adverse record and per list entry,
 * keyed by `subject` (`record:<id>` or `list:<listId>:<start>`) so serving is idempotent.
 */
export const notices = pgTable(
  'notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    kind: text('kind').notNull(),
    /**
     * What, why, legal basis, period, objection deadline, remedies and repair conditions: the JSON text served,
     * kept as written (`json`, not `jsonb`). It is written once and read whole, and an import serves a notice
     * for most records it brings; converting each to jsonb cost about a quarter of writing it.
     */
    content: json('content').$type<Record<string, unknown>>().notNull(),
    servedAt: timestamp('served_at', { withTimezone: true, mode: 'string' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [uniqueIndex('notices_subject_idx').on(t.entityId, t.subject)],
);

/** Where an entity (or a watching service key) wants webhooks: the URL and the secret they are signed with. */
export const webhooks = pgTable('webhooks', {
  /** `entity:<uuid>` or `key:<uuid>`. */
  owner: text('owner').primaryKey(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
});

/**
 * The transactional outbox: a webhook delivery is inserted in the transaction that makes the change, then
 * sent, retried with backoff until `deliveredAt` is set. Nothing is lost by a crash between the two.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    owner: text('owner').notNull(),
    event: text('event').notNull(),
    /** The message, or null for `notice.served`, whose message is built from its notice when sent. */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    /**
     * The notice a `notice.served` message announces. Referenced rather than copied: an import serves a notice for
     * most records it brings, and copying each into the outbox doubled what serving it wrote.
     */
    noticeId: bigint('notice_id', { mode: 'number' }).references(() => notices.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
    check('outbox_payload_or_notice', sql`(${t.payload} is null) <> (${t.noticeId} is null)`),
  ],
);

/** Files attached to objections and repair applications, stored with their SHA-256. */
export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey(),
  entityId: uuid('entity_id')
    .notNull()
    .references(() => entities.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  content: text('content').notNull(),
  createdAt: createdAt(),
});

/**
 * Objections (异议, BRIEF §1.10) to a record or a list entry. While `open`, the records concerned are
 * disputed. A reviewer of the issuing authority decides by `dueOn` (working days from the pack).
 */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    /** `record:<id>` or `list:<listId>`. */
    subject: text('subject').notNull(),
    /** The records under objection (for a list entry: the facts behind it when filed). */
    recordIds: jsonb('record_ids').$type<number[]>().notNull(),
    authority: text('authority').notNull(),
    grounds: text('grounds').notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull(),
    status: text('status').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    decidedBy: text('decided_by'),
    /** `upheld` with the action taken (`correct` or `revoke`), or `rejected`; with reasons. */
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    /** The client's idempotency key: a retried filing returns the first objection instead of a second. */
    requestKey: text('request_key'),
  },
  (t) => [
    index('objections_entity_idx').on(t.entityId),
    index('objections_queue_idx').on(t.authority, t.status, t.dueOn),
    uniqueIndex('objections_request_idx').on(t.entityId, t.requestKey),
  ],
);

/** Credit repair applications (信用修复, BRIEF §1.7), decided by a reviewer of the identifying authority. */
export const repairs = pgTable(
  'repairs',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    subject: text('subject').notNull(),
    recordIds: jsonb('record_ids').$type<number[]>().notNull(),
    authority: text('authority').notNull(),
    /** The conditions as checked at filing: each with whether it is met and why. */
    conditions: jsonb('conditions').$type<Record<string, unknown>[]>().notNull(),
    commitment: text('commitment').notNull(),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull(),
    status: text('status').notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true, mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    decidedBy: text('decided_by'),
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    requestKey: text('request_key'),
  },
  (t) => [
    index('repairs_entity_idx').on(t.entityId),
    index('repairs_queue_idx').on(t.authority, t.status, t.dueOn),
    uniqueIndex('repairs_request_idx').on(t.entityId, t.requestKey),
  ],
);

/** An entity's statement beside one of its records: at most one per record, replaced when re-written. */
export const statements = pgTable('statements', {
  recordId: bigint('record_id', { mode: 'number' })
    .primaryKey()
    .references(() => records.id),
  entityId: uuid('entity_id')
    .notNull()
    .references(() => entities.id),
  text: text('text').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});

/** A service key's watch: entities and contexts whose decisions it wants to hear about. */
export const watches = pgTable('watches', {
  id: uuid('id').primaryKey(),
  keyId: uuid('key_id')
    .notNull()
    .references(() => apiKeys.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  contexts: jsonb('contexts').$type<string[]>().notNull(),
  createdAt: createdAt(),
});

export const watchEntities = pgTable(
  'watch_entities',
  {
    watchId: uuid('watch_id')
      .notNull()
      .references(() => watches.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    /** The decisions last told to the watcher, per context: a change is reported against these. */
    decisions: jsonb('decisions').$type<Record<string, string>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.watchId, t.entityId] }), index('watch_entities_entity_idx').on(t.entityId)],
);

/** Decision changes of watched entities, offered to pull in `seq` order and pushed through the outbox. */
export const watchChanges = pgTable(
  'watch_changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    watchId: uuid('watch_id')
      .notNull()
      .references(() => watches.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id').notNull(),
    context: text('context').notNull(),
    before: text('before').notNull(),
    after: text('after').notNull(),
    cause: text('cause').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('watch_changes_watch_idx').on(t.watchId, t.seq)],
);

/**
 * Replication (issue 5 §4): per partner, the feed cursor up to which its pages are applied, the digest of the
 * last applied page (a byte-identical second delivery is recognised), and how the last pull went.
 */
export const exchangeCursors = pgTable('exchange_cursors', {
  partner: text('partner').primaryKey(),
  cursor: text('cursor').notNull(),
  lastPageDigest: text('last_page_digest'),
  pagesApplied: bigint('pages_applied', { mode: 'number' }).notNull().default(0),
  itemsApplied: bigint('items_applied', { mode: 'number' }).notNull().default(0),
  lastPullAt: timestamp('last_pull_at', { withTimezone: true, mode: 'string' }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** Feed pages refused by this node (altered, unknown key, replayed, wrong audience…), with the page's SHA-256. */
export const exchangeRejections = pgTable(
  'exchange_rejections',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    partner: text('partner').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    pageDigest: text('page_digest').notNull(),
  },
  (t) => [index('exchange_rejections_partner_idx').on(t.partner, t.at)],
);

/**
 * A partner's record retracted here (`version` is the retraction's feed version): an upsert older than it is
 * ignored, so a retraction that arrives before its record is not undone when the record comes. A foreign record
 * that is held keeps its version in `records.origin_version` instead.
 */
export const exchangeTombstones = pgTable(
  'exchange_tombstones',
  {
    partner: text('partner').notNull(),
    sourceId: text('source_id').notNull(),
    /** The retraction's feed version: fixed-width, so text order is version order. */
    version: text('version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partner, t.sourceId] })],
);

/**
 * Checks answered, counted per GBA day, context and decision for the transparency dashboard (issue 7 §6).
 * Aggregates only — no entity, no key. The check service counts in memory and adds its counts here in one
 * statement per flush, never one write per check.
 */
export const checkCounts = pgTable(
  'check_counts',
  {
    day: date('day', { mode: 'string' }).notNull(),
    context: text('context').notNull(),
    decision: text('decision').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.context, t.decision] })],
);
