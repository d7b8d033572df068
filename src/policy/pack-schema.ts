/**
 * The schema of a policy pack (SPEC §4): one closed zod schema per pack file. A pack is a directory of YAML
 * (or JSON) files; each file holds one top-level key so that an error path such as `measures[3].legalBasis`
 * reads the same in the file and in the message.
 *
 * Every object is closed (`z.strictObject`): an unknown field is an error, so a typo cannot silently turn a
 * rule off, and nothing outside this vocabulary can be smuggled into a pack.
 *
 * Hard line (SPEC §1.2–1.3): the entry-rule language below speaks only of the closed record taxonomy
 * (category, domain, severity, penalty kinds, amounts, authorities, rating grades, counts in a window). It
 * has no free-text, keyword, pattern-over-summary or person field, so a pack cannot express speech,
 * assembly, religion, opinion, online behaviour or movements of people. Keep it that way: do not add a
 * field that matches on `summary` or any other free text.
 */
import { z } from 'zod';
import {
  CURRENCIES,
  NODE_IDS,
  PENALTY_KINDS,
  RECORD_CATEGORIES,
  REGULATORY_DOMAINS,
  SEVERITIES,
} from '../domain/taxonomy.js';
import { isCalendarDate } from '../domain/dates.js';
import { EFFECTS_BY_KIND, LIST_KINDS, MEASURE_CONTEXTS, MEASURE_EFFECTS, MEASURE_KINDS, WEEKDAYS } from '../domain/policy/vocabulary.js';
import { IDENTIFIER_SCHEMES } from '../domain/identifiers/index.js';
import { SHARED_RECORD_FIELDS } from '../exchange/agreements.js';

const text = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');

/** Ids of lists, measures, schemes, grades, rules: lower-case words joined by hyphens (`gd-samr`, `tier-1`). */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a lower-case id such as gd-samr');

/** Grades keep their official spelling (tax grades are `A`…`D`), so they may be upper case. */
const gradeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'must be a grade id such as A or tier-1');

/** An authority id, or a prefix ending in `*` matching a family of authorities (`gd-court-*`). */
const authorityPattern = z.string().regex(/^[a-z0-9][a-z0-9-]*\*?$/, 'must be an authority id such as gd-samr, or a prefix such as gd-court-*');

const isoDate = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');

const required = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `${what} is required` : undefined;

/** A legal-basis citation. `article` is `unverified` or `unspecified` when the article was not read (docs/policy-packs.md). */
export const citationSchema = z.strictObject({ instrument: text, article: text });

/** SPEC §1.3: nothing without a machine-readable legal basis. */
export const legalBasisSchema = z
  .array(citationSchema, { error: required('legalBasis (at least one {instrument, article} citation)') })
  .min(1, 'legalBasis needs at least one {instrument, article} citation');

/** Effective dates; `to` is the last day in force (inclusive), absent while in force. */
export const effectiveSchema = z
  .strictObject(
    { from: isoDate, to: isoDate.optional() },
    { error: required('effective ({from, to?} dates)') },
  )
  .refine((e) => e.to === undefined || e.from <= e.to, { message: 'effective.to must not be before effective.from', path: ['to'] });

/**
 * Marks a value that BRIEF tags [U] or [P] (or does not state at all) as configurable, unchecked data.
 * `field` names a field of the same object (`duration`, `notice`, `legalBasis`); the loader checks it exists.
 */
const unverifiedSchema = z.array(z.strictObject({ field: text, note: text })).min(1).optional();

const names = z.strictObject({ zh: text, en: text, pt: text.optional() });

const count = z.number().int('must be a whole number');
export const durationSchema = z
  .strictObject({ years: count.min(0).optional(), months: count.min(0).optional(), days: count.min(0).optional() })
  .refine((d) => (d.years ?? 0) + (d.months ?? 0) + (d.days ?? 0) > 0, 'a duration needs years, months or days greater than 0');

