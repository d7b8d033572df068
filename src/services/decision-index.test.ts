/**
 * Property test of the check index against from-scratch evaluation (SPEC §5): random entities and records,
 * random sequences of new entities, new records, corrections, status changes, clock moves and restarts (the index
 * written to a snapshot and loaded), under each demo pack. After every step, for every entity and context, the
 * answer the index gives (re-evaluating lazily when its result no longer holds, as the check service does) must
 * equal `evaluateEntity` on that date — today, a past date and a future date.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Random } from '../domain/demo-data/random.js';
import { compilePack, type CompiledPack } from '../domain/policy/compile.js';
import { fromDay, NEVER, toDay } from '../domain/policy/dates.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { EvaluableRecord, EvaluationInput } from '../domain/policy/model.js';
import { nextChangeDay } from '../domain/policy/next-change.js';
import { MEASURE_CONTEXTS } from '../domain/policy/vocabulary.js';
import { PENALTY_KINDS, REGULATORY_DOMAINS, SEVERITIES, type NodeId } from '../domain/taxonomy.js';
import { loadPack } from '../policy/load-pack.js';
import { DecisionIndex, evaluateForIndex, indexedOutcome, NO_EFFECT } from './decision-index.js';
import { readSnapshot, snapshotBytes } from '../domain/snapshots.js';

const packOf = async (node: NodeId) => compilePack(await loadPack(fileURLToPath(new URL(`../../policies/${node}`, import.meta.url))));
const PACKS = { gd: await packOf('gd'), hk: await packOf('hk'), mo: await packOf('mo') };

/** Ratings the demo packs know, and a few they do not (which must have no effect). */
const RATINGS: readonly [NodeId, string, readonly string[]][] = [
  ['gd', 'cn-tax', ['A', 'B', 'M', 'C', 'D']],
  ['gd', 'cn-customs', ['advanced-certified', 'certified', 'regular', 'dishonest', 'seriously-dishonest']],
  ['gd', 'gd-environment', ['green', 'blue', 'yellow', 'red']],
  ['hk', 'hk-aeo', ['tier-1', 'tier-2', 'tier-3']],
  ['mo', 'mo-aeo', ['a', 'b']],
  ['gd', 'no-such-scheme', ['A']],
];
const START = toDay('2018-06-01');
const SPAN = 9 * 365;

class Generator {
  private seq = 0;
  constructor(private readonly rng: Random) {}

  pick<T>(values: readonly T[]): T {
    return values[this.rng.int(values.length)]!;
  }

  /** A record about `node`'s or a neighbour's affairs, decided around `around`. */
  record(node: NodeId, around: number): EvaluableRecord {
    const { rng } = this;
    // Half of the records fall close to `around`, where notice windows and entry starts are.
    const decided = rng.chance(0.5) ? around - 30 + rng.int(45) : around - 900 + rng.int(1200);
    const id = String(++this.seq);
    const base = {
      id,
      sourceId: `S-${id}`,
      originNode: node,
      domain: this.pick(REGULATORY_DOMAINS),
      authority: this.pick([`${node}-samr`, `${node}-court-sz`, `${node}-tax`, `${node}-customs`, 'hk-devb']),
      decidedOn: fromDay(decided),
      publishedOn: rng.chance(0.2) ? fromDay(decided + rng.int(40)) : undefined,
      status: 'active' as const,
      disputed: false,
    };
    const kind = rng.int(5);
    if (kind === 0) {
      const [origin, scheme, grades] = this.pick(RATINGS);
      return { ...base, originNode: rng.chance(0.8) ? node : origin, category: 'rating', rating: { scheme, grade: this.pick(grades) } };
    }
    if (kind === 1) return { ...base, category: 'court-enforcement', amount: { value: rng.int(500_000), currency: 'CNY' } };
    if (kind === 2) return { ...base, category: this.pick(['disclosure-default', 'commendation', 'license', 'commitment'] as const) };
    return {
      ...base,
      category: 'penalty',
      severity: this.pick(SEVERITIES),
      penaltyKinds: [this.pick(PENALTY_KINDS), ...(rng.chance(0.4) ? [this.pick(PENALTY_KINDS)] : [])],
      amount: { value: rng.int(3_000_000), currency: 'CNY' },
    };
  }

  /** A correction: the record changes status on `day` (expired, repaired, revoked, corrected) or is re-dated. */
  change(record: EvaluableRecord, day: number): EvaluableRecord {
    if (this.rng.chance(0.25)) return { ...record, decidedOn: fromDay(toDay(record.decidedOn) + this.rng.int(200) - 100) };
    return { ...record, status: this.pick(['expired', 'repaired', 'revoked', 'corrected'] as const), statusChangedOn: fromDay(day) };
  }
}

