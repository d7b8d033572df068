/**
 * Watches (issue 4 §9, continuous re-screening): a service key registers entities and check contexts, and is
 * told whenever a watched entity's decision in a watched context changes — a record imported, recorded or
 * corrected, an objection filed or decided, a repair, a policy activation, or only the passing of time (a
 * notice window, a publicity window or a list entry ending: expiry, issue 4 §7). Each change is recorded to
 * pull in `seq` order and, when the key has a webhook, enqueued in the outbox in the same transaction.
 *
 * Decisions come from the check index, so a watch tells exactly what a check would answer. Each watch entry
 * keeps the decisions last told; a change is a difference from those, so it is told once however often the
 * entity is compared, and concurrent comparisons of one entity take turns on its locked entries.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { actorOf, requireAccess, type Principal } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import { DomainError, type FieldProblem } from '../domain/errors.js';
import type { IdentifierRules } from '../domain/identifiers/index.js';
import { MEASURE_CONTEXTS } from '../domain/policy/vocabulary.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database, Db } from '../store/database.js';
import { loadEvaluationInputs } from '../store/evaluation-repository.js';
import { enqueue, type OutboxMessage } from '../store/outbox-repository.js';
import {
  addWatchEntities,
  anyWatched,
  countWatchEntities,
  decisionCounts,
  deleteWatch,
  entityRefs,
  findOwnWatch,
  insertWatch,
  insertWatchEntities,
  insertWatchChanges,
  lastWatchChange,
  listOwnWatches,
  listWatchChanges,
  lockWatchedEntities,
  ownersWithWebhook,
  removeWatchEntities,
  updateWatchDecisions,
  watchedAmong,
  lockWatchEntryPage,
  type NewWatchChange,
  type WatchChangeRow,
  type WatchedEntity,
  type WatchEntryKey,
  type WatchRow,
} from '../store/watch-repository.js';
import type { ChangeCause, EntityChanges } from './changes.js';
import { findSlot } from './check-service.js';
import type { ContextOutcomes, DecisionIndex } from './decision-index.js';
import type { PolicyService } from './policy-service.js';

/** Most entities one request may name, and one watch may hold. */
export const MAX_WATCH_ENTITIES = 100_000;
/** Most changes one pull returns. */
export const MAX_CHANGES_PAGE = 1_000;
/** Refused references an answer lists one by one; the rest are only counted. */
const MAX_LISTED_PROBLEMS = 1_000;
/** Entities compared per transaction: their watch entries stay locked until it commits. */
const COMPARE_CHUNK = 2_000;
/** Entities re-evaluated per query when their indexed result does not hold today. */
const EVALUATE_CHUNK = 5_000;
/** Changes per `watch.changed` webhook message. */
const CHANGES_PER_MESSAGE = 1_000;

export interface WatchServiceDeps {
  database: Database;
  policy: Pick<PolicyService, 'decisionIndex' | 'today'>;
  identifierRules: IdentifierRules;
  clock: Clock;
  logger: Logger;
}

export interface NewWatch {
  label: string;
  contexts: string[];
  /** Entity references (`scheme:value` or internal ids). */
  entities: string[];
}

export interface WatchView {
  id: string;
  label: string;
  contexts: string[];
  /** How many entities the watch holds. */
  entities: number;
  createdAt: string;
}

export interface WatchDetail extends WatchView {
  /** How many watched entities stand at each decision, per context, as last told. */
  decisions: { context: string; decision: string; entities: number }[];
  /** The cursor of the latest change, to start pulling from now on; null before the first change. */
  lastChange: string | null;
}

/** A reference that was not taken, and why. */
export interface RefProblem {
  ref: string;
  reason: string;
}

export interface EntitiesUpdate {
  /** How many entities the watch holds afterwards. */
  entities: number;
  added: number;
  removed: number;
  /** References refused (malformed or naming no entity of the register); the first 1,000 are in `problems`. */
  rejected: number;
  problems: RefProblem[];
}

