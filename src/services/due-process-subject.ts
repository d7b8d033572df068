/**
 * What an objection or a repair application is about, resolved for the entity filing it: one of its own
 * active, local records, or its current (pending or active) entry on a list — whose records are the facts
 * the entry rests on. Also the pieces objections and repair applications share: the case view with its
 * attachments and overdue flag, the idempotent filing step, and the answer to a decision posted again.
 */
import { actorOf, requireAccess, type Action, type Principal } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import { DomainError } from '../domain/errors.js';
import type { NoticeRecord } from '../domain/notices.js';
import type { CompiledPack } from '../domain/policy/compile.js';
import { fromDay } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { RepairSubject } from '../domain/repair.js';
import type { Database, Db } from '../store/database.js';
import { attachmentMeta, lockSubject, type AttachmentMeta, type CaseQueries, type ObjectionRow, type RepairRow } from '../store/due-process-repository.js';
import { loadEvaluationInputs, toEvaluableRecord } from '../store/evaluation-repository.js';
import { findRecord } from '../store/record-repository.js';

/** A subject as requests name it. */
export type SubjectRef = { record: number } | { list: string };

export interface ResolvedSubject {
  /** `record:<id>` or `list:<listId>`, as stored. */
  key: string;
  entityId: string;
  /** Who decides: the record's issuing authority, or the list's authority (谁认定谁修复). */
  authority: string;
  /** The records concerned: the record, or the facts behind the list entry. */
  recordIds: number[];
  /** The record with the words of its decision (as its notice states them), or the list entry. */
  subject: { kind: 'record'; record: NoticeRecord } | Extract<RepairSubject, { kind: 'list' }>;
}

/** Parses `record:<id>` or `list:<listId>` (the query form of a subject). */
export function parseSubject(text: string): SubjectRef {
  const m = /^(record|list):(.+)$/.exec(text);
  if (m?.[1] === 'record' && /^\d{1,15}$/.test(m[2]!)) return { record: Number(m[2]) };
  if (m?.[1] === 'list') return { list: m[2]! };
  throw new DomainError('INVALID_REQUEST', `subject must be record:<id> or list:<listId>, not ${JSON.stringify(text)}`, [{ field: 'subject', reason: 'malformed' }]);
}

/**
 * The subject `ref` of the caller's own entity on `day`, or a refusal: 404 for an unknown record or list,
 * 403 for another entity's record, 409 for a record that is no longer active or comes from another node, or
 * a list the entity is not (or no longer) on.
 */
export async function resolveSubject(db: Db, pack: CompiledPack, day: number, principal: Principal, action: Action, ref: SubjectRef): Promise<ResolvedSubject> {
  if ('record' in ref) {
    const row = Number.isSafeInteger(ref.record) ? await findRecord(db, ref.record) : undefined;
    if (!row) throw new DomainError('NOT_FOUND', `no record ${ref.record} in this node's register`);
    requireAccess(principal, action, { entityId: row.entityId });
    if (row.originNode !== pack.node) {
      throw new DomainError('CONFLICT', `record ${row.id} comes from node ${row.originNode}: its due process is that node's`, [{ field: 'subject.record', reason: 'not a local record' }]);
    }
    if (row.status !== 'active') {
      throw new DomainError('CONFLICT', `record ${row.id} is ${row.status}: it no longer has effect`, [{ field: 'subject.record', reason: `is ${row.status}` }]);
    }
    const record: NoticeRecord = { ...toEvaluableRecord({ ...row, statusChangedOn: null }), decisionNo: row.decisionNo, summary: row.summary, legalBasis: row.legalBasis };
    return { key: `record:${row.id}`, entityId: row.entityId, authority: row.authority, recordIds: [row.id], subject: { kind: 'record', record } };
  }
  const list = pack.lists.find((l) => l.source.id === ref.list)?.source;
  if (!list) throw new DomainError('NOT_FOUND', `no list ${ref.list} in policy version ${pack.version}`);
  if (principal.role !== 'entity') throw new DomainError('FORBIDDEN', 'a list entry is named by the entity on it: needs an entity key');
  const [input] = await loadEvaluationInputs(db, [principal.entityId]);
  const membership = input && evaluateEntity(pack, input.entity, input.records, fromDay(day)).lists.find((m) => m.listId === list.id);
  if (!membership || membership.state === 'expired') {
    throw new DomainError('CONFLICT', `the entity is not on list ${list.id}`, [{ field: 'subject.list', reason: 'not on this list' }]);
  }
  return {
    key: `list:${list.id}`,
    entityId: principal.entityId,
    authority: list.authority,
    recordIds: membership.because.map((f) => Number(f.recordId)),
    subject: { kind: 'list', membership },
  };
}