/** A clock move: often a few days (inside notice windows), sometimes years. */
function clockMove(rng: Random): number {
  return rng.chance(0.6) ? 15 : rng.chance(0.5) ? 90 : 900;
}

/** The index's answer on `day`, re-evaluating (and, for today, storing) when its result does not hold. */
function answer(index: DecisionIndex, input: EvaluationInput, day: number, today: number) {
  const slot = index.slotOf(input.entity.id)!;
  const stored = index.outcomesOn(slot, day);
  if (stored) return stored;
  const evaluated = evaluateForIndex(index.pack, input, day);
  if (day === today) index.store(slot, day, evaluated);
  return evaluated.outcomes;
}

function expectSame(pack: CompiledPack, index: DecisionIndex, input: EvaluationInput, day: number, today: number): void {
  const indexed = answer(index, input, day, today);
  const scratch = evaluateEntity(pack, input.entity, input.records, fromDay(day)).contexts;
  for (const c of MEASURE_CONTEXTS) {
    if (JSON.stringify(indexed[c]) !== JSON.stringify(indexedOutcome(scratch[c]))) {
      expect({ entity: input.entity.id, records: input.records, day: fromDay(day), context: c, indexed: indexed[c] }).toEqual({
        entity: input.entity.id,
        records: input.records,
        day: fromDay(day),
        context: c,
        indexed: indexedOutcome(scratch[c]),
      });
    }
  }
}

/** Entity ids are UUIDs, as in the register. */
const entityId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe.each(Object.keys(PACKS) as NodeId[])('check index under the %s pack equals from-scratch evaluation', (node) => {
  const pack = PACKS[node];
  it.each([1, 2, 3, 4])('random imports, corrections, clock moves and restarts (seed %i)', (seed) => {
    const rng = new Random(seed * 7919 + node.length);
    const gen = new Generator(rng);
    let today = START + rng.int(SPAN);
    const entity = (i: number): EvaluationInput => ({
      entity: { id: entityId(i), jurisdiction: pack.pack.manifest.node.toUpperCase() as 'GD' },
      refs: [`uscc:E${i}`],
      records: Array.from({ length: rng.int(4) }, () => gen.record(node, today)),
    });
    const register = Array.from({ length: 40 }, (_, i) => entity(i));
    let index = new DecisionIndex(pack);
    for (const input of register) index.put(input, today);
    for (let step = 0; step < 60; step++) {
      const op = rng.int(6);
      if (op === 0) {
        today += rng.int(clockMove(rng));
      } else if (op === 5) {
        register.push(entity(register.length));
        index.put(register.at(-1)!, today);
      } else if (op === 4) {
        // Written to bytes and loaded, as at a restart: it goes on answering and changing as before.
        index = DecisionIndex.load(pack, readSnapshot(Buffer.concat(snapshotBytes('', index.snapshot()))).snapshot);
      } else {
        const i = rng.int(register.length);
        const input = register[i]!;
        const records =
          op === 1 || input.records.length === 0
            ? [...input.records, gen.record(node, today)]
            : input.records.map((r, k) => (k === rng.int(input.records.length) ? gen.change(r, today) : r));
        register[i] = { ...input, records };
        index.put(register[i]!, today);
      }
      for (const input of register) {
        expect(index.entityIdOf(index.slotOf(input.refs[0]!)!)).toBe(input.entity.id);
        expectSame(pack, index, input, today, today);
        expectSame(pack, index, input, today - 1 - rng.int(1500), today);
        expectSame(pack, index, input, today + 1 + rng.int(1500), today);
      }
    }
  });
});

describe('nextChangeDay', () => {
  it('an entity without records never changes, and shares the no-effect result', () => {
    const pack = PACKS.gd;
    expect(nextChangeDay(pack, [], toDay('2026-01-01'))).toBe(NEVER);
    const index = new DecisionIndex(pack);
    index.put({ entity: { id: entityId(0), jurisdiction: 'GD' }, refs: ['uscc:X'], records: [] }, toDay('2026-01-01'));
    expect(index.outcomesOn(index.slotOf('uscc:X')!, toDay('2099-01-01'))).toBe(NO_EFFECT);
  });

  it('is the first day the evaluation differs, or later than the last day it stays the same', () => {
    const pack = PACKS.gd;
    const gen = new Generator(new Random(99));
    for (let n = 0; n < 300; n++) {
      const day = START + (n * 37) % SPAN;
      const records = [gen.record('gd', day), gen.record('gd', day)];
      const next = nextChangeDay(pack, records, day);
      const at = (d: number) => JSON.stringify(evaluateEntity(pack, { id: 'e', jurisdiction: 'GD' }, records, fromDay(d)).contexts);
      const first = at(day);
      for (let d = day + 1; d < Math.min(next, day + 400); d += d < day + 30 ? 1 : 7) expect(at(d)).toBe(first);
    }
  });
});
