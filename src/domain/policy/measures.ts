/**
 * Which measures apply in a context, and the decision they add up to (SPEC §5).
 *
 * A measure applies when it is in force and its trigger holds on the evaluation date: an *active* list
 * membership (not a pending one: the notice window protects the entity), a local rating in force, or a
 * foreign rating that a recognition rule in force maps onto the required local status for this context.
 * Foreign statuses reach measures only through recognition, and only in the contexts the rule names.
 */
import { inRange, type CompiledMeasure, type CompiledPack } from './compile.js';
import type { AppliedMeasure, ContextOutcome, Fact, ListMembership } from './model.js';
import type { RatingSpan } from './ratings.js';
import type { Decision, MeasureContext, MeasureEffect } from './vocabulary.js';

/** What an evaluation knows about an entity on one date, shared by every context. */
export interface EntityStanding {
  readonly memberships: readonly (ListMembership | undefined)[];
  /** Local ratings in force, by scheme. */
  readonly localRatings: ReadonlyMap<string, RatingSpan>;
  /** Foreign ratings in force. */
  readonly foreignRatings: readonly RatingSpan[];
  readonly atDay: number;
}

const EMPTY: readonly AppliedMeasure[] = Object.freeze([]);

/** The outcome where no measure applies; shared, so contexts without measures allocate nothing. */
export const NOTHING_APPLIES: ContextOutcome = Object.freeze({ decision: 'allow', measures: EMPTY, facilitations: EMPTY, disputed: false });

/** The measures, facilitations and decision of `context` for an entity's standing. */
export function outcomeFor(pack: CompiledPack, context: MeasureContext, standing: EntityStanding): ContextOutcome {
  let measures: AppliedMeasure[] | undefined;
  let facilitations: AppliedMeasure[] | undefined;
  for (const m of pack.measures.get(context) ?? []) {
    if (!inRange(m.effective, standing.atDay)) continue;
    const applied = apply(pack, m, context, standing);
    if (!applied) continue;
    if (m.source.kind === 'reward') (facilitations ??= []).push(applied);
    else (measures ??= []).push(applied);
  }
  if (!measures && !facilitations) return NOTHING_APPLIES;
  return {
    decision: measures ? decide(measures) : 'allow',
    measures: measures ?? EMPTY,
    facilitations: facilitations ?? EMPTY,
    disputed: anyDisputed(measures) || anyDisputed(facilitations),
  };
}

function anyDisputed(applied: readonly AppliedMeasure[] | undefined): boolean {
  if (applied) for (const a of applied) for (const f of a.because) if (f.disputed) return true;
  return false;
}

/**
 * `deny` if any measure denies, else `review` if any reviews or restricts, else `allow`. Rewards and
 * inspection-frequency measures never change the decision; they are reported alongside it.
 * @example decide([{ effect: 'restrict' }, { effect: 'increase-inspection' }]) === 'review'
 */
export function decide(measures: readonly { readonly effect: MeasureEffect }[]): Decision {
  let decision: Decision = 'allow';
  for (const m of measures) {
    if (m.effect === 'deny') return 'deny';
    if (m.effect === 'review' || m.effect === 'restrict') decision = 'review';
  }
  return decision;
}

function apply(pack: CompiledPack, m: CompiledMeasure, context: MeasureContext, standing: EntityStanding): AppliedMeasure | undefined {
  const t = m.trigger;
  if (t.kind === 'list') {
    const membership = standing.memberships[t.list];
    return membership?.state === 'active' ? applied(m, membership.because, { list: membership.listId }) : undefined;
  }
  if (t.kind === 'rating') {
    const local = standing.localRatings.get(t.scheme);
    if (local && t.grades.has(local.grade)) return applied(m, local.because, { rating: { scheme: local.scheme, grade: local.grade } });
  }
  if (standing.foreignRatings.length === 0) return undefined;
  // Recognition: a foreign status standing in for the required local one, in this context only.
  for (const rule of pack.recognition) {
    const local = rule.source.local;
    const wanted = t.kind === 'recognised' ? rule.index === t.rule : t.grades.has(local.grade) && local.scheme === t.scheme;
    if (!wanted || !rule.contexts.has(context) || !inRange(rule.effective, standing.atDay)) continue;
    for (const s of standing.foreignRatings) {
      if (s.effect.record.originNode === rule.source.foreign.node && s.scheme === rule.source.foreign.scheme && rule.foreignGrades.has(s.grade)) {
        return applied(m, s.because, { rating: { scheme: local.scheme, grade: local.grade }, recognition: rule.source.id });
      }
    }
  }
  return undefined;
}

function applied(m: CompiledMeasure, because: readonly Fact[], via: AppliedMeasure['via']): AppliedMeasure {
  const { id, kind, effect, authority, legalBasis } = m.source;
  return { id, kind, effect, authority, legalBasis, because, via };
}