/** The fields objections and repair applications share, as answers show them; `D` is the decision posted. */
export interface CaseView<D> {
  id: string;
  entityId: string;
  subject: string;
  recordIds: number[];
  authority: string;
  attachments: AttachmentMeta[];
  status: string;
  filedAt: string;
  dueOn: string;
  /** Still open after its due date. */
  overdue: boolean;
  /** The reviewer's decision with its time, once decided. */
  decision: (D & { decidedAt: string }) | null;
}

/** The shared views of cases on `today` (ISO date). */
export async function caseViews<D>(db: Db, rows: readonly (ObjectionRow | RepairRow)[], today: string): Promise<CaseView<D>[]> {
  // One query for the attachments of every case, not one per case.
  const meta = new Map((await attachmentMeta(db, rows.flatMap((r) => r.attachmentIds))).map((a) => [a.id, a]));
  return rows.map((row) => ({
    id: row.id,
    entityId: row.entityId,
    subject: row.subject,
    recordIds: row.recordIds,
    authority: row.authority,
    attachments: row.attachmentIds.flatMap((id) => meta.get(id) ?? []),
    status: row.status,
    filedAt: new Date(row.filedAt).toISOString(),
    dueOn: row.dueOn,
    overdue: row.status === 'open' && today > row.dueOn,
    // Stored as the reviewer posted it (validated by the route's schema).
    decision: row.decision && { ...(row.decision as D), decidedAt: new Date(row.decidedAt!).toISOString() },
  }));
}

/** A case just filed, or the one an earlier request with the same idempotency key filed. */
export interface Filed<Row> {
  row: Row;
  created: boolean;
}

/**
 * Files a case once, in one transaction: filings about the same subject take turns; the entity's earlier
 * case with the same idempotency key is returned instead of a second; another open case about the subject
 * is a CONFLICT. `effects` runs after the insert, in the same transaction (dispute marks, attachments,
 * audit).
 */
export async function fileOnce<Row extends { id: string }, New>(
  database: Database,
  kind: 'objection' | 'repair',
  cases: CaseQueries<Row, New>,
  subject: ResolvedSubject,
  requestKey: string | undefined,
  values: New,
  effects: (db: Db, row: Row) => Promise<void>,
): Promise<Filed<Row>> {
  const filed = await database.transaction(async (tx): Promise<Filed<Row> | undefined> => {
    await lockSubject(tx.db, kind, subject.entityId, subject.key);
    const earlier = requestKey === undefined ? undefined : await cases.findByRequest(tx.db, subject.entityId, requestKey);
    if (earlier) return { row: earlier, created: false };
    const open = await cases.findOpen(tx.db, subject.entityId, subject.key);
    if (open) {
      throw new DomainError('CONFLICT', `${kind} ${open.id} about ${subject.key} is still open; wait for its decision`, [{ field: 'subject', reason: `an open ${kind} exists` }]);
    }
    const row = await cases.insert(tx.db, values);
    if (!row) return undefined;
    await effects(tx.db, row);
    return { row, created: true };
  });
  if (filed) return filed;
  // A concurrent request with the same key about another subject committed first: its case stands.
  return { row: (await cases.findByRequest(database.db, subject.entityId, requestKey!))!, created: false };
}

/** The entity's earlier case with this idempotency key, looked up before anything else is checked. */
export async function earlierFiling<Row>(db: Db, cases: CaseQueries<Row, unknown>, principal: Principal, requestKey: string | undefined): Promise<Row | undefined> {
  if (requestKey === undefined || principal.role !== 'entity') return undefined;
  return cases.findByRequest(db, principal.entityId, requestKey);
}

/**
 * For a case that is no longer open: passes when `principal` posts again the decision it already made (a retry
 * whose answer was lost, say to a crash after the commit), so the caller answers with the case and writes
 * nothing twice; any other decision of a decided case is a CONFLICT.
 */
export function requireSameDecision(decided: ObjectionRow | RepairRow, decision: object, principal: Principal, label: string): void {
  if (decided.decidedBy === actorOf(principal) && stateDigest(decided.decision) === stateDigest(decision)) return;
  throw new DomainError('CONFLICT', `${label} was already decided on ${new Date(decided.decidedAt!).toISOString()}`);
}
