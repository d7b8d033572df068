/**
 * The check index (SPEC §5): for every entity, its evaluated outcome per context under the active pack,
 * precomputed so that a check is two lookups — no query, no join, no evaluation.
 *
 * Results depend on the date (notice windows end, entries expire, publicity windows close), so each entity
 * also keeps the span of days its result holds for: from the day it was evaluated to `nextChangeDay`. A
 * check outside that span gets `undefined` and the caller re-evaluates the entity (`store` keeps the fresh
 * result when it is for today).
 *
 * Memory stays small for a large register: entities whose evaluation has no effect anywhere (most of them)
 * share one frozen result, and ids, references and validity spans live in typed arrays: an `EntityIdTable` takes
 * internal ids to a slot number, a packed `KeyTable` takes `scheme:value` references to it.
 */
import type { CompiledPack } from '../domain/policy/compile.js';
import { fromDay, NEVER } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import { NOTHING_APPLIES } from '../domain/policy/measures.js';
import type { AppliedMeasure, ContextOutcome, EvaluationInput } from '../domain/policy/model.js';
import { nextChangeDay } from '../domain/policy/next-change.js';
import { MEASURE_CONTEXTS, type Decision, type MeasureContext } from '../domain/policy/vocabulary.js';
import { EntityIdTable, KeyTable } from './key-table.js';

/** A measure as a check reports it: what, by whom, on which legal basis, because of which facts. */
export type MeasureView = Omit<AppliedMeasure, 'via'>;

/** A context's outcome as the index keeps it: ready to answer a check with, without copying. */
export interface IndexedOutcome {
  readonly decision: Decision;
  readonly measures: readonly MeasureView[];
  readonly facilitations: readonly MeasureView[];
  readonly disputed: boolean;
}

export type ContextOutcomes = Readonly<Record<MeasureContext, IndexedOutcome>>;

/** The outcomes of every entity without any effect: shared, never copied. */
export const NO_EFFECT: ContextOutcomes = Object.freeze(
  Object.fromEntries(MEASURE_CONTEXTS.map((c): [MeasureContext, IndexedOutcome] => [c, NOTHING_APPLIES])) as Record<MeasureContext, IndexedOutcome>,
);

/** An evaluated outcome in the form checks answer with: measures without the evaluator's `via` detail. */
export function indexedOutcome(outcome: ContextOutcome): IndexedOutcome {
  if (outcome === NOTHING_APPLIES) return outcome;
  const { decision, measures, facilitations, disputed } = outcome;
  return { decision, measures: measures.map(withoutVia), facilitations: facilitations.map(withoutVia), disputed };
}

function withoutVia({ id, kind, effect, authority, legalBasis, because }: AppliedMeasure): MeasureView {
  return { id, kind, effect, authority, legalBasis, because };
}

/** Day numbers fit in an Int32Array; this stands for "no end". */
const OPEN_END = 0x7fffffff;
/** Int32 cells per slot: from, to, effect. */
const CELL = 3;
const CONTEXTS = MEASURE_CONTEXTS.length;

/** An entity's outcomes evaluated on one day, and the first day they may differ. */
export interface Evaluated {
  readonly outcomes: ContextOutcomes;
  readonly nextChange: number;
}

/**
 * Evaluates one entity on `day` for the index: its outcomes (the shared `NO_EFFECT` when nothing applies)
 * and the first later day they may change.
 */
export function evaluateForIndex(pack: CompiledPack, input: EvaluationInput, day: number): Evaluated {
  const { contexts } = evaluateEntity(pack, input.entity, input.records, fromDay(day));
  const nextChange = nextChangeDay(pack, input.records, day);
  if (MEASURE_CONTEXTS.every((c) => contexts[c] === NOTHING_APPLIES)) return { outcomes: NO_EFFECT, nextChange };
  return { outcomes: Object.fromEntries(MEASURE_CONTEXTS.map((c) => [c, indexedOutcome(contexts[c])])) as ContextOutcomes, nextChange };
}

