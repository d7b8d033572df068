/**
 * Compiles a validated pack into the form the evaluator runs on: dates as day numbers, conditions as
 * predicates, references resolved to indexes, measures bucketed by context. Compile once per pack version;
 * the check index evaluates a million entities against the same compiled pack.
 *
 * The pack's types come from the zod schemas in src/policy/pack-schema.ts as type-only imports: one schema
 * types the code (STYLE.md), and nothing of the policy layer is loaded at run time by the domain.
 */
import type { Effective, Measure, PolicyList, PolicyPack, PublicationRegime, RecognitionRule } from '../../policy/pack-schema.js';
import type { NodeId } from '../taxonomy.js';
import { compileRecordMatch, type RecordPredicate } from './conditions.js';
import { NEVER, toDay, type Duration } from './dates.js';
import { compileCalendar, type WorkingDays } from './working-days.js';
import { MEASURE_CONTEXTS, type MeasureContext } from './vocabulary.js';

/** A half-open range of day numbers [from, to). */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

export type CompiledEntryRule =
  | { readonly kind: 'record'; readonly match: RecordPredicate; readonly atLeast: number; readonly withinDays: number }
  | { readonly kind: 'rating'; readonly scheme: string; readonly grades: ReadonlySet<string> };

export interface CompiledList {
  readonly index: number;
  readonly source: PolicyList;
  readonly rules: readonly CompiledEntryRule[];
  readonly effective: DayRange;
  /** Undefined for `while-cause` lists. */
  readonly fixed?: Duration | undefined;
  /** Whether any rule reads records or ratings, so entities without either skip the list. */
  readonly usesRecords: boolean;
  readonly usesRatings: boolean;
}

export interface CompiledScheme {
  readonly effective: DayRange;
  readonly grades: ReadonlyMap<string, DayRange>;
}

export interface CompiledRegime {
  readonly source: PublicationRegime;
  readonly effective: DayRange;
  readonly categories: ReadonlySet<string>;
}

export type CompiledTrigger =
  | { readonly kind: 'list'; readonly list: number }
  | { readonly kind: 'rating'; readonly scheme: string; readonly grades: ReadonlySet<string> }
  | { readonly kind: 'recognised'; readonly rule: number };

export interface CompiledMeasure {
  readonly source: Measure;
  readonly effective: DayRange;
  readonly trigger: CompiledTrigger;
}

export interface CompiledRecognition {
  readonly index: number;
  readonly source: RecognitionRule;
  readonly effective: DayRange;
  readonly foreignGrades: ReadonlySet<string>;
  readonly contexts: ReadonlySet<MeasureContext>;
}

/** A pack ready for evaluation. Immutable and shareable between evaluations. */
export interface CompiledPack {
  readonly pack: PolicyPack;
  readonly node: NodeId;
  readonly version: string;
  readonly lists: readonly CompiledList[];
  readonly schemes: ReadonlyMap<string, CompiledScheme>;
  /** Sorted by start date; they never overlap (the loader refuses overlaps). */
  readonly regimes: readonly CompiledRegime[];
  /** Measures by context, in catalogue order. */
  readonly measures: ReadonlyMap<MeasureContext, readonly CompiledMeasure[]>;
  readonly recognition: readonly CompiledRecognition[];
  readonly calendar: WorkingDays;
}

/** Converts an inclusive `{from, to?}` into a half-open day range. */
export function dayRange(effective: Effective): DayRange {
  return { from: toDay(effective.from), to: effective.to === undefined ? NEVER : toDay(effective.to) + 1 };
}

export function inRange(range: DayRange, day: number): boolean {
  return range.from <= day && day < range.to;
}

/**
 * Compiles `pack` for `evaluateEntity`. The pack must come from `validatePack` (references are trusted).
 * @example const compiled = compilePack(await loadPack('policies/gd'));
 */
export function compilePack(pack: PolicyPack): CompiledPack {
  const listIndex = new Map(pack.lists.map((l, i) => [l.id, i]));
  const ruleIndex = new Map(pack.recognition.map((r, i) => [r.id, i]));

  const lists = pack.lists.map((source, index): CompiledList => ({
    index,
    source,
    usesRecords: source.entry.anyOf.some((r) => r.record !== undefined),
    usesRatings: source.entry.anyOf.some((r) => r.rating !== undefined),
    effective: dayRange(source.effective),
    fixed: source.duration === 'while-cause' ? undefined : source.duration.fixed,
    rules: source.entry.anyOf.map((rule): CompiledEntryRule =>
      rule.rating
        ? { kind: 'rating', scheme: rule.rating.scheme, grades: new Set(rule.rating.grades) }
        : { kind: 'record', match: compileRecordMatch(rule.record!), atLeast: rule.count?.atLeast ?? 1, withinDays: rule.count?.withinDays ?? NEVER },
    ),
  }));

  const schemes = new Map(
    pack.ratingSchemes.map((s) => {
      const effective = dayRange(s.effective);
      return [s.id, { effective, grades: new Map(s.grades.map((g) => [g.id, g.effective ? dayRange(g.effective) : effective])) }];
    }),
  );

  const regimes = pack.regimes
    .map((source) => ({ source, effective: dayRange(source.effective), categories: new Set<string>(source.categories) }))
    .sort((a, b) => a.effective.from - b.effective.from);

  const measures = new Map<MeasureContext, CompiledMeasure[]>(MEASURE_CONTEXTS.map((c) => [c, []]));
  for (const source of pack.measures) {
    const t = source.trigger;
    const trigger: CompiledTrigger =
      'list' in t
        ? { kind: 'list', list: listIndex.get(t.list)! }
        : 'rating' in t
          ? { kind: 'rating', scheme: t.rating.scheme, grades: new Set(t.rating.grades) }
          : { kind: 'recognised', rule: ruleIndex.get(t.recognised)! };
    measures.get(source.context)!.push({ source, effective: dayRange(source.effective), trigger });
  }

  const recognition = pack.recognition.map((source, index) => ({
    index,
    source,
    effective: dayRange(source.effective),
    foreignGrades: new Set(source.foreign.grades),
    contexts: new Set(source.contexts),
  }));

  return {
    pack,
    node: pack.manifest.node,
    version: pack.manifest.version,
    lists,
    schemes,
    regimes,
    measures,
    recognition,
    calendar: compileCalendar(pack.calendar),
  };
}
