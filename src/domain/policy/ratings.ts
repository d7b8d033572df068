/**
 * Which rating is in force. A rating stays in force from its decision until the next rating of the same
 * scheme (from the same node) replaces it, its record stops having effect, or its scheme or grade is
 * repealed. A local rating counts only if its scheme and grade are defined in the pack and were in force on
 * the decision date; a grade the pack does not know has no effect rather than a guessed one.
 */
import { inRange, type CompiledPack } from './compile.js';
import { factOf, type RecordEffect } from './effects.js';
import type { Fact } from './model.js';

/** A rating with the half-open day range [from, to) in which it is in force. */
export interface RatingSpan {
  readonly effect: RecordEffect;
  readonly scheme: string;
  readonly grade: string;
  readonly from: number;
  readonly to: number;
  /** The fact behind the rating, one array shared by every measure it triggers. */
  readonly because: readonly Fact[];
}

/**
 * The rating spans of an entity's rating records, sorted by scheme then date.
 * @param local true for the node's own records (checked against the pack's schemes), false for foreign ones.
 */
export function ratingSpans(pack: CompiledPack, effects: readonly RecordEffect[], local: boolean): RatingSpan[] {
  const candidates: { effect: RecordEffect; key: string; to: number }[] = [];
  for (const effect of effects) {
    const rating = effect.record.rating;
    if (effect.record.category !== 'rating' || !rating) continue;
    let to = effect.to;
    if (local) {
      const scheme = pack.schemes.get(rating.scheme);
      const grade = scheme?.grades.get(rating.grade);
      if (!scheme || !grade || !inRange(scheme.effective, effect.from) || !inRange(grade, effect.from)) continue;
      to = Math.min(to, scheme.effective.to, grade.to);
    }
    candidates.push({ effect, key: `${effect.record.originNode}|${rating.scheme}`, to });
  }
  if (candidates.length === 0) return [];
  candidates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.effect.from - b.effect.from));
  const spans: RatingSpan[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const next = candidates[i + 1];
    const to = next && next.key === c.key ? Math.min(c.to, next.effect.from) : c.to;
    if (to > c.effect.from) {
      spans.push({ effect: c.effect, scheme: c.effect.record.rating!.scheme, grade: c.effect.record.rating!.grade, from: c.effect.from, to, because: [factOf(c.effect.record)] });
    }
  }
  return spans;
}

/** The spans in force on `day`: at most one per (node, scheme). */
export function inForceOn(spans: readonly RatingSpan[], day: number): RatingSpan[] {
  return spans.filter((s) => s.from <= day && day < s.to);
}