/** Facets of one record. All given facets must hold; within a facet, any listed value matches. */
export const recordMatchSchema = z
  .strictObject({
    category: z.array(z.enum(RECORD_CATEGORIES)).min(1).optional(),
    domain: z.array(z.enum(REGULATORY_DOMAINS)).min(1).optional(),
    severity: z.array(z.enum(SEVERITIES)).min(1).optional(),
    /** At least one of these penalty kinds was imposed. */
    penaltyKindsAny: z.array(z.enum(PENALTY_KINDS)).min(1).optional(),
    /** Amount (penalty amount, or amount owed for court enforcement) in this currency, at least this value. */
    amountAtLeast: z.strictObject({ value: z.number().finite().nonnegative(), currency: z.enum(CURRENCIES) }).optional(),
    authority: z.array(authorityPattern).min(1).optional(),
  })
  .refine((m) => Object.keys(m).length > 0, 'a record condition needs at least one facet');

/** A grade of a rating scheme held at the date of evaluation (the latest rating of that scheme). */
export const ratingMatchSchema = z.strictObject({ scheme: id, grades: z.array(gradeId).min(1) });

/**
 * One way onto a list: either records matching a condition (optionally at least N of them whose decision
 * dates fall within a window of days), or a rating grade in force.
 */
export const entryRuleSchema = z
  .strictObject({
    record: recordMatchSchema.optional(),
    count: z.strictObject({ atLeast: count.min(2, 'count.atLeast must be at least 2 (one record needs no count)'), withinDays: count.min(1) }).optional(),
    rating: ratingMatchSchema.optional(),
  })
  .refine((r) => (r.record === undefined) !== (r.rating === undefined), 'an entry rule needs exactly one of record or rating')
  .refine((r) => r.count === undefined || r.record !== undefined, { message: 'count applies to record conditions only', path: ['count'] });

const periodUnit = z.enum(['calendar', 'working']);

export const listSchema = z.strictObject({
  id,
  kind: z.enum(LIST_KINDS),
  name: names,
  /** The authority that decides entries (谁认定谁修复: it also decides repair). */
  authority: id,
  entry: z.strictObject({ anyOf: z.array(entryRuleSchema).min(1) }),
  /** Days between the triggering fact and the entry taking effect, during which the entry is pending. */
  notice: z.strictObject({ days: count.min(0), unit: periodUnit }),
  /** Time allowed to object (异议); used by due process, not by evaluation. */
  objection: z.strictObject({ days: count.min(1), unit: periodUnit }).optional(),
  /** A fixed period from the start, or for as long as the triggering facts remain in effect. */
  duration: z.union([z.literal('while-cause'), z.strictObject({ fixed: durationSchema })], {
    error: 'duration must be "while-cause" or {fixed: {years?, months?, days?}}',
  }),
  /** 提前移出: the entity may apply for removal after this period, on these conditions. */
  earlyRemoval: z.strictObject({ after: durationSchema, conditions: z.array(text).min(1) }).optional(),
  /** 信用修复: whether the entry can be repaired, and on what conditions. */
  repair: z.strictObject({ repairable: z.boolean(), conditions: z.array(text).optional() }),
  legalBasis: legalBasisSchema,
  effective: effectiveSchema,
  unverified: unverifiedSchema,
});

export const gradeSchema = z.strictObject({ id: gradeId, name: names, effective: effectiveSchema.optional() });

export const ratingSchemeSchema = z.strictObject({
  id,
  name: names,
  authority: id,
  grades: z.array(gradeSchema).min(1),
  legalBasis: legalBasisSchema,
  effective: effectiveSchema,
  unverified: unverifiedSchema,
});

const period = z.strictObject({ min: durationSchema.optional(), max: durationSchema });

/**
 * A publicity regime (BRIEF §1.6): how long a record stays public, by severity, optionally overridden for
 * some domains. A record is judged under the regime in force on its decision date.
 */
