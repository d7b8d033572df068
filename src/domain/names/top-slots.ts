/** A blocking key as a query sees it: the name slots filed under it (ascending) and the key's weight. */
export interface WeightedPostings {
  readonly slots: ArrayLike<number>;
  readonly weight: number;
}

/**
 * Which slots may be returned: each slot's group number (a jurisdiction, say; 0 for an emptied slot),
 * and the group wanted (0 for any).
 */
export interface SlotFilter {
  readonly groups: Uint8Array;
  readonly wanted: number;
}

/**
 * Reusable space for {@link topSlots}, one entry per slot: weights, all zero between calls, and room to
 * list the slots a call touches. Typed arrays, because a query over a large index walks lists of tens of
 * thousands of slots.
 */
export interface SlotScratch {
  readonly weights: Float64Array;
  readonly touched: Int32Array;
}

export function slotScratch(slots: number): SlotScratch {
  return { weights: new Float64Array(slots), touched: new Int32Array(slots) };
}

/**
 * The `k` slots with the highest summed weight of the postings they appear in, among those the filter
 * accepts and that reach `floor` (a share of all the lists' weight together); best first, ties by lower
 * slot. The same answer as summing every posting list, found with the MaxScore strategy (Turtle and
 * Flood, 1995): lists are opened shortest (rarest) first, and once `k` slots already outweigh everything
 * the unopened lists could add together, or no slot first seen in them could reach the floor, those lists
 * only add to the slots already seen — by binary search when that is cheaper than a scan. A query of rare
 * keys therefore never walks the long lists of common ones (`科技`, `technology`).
 *
 * @example topSlots([{ slots: [1, 4], weight: 2 }, { slots: [4, 9], weight: 1 }], 2, 0, { groups, wanted: 0 }, slotScratch(10)) // [4, 1]
 */
export function topSlots(lists: readonly WeightedPostings[], k: number, floor: number, filter: SlotFilter, scratch: SlotScratch): number[] {
  const { weights, touched } = scratch;
  const { groups, wanted } = filter;
  const ordered = [...lists].sort((a, b) => a.slots.length - b.slots.length);
  const unopened = new Array<number>(ordered.length + 1).fill(0);
  for (let i = ordered.length - 1; i >= 0; i--) unopened[i] = unopened[i + 1]! + ordered[i]!.weight;
  const least = floor * unopened[0]!;
  // Touched slots fill `touched` from the front, refused ones (weight -Infinity) from the back.
  let seen = 0;
  let refused = touched.length;
  let i = 0;
  for (; i < ordered.length; i++) {
    const rest = unopened[i]!;
    if (rest < least) break;
    // No slot outweighs the lists opened so far, so the (linear) count is worth trying only past that.
    if (seen >= k && unopened[0]! - rest > rest && countAbove(weights, touched, seen, rest, k) >= k) break;
    const { slots, weight } = ordered[i]!;
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j]!;
      const held = weights[slot]!;
      if (held !== 0) weights[slot] = held + weight;
      else if (wanted === 0 ? groups[slot] !== 0 : groups[slot] === wanted) {
        weights[slot] = weight;
        touched[seen++] = slot;
      } else {
        weights[slot] = -Infinity;
        touched[--refused] = slot;
      }
    }
  }
  for (; i < ordered.length; i++) addToSeen(ordered[i]!, touched, seen, weights);
  const best = bestOf(touched, seen, weights, least, k);
  for (let j = 0; j < seen; j++) weights[touched[j]!] = 0;
  for (let j = refused; j < touched.length; j++) weights[touched[j]!] = 0;
  return best;
}

/** How many of the first `seen` touched slots weigh more than `bound`, counting up to `k`. */
function countAbove(weights: Float64Array, touched: Int32Array, seen: number, bound: number, k: number): number {
  let count = 0;
  for (let j = 0; j < seen && count < k; j++) if (weights[touched[j]!]! > bound) count++;
  return count;
}

/** Adds a list's weight to the slots already seen that appear in it: a scan or binary searches. */
function addToSeen({ slots, weight }: WeightedPostings, touched: Int32Array, seen: number, weights: Float64Array): void {
  if (seen * Math.log2(slots.length + 1) < slots.length) {
    for (let j = 0; j < seen; j++) {
      const slot = touched[j]!;
      if (contains(slots, slot)) weights[slot] = weights[slot]! + weight;
    }
  } else {
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j]!;
      const held = weights[slot]!;
      if (held > 0) weights[slot] = held + weight;
    }
  }
}

function contains(sorted: ArrayLike<number>, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = sorted[mid]!;
    if (at === value) return true;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The `k` heaviest of the first `seen` touched slots that reach `least`, best first, ties by lower slot:
 * selections, then a sort of `k`.
 */
function bestOf(touched: Int32Array, seen: number, weights: Float64Array, least: number, k: number): number[] {
  const values = new Float64Array(seen);
  let heavy = 0;
  for (let j = 0; j < seen; j++) {
    const weight = weights[touched[j]!]!;
    if (weight >= least) values[heavy++] = weight;
  }
  const kth = heavy <= k ? least : kthLargest(values.subarray(0, heavy), k);
  const kept: number[] = [];
  const tied: number[] = [];
  for (let j = 0; j < seen; j++) {
    const slot = touched[j]!;
    const weight = weights[slot]!;
    if (weight > kth) kept.push(slot);
    else if (weight === kth) tied.push(slot);
  }
  const room = k - kept.length;
  if (tied.length <= room) kept.push(...tied);
  else {
    // The lowest `room` slots of the tied: the room-th largest of their negations bounds them.
    const negated = new Float64Array(tied.length);
    for (let j = 0; j < tied.length; j++) negated[j] = -tied[j]!;
    const lastTied = -kthLargest(negated, room);
    for (const slot of tied) if (slot <= lastTied) kept.push(slot);
  }
  return kept.sort((a, b) => weights[b]! - weights[a]! || a - b);
}

/** The k-th largest value (k from 1), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, k: number): number {
  const target = k - 1;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let a = lo;
    let b = hi;
    while (a <= b) {
      while (values[a]! > pivot) a++;
      while (values[b]! < pivot) b--;
      if (a <= b) {
        const t = values[a]!;
        values[a++] = values[b]!;
        values[b--] = t;
      }
    }
    if (target <= b) hi = b;
    else if (target >= a) lo = a;
    else return values[target]!;
  }
  return values[target]!;
}
