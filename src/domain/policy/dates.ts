/**
 * Calendar arithmetic on ISO dates as integer day numbers (days since 1970-01-01, UTC). The evaluator works
 * on day numbers because comparing and adding integers is what the hot path does millions of times; ISO
 * strings appear only at the edges (input records, output results).
 */

/** A day number that is later than any real date: "no end". */
export const NEVER = Number.POSITIVE_INFINITY;

/**
 * The day number of an ISO date. The input must already be a valid date (schemas check that). Integer
 * arithmetic only (the civil-from-days algorithm of H. Hinnant): this runs for every record of every
 * evaluation, so it neither allocates a `Date` nor runs a regular expression.
 * @example toDay('1970-01-02') === 1
 */
export function toDay(iso: string): number {
  return daysFromCivil(digits(iso, 0, 4), digits(iso, 5, 7), digits(iso, 8, 10));
}

/** The ISO date of a day number, memoised because results repeat the same few thousand dates. @example fromDay(1) === '1970-01-02' */
export function fromDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    if (isoCache.size > 100_000) isoCache.clear();
    const [y, m, d] = civilFromDays(day);
    iso = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    isoCache.set(day, iso);
  }
  return iso;
}
const isoCache = new Map<number, string>();

/** The UTC weekday of a day number, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** A period as legal texts state it: "3 years", "6 months", "10 days". */
export interface Duration {
  readonly years?: number | undefined;
  readonly months?: number | undefined;
  readonly days?: number | undefined;
}

/**
 * `day` plus a duration. Years and months move the calendar month and clamp to its last day (31 January
 * plus one month is 28 or 29 February), then days are added.
 * @example fromDay(addDuration(toDay('2024-02-29'), { years: 1 })) === '2025-02-28'
 */
export function addDuration(day: number, duration: Duration): number {
  const months = (duration.years ?? 0) * 12 + (duration.months ?? 0);
  let result = day;
  if (months !== 0) {
    const [y, m, d] = civilFromDays(day);
    const index = y * 12 + (m - 1) + months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    result = daysFromCivil(year, month, Math.min(d, daysInMonth(year, month)));
  }
  return result + (duration.days ?? 0);
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