export const publicationRegimeSchema = z.strictObject({
  id,
  name: names,
  effective: effectiveSchema,
  /** Periods run from the decision date, or from the publication date (Order 36). */
  startsOn: z.enum(['decision', 'publication']),
  categories: z.array(z.enum(RECORD_CATEGORIES)).min(1),
  periods: z.strictObject({ minor: period, general: period, serious: period }),
  overrides: z
    .array(
      z.strictObject({
        domain: z.array(z.enum(REGULATORY_DOMAINS)).min(1),
        severity: z.array(z.enum(SEVERITIES)).min(1).optional(),
        min: durationSchema.optional(),
        max: durationSchema.optional(),
      }),
    )
    .optional(),
  legalBasis: legalBasisSchema,
  unverified: unverifiedSchema,
});

export const measureTriggerSchema = z.union(
  [
    z.strictObject({ list: id }),
    z.strictObject({ rating: ratingMatchSchema }),
    z.strictObject({ recognised: id }),
  ],
  { error: 'trigger must be one of {list: id}, {rating: {scheme, grades}} or {recognised: ruleId}' },
);

export const measureSchema = z
  .strictObject({
    id,
    kind: z.enum(MEASURE_KINDS),
    name: names,
    context: z.enum(MEASURE_CONTEXTS),
    effect: z.enum(MEASURE_EFFECTS),
    trigger: measureTriggerSchema,
    /** The authority that implements the measure at the point of service. */
    authority: id,
    legalBasis: legalBasisSchema,
    effective: effectiveSchema,
    unverified: unverifiedSchema,
  })
  .refine((m) => EFFECTS_BY_KIND[m.kind].includes(m.effect), {
    message: 'effect does not fit the kind: a reward may only fast-track, reduce-inspection or priority; a discipline may only deny, review, restrict or increase-inspection',
    path: ['effect'],
  });

/**
 * Mutual recognition (BRIEF §2.3): a status granted by a foreign node counts as a local status, for the
 * named contexts only. This is the only way a foreign record has any effect (SPEC §1.4).
 */
export const recognitionRuleSchema = z.strictObject({
  id,
  name: names,
  foreign: z.strictObject({ node: z.enum(NODE_IDS), scheme: id, grades: z.array(gradeId).min(1) }),
  local: z.strictObject({ scheme: id, grade: gradeId }),
  contexts: z.array(z.enum(MEASURE_CONTEXTS)).min(1),
  legalBasis: legalBasisSchema,
  effective: effectiveSchema,
  unverified: unverifiedSchema,
});

/** Working days for deadlines: weekends plus listed public holidays; `workingDays` are make-up weekend days (调休). */
export const calendarSchema = z.strictObject({
  weekend: z.array(z.enum(WEEKDAYS)).max(6),
  years: z.record(
    z.string().regex(/^\d{4}$/, 'must be a year such as 2026'),
    z.strictObject({ holidays: z.array(isoDate), workingDays: z.array(isoDate).optional() }),
  ),
  unverified: unverifiedSchema,
});

const deadline = z.strictObject({ days: count.min(1), unit: periodUnit });

/**
 * Objection rules (异议, BRIEF §1.10) in force over a date range: how long after a record's decision (or a
 * list entry's start) the entity may object, and within how many days a reviewer of the issuing authority
 * must decide. The regime in force on the filing date applies.
 */
export const objectionRegimeSchema = z.strictObject({
  id,
  fileWithin: deadline,
  decideWithin: deadline,
  legalBasis: legalBasisSchema,
  effective: effectiveSchema,
  unverified: unverifiedSchema,
});

/** What a repair application must bring, besides the minimum publicity period (BRIEF §1.7's four conditions). */
export const REPAIR_REQUIREMENTS = ['evidence', 'commitment'] as const;

/**
 * Credit repair rules (信用修复, BRIEF §1.7) in force over a date range: the decision deadline, what an
 * application must bring, and records that cannot be repaired (with the reason the entity is told up front).
 * Whether a list entry is repairable is the list's own `repair` field. A record may be repaired once the
 * minimum publicity period of the regime that covers it has passed.
 */
export const repairRegimeSchema = z.strictObject({
  id,
  decideWithin: deadline,
  requires: z.array(z.enum(REPAIR_REQUIREMENTS)),
  notRepairable: z.array(z.strictObject({ record: recordMatchSchema, reason: text })).optional(),
  legalBasis: legalBasisSchema,
  effective: effectiveSchema,
  unverified: unverifiedSchema,
});

