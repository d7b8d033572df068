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
import { arraysOf, type Snapshot } from '../domain/snapshots.js';
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

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

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
  private ids = new EntityIdTable();
  /** `scheme:value` references → slot. */
  private refs = new KeyTable();
  /**
   * Per slot: the day the result was evaluated on, the first day it may differ ([from, to)), and where its
   * outcomes are: 0 for `NO_EFFECT` (most entities: answered without touching another object), else a number
   * `e` whose outcomes are `effects[CONTEXTS * e + c]` for the context numbered `c` in `MEASURE_CONTEXTS`.
   */
  private cells: Int32Array = new Int32Array(CELL * 1024);
  /** Outcomes by effect number and context, flat, so that a check reaches its outcome in one step. */
  private readonly effects: (IndexedOutcome | undefined)[] = new Array<undefined>(CONTEXTS).fill(undefined);
  /** Effect numbers freed when an entity's outcomes became `NO_EFFECT`. */
  private freeEffects: number[] = [];
  /** For an index loaded from a snapshot: the outcomes not parsed yet, as {@link DecisionIndex.snapshot} wrote them. */
  private unparsed: { numbers: Int32Array; ends: Int32Array; texts: Uint8Array } | undefined;

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
      const bigger = new Int32Array(Math.max(CELL * 1024, 2 * this.cells.length));
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
    return Object.fromEntries(MEASURE_CONTEXTS.map((c, i) => [c, this.outcomeAt(CONTEXTS * effect + i)!])) as ContextOutcomes;
  }

  /**
   * The stored outcome of `slot` in the context numbered `context` (its place in `MEASURE_CONTEXTS`) if it holds
   * on `day`: the check's path, which reads no more than it answers with.
   */
  outcomeOn(slot: number, day: number, context: number): IndexedOutcome | undefined {
    const at = CELL * slot;
    if (day < this.cells[at]! || day >= this.cells[at + 1]!) return undefined;
    const effect = this.cells[at + 2]!;
    return effect === 0 ? NOTHING_APPLIES : this.outcomeAt(CONTEXTS * effect + context);
  }

  /**
   * The index as its snapshot file holds it: ids, references and cells as they are, and the outcomes of entities
   * with an effect as JSON, each distinct outcome once however many contexts or entities share it: per effect and
   * context the outcome's number (0 for nothing applies, -1 for a freed effect), the outcomes' texts end to end
   * and where each ends.
   */
  snapshot(): Snapshot {
    const numbers = new Map<string, number>();
    const texts: string[] = [];
    const cells = new Int32Array(this.effects.length);
    for (let i = 0; i < cells.length; i++) {
      const text = this.outcomeText(i);
      if (typeof text === 'number') cells[i] = text;
      else {
        let number = numbers.get(text);
        if (number === undefined) numbers.set(text, (number = texts.push(text)));
        cells[i] = number;
      }
    }
    const encoded = texts.map((text) => UTF8_ENCODER.encode(text));
    const ends = new Int32Array(encoded.length + 1);
    encoded.forEach((bytes, n) => (ends[n + 1] = ends[n]! + bytes.length));
    const joined = new Uint8Array(ends[encoded.length]!);
    encoded.forEach((bytes, n) => joined.set(bytes, ends[n]!));
    const ids = this.ids.snapshot();
    const refs = this.refs.snapshot();
    return {
      meta: { pack: this.pack.version, refsOutside: refs.others, freeEffects: this.freeEffects },
      arrays: [ids.ids, ids.table, refs.table, this.cells.subarray(0, CELL * this.ids.size), cells, ends, joined],
    };
  }

  /**
   * The index a {@link DecisionIndex.snapshot} holds, for `pack` (the one it was written under), its arrays used in
   * place. Outcomes are parsed when a check first reaches them, so loading costs no more than reading the file.
   */
  static load(pack: CompiledPack, snapshot: Snapshot): DecisionIndex {
    const what = 'a check index snapshot';
    const [ids, idTable, refs, cells, numbers, ends, texts] = arraysOf(snapshot, [Uint32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Uint8Array], what);
    const { meta } = snapshot;
    if (meta['pack'] !== pack.version) throw new Error(`${what} of pack ${String(meta['pack'])}, not ${pack.version}`);
    const index = new DecisionIndex(pack);
    index.ids = EntityIdTable.load({ ids, table: idTable });
    index.refs = KeyTable.load({ table: refs, others: meta['refsOutside'] as [string, number][] });
    index.cells = cells;
    index.freeEffects = meta['freeEffects'] as number[];
    index.effects.length = numbers.length;
    index.unparsed = { numbers, ends, texts };
    return index;
  }

  /** The outcome in `effects[i]`, parsed from the snapshot the index was loaded from if it has not been yet. */
  private outcomeAt(i: number): IndexedOutcome | undefined {
    const held = this.effects[i];
    if (held !== undefined) return held;
    const text = this.outcomeText(i);
    if (typeof text === 'number') return text === 0 ? NOTHING_APPLIES : undefined;
    return (this.effects[i] = JSON.parse(text) as IndexedOutcome);
  }

  /** `effects[i]` as a snapshot writes it: -1 for a freed effect, 0 for nothing applies, else the outcome's JSON. */
  private outcomeText(i: number): string | 0 | -1 {
    const held = this.effects[i];
    if (held === undefined && this.unparsed && i < this.unparsed.numbers.length) {
      const { numbers, ends, texts } = this.unparsed;
      const number = numbers[i]!;
      return number > 0 ? UTF8_DECODER.decode(texts.subarray(ends[number - 1], ends[number])) : number === 0 ? 0 : -1;
    }
    return held === undefined ? -1 : held === NOTHING_APPLIES ? 0 : JSON.stringify(held);
  }

  /** Stores an evaluation of `slot` made on `day`. */
  store(slot: number, day: number, evaluated: Evaluated): void {
    const at = CELL * slot;
    let effect = this.cells[at + 2]!;
    if (evaluated.outcomes === NO_EFFECT) {
      if (effect !== 0) {
        this.effects.fill(undefined, CONTEXTS * effect, CONTEXTS * effect + CONTEXTS);
        this.unparsed?.numbers.fill(-1, CONTEXTS * effect, CONTEXTS * effect + CONTEXTS);
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
