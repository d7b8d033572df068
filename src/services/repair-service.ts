/**
 * Credit repair (信用修复, issue 4 §5; BRIEF §1.7): an entity asks up front whether a record or its entry on
 * a list can be repaired and on what conditions, then applies with its evidence and written commitment. An
 * application the pack does not allow, or with a condition the system can check unmet, is refused with the
 * reasons. A reviewer of the identifying authority decides by the due date (谁认定谁修复): granted — the
 * records become `repaired`, leave the public report and stop having effect, so the list entry they carried
 * ends — or refused with reasons. Filing and deciding are audited; a decision is published on the change
 * feed before the HTTP answer goes out, so the very next check sees it.
 */
import { randomUUID } from 'node:crypto';
import { actorOf, requireAccess, type Principal } from '../domain/access.js';
import { stateDigest } from '../domain/audit-chain.js';
import type { Clock } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { fromDay } from '../domain/policy/dates.js';
import { dueDay, repairRegimeOn } from '../domain/policy/due-process.js';
import { repairEligibility, unmetConditions, type RepairCondition, type RepairEligibility } from '../domain/repair.js';
import { appendAudit } from '../store/audit-repository.js';
import type { Database } from '../store/database.js';
import { repairCases, type RepairRow } from '../store/due-process-repository.js';
import { findRecords, setRecordStatus } from '../store/record-repository.js';
import { checkAttachments, storeAttachments, type AttachmentInput } from './attachments.js';
import type { ChangeFeed } from './changes.js';
import { caseViews, earlierFiling, fileOnce, requireSameDecision, resolveSubject, type CaseView, type Filed, type SubjectRef } from './due-process-subject.js';
import type { PolicyService } from './policy-service.js';

export interface RepairRequest {
  subject: SubjectRef;
  commitment: string;
  attachments: AttachmentInput[];
}

export interface RepairDecision {
  outcome: 'granted' | 'refused';
  reasons: string;
}

/** Eligibility as answered up front: the subject, who decides, and the pack's verdict with its conditions. */
export interface EligibilityView extends Omit<RepairEligibility, 'conditions'> {
  subject: string;
  authority: string;
  conditions: RepairCondition[];
}

export interface RepairView extends CaseView<RepairDecision> {
  commitment: string;
  /** The conditions as checked when the application was filed. */
  conditions: RepairCondition[];
}

export interface RepairServiceDeps {
  database: Database;
  policy: Pick<PolicyService, 'pack' | 'today'>;
  changes: Pick<ChangeFeed, 'publish'>;
  clock: Clock;
}

export class RepairService {
  constructor(private readonly deps: RepairServiceDeps) {}

  /** Whether the caller's entity can have `subject` repaired today, and on what conditions. */
  async eligibility(ref: SubjectRef, principal: Principal): Promise<EligibilityView> {
    const { database, policy } = this.deps;
    const today = policy.today();
    const subject = await resolveSubject(database.db, policy.pack, today, principal, 'repairs.apply', ref);
    const eligibility = repairEligibility(policy.pack, subject.subject, today);
    return { subject: subject.key, authority: subject.authority, ...eligibility, conditions: [...eligibility.conditions] };
  }

  /**
   * Applies for repair. With an idempotency key, a repeat returns the first application (`created:
   * false`). Refused with 409 REPAIR_NOT_ALLOWED when the subject cannot be repaired or a checkable
   * condition is unmet (each named), 409 CONFLICT while another application about it is open.
   */
  async apply(request: RepairRequest, principal: Principal, requestKey?: string): Promise<Filed<RepairView>> {
    const { database, policy, clock } = this.deps;
    const earlier = await earlierFiling(database.db, repairCases, principal, requestKey);
    if (earlier) return { row: (await this.views([earlier]))[0]!, created: false };
    const attachments = checkAttachments(request.attachments);
    const pack = policy.pack;
    const today = policy.today();
    const subject = await resolveSubject(database.db, pack, today, principal, 'repairs.apply', request.subject);
    const eligibility = repairEligibility(pack, subject.subject, today, { commitment: request.commitment, attachments: attachments.length });
    const regime = repairRegimeOn(pack, today);
    if (!eligibility.repairable || !regime) {
      throw new DomainError('REPAIR_NOT_ALLOWED', `${subject.key} cannot be repaired: ${eligibility.reason}`, [{ field: 'subject', reason: eligibility.reason ?? 'not repairable' }]);
    }
    const unmet = unmetConditions(eligibility);
    if (unmet.length > 0) {
      throw new DomainError(
        'REPAIR_NOT_ALLOWED',
        `conditions not met for repairing ${subject.key}: ${unmet.map((c) => `${c.description} — ${c.detail}`).join('; ')}`,
        unmet.map((c) => ({ field: `conditions.${c.id}`, reason: c.detail })),
      );
    }
    const at = clock();
    const values = {
      id: randomUUID(),
      entityId: subject.entityId,
      subject: subject.key,
      recordIds: subject.recordIds,
      authority: subject.authority,
      conditions: eligibility.conditions.map((c) => ({ ...c })),
      commitment: request.commitment,
      attachmentIds: attachments.map((a) => a.id),
      status: 'open',
      filedAt: at.toISOString(),
      dueOn: fromDay(dueDay(pack, today, regime.decideWithin)),
      requestKey: requestKey ?? null,
    };
    const filed = await fileOnce(database, 'repair', repairCases, subject, requestKey, values, async (db, row) => {
      await storeAttachments(db, subject.entityId, attachments);
      await appendAudit(db, {
        at,
        actor: actorOf(principal),
        action: 'repair.apply',
        subject: `repair:${row.id}`,
        detail: { about: subject.key, records: subject.recordIds, dueOn: row.dueOn, regime: regime.id, before: null, after: stateDigest(row) },
      });
    });
    return { row: (await this.views([filed.row]))[0]!, created: filed.created };
  }

