/** Calendar dates in the Greater Bay Area: Guangdong, Hong Kong and Macau all keep UTC+8, without DST. */
const GBA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The ISO calendar date (`YYYY-MM-DD`) that `instant` falls on in the Greater Bay Area. */
export function gbaDate(instant: Date): string {
  return new Date(instant.getTime() + GBA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The day number (days since 1970-01-01, as `toDay` counts them) that `instant` falls on in the Greater Bay Area:
 * `toDay(gbaDate(instant))` without building and parsing a string, for paths that ask for today on every request.
 */
export function gbaDay(instant: Date): number {
  return Math.floor((instant.getTime() + GBA_OFFSET_MS) / 86_400_000);
}

/** A source of the current time, passed to whatever needs one so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is an ISO calendar date that exists (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}
