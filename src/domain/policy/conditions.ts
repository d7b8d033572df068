/**
 * Compiles the declarative record condition of an entry rule into a predicate. Compiled once per pack, so
 * the per-record test is a few set lookups.
 */
import type { RecordMatch } from '../../policy/pack-schema.js';
import type { EvaluableRecord } from './model.js';

export type RecordPredicate = (record: EvaluableRecord) => boolean;

/**
 * A predicate true when the record satisfies every facet of `match` (within a facet, any listed value).
 * @example compileRecordMatch({ category: ['penalty'], severity: ['serious'] })(record)
 */
export function compileRecordMatch(match: RecordMatch): RecordPredicate {
  const category = match.category && new Set<string>(match.category);
  const domain = match.domain && new Set<string>(match.domain);
  const severity = match.severity && new Set<string>(match.severity);
  const kinds = match.penaltyKindsAny && new Set<string>(match.penaltyKindsAny);
  const amount = match.amountAtLeast;
  const authority = match.authority && compileAuthorities(match.authority);
  return (r) =>
    (!category || category.has(r.category)) &&
    (!domain || domain.has(r.domain)) &&
    (!severity || (r.severity !== undefined && severity.has(r.severity))) &&
    (!kinds || (r.penaltyKinds?.some((k) => kinds.has(k)) ?? false)) &&
    (!amount || (r.amount !== undefined && r.amount.currency === amount.currency && r.amount.value >= amount.value)) &&
    (!authority || authority(r.authority));
}

/** Exact authority ids, or prefixes written `gd-court-*`. */
function compileAuthorities(patterns: readonly string[]): (authority: string) => boolean {
  const exact = new Set(patterns.filter((p) => !p.endsWith('*')));
  const prefixes = patterns.filter((p) => p.endsWith('*')).map((p) => p.slice(0, -1));
  return (a) => exact.has(a) || prefixes.some((p) => a.startsWith(p));
}
