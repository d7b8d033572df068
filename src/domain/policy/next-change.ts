/**
 * When an evaluation stops being valid. `evaluateEntity` depends on its date only through comparisons with
 * a few kinds of day: the dates of the records (decision, publication, status change, end of publicity), the
 * days entries derived from them start and end (notice windows, fixed durations), and the pack's own
 * effective dates. Between two consecutive such days the evaluation is the same, so the check index can keep
 * one result per entity until the next of them, instead of re-evaluating every entity every day.
 *
 * The set of days is a superset of the real change points (some listed days change nothing); that only costs
 * an unneeded re-evaluation, never a stale answer. A property test holds it against from-scratch evaluation.
 */
import type { CompiledPack, DayRange } from './compile.js';
import { addDuration, NEVER, toDay } from './dates.js';
import { entryStart } from './memberships.js';
import type { EvaluableRecord } from './model.js';
import { publicationWindowDays } from './publication.js';

/**
 * The first day after `atDay` on which the evaluation of an entity with `records` may differ from the one on
 * `atDay`; `NEVER` when it cannot change. An entity without records never changes.
 * @example nextChangeDay(pack, [], toDay('2026-05-01')) === NEVER
 */
export function nextChangeDay(pack: CompiledPack, records: readonly EvaluableRecord[], atDay: number): number {
  if (records.length === 0) return NEVER;
  let next = packBoundaryAfter(pack, atDay);
  const consider = (day: number) => {
    if (day > atDay && day < next) next = day;
  };
  for (const record of records) {
    const decided = toDay(record.decidedOn);
    consider(decided);
    if (record.statusChangedOn) consider(toDay(record.statusChangedOn));
    const starts = [decided];
    if (record.originNode === pack.node) {
      const window = publicationWindowDays(pack, record, decided);
      if (window) {
        consider(window.from);
        consider(window.until);
        starts.push(window.from);
      }
    }
    // Any day a record starts having effect may trigger an entry of any list: its start and fixed end.
    for (const list of pack.lists) {
      for (const trigger of starts) {
        const start = entryStart(pack, list, trigger);
        consider(start);
        if (list.fixed) consider(addDuration(start, list.fixed));
      }
    }
  }
  return next;
}

const boundaries = new WeakMap<CompiledPack, readonly number[]>();

/** The first effective-date boundary of the pack (list, scheme, grade, measure, recognition) after `atDay`. */
function packBoundaryAfter(pack: CompiledPack, atDay: number): number {
  let days = boundaries.get(pack);
  if (!days) boundaries.set(pack, (days = packBoundaries(pack)));
  for (const day of days) if (day > atDay) return day;
  return NEVER;
}

function packBoundaries(pack: CompiledPack): number[] {
  const ranges: DayRange[] = [
    ...pack.lists.map((l) => l.effective),
    ...[...pack.schemes.values()].flatMap((s) => [s.effective, ...s.grades.values()]),
    ...[...pack.measures.values()].flat().map((m) => m.effective),
    ...pack.recognition.map((r) => r.effective),
  ];
  const days = new Set<number>();
  for (const r of ranges) {
    days.add(r.from);
    if (r.to !== NEVER) days.add(r.to);
  }
  return [...days].sort((a, b) => a - b);
}
