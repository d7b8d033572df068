/**
 * The jurisdiction-neutral part of record generation: how many records an entity gets, which template writes
 * each one, when it was decided, its stable `sourceId`, and its lifecycle status. What a record says comes from
 * the per-node template tables (`records-gd.ts`, `records-hk.ts`, `records-mo.ts`).
 */
import type { RecordLineInput } from '../interchange.js';
import type { RecordCategory, RecordStatus, RegulatoryDomain, Severity } from '../taxonomy.js';
import type { DayCalendar } from './calendar.js';
import type { Industry } from './names.js';
import type { Random, Weighted } from './random.js';

/** One legal-basis citation: the instrument and the article relied on. */
export interface Citation {
  readonly instrument: string;
  readonly article: string;
}

/** Builds a {@link Citation}. */
export const cite = (instrument: string, article: string): Citation => ({ instrument, article });

/** What record generation needs to know about the entity the records are about. */
export interface RecordSubject<I extends Industry = Industry> {
  /** The `scheme:value` reference written as each record's `subject`. */
  readonly ref: string;
  readonly primaryId: string;
  readonly registeredDay: number;
  readonly industry: I;
  /** Holds a customs AEO code, so its first record is the customs accreditation. */
  readonly aeo: boolean;
}

/** Everything a template may draw on when it writes one record. */
export interface DraftContext<S> {
  readonly rng: Random;
  readonly subject: S;
  readonly calendar: DayCalendar;
  readonly day: number;
  readonly year: number;
  /** The record's number within its authority and year, also used in its decision number. */
  readonly seq: number;
}

/** The part of a record line a template decides. */
export interface RecordDraft {
  readonly decisionNo: string;
  readonly legalBasis: Citation[];
  readonly summary: string;
  readonly severity?: Severity;
  readonly penalty?: RecordLineInput['penalty'];
  readonly rating?: RecordLineInput['rating'];
  readonly court?: RecordLineInput['court'];
}

/** One kind of record an authority issues, e.g. a tax-office late-filing penalty or a tax credit rating. */
export interface RecordTemplate<S> {
  readonly category: RecordCategory;
  readonly domain: RegulatoryDomain;
  /** Relative frequency, multiplied for subjects whose industry is regulated in `domain`. */
  readonly weight: number;
  /** Drawn only for subjects whose industry is regulated in `domain` (a tendering suspension needs a contractor). */
  readonly industryOnly?: boolean;
  /** For annual grades: the record expires when the next year's grade supersedes it. */
  readonly validForDays?: number;
  authority(subject: S): string;
  /** The decision day in [earliest, latest]; uniform unless the scheme publishes at a set time of year. */
  pickDay?(rng: Random, earliest: number, latest: number, calendar: DayCalendar): number;
  draft(context: DraftContext<S>): RecordDraft;
}

/** A node's record mix. */
export interface RecordPlan<S> {
  /** Upper-case node prefix of source ids, e.g. `GD`. */
  readonly node: string;
  readonly templates: readonly RecordTemplate<S>[];
  /** The customs accreditation every AEO holder has on file. */
  readonly aeoTemplate: RecordTemplate<S>;
  /** Share of entities with no record at all. */
  readonly emptyShare: number;
}

/** How much likelier a template is for a subject whose industry its domain regulates. */
const DOMAIN_BOOST = 4;
/** Decisions reach back about five years before `today`. */
const WINDOW_DAYS = 5 * 365;
/** No decision before an entity has been registered this long. */
const FIRST_DECISION_AFTER_DAYS = 30;
/** Pareto shape of the count of records among entities that have any: mean ≈ 2.5, about 3% reach 10. */
const COUNT_SHAPE = 1.5;
const MAX_RECORDS_PER_ENTITY = 250;
/** Numbering of an authority's year starts somewhere below this, as if earlier decisions were not in the set. */
const SEQUENCE_HEADROOM = 500;

/**
 * Writes record lines for a stream of subjects. Keeps only small bounded state (per-industry template tables,
 * per-authority-and-year sequence counters), so it can run over millions of entities.
 */
export class RecordWriter<S extends RecordSubject> {
  private readonly tables = new Map<Industry, Weighted<RecordTemplate<S>>[]>();
  private readonly sequences = new Map<string, number>();
  private readonly authorityCodes = new Map<string, string>();

  constructor(
    private readonly plan: RecordPlan<S>,
    private readonly rng: Random,
    private readonly calendar: DayCalendar,
  ) {}

  /** How many records `subject` gets: none for most, a long tail for a few; an AEO holder at least one. */
  countFor(subject: S): number {
    if (this.rng.chance(this.plan.emptyShare)) return subject.aeo ? 1 : 0;
    return this.rng.pareto(COUNT_SHAPE, MAX_RECORDS_PER_ENTITY);
  }

