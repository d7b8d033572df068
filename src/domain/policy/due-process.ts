/**
 * The due-process rules of a pack (SPEC §6, BRIEF §1.7 and §1.10) applied to dates: which objection and
 * repair regime governs a filing, and the deadlines they set, counted in the node's working days when the
 * pack says so. Pure: dates are arguments.
 */
import type { ObjectionRegime, RepairRegime } from '../../policy/pack-schema.js';
import { dayRange, inRange, type CompiledPack } from './compile.js';

export interface Deadline {
  readonly days: number;
  readonly unit: 'calendar' | 'working';
}

/** The day `deadline` after `day` (`day` itself not counted), in calendar or working days of the pack. */
export function dueDay(pack: CompiledPack, day: number, deadline: Deadline): number {
  return deadline.unit === 'working' ? pack.calendar.addWorkingDays(day, deadline.days) : day + deadline.days;
}

/** The objection regime in force on `day`, if the pack has one. */
export function objectionRegimeOn(pack: CompiledPack, day: number): ObjectionRegime | undefined {
  return pack.pack.dueProcess.objections.find((r) => inRange(dayRange(r.effective), day));
}

/** The repair regime in force on `day`, if the pack has one. */
export function repairRegimeOn(pack: CompiledPack, day: number): RepairRegime | undefined {
  return pack.pack.dueProcess.repair.find((r) => inRange(dayRange(r.effective), day));
}
