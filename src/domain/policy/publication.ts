/**
 * Publicity windows (BRIEF §1.6). A record is judged under the regime in force on its decision date, never
 * under a later one, so a regime change (2023-05-01 Order 58, 2026-04-01 Order 36) does not reopen or
 * shorten the windows of earlier decisions.
 */
import type { CompiledPack, CompiledRegime } from './compile.js';
import { addDuration, fromDay, toDay } from './dates.js';
import type { EvaluableRecord } from './model.js';

/** Day numbers: published on [from, until); repair may be applied for from `repairFrom`. */
export interface PublicationWindowDays {
  readonly regime: string;
  readonly from: number;
  readonly repairFrom: number;
  readonly until: number;
}

/** The same window as ISO dates, for reports and notices; `until` is the first day no longer published. */
export interface PublicationWindow {
  readonly regime: string;
  readonly from: string;
  readonly repairFrom: string;
  readonly until: string;
}

/** The regime in force on `day` that covers records of `category`, if any. */
export function regimeOn(pack: CompiledPack, day: number, category: string): CompiledRegime | undefined {
  for (const regime of pack.regimes) {
    if (regime.effective.from > day) break;
    if (day < regime.effective.to && regime.categories.has(category)) return regime;
  }
  return undefined;
}

/**
 * The publicity window of a record in day numbers, or undefined when no regime covers it (then publication
 * does not limit its effect). Periods start on the decision date, or on `publishedOn` (falling back to the
 * decision date) for regimes counted from publication. A record without a severity is treated as general.
 */
export function publicationWindowDays(pack: CompiledPack, record: EvaluableRecord, decidedDay = toDay(record.decidedOn)): PublicationWindowDays | undefined {
  const regime = regimeOn(pack, decidedDay, record.category);
  if (!regime) return undefined;
  const source = regime.source;
  const severity = record.severity ?? 'general';
  let { min, max } = source.periods[severity];
  for (const o of source.overrides ?? []) {
    if (o.domain.includes(record.domain) && (!o.severity || o.severity.includes(severity))) {
      min = o.min ?? min;
      max = o.max ?? max;
    }
  }
  const from = source.startsOn === 'publication' && record.publishedOn ? toDay(record.publishedOn) : decidedDay;
  return { regime: source.id, from, repairFrom: min ? addDuration(from, min) : from, until: addDuration(from, max) };
}

/**
 * The publicity window of a record as ISO dates (for the public report and repair notices).
 * @example publicationWindow(compiled, record)?.until // '2027-03-01'
 */
export function publicationWindow(pack: CompiledPack, record: EvaluableRecord): PublicationWindow | undefined {
  const w = publicationWindowDays(pack, record);
  return w && { regime: w.regime, from: fromDay(w.from), repairFrom: fromDay(w.repairFrom), until: fromDay(w.until) };
}
