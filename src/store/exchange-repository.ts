/**
 * The SQL of exchange between nodes (issue 5): reading the local change log the feed serves, applying a
 * partner's feed page set-based (a handful of statements per page, whatever its size), and the replication
 * bookkeeping: cursors, rejected pages, per-record versions and tombstones.
 *
 * Feed positions are `(feed_xid, id)`: the writing transaction's id, then the row id. Only rows written by
 * transactions older than every transaction still running (`pg_snapshot_xmin`) are served, so a transaction that
 * commits late can never land behind a position already served (docs/exchange.md "The feed").
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { canonicalJson } from '../domain/canonical-json.js';
import type { SharedEntity, SharedRecord } from '../exchange/agreements.js';
import { decodeCopyRows, encodeCopyRow, queryJsonRows, queryRows, sqlLiteral, type Database, type Db, type Tx } from './database.js';
import type { EvaluationRecordRow } from './evaluation-repository.js';
import type { LookedUpColumns } from './statistics.js';

/** A feed position: the writing transaction and the row id, both as decimal strings. */
export interface FeedPosition {
  xid: string;
  id: string;
}

/** A local record as the feed reads it, with its position and entity. */
export interface FeedRow extends EvaluationRecordRow {
  entityId: string;
  decisionNo: string;
  legalBasis: { instrument: string; article: string }[];
  summary: string;
  position: FeedPosition;
}

/**
 * Up to `limit` records of `node` in `categories` after position `after`, in feed order, written by
 * transactions that every transaction still running started after.
 */
