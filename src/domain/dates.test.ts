import { describe, expect, it } from 'vitest';
import { gbaDate, gbaDay } from './dates.js';
import { toDay } from './policy/dates.js';

describe('gbaDay', () => {
  it.each(['2026-11-27T15:59:59.999Z', '2026-11-27T16:00:00.000Z', '2024-02-28T16:00:00.000Z', '1970-01-01T00:00:00.000Z', '1969-12-31T15:59:59.999Z', '1969-12-31T16:00:00.000Z'])(
    'is the day number of the GBA date of %s',
    (instant) => {
      const at = new Date(instant);
      expect(gbaDay(at)).toBe(toDay(gbaDate(at)));
    },
  );
});
