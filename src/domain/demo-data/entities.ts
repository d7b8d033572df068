/** What the per-node entity builders share: the shape they produce and the draws common to all registers. */
import type { EntityLineInput } from '../interchange.js';
import type { DayCalendar } from './calendar.js';
import { asFormerNames, type NameInput } from './names.js';
import type { Random } from './random.js';

/** One generated entity: its import line and what its records need to know about it. */
export interface GeneratedEntity<S> {
  readonly line: EntityLineInput;
  readonly subject: S;
}

/** Produces a node's entities one at a time; `serial` counts entities from 0 and keeps identifiers unique. */
export interface EntitySource<S> {
  next(serial: number): GeneratedEntity<S>;
}

/** The youngest entity was registered this many days before `today`. */
const YOUNGEST_DAYS = 60;
/** Skews registration dates towards recent years, as business registers grow. */
const RECENCY_SKEW = 1.8;

/** A registration day between `firstDay` and shortly before today, more often recent. */
export function drawRegisteredDay(rng: Random, calendar: DayCalendar, firstDay: number): number {
  const latest = Math.max(0, calendar.todayDay - YOUNGEST_DAYS);
  const earliest = Math.min(latest, Math.max(0, firstDay));
  return latest - Math.floor((latest - earliest) * rng.next() ** RECENCY_SKEW);
}

/** A registration day for an entity set up after `afterDay` (a branch after its parent). */
export function drawRegisteredDayAfter(rng: Random, calendar: DayCalendar, afterDay: number): number {
  const latest = Math.max(afterDay, calendar.todayDay - YOUNGEST_DAYS);
  return rng.between(Math.min(latest, afterDay + 30), latest);
}

/**
 * The names an entity registered under before a change of name: `previous` turned into `former` names, valid
 * from registration until a day at least a year later. Empty when the entity is too young to have renamed.
 */
export function drawFormerNames(
  rng: Random,
  calendar: DayCalendar,
  registeredDay: number,
  previous: readonly NameInput[],
): NameInput[] {
  const latest = calendar.todayDay - YOUNGEST_DAYS;
  const earliest = registeredDay + 365;
  if (earliest > latest) return [];
  return asFormerNames(previous, calendar.isoOf(registeredDay), calendar.isoOf(rng.between(earliest, latest)));
}