export const dueProcessSchema = z.strictObject({
  objections: z.array(objectionRegimeSchema),
  repair: z.array(repairRegimeSchema),
});

/**
 * A sharing agreement (issue 5 §2): what this node may send one partner node, for what purpose, on what legal
 * basis and for how long. Records are shared per category (optionally narrowed to domains or rating grades),
 * each with the fields that may cross from a closed list; the entity travels with the identifier schemes named
 * and, if `names`, its registered names. Nothing else leaves the node.
 */
export const agreementSchema = z.strictObject({
  id,
  partner: z.enum(NODE_IDS),
  purpose: text,
  records: z
    .array(
      z.strictObject({
        category: z.enum(RECORD_CATEGORIES),
        domains: z.array(z.enum(REGULATORY_DOMAINS)).min(1).optional(),
        /** Rating records only: the schemes and grades shared (e.g. AEO statuses, not adverse grades). */
        ratings: z.array(ratingMatchSchema).min(1).optional(),
        fields: z.array(z.enum(SHARED_RECORD_FIELDS)).min(1),
      }),
    )
    .min(1),
  entity: z.strictObject({ identifiers: z.array(z.enum(IDENTIFIER_SCHEMES)).min(1), names: z.boolean() }),
  legalBasis: legalBasisSchema,
  effective: effectiveSchema,
  unverified: unverifiedSchema,
});

export const manifestSchema = z.strictObject({
  node: z.enum(NODE_IDS),
  version: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.+-]*$/, 'must be a version such as 2026.1'),
  effective: effectiveSchema,
  description: text,
});

/** The files of a pack, by name without extension, and the schema of each. */
export const PACK_FILES = {
  pack: manifestSchema,
  lists: z.strictObject({ lists: z.array(listSchema) }),
  'rating-schemes': z.strictObject({ ratingSchemes: z.array(ratingSchemeSchema) }),
  publication: z.strictObject({ regimes: z.array(publicationRegimeSchema) }),
  measures: z.strictObject({ measures: z.array(measureSchema) }),
  recognition: z.strictObject({ recognition: z.array(recognitionRuleSchema) }),
  calendar: z.strictObject({ calendar: calendarSchema }),
  'due-process': z.strictObject({ dueProcess: dueProcessSchema }),
  agreements: z.strictObject({ agreements: z.array(agreementSchema) }),
} as const;
export type PackFileStem = keyof typeof PACK_FILES;

export type Citation = z.output<typeof citationSchema>;
export type Effective = z.output<typeof effectiveSchema>;
export type PackManifest = z.output<typeof manifestSchema>;
export type RecordMatch = z.output<typeof recordMatchSchema>;
export type RatingMatch = z.output<typeof ratingMatchSchema>;
export type EntryRule = z.output<typeof entryRuleSchema>;
export type PolicyList = z.output<typeof listSchema>;
export type RatingScheme = z.output<typeof ratingSchemeSchema>;
export type PublicationRegime = z.output<typeof publicationRegimeSchema>;
export type MeasureTrigger = z.output<typeof measureTriggerSchema>;
export type Measure = z.output<typeof measureSchema>;
export type RecognitionRule = z.output<typeof recognitionRuleSchema>;
export type WorkingCalendar = z.output<typeof calendarSchema>;
export type ObjectionRegime = z.output<typeof objectionRegimeSchema>;
export type RepairRegime = z.output<typeof repairRegimeSchema>;
export type DueProcess = z.output<typeof dueProcessSchema>;
export type SharingAgreement = z.output<typeof agreementSchema>;

/** A validated, cross-checked policy pack. Only `validatePack` produces one. */
export interface PolicyPack {
  readonly manifest: PackManifest;
  readonly lists: readonly PolicyList[];
  readonly ratingSchemes: readonly RatingScheme[];
  readonly regimes: readonly PublicationRegime[];
  readonly measures: readonly Measure[];
  readonly recognition: readonly RecognitionRule[];
  readonly calendar: WorkingCalendar;
  readonly dueProcess: DueProcess;
  readonly agreements: readonly SharingAgreement[];
}
