/**
 * Frozen tables held in a few typed arrays each, so that a table of millions of strings or lists costs no
 * JS object per entry: loaded from a file, it is usable at once, and the garbage collector never walks it.
 */

/** Strings numbered from 0: their UTF-16 code units end to end, and where each starts (one more entry, the end). */
export interface StringList {
  readonly text: Uint16Array;
  readonly starts: Uint32Array;
}

/** A {@link StringList} of distinct strings that also finds a string's number: open addressing, linear probing. */
export interface StringTable extends StringList {
  /** A power of two of buckets, each a string's number + 1 (0: empty); never more than half full. */
  readonly buckets: Int32Array;
}

/** Lists of numbers numbered from 0: their values end to end, and where each starts (one more entry, the end). */
export interface NumberLists {
  readonly starts: Uint32Array;
  readonly values: Int32Array;
}

/** @example stringAt(buildStringList(['a', 'bc']), 1) // 'bc' */
export function buildStringList(strings: readonly string[]): StringList {
  const starts = startsOf(strings);
  const text = new Uint16Array(starts[strings.length]!);
  strings.forEach((s, n) => {
    for (let i = 0, at = starts[n]!; i < s.length; i++) text[at + i] = s.charCodeAt(i);
  });
  return { text, starts };
}

/** @example findString(buildStringTable(['a', 'bc']), 'bc') // 1 */
export function buildStringTable(distinct: readonly string[]): StringTable {
  let size = 2;
  while (size < 2 * distinct.length) size *= 2;
  const buckets = new Int32Array(size);
  const mask = size - 1;
  const { text, starts } = buildStringList(distinct);
  for (let n = 0; n < distinct.length; n++) {
    // Hashed from the copy, read in order, rather than from the strings again, scattered on the heap.
    let h = FNV_OFFSET;
    for (let i = starts[n]!; i < starts[n + 1]!; i++) h = fnvStep(h, text[i]!);
    let b = mixed(h) & mask;
    while (buckets[b] !== 0) b = (b + 1) & mask;
    buckets[b] = n + 1;
  }
  return { text, starts, buckets };
}

/** How many strings a list holds. */
export function stringCount(list: StringList): number {
  return list.starts.length - 1;
}

export function stringAt(list: StringList, n: number): string {
  // Strings are short (names, keys, ids): one call, no decoder.
  return String.fromCharCode.apply(null, list.text.subarray(list.starts[n]!, list.starts[n + 1]!) as unknown as number[]);
}

/** The number of `s` in the table, or -1: the string is hashed and compared code unit by code unit, never made. */
export function findString(table: StringTable, s: string): number {
  const { text, starts, buckets } = table;
  const mask = buckets.length - 1;
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  for (let b = mixed(h) & mask; ; b = (b + 1) & mask) {
    const entry = buckets[b]!;
    if (entry === 0) return -1;
    const start = starts[entry - 1]!;
    if (starts[entry]! - start !== s.length) continue;
    let i = 0;
    while (i < s.length && text[start + i] === s.charCodeAt(i)) i++;
    if (i === s.length) return entry - 1;
  }
}

/** @example listAt(buildNumberLists([[1, 2], [], [7]]), 2) // Int32Array [7] */
export function buildNumberLists(lists: readonly ArrayLike<number>[]): NumberLists {
  const starts = startsOf(lists);
  const values = new Int32Array(starts[lists.length]!);
  lists.forEach((list, n) => values.set(list, starts[n]!));
  return { starts, values };
}

/** Where each item starts when they are laid end to end, and where the last ends. */
function startsOf(items: readonly ArrayLike<unknown>[]): Uint32Array {
  const starts = new Uint32Array(items.length + 1);
  for (let n = 0; n < items.length; n++) starts[n + 1] = starts[n]! + items[n]!.length;
  return starts;
}

/** List `n`, a view (no copy). */
export function listAt(lists: NumberLists, n: number): Int32Array {
  return lists.values.subarray(lists.starts[n]!, lists.starts[n + 1]!);
}

/** Strings are hashed with FNV-1a over their UTF-16 code units, its bits then mixed (MurmurHash3's finaliser) so that the low ones pick buckets well. */
const FNV_OFFSET = 0x811c9dc5;

function fnvStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
