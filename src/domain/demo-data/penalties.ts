/**
 * Builds penalty templates from tables of violations and their possible outcomes, so that the severity always
 * fits the sanction: a warning is minor, a revocation, closure or very large fine serious (BRIEF §1.6).
 */
import type { Currency, PenaltyKind, RegulatoryDomain, Severity } from '../taxonomy.js';
import type { Random, Weighted } from './random.js';
import type { Citation, DraftContext, RecordTemplate } from './records.js';

/** A fine range: log-uniform between `min` and `max`, rounded to `step`. */
export type AmountRange = readonly [min: number, max: number, step: number];

/** One way a case can end: the sanctions imposed and how serious that makes it. */
export interface PenaltyOutcome {
  readonly severity: Severity;
  readonly kinds: readonly PenaltyKind[];
  readonly amount?: AmountRange;
  /** The sanction as the public summary states it, given the formatted amount (empty without one). */
  readonly text: (amount: string) => string;
}

/** A kind of breach, the provisions it is decided under, and its possible outcomes. */
export interface Violation {
  readonly summary: string;
  readonly basis: readonly Citation[];
  readonly outcomes: readonly Weighted<PenaltyOutcome>[];
}

/** How one authority's penalties of one domain are written. */
export interface PenaltySpec<S> {
  readonly domain: RegulatoryDomain;
  readonly weight: number;
  readonly industryOnly?: boolean;
  readonly authority: (subject: S) => string;
  readonly decisionNo: (context: DraftContext<S>) => string;
  readonly currency: Currency;
  readonly formatAmount: (value: number) => string;
  /** Joins the breach and the sanction in the summary: `，` in Chinese, `; ` in English. */
  readonly separator: string;
  readonly violations: readonly Weighted<Violation>[];
}

/** Draws a fine in `range`. */
export function drawAmount(rng: Random, [min, max, step]: AmountRange): number {
  const value = Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
  return Math.max(min, Math.round(value / step) * step);
}

/**
 * Formats a whole amount with thousands separators, without the cost of `Intl`.
 *
 * @example groupThousands(1234567) // '1,234,567'
 */
export function groupThousands(value: number): string {
  const digits = String(value);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits.charAt(i);
  }
  return out;
}

/** A penalty template: draws a violation, then one of its outcomes, and writes the matching penalty block. */
export function penaltyTemplate<S>(spec: PenaltySpec<S>): RecordTemplate<S> {
  return {
    category: 'penalty',
    domain: spec.domain,
    weight: spec.weight,
    industryOnly: spec.industryOnly,
    authority: spec.authority,
    draft(context) {
      const violation = context.rng.weighted(spec.violations);
      const outcome = context.rng.weighted(violation.outcomes);
      const value = outcome.amount && drawAmount(context.rng, outcome.amount);
      const kinds = outcome.kinds.slice();
      return {
        severity: outcome.severity,
        decisionNo: spec.decisionNo(context),
        legalBasis: violation.basis.slice(),
        summary: `${violation.summary}${spec.separator}${outcome.text(value === undefined ? '' : spec.formatAmount(value))}`,
        penalty: value === undefined ? { kinds } : { kinds, amount: { value, currency: spec.currency } },
      };
    },
  };
}
