/**
 * Notices (SPEC §1.5, BRIEF §1.7 两书同达): what an entity is told when an adverse record about it is
 * recorded or it is entered on a watch or serious-dishonesty list. One notice states, together, what was
 * decided, why, on what legal basis, for which period, until when it may be objected to, and which remedies
 * and repair conditions apply. Pure: the pack and the day are arguments.
 */
import type { Citation } from '../policy/pack-schema.js';
import type { CompiledPack } from './policy/compile.js';
import { fromDay, toDay } from './policy/dates.js';
import { dueDay, objectionRegimeOn, type Deadline } from './policy/due-process.js';
import { effectOf, factOf } from './policy/effects.js';
import type { EntityEvaluation, EvaluableRecord, Fact, ListMembership, MembershipState } from './policy/model.js';
import { publicationWindow } from './policy/publication.js';
import { repairEligibility, type RepairSubject } from './repair.js';

/** Record categories that are adverse in themselves; a rating is adverse when its grade puts the entity on a list. */
export const ADVERSE_CATEGORIES: ReadonlySet<string> = new Set(['penalty', 'court-enforcement', 'disclosure-default']);

/** List kinds whose entries are served as notices (an honour needs no objection window). */
export const ADVERSE_LIST_KINDS: ReadonlySet<string> = new Set(['watch', 'serious-dishonesty']);

/** A record as a notice describes it: what the evaluator reads, plus the words of the decision. */
export interface NoticeRecord extends EvaluableRecord {
  readonly decisionNo: string;
  readonly summary: string;
  readonly legalBasis: readonly Citation[];
}

/** What a notice is about: `record:<id>` or `list:<listId>:<start>`; an entity gets one notice per subject. */
export type NoticeSubject =
  | { readonly kind: 'record'; readonly subject: string; readonly record: EvaluableRecord }
  | { readonly kind: 'list'; readonly subject: string; readonly membership: ListMembership };

export interface NoticeContent {
  /** What was decided. */
  readonly what: {
    readonly title: string;
    readonly authority: string;
    readonly record?: { readonly id: string; readonly sourceId: string; readonly category: string; readonly decisionNo: string; readonly decidedOn: string };
    readonly list?: { readonly id: string; readonly kind: string; readonly name: { readonly zh: string; readonly en: string } };
  };
  /** Why: the facts the decision rests on. */
  readonly why: readonly Fact[];
  readonly legalBasis: readonly Citation[];
  /** When it has effect: a record's publication window, or a list entry's start and end (absent: open-ended). */
  readonly period: {
    readonly from: string;
    readonly until?: string | undefined;
    /** The publication regime that sets a record's window. */
    readonly regime?: string | undefined;
    /** A list entry: pending during its notice window (from `triggeredOn`), then active. */
    readonly state?: MembershipState | undefined;
    readonly triggeredOn?: string | undefined;
  };
  /** The last day an objection (异议) may be filed, and the rule that sets it; null when the pack has none. */
  readonly objection: { readonly deadline: string; readonly days: number; readonly unit: Deadline['unit']; readonly rule: string } | null;
  readonly remedies: {
    /** 信用修复, as a repair application would be checked on the day the notice is served. */
    readonly repairable: boolean;
    /** Why not, and what ends the status instead, when it cannot be repaired. */
    readonly notRepairableReason?: string | undefined;
    /** First day repair may be applied for (a record's minimum publicity period served). */
    readonly repairFrom?: string | undefined;
    readonly repairConditions: readonly string[];
    /** 提前移出 from a list. */
    readonly earlyRemovalFrom?: string | undefined;
    readonly earlyRemovalConditions: readonly string[];
  };
}

/** Whether a local record is adverse: a penalty, court enforcement or disclosure default, or a rating grade that enters a list. */
export function isAdverse(pack: CompiledPack, record: EvaluableRecord): boolean {
  if (record.originNode !== pack.node) return false;
  if (ADVERSE_CATEGORIES.has(record.category)) return true;
  const rating = record.rating;
  if (!rating) return false;
  return pack.lists.some(
    (l) => ADVERSE_LIST_KINDS.has(l.source.kind) && l.rules.some((r) => r.kind === 'rating' && r.scheme === rating.scheme && r.grades.has(rating.grade)),
  );
}

