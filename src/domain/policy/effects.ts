/**
 * When a record has effect. One rule for everything the evaluator derives from records:
 *
 * - A record has effect from its decision date (or, for a publicised penalty, from the start of its
 *   publicity window if later).
 * - It stops having effect on its status-change date when it is expired, repaired, revoked or corrected,
 *   and — for records a publicity regime covers — when its publicity window ends (automatic expiry, SPEC §6).
 *   A non-active record without a status-change date never had effect.
 * - Facts after the evaluation date are unknown at that date: records decided later are ignored, and a
 *   status change dated later is not yet visible, so `at` answers as of that date.
 *
 * Publicity windows are only applied to local records: a foreign record's publicity is its origin node's
 * business, and a foreign record can only act through recognition anyway.
 */
import type { CompiledPack } from './compile.js';
import { NEVER, toDay } from './dates.js';
import type { EvaluableRecord, Fact } from './model.js';
import { publicationWindowDays } from './publication.js';

/** A record with the half-open day range [from, to) in which it has effect. */
export interface RecordEffect {
  readonly record: EvaluableRecord;
  readonly from: number;
  readonly to: number;
}

/** The effect range of `record` as seen on `atDay`, or undefined if it has none that could matter then. */
export function effectOf(pack: CompiledPack, record: EvaluableRecord, atDay: number): RecordEffect | undefined {
  const decided = toDay(record.decidedOn);
  if (decided > atDay) return undefined;
  let from = decided;
  const changed = record.status === 'active' ? NEVER : record.statusChangedOn ? toDay(record.statusChangedOn) : decided;
  let to = changed > atDay ? NEVER : changed;
  if (record.originNode === pack.node) {
    const window = publicationWindowDays(pack, record, decided);
    if (window) {
      from = Math.max(from, window.from);
      to = Math.min(to, window.until);
    }
  }
  return to > from && from <= atDay ? { record, from, to } : undefined;
}

/** The fact a record contributes to a decision's `because`. */
export function factOf(record: EvaluableRecord): Fact {
  return {
    recordId: record.id,
    sourceId: record.sourceId,
    originNode: record.originNode,
    category: record.category,
    decidedOn: record.decidedOn,
    disputed: record.disputed === true,
  };
}
