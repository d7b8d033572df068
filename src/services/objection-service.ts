/**
 * Objections (异议, issue 4 §4; BRIEF §1.10): an entity objects to one of its records or to its entry on a
 * list, with grounds and attachments, within the window its notice stated. From filing until the decision
 * the records concerned are *disputed* in reports and check answers. A reviewer of the deciding authority
 * decides by the due date the pack sets (in working days where it says so): upheld — the records are revoked
 * or marked corrected, and stop having effect — or rejected with reasons, which clears the dispute. Every
 * step is audited and published on the change feed before the HTTP answer goes out, so the very next check
 * sees it.
 */
import { randomUUID } from 'node:crypto';
import { actorOf, requireAccess, type Principal } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { listNotice, recordNotice } from '../domain/notices.js';
import { fromDay } from '../domain/policy/dates.js';
import { dueDay, objectionRegimeOn } from '../domain/policy/due-process.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { objectionCases, stillObjected, type ObjectionRow } from '../store/due-process-repository.js';
import { findRecords, setDisputed, setRecordStatus } from '../store/record-repository.js';
import { checkAttachments, storeAttachments, type AttachmentInput } from './attachments.js';
import type { ChangeFeed } from './changes.js';
import { caseViews, earlierFiling, fileOnce, requireSameDecision, resolveSubject, type CaseView, type Filed, type SubjectRef } from './due-process-subject.js';
import type { PolicyService } from './policy-service.js';

export interface ObjectionRequest {
  subject: SubjectRef;
  grounds: string;
  attachments?: AttachmentInput[] | undefined;
}

/** A reviewer's decision: upheld (the records revoked or corrected) or rejected, with reasons. */
export type ObjectionDecision =
  | { outcome: 'upheld'; action: 'revoke' | 'correct'; reasons: string; correction?: Record<string, unknown> | undefined }
  | { outcome: 'rejected'; reasons: string };

export interface ObjectionView extends CaseView<ObjectionDecision> {
  grounds: string;
}

export interface ObjectionServiceDeps {
  database: Database;
  policy: Pick<PolicyService, 'pack' | 'today'>;
  changes: Pick<ChangeFeed, 'publish'>;
  clock: Clock;
}

export class ObjectionService {
  constructor(private readonly deps: ObjectionServiceDeps) {}

  /**
   * Files an objection of the caller's entity. With an idempotency key, a repeat returns the first
   * objection (`created: false`). Refused: 403 for another entity's record, 404 for an unknown subject,
   * 409 OBJECTION_DEADLINE_PASSED after the window, 409 CONFLICT while another objection about the same
   * subject is open, 415/413 for attachments refused.
   */
  async file(request: ObjectionRequest, principal: Principal, requestKey?: string): Promise<Filed<ObjectionView>> {
    const { database, policy, changes, clock } = this.deps;
    const earlier = await earlierFiling(database.db, objectionCases, principal, requestKey);
    if (earlier) return { row: (await this.views([earlier]))[0]!, created: false };
    const attachments = checkAttachments(request.attachments ?? []);
    const pack = policy.pack;
    const today = policy.today();
    const subject = await resolveSubject(database.db, pack, today, principal, 'objections.file', request.subject);
    const about = subject.subject;
    const window = about.kind === 'record' ? recordNotice(pack, about.record, today).objection : listNotice(pack, about.membership, today).objection;
    const regime = objectionRegimeOn(pack, today);
    if (!window || !regime) throw new DomainError('CONFLICT', `node ${pack.node}'s policy version ${pack.version} has no objection procedure in force`);
    if (fromDay(today) > window.deadline) {
      throw new DomainError(
        'OBJECTION_DEADLINE_PASSED',
        `the window to object to ${subject.key} ended on ${window.deadline} (${window.days} ${window.unit} days under ${window.rule}); apply for administrative review or credit repair instead`,
        [{ field: 'subject', reason: `objection deadline ${window.deadline} has passed` }],
      );
    }
    const at = clock();
    const values = {
      id: randomUUID(),
      entityId: subject.entityId,
      subject: subject.key,
      recordIds: subject.recordIds,
      authority: subject.authority,
      grounds: request.grounds,
      attachmentIds: attachments.map((a) => a.id),
      status: 'open',
      filedAt: at.toISOString(),
      dueOn: fromDay(dueDay(pack, today, regime.decideWithin)),
      requestKey: requestKey ?? null,
    };
    const filed = await fileOnce(database, 'objection', objectionCases, subject, requestKey, values, async (db, row) => {
      await storeAttachments(db, subject.entityId, attachments);
      await setDisputed(db, subject.recordIds, true);
      await appendAudit(db, {
        at,
        actor: actorOf(principal),
        action: 'objection.file',
        subject: `objection:${row.id}`,
        detail: { about: subject.key, records: subject.recordIds, dueOn: row.dueOn, regime: regime.id, before: null, after: stateDigest(row) },
      });
    });
    if (filed.created) await changes.publish({ register: [], records: [subject.entityId], cause: 'objection' });
    return { row: (await this.views([filed.row]))[0]!, created: filed.created };
  }