  /** The `index`-th record line about `subject`. */
  write(subject: S, index: number): RecordLineInput {
    const { rng, calendar } = this;
    const template = index === 0 && subject.aeo ? this.plan.aeoTemplate : rng.weighted(this.tableFor(subject.industry));
    const latest = calendar.todayDay;
    const earliest = Math.min(latest, Math.max(subject.registeredDay + FIRST_DECISION_AFTER_DAYS, latest - WINDOW_DAYS));
    const day = template.pickDay ? template.pickDay(rng, earliest, latest, calendar) : rng.between(earliest, latest);
    const year = calendar.yearOf(day);
    const authority = template.authority(subject);
    const seq = this.nextSequence(authority, year);
    const draft = template.draft({ rng, subject, calendar, day, year, seq });
    const line: RecordLineInput = {
      type: 'record',
      sourceId: `${this.plan.node}-${this.authorityCode(authority)}-${year}-${String(seq).padStart(6, '0')}`,
      subject: subject.ref,
      category: template.category,
      domain: template.domain,
      authority,
      decisionNo: draft.decisionNo,
      decidedOn: calendar.isoOf(day),
      legalBasis: draft.legalBasis,
      summary: draft.summary,
      status: drawStatus(rng, template, latest - day),
    };
    if (draft.severity) line.severity = draft.severity;
    if (draft.penalty) line.penalty = draft.penalty;
    if (draft.rating) line.rating = draft.rating;
    if (draft.court) line.court = draft.court;
    return line;
  }

  private tableFor(industry: Industry): Weighted<RecordTemplate<S>>[] {
    let table = this.tables.get(industry);
    if (!table) {
      table = [];
      for (const template of this.plan.templates) {
        const regulated = industry.domains.includes(template.domain);
        if (template.industryOnly && !regulated) continue;
        table.push([regulated ? template.weight * DOMAIN_BOOST : template.weight, template]);
      }
      this.tables.set(industry, table);
    }
    return table;
  }

  private nextSequence(authority: string, year: number): number {
    const key = `${authority}|${year}`;
    const seq = (this.sequences.get(key) ?? this.rng.int(SEQUENCE_HEADROOM)) + 1;
    this.sequences.set(key, seq);
    return seq;
  }

  /** `gd-court-sz` → `COURT-SZ`: the authority id without the node prefix, as source ids spell it. */
  private authorityCode(authority: string): string {
    let code = this.authorityCodes.get(authority);
    if (code === undefined) {
      code = authority.slice(authority.indexOf('-') + 1).toUpperCase();
      this.authorityCodes.set(authority, code);
    }
    return code;
  }
}

/**
 * Most records are in force; some penalties have been repaired (信用修复) or revoked, superseded annual grades
 * have expired, and some enforcement and abnormal-list entries were lifted once the obligation was met.
 */
function drawStatus(rng: Random, template: RecordTemplate<unknown>, ageDays: number): RecordStatus {
  if (template.validForDays !== undefined && ageDays > template.validForDays) return 'expired';
  switch (template.category) {
    case 'penalty':
      if (ageDays > 180 && rng.chance(0.06)) return 'repaired';
      if (rng.chance(0.01)) return 'revoked';
      return rng.chance(0.005) ? 'corrected' : 'active';
    case 'court-enforcement':
    case 'disclosure-default':
      return ageDays > 365 && rng.chance(0.3) ? 'repaired' : 'active';
    case 'rating':
    case 'license':
    case 'commendation':
    case 'commitment':
      return 'active';
  }
}

/**
 * A `pickDay` for results published once a year between `from` and `to` (`MM-DD`), such as tax credit grades
 * in April; falls back to any day in the window when no publication period falls inside it.
 */
export function annualPublication(from: string, to: string): NonNullable<RecordTemplate<unknown>['pickDay']> {
  const periods = new Map<number, readonly [first: number, last: number]>();
  return (rng, earliest, latest, calendar) => {
    const firstYear = calendar.yearOf(earliest);
    const years = calendar.yearOf(latest) - firstYear + 1;
    const start = rng.int(years);
    for (let i = 0; i < years; i++) {
      const year = firstYear + ((start + i) % years);
      let period = periods.get(year);
      if (!period) {
        period = [calendar.dayOf(`${year}-${from}`), calendar.dayOf(`${year}-${to}`)];
        periods.set(year, period);
      }
      const low = Math.max(earliest, period[0]);
      const high = Math.min(latest, period[1]);
      if (low <= high) return rng.between(low, high);
    }
    return rng.between(earliest, latest);
  };
}
