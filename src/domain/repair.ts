/**
 * Credit repair eligibility (信用修复, BRIEF §1.7; SPEC §6): whether a record or a list entry can be repaired
 * on a date under a pack, and which of the conditions — minimum publicity period served, obligations
 * fulfilled with evidence, a written credit commitment — are met. What cannot be repaired says so up front,
 * with what ends the status instead. Pure: the pack, the subject and the day are arguments.
 *
 * The reviewer of the identifying authority decides whether the obligations were in fact fulfilled (谁认定谁
 * 修复); the system checks only what it can: the period, that evidence is attached and that a commitment is
 * written.
 */
import { compileRecordMatch } from './policy/conditions.js';
import type { CompiledPack } from './policy/compile.js';
import { addDuration, fromDay, toDay, type Duration } from './policy/dates.js';
import { repairRegimeOn } from './policy/due-process.js';
import type { EvaluableRecord, ListMembership } from './policy/model.js';
import { publicationWindowDays } from './policy/publication.js';

/** What is to be repaired: one record, or the entity's entry on one list. */
export type RepairSubject = { readonly kind: 'record'; readonly record: EvaluableRecord } | { readonly kind: 'list'; readonly membership: ListMembership };

export type RepairConditionId = 'publicity-served' | 'obligations-fulfilled' | 'commitment';

export interface RepairCondition {
  readonly id: RepairConditionId;
  readonly description: string;
  /** `on-review`: the system cannot tell; the reviewer decides. */
  readonly met: boolean | 'on-review';
  readonly detail: string;
}

export interface RepairEligibility {
  readonly repairable: boolean;
  /** Why not, and what ends the status instead, when not repairable. */
  readonly reason?: string | undefined;
  /** The repair regime applied. */
  readonly regime?: string | undefined;
  readonly conditions: readonly RepairCondition[];
}

/** What an application brings, when one is being checked (absent: eligibility asked up front). */
export interface RepairApplicationMaterials {
  readonly commitment: string;
  readonly attachments: number;
}

const OBLIGATIONS = 'the wrong has been corrected and the obligations of the decision fulfilled (e.g. the fine paid), shown by evidence';
const COMMITMENT = 'a written public credit commitment (信用承诺书)';

/**
 * Whether `subject` can be repaired on `day`, and each condition with whether it is met. With `materials`
 * the evidence and commitment conditions are judged on them; without, they are shown as still to be met.
 * @example repairEligibility(pack, { kind: 'record', record }, toDay('2026-11-27')).conditions[0].met // true
 */
export function repairEligibility(pack: CompiledPack, subject: RepairSubject, day: number, materials?: RepairApplicationMaterials): RepairEligibility {
  const regime = repairRegimeOn(pack, day);
  if (!regime) {
    return notRepairable(
      `node ${pack.node} has no credit repair procedure (信用修复 is a Mainland procedure); a record stops having effect when its issuing authority revokes or corrects it or its publicity period ends, a list entry when the facts behind it end or its period runs out — to contest an error, file an objection`,
    );
  }
  let served: RepairCondition | undefined;
  if (subject.kind === 'list') {
    const list = pack.lists.find((l) => l.source.id === subject.membership.listId)?.source;
    if (!list) return notRepairable(`list ${subject.membership.listId} is not in policy version ${pack.version}`);
    if (!list.repair.repairable) {
      const route = list.repair.conditions?.length ? `: ${list.repair.conditions.join('; ')}` : '';
      return notRepairable(`the pack marks list ${list.id} as not repairable${route}`);
    }
    if (list.earlyRemoval) {
      const from = addDuration(toDay(subject.membership.start), list.earlyRemoval.after);
      served = periodCondition(from, day, `at least ${describe(list.earlyRemoval.after)} on the list (提前移出: ${list.earlyRemoval.conditions.join('; ')})`);
    }
  } else {
    const barred = regime.notRepairable?.find((n) => compileRecordMatch(n.record)(subject.record));
    if (barred) return notRepairable(barred.reason);
    const window = publicationWindowDays(pack, subject.record);
    if (!window) {
      return notRepairable(
        `no publicity regime covers ${subject.record.category} records, so there is no publicity to end: the record stops having effect when its issuing authority revokes or corrects it`,
      );
    }
    served = periodCondition(window.repairFrom, day, `the minimum publicity period of ${window.regime}`);
  }
  const conditions: RepairCondition[] = served ? [served] : [];
  if (regime.requires.includes('evidence')) conditions.push(evidenceCondition(subject, pack, materials));
  if (regime.requires.includes('commitment')) conditions.push(commitmentCondition(materials));
  return { repairable: true, regime: regime.id, conditions };
}

/** The conditions the system can check and finds unmet (the reviewer decides the `on-review` ones). */
export function unmetConditions(eligibility: RepairEligibility): RepairCondition[] {
  return eligibility.conditions.filter((c) => c.met === false);
}

function notRepairable(reason: string): RepairEligibility {
  return { repairable: false, reason, conditions: [] };
}

function periodCondition(from: number, day: number, what: string): RepairCondition {
  const met = day >= from;
  return {
    id: 'publicity-served',
    description: `minimum publicity period served: ${what}`,
    met,
    detail: met ? `served since ${fromDay(from)}` : `not before ${fromDay(from)}`,
  };
}

function evidenceCondition(subject: RepairSubject, pack: CompiledPack, materials: RepairApplicationMaterials | undefined): RepairCondition {
  const listConditions = subject.kind === 'list' ? (pack.lists.find((l) => l.source.id === subject.membership.listId)?.source.repair.conditions ?? []) : [];
  const description = `obligations fulfilled: ${[OBLIGATIONS, ...listConditions].join('; ')}`;
  if (!materials) return { id: 'obligations-fulfilled', description, met: false, detail: 'attach at least one document as evidence; the reviewer decides whether it shows the obligations fulfilled' };
  if (materials.attachments === 0) return { id: 'obligations-fulfilled', description, met: false, detail: 'no evidence attached: attach at least one document' };
  return { id: 'obligations-fulfilled', description, met: 'on-review', detail: `${materials.attachments} document(s) attached; the reviewer decides` };
}

function commitmentCondition(materials: RepairApplicationMaterials | undefined): RepairCondition {
  const written = materials !== undefined && materials.commitment.trim().length > 0;
  return {
    id: 'commitment',
    description: COMMITMENT,
    met: written,
    detail: written ? 'written' : 'write the commitment in the application',
  };
}

function describe(d: Duration): string {
  const parts = [
    d.years ? `${d.years} year${d.years > 1 ? 's' : ''}` : '',
    d.months ? `${d.months} month${d.months > 1 ? 's' : ''}` : '',
    d.days ? `${d.days} day${d.days > 1 ? 's' : ''}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
