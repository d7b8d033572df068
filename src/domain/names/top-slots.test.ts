import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotScratch, topSlots, type WeightedPostings } from './top-slots.js';

/** What {@link topSlots} must equal: every list summed, ineligible and light slots dropped, a full sort. */
function everyListSummed(lists: readonly WeightedPostings[], k: number, floor: number, groups: Uint8Array, wanted: number): number[] {
  const eligible = (slot: number) => (wanted === 0 ? groups[slot] !== 0 : groups[slot] === wanted);
  const sums = new Map<number, number>();
  for (const { slots, weight } of lists) for (const slot of Array.from(slots)) sums.set(slot, (sums.get(slot) ?? 0) + weight);
  const least = floor * lists.reduce((sum, list) => sum + list.weight, 0);
  return [...sums]
    .filter(([slot, sum]) => eligible(slot) && sum >= least)
    .sort(([a, wa], [b, wb]) => wb - wa || a - b)
    .slice(0, k)
    .map(([slot]) => slot);
}

const SLOTS = 400;
const postings = fc.uniqueArray(fc.integer({ min: 0, max: SLOTS - 1 }), { maxLength: 300 }).map((slots) => slots.sort((a, b) => a - b));
// Whole weights make ties common, so the tie order is tested too; fractional ones are the realistic case.
const weight = fc.oneof(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0.01, max: 12, noNaN: true }));
const lists = fc.array(fc.record({ slots: postings, weight }), { maxLength: 12 });

describe('topSlots', () => {
  it('equals summing every list, for any lists, k, floor and filter', () => {
    const floor = fc.constantFrom(0, 0.1, 0.25, 0.5);
    // Slots in groups 0 (emptied) to 3, and a wanted group (0 for any).
    const groups = fc.uint8Array({ min: 0, max: 3, minLength: SLOTS, maxLength: SLOTS });
    const wanted = fc.integer({ min: 0, max: 3 });
    fc.assert(
      fc.property(lists, fc.integer({ min: 1, max: 320 }), floor, groups, wanted, (given, k, least, slotGroups, group) => {
        const scratch = slotScratch(SLOTS);
        const found = topSlots(given, k, least, { groups: slotGroups, wanted: group }, scratch);
        expect(found).toEqual(everyListSummed(given, k, least, slotGroups, group));
        expect(scratch.weights.every((w) => w === 0)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  /** A long list of every slot from 1, counting how many of its entries are read. */
  function countedList(weight: number): { list: WeightedPostings; reads: () => number } {
    let reads = 0;
    const slots = new Proxy(
      Array.from({ length: 9_999 }, (_v, i) => i + 1),
      { get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)) },
    );
    return { list: { slots, weight }, reads: () => reads };
  }
  const anyGroup = { groups: new Uint8Array(10_000).fill(1), wanted: 0 };

  it('only looks up the seen slots in the long list of a common key when rare keys decide', () => {
    const common = countedList(0.1);
    const rare = { slots: [3, 70, 9_000], weight: 5 };
    expect(topSlots([common.list, rare], 2, 0, anyGroup, slotScratch(10_000))).toEqual([3, 70]);
    expect(common.reads()).toBeLessThan(3 * 15); // three binary searches, not a walk of 9,999
  });

  it('opens no list that could not lift a new slot to the floor', () => {
    const common = countedList(1);
    const rare = { slots: [3, 70, 9_000], weight: 9 };
    expect(topSlots([common.list, rare], 10, 0.2, anyGroup, slotScratch(10_000))).toEqual([3, 70, 9_000]);
    expect(common.reads()).toBeLessThan(3 * 15);
  });
});
