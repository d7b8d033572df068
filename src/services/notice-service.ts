/**
 * Serving notices (SPEC §1.5, BRIEF §1.7 两书同达) and the entity's inbox. Subscribed to the change feed
 * after the check index: whatever changed an entity's records (import, recording, correction) serves the
 * notices it is owed and not yet served, in one transaction with the `notice.served` outbox messages, so
 * the inbox and the webhook never disagree. Set-based: a few queries per chunk of entities, however many
 * records an import batch brought.
 */
import { requireAccess, type Principal } from '../domain/access.js';
import type { Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { listNotice, noticeSubjects, recordNotice, type NoticeContent, type NoticeRecord, type NoticeSubject } from '../domain/notices.js';
import { fromDay } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { Database } from '../store/database.js';
import { loadEvaluationInputs } from '../store/evaluation-repository.js';
import { insertNotices, listNotices, markNoticeRead, NOTICE_LOOKED_UP_COLUMNS, servedSubjects, type NewNotice, type NoticeRow } from '../store/notice-repository.js';
import { analyzeGrownTables } from '../store/statistics.js';
import { decisionWords } from '../store/record-repository.js';
import type { EntityChanges } from './changes.js';
import type { PolicyService } from './policy-service.js';

/** Entities evaluated per round of queries. */
const CHUNK = 2_000;
export const MAX_NOTICE_PAGE = 100;

export interface NoticeView {
  id: number;
  /** `record:<id>` or `list:<listId>:<start>`. */
  subject: string;
  kind: 'record' | 'list';
  servedAt: string;
  readAt: string | null;
  content: NoticeContent;
}

export interface NoticePage {
  items: NoticeView[];
  /** Cursor for the next (older) page, or null on the last page. */
  next: string | null;
}

export class NoticeService {
  constructor(private readonly deps: { database: Database; policy: Pick<PolicyService, 'pack' | 'today'>; clock: Clock }) {}

  /**
   * The change-feed listener. Only records put an entity on a list, so register-only changes owe nothing; nor does
   * a partner's feed: foreign records are never adverse here and never put an entity on a local list (evaluate.ts).
   */
  readonly onEntitiesChanged = async ({ records, cause }: EntityChanges): Promise<void> => {
    if (cause !== 'exchange') await this.serve(records);
  };

  /** Serves every notice the entities are owed today and were not served yet; returns how many. */
  async serve(entityIds: readonly string[]): Promise<number> {
    let served = 0;
    for (let i = 0; i < entityIds.length; i += CHUNK) served += await this.serveChunk(entityIds.slice(i, i + CHUNK));
    return served;
  }

  /** The caller's own notices, newest first. */
  async inbox(principal: Principal, page: { after?: string; limit: number }): Promise<NoticePage> {
    const entityId = ownEntity(principal, 'me.read');
    const before = page.after === undefined ? undefined : Number(page.after);
    if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) {
      throw new DomainError('INVALID_REQUEST', 'after must be a cursor returned as `next`', [{ field: 'after', reason: 'not a cursor' }]);
    }
    const limit = Math.min(page.limit, MAX_NOTICE_PAGE);
    const rows = await listNotices(this.deps.database.db, entityId, { before, limit });
    return { items: rows.map(viewOf), next: rows.length === limit ? String(rows[rows.length - 1]!.id) : null };
  }

  /** Marks one of the caller's notices read; another entity's notice is not found. */
  async markRead(principal: Principal, id: number): Promise<NoticeView> {
    const entityId = ownEntity(principal, 'me.write');
    const row = Number.isSafeInteger(id) ? await markNoticeRead(this.deps.database.db, entityId, id, this.deps.clock().toISOString()) : undefined;
    if (!row) throw new DomainError('NOT_FOUND', `you have no notice ${id}`);
    return viewOf(row);
  }

  private async serveChunk(entityIds: readonly string[]): Promise<number> {
    const { database, policy, clock } = this.deps;
    const pack = policy.pack;
    const day = policy.today();
    const owed: { entityId: string; due: NoticeSubject }[] = [];
    for (const input of await loadEvaluationInputs(database.db, entityIds)) {
      const evaluation = evaluateEntity(pack, input.entity, input.records, fromDay(day));
      for (const due of noticeSubjects(pack, input.records, evaluation, day)) owed.push({ entityId: input.entity.id, due });
    }
    if (owed.length === 0) return 0;
    const served = await servedSubjects(database.db, [...new Set(owed.map((o) => o.entityId))], owed.map((o) => o.due.subject));
    const unserved = owed.filter((o) => !served.has(`${o.entityId} ${o.due.subject}`));
    if (unserved.length === 0) return 0;

    // The evaluator's records lack the words of the decision; read them for the records being served.
    const recordIds = unserved.flatMap((o) => (o.due.kind === 'record' ? [Number(o.due.record.id)] : []));
    const words = new Map((await decisionWords(database.db, recordIds)).map((r) => [String(r.id), r]));
    const servedAt = clock();
    const rows: NewNotice[] = unserved.map(({ entityId, due }) => {
      let content: NoticeContent;
      if (due.kind === 'record') {
        const row = words.get(due.record.id)!;
        const record: NoticeRecord = { ...due.record, decisionNo: row.decisionNo, summary: row.summary, legalBasis: row.legalBasis };
        content = recordNotice(pack, record, day);
      } else {
        content = listNotice(pack, due.membership, day);
      }
      return { entityId, subject: due.subject, kind: due.kind, content: content as unknown as Record<string, unknown>, servedAt: servedAt.toISOString() };
    });
    // Every notice goes to the outbox: one served before its entity registers a webhook is delivered then.
    const inserted = await database.transaction(async (tx) => (await insertNotices(tx.db, rows, servedAt)).length);
    // An import serves a notice per record: the look-up above must stay an index probe as the table fills.
    await analyzeGrownTables(database.db, NOTICE_LOOKED_UP_COLUMNS);
    return inserted;
  }
}

/** The payload of a `notice.served` webhook message: the notice as the entity's inbox shows it. */
export function servedMessage(row: NoticeRow): Record<string, unknown> {
  return { entityId: row.entityId, notice: viewOf(row) };
}

function ownEntity(principal: Principal, action: 'me.read' | 'me.write'): string {
  requireAccess(principal, action);
  if (principal.role !== 'entity') throw new DomainError('FORBIDDEN', 'needs an entity key');
  return principal.entityId;
}

function viewOf(row: NoticeRow): NoticeView {
  return {
    id: row.id,
    subject: row.subject,
    kind: row.kind as NoticeView['kind'],
    servedAt: new Date(row.servedAt).toISOString(),
    readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
    content: row.content as unknown as NoticeContent,
  };
}