export class DecisionIndex {
  /** Internal ids ↔ slot. */
  private readonly ids = new EntityIdTable();
  /** `scheme:value` references → slot. */
  private readonly refs = new KeyTable();
  /**
   * Per slot: the day the result was evaluated on, the first day it may differ ([from, to)), and where its
   * outcomes are: 0 for `NO_EFFECT` (most entities: answered without touching another object), else a number
   * `e` whose outcomes are `effects[CONTEXTS * e + c]` for the context numbered `c` in `MEASURE_CONTEXTS`.
   */
  private cells: Int32Array = new Int32Array(CELL * 1024);
  /** Outcomes by effect number and context, flat, so that a check reaches its outcome in one step. */
  private readonly effects: (IndexedOutcome | undefined)[] = new Array<undefined>(CONTEXTS).fill(undefined);
  /** Effect numbers freed when an entity's outcomes became `NO_EFFECT`. */
  private readonly freeEffects: number[] = [];

  /** @param pack the pack every result of this index was evaluated under. */
  constructor(readonly pack: CompiledPack) {}

  /** Number of entities indexed. */
  get size(): number {
    return this.ids.size;
  }

  /**
   * Evaluates `input` on `day` and stores the result; registers the entity's id and references.
   * References an entity no longer has keep pointing at it until the index is rebuilt.
   */
  put(input: EvaluationInput, day: number): void {
    const slot = this.ids.add(input.entity.id);
    if (CELL * this.ids.size > this.cells.length) {
      const bigger = new Int32Array(2 * this.cells.length);
      bigger.set(this.cells);
      this.cells = bigger;
    }
    for (const ref of input.refs) this.refs.set(ref, slot);
    this.store(slot, day, evaluateForIndex(this.pack, input, day));
  }

  /** The slot of an entity by internal id or `scheme:value` reference (normalised), if indexed. */
  slotOf(key: string): number | undefined {
    return this.ids.slotOf(key) ?? this.refs.get(key);
  }

  /** The internal id of the entity in `slot`. */
  entityIdOf(slot: number): string {
    return this.ids.idOf(slot);
  }

  /** The stored outcomes of `slot` if they hold on `day`; undefined when the entity must be re-evaluated. */
  outcomesOn(slot: number, day: number): ContextOutcomes | undefined {
    const at = CELL * slot;
    if (day < this.cells[at]! || day >= this.cells[at + 1]!) return undefined;
    const effect = this.cells[at + 2]!;
    if (effect === 0) return NO_EFFECT;
    return Object.fromEntries(MEASURE_CONTEXTS.map((c, i) => [c, this.effects[CONTEXTS * effect + i]!])) as ContextOutcomes;
  }

  /**
   * The stored outcome of `slot` in the context numbered `context` (its place in `MEASURE_CONTEXTS`) if it holds
   * on `day`: the check's path, which reads no more than it answers with.
   */
  outcomeOn(slot: number, day: number, context: number): IndexedOutcome | undefined {
    const at = CELL * slot;
    if (day < this.cells[at]! || day >= this.cells[at + 1]!) return undefined;
    const effect = this.cells[at + 2]!;
    return effect === 0 ? NOTHING_APPLIES : this.effects[CONTEXTS * effect + context];
  }

  /** Stores an evaluation of `slot` made on `day`. */
  store(slot: number, day: number, evaluated: Evaluated): void {
    const at = CELL * slot;
    let effect = this.cells[at + 2]!;
    if (evaluated.outcomes === NO_EFFECT) {
      if (effect !== 0) {
        this.effects.fill(undefined, CONTEXTS * effect, CONTEXTS * effect + CONTEXTS);
        this.freeEffects.push(effect);
        effect = 0;
      }
    } else {
      if (effect === 0) effect = this.freeEffects.pop() ?? this.effects.length / CONTEXTS;
      MEASURE_CONTEXTS.forEach((c, i) => (this.effects[CONTEXTS * effect + i] = evaluated.outcomes[c]));
    }
    this.cells[at] = day;
    this.cells[at + 1] = evaluated.nextChange === NEVER ? OPEN_END : evaluated.nextChange;
    this.cells[at + 2] = effect;
  }
}