export interface WatchChange {
  seq: number;
  entity: { id: string; ref: string | null };
  context: string;
  before: string;
  after: string;
  cause: string;
  at: string;
}

export interface ChangePage {
  items: WatchChange[];
  /** Pass as `after` to continue; on the last page it is where to poll again for later changes. */
  next: string;
}

interface Resolved {
  ids: string[];
  problems: RefProblem[];
}

export class WatchService {
  constructor(private readonly deps: WatchServiceDeps) {}

  /**
   * Creates a watch over `entities` in `contexts` (all within the key's own contexts), storing each entity's
   * current decisions as what it was last told. References that name no entity are refused one by one and
   * listed; the watch is created unless every reference was refused (then INVALID_REQUEST).
   */
  async create(input: NewWatch, principal: Principal): Promise<WatchView & EntitiesUpdate> {
    const keyId = serviceKeyOf(principal);
    const contexts = this.contextsFor(input.contexts, principal);
    const label = input.label.trim();
    if (label === '') throw new DomainError('INVALID_REQUEST', 'a watch needs a label', [{ field: 'label', reason: 'must not be empty' }]);
    const index = await this.deps.policy.decisionIndex();
    const { ids, problems } = this.resolve(index, limited(input.entities, 'entities'));
    if (ids.length === 0 && problems.length > 0) throw allRefused(problems, 'entities');
    const { database, clock } = this.deps;
    return database.transaction(async (tx) => {
      const watch = await insertWatch(tx.db, { id: randomUUID(), keyId, label, contexts, createdAt: clock().toISOString() });
      const entries = await this.baseline(tx.db, index, ids, contexts);
      await insertWatchEntities(tx, watch.id, entries);
      const added = entries.length;
      const view = viewOf(watch, added);
      await appendAudit(tx.db, { at: clock(), actor: actorOf(principal), action: 'watch.create', subject: `watch:${watch.id}`, detail: { after: stateDigest(view) } });
      return { ...view, added, removed: 0, rejected: problems.length, problems: problems.slice(0, MAX_LISTED_PROBLEMS) };
    });
  }

  /** The caller's watches, oldest first. */
  async list(principal: Principal): Promise<WatchView[]> {
    return (await listOwnWatches(this.deps.database.db, serviceKeyOf(principal))).map((w) => viewOf(w, w.entities));
  }

  /** One of the caller's watches with its decision counts; another key's watch is NOT_FOUND. */
  async get(id: string, principal: Principal): Promise<WatchDetail> {
    const { db } = this.deps.database;
    const watch = await this.own(db, id, principal);
    const [entities, decisions, last] = await Promise.all([countWatchEntities(db, id), decisionCounts(db, id), lastWatchChange(db, id)]);
    return { ...viewOf(watch, entities), decisions, lastChange: last ? String(last.seq) : null };
  }

  /**
   * Removes, then adds, entities in bulk; added ones are told from their current decisions on, ones already
   * watched keep theirs. A watch holds at most `MAX_WATCH_ENTITIES` (CONFLICT beyond). Refused references are
   * listed as for `create`; INVALID_REQUEST when every reference given was refused.
   */
  async updateEntities(id: string, change: { add?: string[] | undefined; remove?: string[] | undefined }, principal: Principal): Promise<EntitiesUpdate> {
    const index = await this.deps.policy.decisionIndex();
    const toRemove = this.resolve(index, limited(change.remove ?? [], 'remove'));
    const toAdd = this.resolve(index, limited(change.add ?? [], 'add'));
    const problems = [...toRemove.problems, ...toAdd.problems];
    if (toRemove.ids.length + toAdd.ids.length === 0 && problems.length > 0) throw allRefused(problems, toAdd.problems.length > 0 ? 'add' : 'remove');
    const { database, clock } = this.deps;
    return database.transaction(async (tx) => {
      const watch = await this.own(tx.db, id, principal, true);
      const removed = await removeWatchEntities(tx.db, id, toRemove.ids);
      const added = await addWatchEntities(tx, id, await this.baseline(tx.db, index, toAdd.ids, watch.contexts));
      const entities = await countWatchEntities(tx.db, id);
      if (entities > MAX_WATCH_ENTITIES) {
        throw new DomainError('CONFLICT', `a watch holds at most ${MAX_WATCH_ENTITIES} entities; this change would make it ${entities}`, [
          { field: 'add', reason: 'too many entities for one watch' },
        ]);
      }
      await appendAudit(tx.db, { at: clock(), actor: actorOf(principal), action: 'watch.entities', subject: `watch:${id}`, detail: { added, removed, entities } });
      return { entities, added, removed, rejected: problems.length, problems: problems.slice(0, MAX_LISTED_PROBLEMS) };
    });
  }