/**
 * The notices an entity is owed on `day`: each active adverse record that has or will have effect, and each
 * pending or active entry on a watch or serious-dishonesty list. Whether one was already served is the
 * caller's business (by subject).
 */
export function noticeSubjects(pack: CompiledPack, records: readonly EvaluableRecord[], evaluation: EntityEvaluation, day: number): NoticeSubject[] {
  const subjects: NoticeSubject[] = [];
  for (const record of records) {
    if (record.status !== 'active' || !isAdverse(pack, record)) continue;
    const effect = effectOf(pack, record, day);
    if (effect && effect.to > day) subjects.push({ kind: 'record', subject: `record:${record.id}`, record });
  }
  for (const membership of evaluation.lists) {
    if (ADVERSE_LIST_KINDS.has(membership.kind) && membership.state !== 'expired') {
      subjects.push({ kind: 'list', subject: `list:${membership.listId}:${membership.start}`, membership });
    }
  }
  return subjects;
}

/**
 * The notice of an adverse record served on `day`: its publication window, the objection deadline counted
 * from the decision date under the regime then in force, and whether, from when and on what conditions it
 * may be repaired under the repair regime in force on `day`.
 * @example recordNotice(pack, record, toDay('2026-11-27')).objection?.deadline // '2027-01-19'
 */
export function recordNotice(pack: CompiledPack, record: NoticeRecord, day: number): NoticeContent {
  const decided = toDay(record.decidedOn);
  const window = publicationWindow(pack, record);
  const regime = objectionRegimeOn(pack, decided) ?? objectionRegimeOn(pack, day);
  const terms = repair(pack, { kind: 'record', record }, day);
  return {
    what: {
      title: record.summary,
      authority: record.authority,
      record: { id: record.id, sourceId: record.sourceId, category: record.category, decisionNo: record.decisionNo, decidedOn: record.decidedOn },
    },
    why: [factOf(record)],
    legalBasis: record.legalBasis,
    period: window ? { from: window.from, until: window.until, regime: window.regime } : { from: record.decidedOn },
    objection: regime ? objectionBy(pack, decided, regime.fileWithin, regime.id) : null,
    remedies: { ...terms, repairFrom: terms.repairable ? window?.repairFrom : undefined, earlyRemovalConditions: [] },
  };
}

/**
 * The notice of a list entry: the list's name, the facts that triggered it, the entry's period, the
 * objection deadline counted from the start (the list's own `objection` period, else the objection regime
 * in force then), the repair terms on `day` and early removal.
 */
export function listNotice(pack: CompiledPack, membership: ListMembership, day: number): NoticeContent {
  const list = pack.lists.find((l) => l.source.id === membership.listId)!.source;
  const start = toDay(membership.start);
  const regime = objectionRegimeOn(pack, start);
  const remedies = membership.remedies;
  const objection = remedies.objection
    ? objectionBy(pack, start, remedies.objection, `list:${list.id}`)
    : regime
      ? objectionBy(pack, start, regime.fileWithin, regime.id)
      : null;
  return {
    what: { title: `${list.name.zh} (${list.name.en})`, authority: membership.authority, list: { id: list.id, kind: list.kind, name: { zh: list.name.zh, en: list.name.en } } },
    why: membership.because,
    legalBasis: membership.legalBasis,
    period: { from: membership.start, until: membership.end, state: membership.state, triggeredOn: membership.triggeredOn },
    objection,
    remedies: {
      ...repair(pack, { kind: 'list', membership }, day),
      earlyRemovalFrom: remedies.earlyRemovalFrom,
      earlyRemovalConditions: remedies.earlyRemovalConditions,
    },
  };
}

function objectionBy(pack: CompiledPack, from: number, within: Deadline, rule: string): NonNullable<NoticeContent['objection']> {
  return { deadline: fromDay(dueDay(pack, from, within)), days: within.days, unit: within.unit, rule };
}

/** The repair terms a notice states: those a repair application is checked against (src/domain/repair.ts). */
function repair(pack: CompiledPack, subject: RepairSubject, day: number): Pick<NoticeContent['remedies'], 'repairable' | 'notRepairableReason' | 'repairConditions'> {
  const eligibility = repairEligibility(pack, subject, day);
  return eligibility.repairable
    ? { repairable: true, repairConditions: eligibility.conditions.map((c) => c.description) }
    : { repairable: false, notRepairableReason: eligibility.reason, repairConditions: [] };
}
