/**
 * Working-day arithmetic (deadlines, notice windows) over a pack's calendar: weekends plus listed holidays,
 * minus make-up working days. The schema allows at most six weekend days, so counting always terminates.
 */
import type { WorkingCalendar } from '../../policy/pack-schema.js';
import { toDay, weekdayOf } from './dates.js';
import { WEEKDAYS } from './vocabulary.js';

export interface WorkingDays {
  isWorkingDay(day: number): boolean;
  /** The `n`-th working day after `day` (`day` itself not counted). */
  addWorkingDays(day: number, n: number): number;
}

/**
 * Compiles a calendar. Years the calendar does not list fall back to weekends only, so an outdated calendar
 * errs towards counting holidays as working days, i.e. towards shorter rather than longer windows.
 */
export function compileCalendar(calendar: WorkingCalendar): WorkingDays {
  const weekend = new Set(calendar.weekend.map((d) => WEEKDAYS.indexOf(d)));
  const holidays = new Set<number>();
  const working = new Set<number>();
  for (const year of Object.values(calendar.years)) {
    for (const d of year.holidays) holidays.add(toDay(d));
    for (const d of year.workingDays ?? []) working.add(toDay(d));
  }
  const isWorkingDay = (day: number) => working.has(day) || (!holidays.has(day) && !weekend.has(weekdayOf(day)));
  return {
    isWorkingDay,
    addWorkingDays(day, n) {
      let d = day;
      for (let counted = 0; counted < n; ) if (isWorkingDay(++d)) counted++;
      return d;
    },
  };
}