  /** Deletes one of the caller's watches with its entities and changes. */
  async delete(id: string, principal: Principal): Promise<void> {
    const { database, clock } = this.deps;
    await database.transaction(async (tx) => {
      const watch = await this.own(tx.db, id, principal, true);
      await deleteWatch(tx.db, id);
      await appendAudit(tx.db, { at: clock(), actor: actorOf(principal), action: 'watch.delete', subject: `watch:${id}`, detail: { before: stateDigest(watch) } });
    });
  }

  /** Changes of one of the caller's watches after the cursor `after` (default: from the start), oldest first. */
  async changes(id: string, page: { after?: string | undefined; limit: number }, principal: Principal): Promise<ChangePage> {
    const { db } = this.deps.database;
    await this.own(db, id, principal);
    const after = page.after === undefined ? 0 : Number(page.after);
    if (!Number.isSafeInteger(after) || after < 0) {
      throw new DomainError('INVALID_REQUEST', 'after must be a cursor returned as `next`', [{ field: 'after', reason: 'not a cursor' }]);
    }
    const rows = await listWatchChanges(db, id, after, Math.min(page.limit, MAX_CHANGES_PAGE));
    const refs = await entityRefs(db, rows.map((r) => r.entityId));
    return { items: rows.map((r) => changeOf(r, refs)), next: String(rows.at(-1)?.seq ?? after) };
  }

  /** The change-feed listener: compares the changed entities that are watched. Subscribe after the check index. */
  readonly onEntitiesChanged = async (changes: EntityChanges): Promise<void> => {
    const watched = await watchedAmong(this.deps.database.db, [...new Set([...changes.register, ...changes.records])]);
    for (let i = 0; i < watched.length; i += COMPARE_CHUNK) {
      const chunk = watched.slice(i, i + COMPARE_CHUNK);
      await this.compare(changes.cause, (db) => lockWatchedEntities(db, chunk));
    }
  };

  /** Compares every watched entity under a newly activated policy pack. */
  readonly onPolicyActivated = async (): Promise<void> => {
    await this.compareAll('policy');
  };

  /**
   * Compares every watched entity as of today, a page at a time. Record, objection, repair and policy
   * changes were told as they happened, so what this finds changed because of the date alone: a notice
   * window, publicity window or list entry began or ended. Returns how many changes it recorded.
   */
  async sweep(): Promise<number> {
    const told = await this.compareAll('expiry');
    if (told > 0) this.deps.logger.info({ changes: told }, 'expiry sweep told watchers of changed decisions');
    return told;
  }

  private async compareAll(cause: ChangeCause): Promise<number> {
    // Without watches, leave the check index alone (after an activation it is rebuilt on first use).
    if (!(await anyWatched(this.deps.database.db))) return 0;
    let told = 0;
    for (let after: WatchEntryKey | undefined; ; ) {
      const page = await this.compare(cause, (db) => lockWatchEntryPage(db, after, COMPARE_CHUNK));
      told += page.told;
      if (page.entries.length < COMPARE_CHUNK) return told;
      after = page.entries.at(-1);
    }
  }

