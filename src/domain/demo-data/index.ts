/**
 * A deterministic demo-data generator: plausible entities and records for one node, as interchange lines
 * (SPEC §3) ready to import. Pure: no I/O and no clock; `today` bounds every date.
 */
import type { EntityLineInput, RecordLineInput } from '../interchange.js';
import type { NodeId } from '../taxonomy.js';
import { DayCalendar } from './calendar.js';
import { drawCodeSalts } from './codes.js';
import type { EntitySource } from './entities.js';
import { GdEntitySource } from './entities-gd.js';
import { HkEntitySource } from './entities-hk.js';
import { MoEntitySource } from './entities-mo.js';
import { Random, deriveSeed } from './random.js';
import { GD_RECORD_PLAN } from './records-gd.js';
import { HK_RECORD_PLAN } from './records-hk.js';
import { MO_RECORD_PLAN } from './records-mo.js';
import { RecordWriter, type RecordPlan, type RecordSubject } from './records.js';

export interface DemoDataOptions {
  node: NodeId;
  /** How many entity lines to write (branches included). */
  entities: number;
  /** Any safe integer; only its low 32 bits matter. */
  seed: number;
  /** The generation date `YYYY-MM-DD`: no date in the output is later. */
  today: string;
}

/** The calendar starts early enough for the oldest registrations (Hong Kong, 1970). */
const CALENDAR_FIRST_YEAR = 1970;

/**
 * Lines in import order: each entity line followed by that entity's record lines. Lazy (a generator), so memory
 * stays flat for millions of lines. Same options → byte-identical output.
 *
 * @example
 * for (const line of generateDemoData({ node: 'hk', entities: 1000, seed: 7, today: '2026-05-01' })) {
 *   out.write(`${JSON.stringify(line)}\n`);
 * }
 */
export function generateDemoData(options: DemoDataOptions): Generator<EntityLineInput | RecordLineInput> {
  const { node, entities, seed, today } = options;
  if (!Number.isSafeInteger(entities) || entities < 0) throw new RangeError(`entities must be a non-negative integer, got ${entities}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const rng = new Random(deriveSeed(seed, node));
  const calendar = new DayCalendar(today, CALENDAR_FIRST_YEAR);
  const salts = drawCodeSalts(rng);
  switch (node) {
    case 'gd':
      return lines(new GdEntitySource(rng, calendar, salts), GD_RECORD_PLAN, rng, calendar, entities);
    case 'hk':
      return lines(new HkEntitySource(rng, calendar, salts), HK_RECORD_PLAN, rng, calendar, entities);
    case 'mo':
      return lines(new MoEntitySource(rng, calendar, salts, entities), MO_RECORD_PLAN, rng, calendar, entities);
  }
}

function* lines<S extends RecordSubject>(
  source: EntitySource<S>,
  plan: RecordPlan<S>,
  rng: Random,
  calendar: DayCalendar,
  entities: number,
): Generator<EntityLineInput | RecordLineInput> {
  const writer = new RecordWriter(plan, rng, calendar);
  for (let serial = 0; serial < entities; serial++) {
    const { line, subject } = source.next(serial);
    yield line;
    const count = writer.countFor(subject);
    for (let index = 0; index < count; index++) yield writer.write(subject, index);
  }
}
