import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../dates.js';
import { addDuration, fromDay, toDay, weekdayOf } from './dates.js';

describe('dates', () => {
  it.each([
    ['2024-02-29', { years: 1 }, '2025-02-28'],
    ['2026-01-31', { months: 1 }, '2026-02-28'],
    ['2026-05-19', { years: 3 }, '2029-05-19'],
    ['2026-11-30', { months: 3 }, '2027-02-28'],
    ['2026-12-31', { days: 1 }, '2027-01-01'],
    ['2026-01-10', { months: 1, days: 2 }, '2026-02-12'],
  ])('%s + %j = %s', (from, duration, expected) => {
    expect(fromDay(addDuration(toDay(from), duration))).toBe(expected);
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['26-01-01', false],
  ])('isCalendarDate(%s) = %s', (value, ok) => expect(isCalendarDate(value)).toBe(ok));

  it('round-trips and knows weekdays', () => {
    expect(fromDay(toDay('1999-12-31'))).toBe('1999-12-31');
    expect(weekdayOf(toDay('2026-05-09'))).toBe(6); // Saturday
    expect(weekdayOf(toDay('1969-12-28'))).toBe(0); // Sunday, before the epoch
  });
});

describe('day numbers agree with Date for every day of 1900–2100', () => {
  it('round-trips', () => {
    for (let day = toDay('1900-01-01'); day <= toDay('2100-12-31'); day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDay(day) !== iso || toDay(iso) !== day) throw new Error(`mismatch at ${iso}`);
    }
  });
});