  /**
   * In one transaction: locks the watch entries `lock` reads, compares them with their entities' decisions
   * today, records each difference, stores the new decisions and enqueues the webhook messages. Returns the
   * entries compared and how many changes it recorded.
   */
  private async compare(cause: ChangeCause, lock: (db: Db) => Promise<WatchedEntity[]>): Promise<{ entries: WatchedEntity[]; told: number }> {
    const { database, policy, clock } = this.deps;
    // Outside the transaction: building the index reads the database, which PGlite would queue behind it.
    const index = await policy.decisionIndex();
    return database.transaction(async (tx) => {
      const entries = await lock(tx.db);
      const outcomes = await this.outcomesToday(tx.db, index, [...new Set(entries.map((e) => e.entityId))]);
      const at = clock().toISOString();
      const changes: NewWatchChange[] = [];
      const told: { watchId: string; entityId: string; decisions: Record<string, string> }[] = [];
      for (const entry of entries) {
        const current = outcomes.get(entry.entityId);
        if (!current) continue;
        const decisions = decisionsIn(current, entry.contexts);
        const differing = entry.contexts.filter((c) => entry.decisions[c] !== decisions[c]);
        for (const context of differing) {
          changes.push({ watchId: entry.watchId, entityId: entry.entityId, context, before: entry.decisions[context] ?? 'none', after: decisions[context]!, cause, at });
        }
        if (differing.length > 0) told.push({ watchId: entry.watchId, entityId: entry.entityId, decisions });
      }
      if (changes.length === 0) return { entries, told: 0 };
      const recorded = await insertWatchChanges(tx.db, changes);
      await updateWatchDecisions(tx.db, told);
      await enqueue(tx.db, await this.messages(tx.db, entries, recorded), new Date(at));
      return { entries, told: recorded.length };
    });
  }

  /** `watch.changed` messages for the recorded changes of keys that have a webhook, a bounded number per message. */
  private async messages(db: Db, entries: readonly WatchedEntity[], recorded: readonly WatchChangeRow[]): Promise<OutboxMessage[]> {
    const ownerOf = new Map(entries.map((e) => [e.watchId, `key:${e.keyId}`]));
    const withWebhook = await ownersWithWebhook(db, [...new Set(ownerOf.values())]);
    const byWatch = new Map<string, WatchChangeRow[]>();
    for (const change of recorded) {
      if (!withWebhook.has(ownerOf.get(change.watchId)!)) continue;
      const list = byWatch.get(change.watchId);
      if (list) list.push(change);
      else byWatch.set(change.watchId, [change]);
    }
    if (byWatch.size === 0) return [];
    const refs = await entityRefs(db, [...byWatch.values()].flat().map((c) => c.entityId));
    const messages: OutboxMessage[] = [];
    for (const [watchId, changes] of byWatch) {
      for (let i = 0; i < changes.length; i += CHANGES_PER_MESSAGE) {
        const items = changes.slice(i, i + CHANGES_PER_MESSAGE).map((c) => changeOf(c, refs));
        messages.push({ owner: ownerOf.get(watchId)!, event: 'watch.changed', payload: { watch: watchId, changes: items } });
      }
    }
    return messages;
  }

  /** The decisions in `contexts` of each entity today: its baseline as a watch entry. */
  private async baseline(db: Db, index: DecisionIndex, ids: readonly string[], contexts: readonly string[]) {
    const outcomes = await this.outcomesToday(db, index, ids);
    return ids.flatMap((entityId) => {
      const current = outcomes.get(entityId);
      return current ? [{ entityId, decisions: decisionsIn(current, contexts) }] : [];
    });
  }

  /**
   * The outcomes of each entity today: from the index where its stored result holds today, else evaluated
   * from its records (a chunk per query) and stored back, as a check would.
   */
  private async outcomesToday(db: Db, index: DecisionIndex, ids: readonly string[]): Promise<Map<string, ContextOutcomes>> {
    const day = this.deps.policy.today();
    const outcomes = new Map<string, ContextOutcomes>();
    const stale: string[] = [];
    for (const id of ids) {
      const slot = index.slotOf(id);
      const stored = slot === undefined ? undefined : index.outcomesOn(slot, day);
      if (stored) outcomes.set(id, stored);
      else stale.push(id);
    }
    for (let i = 0; i < stale.length; i += EVALUATE_CHUNK) {
      for (const input of await loadEvaluationInputs(db, stale.slice(i, i + EVALUATE_CHUNK))) {
        index.put(input, day);
        outcomes.set(input.entity.id, index.outcomesOn(index.slotOf(input.entity.id)!, day)!);
      }
    }
    return outcomes;
  }