export async function readFeedRows(
  database: Pick<Database, 'copyOut'>,
  options: { node: string; after: FeedPosition; categories: readonly string[]; limit: number },
): Promise<FeedRow[]> {
  const { node, after, categories, limit } = options;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, not ${limit}`);
  if (categories.length === 0) return [];
  // COPY rather than one JSON value for the page (`queryJsonRows`): building the JSON cost the database server three
  // times as much CPU a row (12 µs against 4 on PostgreSQL 15), and on this side parsing the two JSON columns of
  // each row costs what parsing the page's JSON did. COPY takes no parameters: the values are written as literals.
  const text = await database.copyOut(
    `select id, feed_xid, entity_id, source_id, category, domain, severity, authority, decision_no, decided_on, legal_basis, summary,
        details, status, disputed
      from records
      where origin_node = ${sqlLiteral(node)} and (origin_node, feed_xid, id) > (${sqlLiteral(node)}, ${BigInt(after.xid)}, ${BigInt(after.id)})
        and feed_xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
        and category in (${categories.map(sqlLiteral).join(', ')})
      order by origin_node, feed_xid, id
      limit ${limit}`,
  );
  return decodeCopyRows(text).map((f) => ({
    id: Number(f[0]),
    entityId: f[2]!,
    originNode: node,
    sourceId: f[3]!,
    category: f[4]!,
    domain: f[5]!,
    severity: f[6] ?? null,
    authority: f[7]!,
    decisionNo: f[8]!,
    decidedOn: f[9]!,
    legalBasis: JSON.parse(f[10]!) as FeedRow['legalBasis'],
    summary: f[11]!,
    details: f[12] === null ? null : (JSON.parse(f[12]!) as FeedRow['details']),
    status: f[13]!,
    disputed: f[14] === 't',
    statusChangedOn: null,
    position: { xid: f[1]!, id: f[0]! },
  }));
}

/**
 * Active records of `node` in `categories`, as the evaluator reads them (for the publicity-expiry sweep), a page at
 * a time in id order: each page is one JSON value (`queryJsonRows`), and a register's worth would not fit one string.
 * The event loop gets a turn between pages (the sweep runs beside a serving node): 5,000 rows hold it about a tenth
 * of a second on a 1,000,000-record PGlite register, 20,000 held it up to 0.45 s for the same total time.
 */
export async function* activeRecordPages(db: Db, node: string, categories: readonly string[], pageSize = 5_000): AsyncGenerator<EvaluationRecordRow[]> {
  if (categories.length === 0) return;
  for (let after = 0; ; await nextTurn()) {
    const page = await queryJsonRows<EvaluationRecordRow>(
      db,
      sql`select id, origin_node as "originNode", source_id as "sourceId", category, domain, severity, authority, decided_on as "decidedOn",
            details, status, disputed, null as "statusChangedOn"
          from records
          where origin_node = ${node} and status = 'active' and category = any(${sql.param([...categories])}::text[]) and id > ${after}
          order by id
          limit ${pageSize}`,
    );
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page.reduce((last, r) => Math.max(last, r.id), after);
  }
}

/** Marks records expired at `at` (their publicity window ended); returns their entities. */
export async function expireRecords(db: Db, ids: readonly number[], at: Date): Promise<string[]> {
  const rows = await queryRows<{ entity_id: string }>(
    db,
    sql`update records set status = 'expired', updated_at = ${at.toISOString()}::timestamptz
        where id = any(${sql.param([...ids])}::bigint[]) and status = 'active' returning entity_id`,
  );
  return [...new Set(rows.map((r) => r.entity_id))];
}

/**
 * One item of a partner's feed page as applied here: verified and validated, an upsert's record already encoded as
 * the head of its COPY row (`encodeIncomingRecord`) and its entity named by the partner's id.
 */
export type IncomingItem =
  | { op: 'upsert'; version: string; sourceId: string; entity: string; head: string }
  | { op: 'retract'; version: string; sourceId: string };

/** A partner's feed page as applied here: its items, and the entities its upserts name. */
export interface IncomingPage {
  entities: SharedEntity[];
  items: IncomingItem[];
}

export interface AppliedPage {
  /** Items applied (not stale). */
  applied: number;
  /** Items older than what is already held: ignored. */
  stale: number;
  /** Entities whose records changed. */
  entityIds: string[];
  /** Entities created for the partner's register entries. */
  createdEntityIds: string[];
}

const sha256 = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex');
/** The columns of a foreign record's COPY row: those its head encodes, then the two this node fills in. */
const INCOMING_RECORD_COLUMNS = ['source_id', 'category', 'domain', 'severity', 'authority', 'decision_no', 'decided_on', 'legal_basis', 'summary',
  'details', 'status', 'content_hash', 'origin_version', 'origin_node', 'entity_id'] as const;

/**
 * The head of a foreign record's COPY row: every column but its origin node and local entity, tab-terminated.
 * Pure, so that a page's records are encoded off the main thread (src/exchange/feed-reader.ts). Fields the
 * agreement withholds are stored empty: the partner never sent them.
 */
export function encodeIncomingRecord(r: SharedRecord, version: string): string {
  const details = r.penalty ? { penalty: r.penalty } : r.rating ? { rating: r.rating } : r.court ? { court: r.court } : null;
  const content = encodeCopyRow([r.sourceId, r.category, r.domain, r.severity, r.authority ?? '', r.decisionNo ?? '', r.decidedOn, r.legalBasis ?? [],
    r.summary ?? '', details, r.status ?? 'active']).slice(0, -1);
  // The hash only tells whether a newer item changed the content (`updated_at`): the content columns as stored
  // serve, and cost nothing more to encode (canonical JSON of the record cost three times the rest here).
  return `${content}\t${createHash('sha256').update(content).digest('hex')}\t${version}\t`;
}

/**
 * Applies one page of `partner`'s feed inside `tx`: upserts foreign records (origin node = partner) and their
 * entities, deletes retracted ones, and keeps each item's version — in the record, or in a tombstone for a
 * retraction — so that a repeated or older item changes nothing and a retraction that came first is not undone by
 * an older upsert. Records new here are written with one COPY straight into `records`: the bulk of a first
 * replication costs one write per record.
 */
export async function applyFeedItems(tx: Tx, partner: string, page: IncomingPage): Promise<AppliedPage> {
  const db = tx.db;
  const { items } = page;
  // What this node holds of each item: the record (with its version) or the tombstone of its retraction.
  const held = new Map<string, { version: string; record: boolean }>();
  if (items.length > 0) {
    const ids = sql.param(items.map((i) => i.sourceId));
    const rows = await queryJsonRows<{ source_id: string; version: string | null; record: boolean }>(
      db,
      sql`select source_id, origin_version as version, true as record from records where origin_node = ${partner} and source_id = any(${ids}::text[])
          union all
          select source_id, version, false from exchange_tombstones where partner = ${partner} and source_id = any(${ids}::text[])`,
    );
    for (const r of rows) held.set(r.source_id, { version: r.version ?? '', record: r.record });
  }
  const fresh = items.filter((item) => (held.get(item.sourceId)?.version ?? '') <= item.version);
  const upserts = fresh.filter((i) => i.op === 'upsert');
  const retracts = fresh.filter((i) => i.op === 'retract');

  const named = new Set(upserts.map((u) => u.entity));
  const { entityOf, created } = await resolveEntities(tx, partner, page.entities.filter((e) => named.has(e.id)));
  const changed = new Set<string>();
  const inserted: string[] = [];
  const updated: string[] = [];
  for (const { sourceId, entity, head } of upserts) {
    const entityId = entityOf.get(entity)!;
    changed.add(entityId);
    (held.get(sourceId)?.record ? updated : inserted).push(`${head}${partner}\t${entityId}\n`);
  }
  if (inserted.length > 0) await tx.copyRows('records', INCOMING_RECORD_COLUMNS, inserted.join(''));
  if (updated.length > 0) {
    await db.execute(sql`create temp table incoming_records (source_id text, category text, domain text, severity text, authority text,
      decision_no text, decided_on date, legal_basis jsonb, summary text, details jsonb, status text, content_hash text, origin_version text,
      origin_node text, entity_id uuid) on commit drop`);
    await tx.copyRows('incoming_records', INCOMING_RECORD_COLUMNS, updated.join(''));
    // The record is rewritten when its content, entity or version moved; `updated_at` only when the first two did.
    await db.execute(sql`update records set entity_id = i.entity_id, category = i.category, domain = i.domain, severity = i.severity,
        authority = i.authority, decision_no = i.decision_no, decided_on = i.decided_on, legal_basis = i.legal_basis, summary = i.summary,
        details = i.details, status = i.status, content_hash = i.content_hash, origin_version = i.origin_version,
        updated_at = case when records.content_hash <> i.content_hash or records.entity_id <> i.entity_id then now() else records.updated_at end
      from incoming_records i
      where records.origin_node = i.origin_node and records.source_id = i.source_id
        and (records.content_hash <> i.content_hash or records.entity_id <> i.entity_id or records.origin_version is distinct from i.origin_version)`);
  }
  const revived = upserts.filter((u) => held.get(u.sourceId)?.record === false);
  if (revived.length > 0) {
    await db.execute(sql`delete from exchange_tombstones where partner = ${partner} and source_id = any(${sql.param(revived.map((u) => u.sourceId))}::text[])`);
  }
  if (retracts.length > 0) {
    const ids = sql.param(retracts.map((r) => r.sourceId));
    await db.execute(sql`delete from statements where record_id in
      (select id from records where origin_node = ${partner} and source_id = any(${ids}::text[]))`);
    const gone = await queryRows<{ entity_id: string }>(
      db,
      sql`delete from records where origin_node = ${partner} and source_id = any(${ids}::text[]) returning entity_id`,
    );
    for (const g of gone) changed.add(g.entity_id);
    await db.execute(sql`insert into exchange_tombstones (partner, source_id, version)
      select ${partner}, source_id, version from unnest(${ids}::text[], ${sql.param(retracts.map((r) => r.version))}::text[]) as x(source_id, version)
      on conflict (partner, source_id) do update set version = excluded.version where exchange_tombstones.version <= excluded.version`);
  }
  return { applied: fresh.length, stale: items.length - fresh.length, entityIds: [...changed], createdEntityIds: created };
}

/**
 * The local entity of each shared entity: the one created for it earlier (same id), else a register entity with
 * one of its identifiers, else a new entity of the partner's register. Identifiers not yet known are added; the
 * names of the partner's entities follow what it shares (a local entity's names are never touched). New rows go in
 * by COPY: the partner's identifiers are unique there, and the look-up below leaves only unknown ones.
 */
async function resolveEntities(tx: Tx, partner: string, shared: readonly SharedEntity[]): Promise<{ entityOf: Map<string, string>; created: string[] }> {
  const db = tx.db;
  const entityOf = new Map<string, string>();
  const unique = [...new Map(shared.map((e) => [e.id, e])).values()];
  if (unique.length === 0) return { entityOf, created: [] };
  const byId = await queryJsonRows<{ id: string; origin_node: string }>(
    db,
    sql`select id, origin_node from entities where id = any(${sql.param(unique.map((e) => e.id))}::uuid[])`,
  );
  const foreign = new Set<string>();
  for (const row of byId) {
    entityOf.set(row.id, row.id);
    if (row.origin_node === partner) foreign.add(row.id);
  }
  const key = (i: { scheme: string; value: string }) => `${i.scheme}:${i.value}`;
  const identifiers = unique.flatMap((e) => e.identifiers);
  const owner = new Map<string, string>();
  if (identifiers.length > 0) {
    const known = await queryJsonRows<{ scheme: string; value: string; entity_id: string }>(
      db,
      sql`select scheme, value, entity_id from identifiers
          where (scheme, value) in (select * from unnest(${sql.param(identifiers.map((i) => i.scheme))}::text[], ${sql.param(identifiers.map((i) => i.value))}::text[]))`,
    );
    for (const k of known) owner.set(key(k), k.entity_id);
    for (const e of unique) {
      if (entityOf.has(e.id)) continue;
      const match = e.identifiers.map((i) => owner.get(key(i))).find((id) => id !== undefined);
      if (match) entityOf.set(e.id, match);
    }
  }
  const created = unique.filter((e) => !entityOf.has(e.id));
  if (created.length > 0) {
    await tx.copyRows('entities', ['id', 'jurisdiction', 'status', 'origin_node', 'content_hash'],
      created.map((e) => encodeCopyRow([e.id, e.jurisdiction, 'active', partner, sha256(e)])).join(''));
    for (const e of created) {
      entityOf.set(e.id, e.id);
      foreign.add(e.id);
    }
  }
  const added = new Map<string, string>();
  for (const e of unique) for (const i of e.identifiers) if (!owner.has(key(i))) added.set(key(i), encodeCopyRow([i.scheme, i.value, entityOf.get(e.id)]));
  if (added.size > 0) await tx.copyRows('identifiers', ['scheme', 'value', 'entity_id'], [...added.values()].join(''));
  const named = unique.filter((e) => e.names && foreign.has(entityOf.get(e.id)!));
  if (named.length > 0) {
    const createdIds = new Set(created.map((e) => e.id));
    const renamed = named.filter((e) => !createdIds.has(e.id));
    if (renamed.length > 0) await db.execute(sql`delete from entity_names where entity_id = any(${sql.param(renamed.map((e) => entityOf.get(e.id)!))}::uuid[])`);
    const nameRows = named.flatMap((e) => e.names!.map((n, position) => encodeCopyRow([entityOf.get(e.id), position, n.value, n.lang, n.kind])));
    if (nameRows.length > 0) await tx.copyRows('entity_names', ['entity_id', 'position', 'value', 'lang', 'kind'], nameRows.join(''));
  }
  return { entityOf, created: created.map((e) => e.id) };
}

/** The replication state of one partner. */
export interface CursorRow {
  partner: string;
  cursor: string;
  lastPageDigest: string | null;
  pagesApplied: number;
  itemsApplied: number;
  lastPullAt: string | null;
  lastError: string | null;
}

interface RawCursorRow {
  partner: string;
  cursor: string;
  last_page_digest: string | null;
  pages_applied: string | number;
  items_applied: string | number;
  last_pull_at: string | Date | null;
  last_error: string | null;
}

const toCursor = (r: RawCursorRow): CursorRow => ({
  partner: r.partner,
  cursor: r.cursor,
  lastPageDigest: r.last_page_digest,
  pagesApplied: Number(r.pages_applied),
  itemsApplied: Number(r.items_applied),
  lastPullAt: r.last_pull_at === null ? null : new Date(r.last_pull_at).toISOString(),
  lastError: r.last_error,
});

/** The columns the look-ups of `applyFeedItems` filter on beyond a unique key alone, for `analyzeGrownTables`. */
export const FEED_LOOKED_UP_COLUMNS: LookedUpColumns = {
  records: ['origin_node', 'source_id'],
  exchange_tombstones: ['partner', 'source_id'],
};

/** The cursor of `partner`, locked for the rest of the transaction (created at the start of the feed). */
export async function lockCursor(db: Db, partner: string): Promise<CursorRow> {
  await db.execute(sql`insert into exchange_cursors (partner, cursor) values (${partner}, '') on conflict do nothing`);
  const [row] = await queryRows<RawCursorRow>(db, sql`select * from exchange_cursors where partner = ${partner} for update`);
  return toCursor(row!);
}

/** Moves `partner`'s cursor past an applied page. */
export async function advanceCursor(db: Db, partner: string, page: { cursor: string; digest: string; items: number }): Promise<void> {
  await db.execute(sql`update exchange_cursors set cursor = ${page.cursor}, last_page_digest = ${page.digest},
    pages_applied = pages_applied + 1, items_applied = items_applied + ${page.items}, updated_at = now() where partner = ${partner}`);
}

/** Notes how a pull of `partner` ended: `error` is null when it went through. */
export async function notePull(db: Db, partner: string, at: Date, error: string | null): Promise<void> {
  await db.execute(sql`insert into exchange_cursors (partner, cursor, last_pull_at, last_error) values (${partner}, '', ${at.toISOString()}, ${error})
    on conflict (partner) do update set last_pull_at = excluded.last_pull_at, last_error = excluded.last_error`);
}

export async function insertRejection(db: Db, rejection: { partner: string; at: Date; reason: string; message: string; pageDigest: string }): Promise<void> {
  await db.execute(sql`insert into exchange_rejections (partner, at, reason, message, page_digest)
    values (${rejection.partner}, ${rejection.at.toISOString()}, ${rejection.reason}, ${rejection.message}, ${rejection.pageDigest})`);
}

/** Every partner's replication state with its count of rejected pages and the latest rejection. */
export async function readExchangeStatus(db: Db): Promise<(CursorRow & { rejectedPages: number; lastRejection: { at: string; reason: string; message: string } | null })[]> {
  const cursors = await queryRows<RawCursorRow>(db, sql`select * from exchange_cursors order by partner`);
  const rejections = await queryRows<{ partner: string; n: string | number; at: string | Date; reason: string; message: string }>(
    db,
    sql`select distinct on (partner) partner, count(*) over (partition by partner) as n, at, reason, message
        from exchange_rejections order by partner, at desc, id desc`,
  );
  const byPartner = new Map(rejections.map((r) => [r.partner, r]));
  return cursors.map((c) => {
    const r = byPartner.get(c.partner);
    return {
      ...toCursor(c),
      rejectedPages: r ? Number(r.n) : 0,
      lastRejection: r ? { at: new Date(r.at).toISOString(), reason: r.reason, message: r.message } : null,
    };
  });
}
