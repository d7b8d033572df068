/** Calendar dates in the Greater Bay Area: Guangdong, Hong Kong and Macau all keep UTC+8, without DST. */
const GBA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The ISO calendar date (`YYYY-MM-DD`) that `instant` falls on in the Greater Bay Area. */
export function gbaDate(instant: Date): string {
  return new Date(instant.getTime() + GBA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A source of the current time, passed to whatever needs one so tests can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