  /** The distinct entity ids `refs` name, and a problem for each reference naming none. */
  private resolve(index: DecisionIndex, refs: readonly string[]): Resolved {
    const ids = new Set<string>();
    const problems: RefProblem[] = [];
    for (const ref of refs) {
      const slot = findSlot(index, ref, this.deps.identifierRules);
      if (slot instanceof DomainError) problems.push({ ref, reason: slot.message });
      else ids.add(index.entityIdOf(slot));
    }
    return { ids: [...ids], problems };
  }

  /**
   * The contexts sorted and without repeats. A watch tells what checks would answer, so it reaches only the
   * contexts the key may check: FORBIDDEN for one beyond them.
   */
  private contextsFor(contexts: readonly string[], principal: Principal): string[] {
    const known = MEASURE_CONTEXTS as readonly string[];
    const unique = [...new Set(contexts)].sort();
    if (unique.length === 0) throw new DomainError('INVALID_REQUEST', 'a watch needs at least one context', [{ field: 'contexts', reason: 'empty' }]);
    for (const context of unique) {
      if (!known.includes(context)) throw new DomainError('INVALID_REQUEST', `unknown context "${context}"`, [{ field: 'contexts', reason: `must be one of ${known.join(', ')}` }]);
      requireAccess(principal, 'checks.run', { context });
    }
    return unique;
  }

  /** The watch if it is the caller's (locked for update when `lock`); NOT_FOUND for another key's. */
  private async own(db: Db, id: string, principal: Principal, lock = false): Promise<WatchRow> {
    const watch = await findOwnWatch(db, id, serviceKeyOf(principal), lock);
    if (!watch) throw new DomainError('NOT_FOUND', `no watch ${id} of this key`);
    return watch;
  }
}

/** The webhook owner that `watch.changed` messages of the caller's watches go to: `key:<keyId>`. */
export function watchWebhookOwner(principal: Principal): string {
  return `key:${serviceKeyOf(principal)}`;
}

/** The key id of a service principal; FORBIDDEN for anyone else. */
function serviceKeyOf(principal: Principal): string {
  requireAccess(principal, 'watches.manage');
  if (principal.role !== 'service') throw new DomainError('FORBIDDEN', 'needs a service key');
  return principal.keyId;
}

function limited(refs: readonly string[], field: string): readonly string[] {
  if (refs.length > MAX_WATCH_ENTITIES) {
    throw new DomainError('INVALID_REQUEST', `one request names at most ${MAX_WATCH_ENTITIES} entities, not ${refs.length}`, [{ field, reason: 'too many' }]);
  }
  return refs;
}

function allRefused(problems: readonly RefProblem[], field: string): DomainError {
  const listed: FieldProblem[] = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => ({ field, reason: `${p.ref}: ${p.reason}` }));
  return new DomainError('INVALID_REQUEST', `none of the ${problems.length} entity references names an entity of this node's register`, listed);
}

function decisionsIn(outcomes: ContextOutcomes, contexts: readonly string[]): Record<string, string> {
  return Object.fromEntries(contexts.map((c) => [c, outcomes[c as keyof ContextOutcomes].decision]));
}

function viewOf(watch: WatchRow, entities: number): WatchView {
  return { id: watch.id, label: watch.label, contexts: watch.contexts, entities, createdAt: new Date(watch.createdAt).toISOString() };
}

function changeOf(row: WatchChangeRow, refs: ReadonlyMap<string, string>): WatchChange {
  const { seq, entityId, context, before, after, cause, at } = row;
  return { seq, entity: { id: entityId, ref: refs.get(entityId) ?? null }, context, before, after, cause, at: new Date(at).toISOString() };
}
