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
 * share one frozen result, ids and validity spans live in typed arrays, and one packed `KeyTable` takes both internal
 * ids and `scheme:value` references (they cannot collide: ids have no colon) to a slot number.
 */
import type { CompiledPack } from '../domain/policy/compile.js';
import { fromDay, NEVER } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import { NOTHING_APPLIES } from '../domain/policy/measures.js';
import type { AppliedMeasure, ContextOutcome, EvaluationInput } from '../domain/policy/model.js';
import { nextChangeDay } from '../domain/policy/next-change.js';
import { MEASURE_CONTEXTS, type Decision, type MeasureContext } from '../domain/policy/vocabulary.js';
import { KeyTable } from './key-table.js';

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
  /** Internal ids and `scheme:value` references → slot. */
  private readonly slots = new KeyTable();
  /** Slot → internal id, as four 32-bit words of the UUID. */
  private ids: Uint32Array = new Uint32Array(4 * 1024);
  /**
   * Per slot: the day the result was evaluated on, the first day it may differ ([from, to)), and where its
   * outcomes are: 0 for `NO_EFFECT` (most entities: answered without touching another object), else an index
   * into `effects`.
   */
  private cells: Int32Array = new Int32Array(CELL * 1024);
  private readonly effects: (ContextOutcomes | undefined)[] = [undefined];
  /** Indexes of `effects` freed when an entity's outcomes became `NO_EFFECT`. */
  private readonly freeEffects: number[] = [];
  private count = 0;

  /** @param pack the pack every result of this index was evaluated under. */
  constructor(readonly pack: CompiledPack) {}

  /** Number of entities indexed. */
  get size(): number {
    return this.count;
  }

  /**
   * Evaluates `input` on `day` and stores the result; registers the entity's id and references.
   * References an entity no longer has keep pointing at it until the index is rebuilt.
   */
  put(input: EvaluationInput, day: number): void {
    const id = input.entity.id;
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.count++;
      if (CELL * this.count > this.cells.length) this.cells = grow(this.cells, 2 * this.cells.length);
      if (4 * this.count > this.ids.length) this.ids = grow(this.ids, 2 * this.ids.length);
      packUuid(id, this.ids, 4 * slot);
      this.slots.set(id, slot);
    }
    for (const ref of input.refs) this.slots.set(ref, slot);
    this.store(slot, day, evaluateForIndex(this.pack, input, day));
  }

  /** The slot of an entity by internal id or `scheme:value` reference (normalised), if indexed. */
  slotOf(key: string): number | undefined {
    return this.slots.get(key);
  }

  /** The internal id of the entity in `slot`. */
  entityIdOf(slot: number): string {
    return unpackUuid(this.ids, 4 * slot);
  }

  /** The stored outcomes of `slot` if they hold on `day`; undefined when the entity must be re-evaluated. */
  outcomesOn(slot: number, day: number): ContextOutcomes | undefined {
    const at = CELL * slot;
    if (day < this.cells[at]! || day >= this.cells[at + 1]!) return undefined;
    const effect = this.cells[at + 2]!;
    return effect === 0 ? NO_EFFECT : this.effects[effect];
  }

  /** Stores an evaluation of `slot` made on `day`. */
  store(slot: number, day: number, evaluated: Evaluated): void {
    const at = CELL * slot;
    let effect = this.cells[at + 2]!;
    if (evaluated.outcomes === NO_EFFECT) {
      if (effect !== 0) {
        this.effects[effect] = undefined;
        this.freeEffects.push(effect);
        effect = 0;
      }
    } else {
      if (effect === 0) effect = this.freeEffects.pop() ?? this.effects.push(undefined) - 1;
      this.effects[effect] = evaluated.outcomes;
    }
    this.cells[at] = day;
    this.cells[at + 1] = evaluated.nextChange === NEVER ? OPEN_END : evaluated.nextChange;
    this.cells[at + 2] = effect;
  }
}

function grow(array: Int32Array, size: number): Int32Array;
function grow(array: Uint32Array, size: number): Uint32Array;
function grow(array: Int32Array | Uint32Array, size: number): Int32Array | Uint32Array {
  const bigger = array instanceof Int32Array ? new Int32Array(size) : new Uint32Array(size);
  bigger.set(array);
  return bigger;
}

/** Writes a UUID (`8-4-4-4-12` hex) as four 32-bit words at `at`. */
function packUuid(id: string, into: Uint32Array, at: number): void {
  const hex = id.replace(/-/g, '');
  for (let w = 0; w < 4; w++) into[at + w] = Number.parseInt(hex.slice(8 * w, 8 * w + 8), 16);
}

function unpackUuid(from: Uint32Array, at: number): string {
  const hex = Array.from(from.subarray(at, at + 4), (w) => w.toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