  /** An application, to its entity or an officer of the deciding authority (others: 403). */
  async get(id: string, principal: Principal): Promise<RepairView> {
    const row = await repairCases.find(this.deps.database.db, id);
    if (!row) throw new DomainError('NOT_FOUND', `no repair application ${id}`);
    requireAccess(principal, 'repairs.read', { entityId: row.entityId, authority: row.authority });
    return (await this.views([row]))[0]!;
  }

  /** The caller's entity's applications, newest first. */
  async mine(principal: Principal): Promise<RepairView[]> {
    if (principal.role !== 'entity') throw new DomainError('FORBIDDEN', 'needs an entity key');
    const rows = await repairCases.listByEntity(this.deps.database.db, principal.entityId);
    return this.views(rows);
  }

  /** The open applications the officer's authority decides, earliest due first, overdue ones flagged. */
  async queue(principal: Principal): Promise<RepairView[]> {
    if (principal.role !== 'officer') throw new DomainError('FORBIDDEN', 'needs an officer key');
    const rows = await repairCases.queue(this.deps.database.db, principal.authority);
    return this.views(rows);
  }

  /**
   * Decides an open application (a reviewer of its authority); granted repairs its active records. The same
   * reviewer posting the same decision again gets the decided application back; any other is a CONFLICT.
   */
  async decide(id: string, decision: RepairDecision, principal: Principal): Promise<RepairView> {
    const { database, changes, clock } = this.deps;
    const at = clock();
    const row = await database.transaction(async (tx) => {
      const before = await repairCases.find(tx.db, id, true);
      if (!before) throw new DomainError('NOT_FOUND', `no repair application ${id}`);
      requireAccess(principal, 'repairs.decide', { authority: before.authority });
      if (before.status !== 'open') {
        requireSameDecision(before, decision, principal, `repair application ${id}`);
        return before;
      }
      const recordsBefore = await findRecords(tx.db, before.recordIds);
      await repairCases.decide(tx.db, id, { status: 'decided', decidedAt: at.toISOString(), decidedBy: actorOf(principal), decision: { ...decision } });
      if (decision.outcome === 'granted') {
        for (const r of recordsBefore) if (r.status === 'active') await setRecordStatus(tx.db, r.id, 'repaired', at);
      }
      const after = (await repairCases.find(tx.db, id))!;
      const recordsAfter = await findRecords(tx.db, before.recordIds);
      await appendAudit(tx.db, {
        at,
        actor: actorOf(principal),
        action: 'repair.decide',
        subject: `repair:${id}`,
        detail: {
          outcome: decision.outcome,
          records: before.recordIds,
          before: stateDigest({ repair: before, records: recordsBefore }),
          after: stateDigest({ repair: after, records: recordsAfter }),
        },
      });
      return after;
    });
    // Published on a retry too: the first attempt may have died between its commit and this line.
    await changes.publish({ register: [], records: [row.entityId], cause: 'repair' });
    return (await this.views([row]))[0]!;
  }

  private async views(rows: readonly RepairRow[]): Promise<RepairView[]> {
    const cases = await caseViews<RepairDecision>(this.deps.database.db, rows, fromDay(this.deps.policy.today()));
    // The conditions were stored as `repairEligibility` gave them.
    return cases.map((c, i) => ({ ...c, commitment: rows[i]!.commitment, conditions: rows[i]!.conditions as unknown as RepairCondition[] }));
  }
}
