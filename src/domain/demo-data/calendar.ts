import { isCalendarDate } from '../dates.js';

const MS_PER_DAY = 86_400_000;

/**
 * Day arithmetic over a fixed span ending at `today`, with the ISO strings precomputed once so that
 * turning a day into `YYYY-MM-DD` costs an array read rather than a `Date`.
 * Days are counted from `firstYear`-01-01 (day 0) to `today` (day {@link todayDay}).
 */
export class DayCalendar {
  readonly todayDay: number;
  private readonly firstMs: number;
  private readonly iso: string[];

  constructor(today: string, firstYear: number) {
    if (!isCalendarDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${today}`);
    this.firstMs = Date.UTC(firstYear, 0, 1);
    this.todayDay = Math.round((Date.parse(`${today}T00:00:00Z`) - this.firstMs) / MS_PER_DAY);
    if (this.todayDay < 0) throw new RangeError(`today must not be before ${firstYear}-01-01`);
    this.iso = new Array<string>(this.todayDay + 1);
    for (let day = 0; day <= this.todayDay; day++) {
      this.iso[day] = new Date(this.firstMs + day * MS_PER_DAY).toISOString().slice(0, 10);
    }
  }

  /** The ISO date of `day`, clamped to the span. */
  isoOf(day: number): string {
    return this.iso[Math.max(0, Math.min(this.todayDay, day))] as string;
  }

  /** The calendar year of `day`. */
  yearOf(day: number): number {
    return Number(this.isoOf(day).slice(0, 4));
  }

  /** The day of an ISO date (which may fall outside the span). */
  dayOf(iso: string): number {
    return Math.round((Date.parse(`${iso}T00:00:00Z`) - this.firstMs) / MS_PER_DAY);
  }
}