  /** An objection, to its entity or an officer of the deciding authority (others: 403). */
  async get(id: string, principal: Principal): Promise<ObjectionView> {
    const row = await this.existing(id);
    requireAccess(principal, 'objections.read', { entityId: row.entityId, authority: row.authority });
    return (await this.views([row]))[0]!;
  }

  /** The caller's entity's objections, newest first. */
  async mine(principal: Principal): Promise<ObjectionView[]> {
    if (principal.role !== 'entity') throw new DomainError('FORBIDDEN', 'needs an entity key');
    const rows = await objectionCases.listByEntity(this.deps.database.db, principal.entityId);
    return this.views(rows);
  }

  /** The open objections the officer's authority decides, earliest due first, overdue ones flagged. */
  async queue(principal: Principal): Promise<ObjectionView[]> {
    if (principal.role !== 'officer') throw new DomainError('FORBIDDEN', 'needs an officer key');
    const rows = await objectionCases.queue(this.deps.database.db, principal.authority);
    return this.views(rows);
  }

  /**
   * Decides an open objection (a reviewer of its authority). Upheld: its active records are revoked or
   * marked corrected; either way the dispute mark is cleared from records no other open objection covers.
   * The same reviewer posting the same decision again (a retry whose answer was lost, say to a crash after
   * the commit) gets the decided objection back and nothing is written twice; any other decision of a
   * decided objection is a CONFLICT.
   */
  async decide(id: string, decision: ObjectionDecision, principal: Principal): Promise<ObjectionView> {
    const { database, changes, clock } = this.deps;
    const at = clock();
    const row = await database.transaction(async (tx) => {
      const before = await objectionCases.find(tx.db, id, true);
      if (!before) throw new DomainError('NOT_FOUND', `no objection ${id}`);
      requireAccess(principal, 'objections.decide', { authority: before.authority });
      if (before.status !== 'open') {
        requireSameDecision(before, decision, principal, `objection ${id}`);
        return before;
      }
      const recordsBefore = await findRecords(tx.db, before.recordIds);
      await objectionCases.decide(tx.db, id, { status: 'decided', decidedAt: at.toISOString(), decidedBy: actorOf(principal), decision: { ...decision } });
      const covered = await stillObjected(tx.db, before.entityId, before.recordIds, id);
      await setDisputed(tx.db, before.recordIds.filter((r) => !covered.has(r)), false);
      if (decision.outcome === 'upheld') {
        const status = decision.action === 'revoke' ? 'revoked' : 'corrected';
        for (const r of recordsBefore) if (r.status === 'active') await setRecordStatus(tx.db, r.id, status, at);
      }
      const after = (await objectionCases.find(tx.db, id))!;
      const recordsAfter = await findRecords(tx.db, before.recordIds);
      await appendAudit(tx.db, {
        at,
        actor: actorOf(principal),
        action: 'objection.decide',
        subject: `objection:${id}`,
        detail: {
          outcome: decision.outcome,
          ...(decision.outcome === 'upheld' ? { action: decision.action } : {}),
          records: before.recordIds,
          before: stateDigest({ objection: before, records: recordsBefore }),
          after: stateDigest({ objection: after, records: recordsAfter }),
        },
      });
      return after;
    });
    // Published on a retry too: the first attempt may have died between its commit and this line.
    await changes.publish({ register: [], records: [row.entityId], cause: 'objection' });
    return (await this.views([row]))[0]!;
  }

  private async existing(id: string): Promise<ObjectionRow> {
    const row = await objectionCases.find(this.deps.database.db, id);
    if (!row) throw new DomainError('NOT_FOUND', `no objection ${id}`);
    return row;
  }

  private async views(rows: readonly ObjectionRow[]): Promise<ObjectionView[]> {
    const cases = await caseViews<ObjectionDecision>(this.deps.database.db, rows, fromDay(this.deps.policy.today()));
    return cases.map((c, i) => ({ ...c, grounds: rows[i]!.grounds }));
  }
}
