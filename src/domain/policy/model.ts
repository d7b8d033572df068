/**
 * The evaluator's input and output in domain terms. Storage and interchange map their rows onto
 * `EvaluableRecord`; the check service and the public report read `EntityEvaluation`.
 */
import type { Citation } from '../../policy/pack-schema.js';
import type { Currency, Jurisdiction, NodeId, PenaltyKind, RecordCategory, RecordStatus, RegulatoryDomain, Severity } from '../taxonomy.js';
import type { Decision, ListKind, MeasureContext, MeasureEffect, MeasureKind } from './vocabulary.js';

/** One public-law record as the evaluator needs it. Dates are ISO `YYYY-MM-DD`. */
export interface EvaluableRecord {
  /** The node's own record id. */
  readonly id: string;
  /** The issuing system's stable id. */
  readonly sourceId: string;
  /** The node the record comes from; a local record carries the evaluating pack's own node id. */
  readonly originNode: NodeId;
  readonly category: RecordCategory;
  readonly domain: RegulatoryDomain;
  readonly severity?: Severity | undefined;
  readonly authority: string;
  readonly decidedOn: string;
  /** When the record was published; publication-dated regimes (Order 36) count from it, else from `decidedOn`. */
  readonly publishedOn?: string | undefined;
  readonly penaltyKinds?: readonly PenaltyKind[] | undefined;
  /** Penalty amount, or amount owed for court enforcement. */
  readonly amount?: { readonly value: number; readonly currency: Currency } | undefined;
  readonly rating?: { readonly scheme: string; readonly grade: string } | undefined;
  readonly status: RecordStatus;
  /** When `status` last changed; a non-active record has no effect from this date on. */
  readonly statusChangedOn?: string | undefined;
  /** An objection is open (SPEC §1.5); effects still apply but are flagged. */
  readonly disputed?: boolean | undefined;
}

/** The entity being evaluated. */
export interface EvaluableEntity {
  readonly id: string;
  readonly jurisdiction: Jurisdiction;
}

/** A record that caused an effect, as cited in a decision. */
export interface Fact {
  readonly recordId: string;
  readonly sourceId: string;
  readonly originNode: NodeId;
  readonly category: RecordCategory;
  readonly decidedOn: string;
  readonly disputed: boolean;
}

/** pending during the notice window, active in its period, expired after it. */
export type MembershipState = 'pending' | 'active' | 'expired';

export interface Remedies {
  /** 提前移出: first day the entity may apply for early removal. */
  readonly earlyRemovalFrom?: string | undefined;
  readonly earlyRemovalConditions: readonly string[];
  /** 信用修复 */
  readonly repairable: boolean;
  readonly repairConditions: readonly string[];
  readonly objection?: { readonly days: number; readonly unit: 'calendar' | 'working' } | undefined;
}

export interface ListMembership {
  readonly listId: string;
  readonly kind: ListKind;
  readonly state: MembershipState;
  /** Date of the fact that triggered the entry; the notice window runs from here to `start`. */
  readonly triggeredOn: string;
  /** First day in effect. */
  readonly start: string;
  /** First day no longer in effect (exclusive); absent while open-ended. */
  readonly end?: string | undefined;
  readonly authority: string;
  readonly legalBasis: readonly Citation[];
  readonly remedies: Remedies;
  readonly because: readonly Fact[];
  readonly disputed: boolean;
}

/** A recognition rule under which a foreign status counts as a local one. */
export interface Recognition {
  readonly rule: string;
  readonly scheme: string;
  readonly grade: string;
  readonly contexts: readonly MeasureContext[];
}

export interface RatingInForce {
  readonly scheme: string;
  readonly grade: string;
  readonly originNode: NodeId;
  readonly since: string;
  /** First day no longer in force if already known (status change, scheme end); absent otherwise. */
  readonly until?: string | undefined;
  readonly because: Fact;
  /** For foreign ratings only: the local statuses it counts as, and where. */
  readonly recognisedAs: readonly Recognition[];
}

export interface AppliedMeasure {
  readonly id: string;
  readonly kind: MeasureKind;
  readonly effect: MeasureEffect;
  readonly authority: string;
  readonly legalBasis: readonly Citation[];
  readonly because: readonly Fact[];
  /** What triggered it: a list, a rating grade, and the recognition rule if the status is foreign. */
  readonly via: { readonly list?: string; readonly rating?: { readonly scheme: string; readonly grade: string }; readonly recognition?: string };
}

export interface ContextOutcome {
  readonly decision: Decision;
  /** Disciplinary measures that apply. */
  readonly measures: readonly AppliedMeasure[];
  /** Rewards that apply. */
  readonly facilitations: readonly AppliedMeasure[];
  /** Some fact behind a measure here is under objection. */
  readonly disputed: boolean;
}

export interface EntityEvaluation {
  readonly entityId: string;
  readonly jurisdiction: Jurisdiction;
  readonly node: NodeId;
  readonly policyVersion: string;
  readonly at: string;
  /** Every list the entity is, will be (pending) or was (expired) on; one entry per list. */
  readonly lists: readonly ListMembership[];
  readonly ratings: readonly RatingInForce[];
  readonly contexts: Readonly<Record<MeasureContext, ContextOutcome>>;
}

/** An entity with its records, as the check index and simulation read it from the register. */
export interface EvaluationInput {
  readonly entity: EvaluableEntity;
  /** Its identifiers as `scheme:value`: the references a check may name it by. */
  readonly refs: readonly string[];
  readonly records: readonly EvaluableRecord[];
}
