import { formatIdentifier } from '../identifiers/index.js';
import type { Snapshot, SnapshotArray } from '../snapshots.js';
import { buildNumberLists, buildStringList, buildStringTable, findString, listAt, stringAt, stringCount, type NumberLists, type StringTable } from './frozen-tables.js';
import { BASE_SHAPE, baseEntityCount, baseEntityIdentifiers, baseEntitySlots, encodeName, type NameBase, type NameBaseArrays } from './name-base.js';
import { concatenated, createNameIndex, firstLiveSlot, slotCount, type NameIndex } from './name-index.js';

const FORMAT = 'credence-name-index';
/** Raised whenever the arrays or the name encoding change: an older snapshot is refused, and the index rebuilt. */
const VERSION = 1;

type Shape = { readonly [part: string]: (new (length: number) => SnapshotArray) | Shape };

/**
 * The index as a snapshot: all of it, base and live parts, becomes the base of the index loaded from it.
 * Emptied slots are kept (and stay empty), so the loaded index answers exactly as this one does; a
 * rebuild from the database drops them. It reads every name, key and identifier once: about 12 s for
 * 1.77 million names on one slow core, mostly in visiting millions of small objects scattered on the heap —
 * unless nothing changed since the index was loaded, when the loaded arrays are the snapshot.
 *
 * @example loadNameIndex(snapshotNameIndex(index)) // answers every search as `index` does
 */
export function snapshotNameIndex(index: NameIndex): Snapshot {
  const { base } = index;
  const meta = { format: FORMAT, version: VERSION, jurisdictions: [...index.jurisdictions.keys()] };
  if (base && unchanged(index, base)) {
    // A restart with nothing changed costs no more than writing the file.
    const out: SnapshotArray[] = [index.slotJurisdictions.subarray(0, slotCount(index))];
    flatten(BASE_SHAPE, base.arrays, out);
    return { meta, arrays: out };
  }
  const entities = [...heldEntities(index)];
  const entityIds = buildStringTable(entities.map((e) => e.id));
  const slotJurisdictions = index.slotJurisdictions.slice(0, slotCount(index));
  const slotEntities = new Int32Array(slotJurisdictions.length).fill(-1);
  entities.forEach(({ slots }, n) => {
    for (let i = 0; i < slots.length; i++) slotEntities[slots[i]!] = n;
  });
  const names = Array.from(slotEntities, (entity, at) => (entity < 0 ? '' : encodedName(index, at)));

  // Base keys keep their numbers (they come first, in order), so the base's typo lists hold good.
  const postings = joined(base?.arrays.keys, base?.arrays.postings, index.postings, (slots) => slots);
  const keys = buildStringTable(postings.keys);
  const typos = joined(base?.arrays.variants, base?.arrays.variantKeys, index.typoWords, (words) => words.map((word) => findString(keys, `w:${word}`)));
  // Numbered as they are first met, by a map, not by searches in the table: see joined.
  const identifierNumbers = new Map<string, number>();
  for (const e of entities) for (const key of e.identifiers) if (!identifierNumbers.has(key)) identifierNumbers.set(key, identifierNumbers.size);
  const identifiers = buildStringTable([...identifierNumbers.keys()]);
  const arrays: NameBaseArrays = {
    slotEntities,
    names: buildStringList(names),
    keys,
    postings: buildNumberLists(postings.lists),
    variants: buildStringTable(typos.keys),
    variantKeys: buildNumberLists(typos.lists),
    identifiers,
    identifierEntities: identifierOwners(index, identifierNumbers, entityIds),
    entityIds,
    entityJurisdictions: Uint8Array.from(entities, (e) => e.jurisdiction),
    entitySlots: buildNumberLists(entities.map((e) => e.slots)),
    entityIdentifiers: buildNumberLists(entities.map((e) => e.identifiers.map((key) => identifierNumbers.get(key)!))),
  };
  const out: SnapshotArray[] = [slotJurisdictions];
  flatten(BASE_SHAPE, arrays, out);
  return { meta, arrays: out };
}

/** Whether nothing was indexed, removed or re-filed since `base` was loaded. */
function unchanged(index: NameIndex, base: NameBase): boolean {
  return index.names.length === 0 && index.entities.size === 0 && index.identifiers.size === 0 && base.gone.size === 0 && base.hiddenIdentifiers.size === 0;
}

/**
 * The index a snapshot holds, over its arrays as they are (the index owns them from now on: updates
 * write to the slots' jurisdictions). No per-name or per-key object is made: that happens for the few
 * names a search scores.
 *
 * @throws Error when `snapshot` is not a name index snapshot of this format version.
 */
export function loadNameIndex(snapshot: Snapshot): NameIndex {
  const { meta, arrays } = snapshot;
  if (meta['format'] !== FORMAT || meta['version'] !== VERSION || !Array.isArray(meta['jurisdictions'])) {
    throw new Error(`not a name index snapshot of format version ${VERSION} (format ${String(meta['format'])}, version ${String(meta['version'])})`);
  }
  const [slotJurisdictions, ...rest] = arrays;
  const next = { at: 0 };
  const frozen = inflate(BASE_SHAPE, rest, next) as unknown as NameBaseArrays;
  if (!(slotJurisdictions instanceof Uint8Array) || next.at !== rest.length || slotJurisdictions.length !== frozen.slotEntities.length) {
    throw new Error('name index snapshot: its arrays do not fit together');
  }
  const base: NameBase = { arrays: frozen, jurisdictions: meta['jurisdictions'] as string[], gone: new Set(), hiddenIdentifiers: new Set() };
  return createNameIndex(base, slotJurisdictions);
}

/** An entity as the snapshot files it: id, jurisdiction number, name slots and identifier keys. */
interface HeldEntity {
  readonly id: string;
  readonly jurisdiction: number;
  readonly slots: ArrayLike<number>;
  readonly identifiers: readonly string[];
}

/** Every entity the index holds, the base's (not gone) first, read without decoding their names. */
function* heldEntities(index: NameIndex): Generator<HeldEntity> {
  const { base } = index;
  for (let n = 0; base && n < baseEntityCount(base); n++) {
    if (base.gone.has(n)) continue;
    const id = stringAt(base.arrays.entityIds, n);
    yield { id, jurisdiction: base.arrays.entityJurisdictions[n]!, slots: baseEntitySlots(base, n), identifiers: baseEntityIdentifiers(base, n) };
  }
  for (const [id, { entity, slots }] of index.entities) {
    yield { id, jurisdiction: index.jurisdictions.get(entity.jurisdiction)!, slots, identifiers: entity.identifiers.map(formatIdentifier) };
  }
}

/** A live slot's name, encoded; a base one as it is. */
function encodedName(index: NameIndex, at: number): string {
  const first = firstLiveSlot(index);
  return index.base && at < first ? stringAt(index.base.arrays.names, at) : encodeName(index.names[at - first]!.analysed);
}

/**
 * A base table's keys, then those only the live map has, each with its base list then its live values
 * as numbers. The live map is walked, not searched: a search per key in a map of millions costs a cache
 * miss or more each, and the snapshot seconds.
 */
function joined<T>(
  table: StringTable | undefined,
  lists: NumberLists | undefined,
  live: ReadonlyMap<string, readonly T[]>,
  numbers: (values: readonly T[]) => readonly number[],
): { keys: string[]; lists: ArrayLike<number>[] } {
  const out: { keys: string[]; lists: ArrayLike<number>[] } = { keys: [], lists: [] };
  const add = (key: string, frozen: Int32Array | undefined, values: readonly T[] | undefined) => {
    out.keys.push(key);
    out.lists.push(concatenated(frozen, values && numbers(values)) ?? []);
  };
  for (let n = 0; table && lists && n < stringCount(table); n++) {
    const key = stringAt(table, n);
    add(key, listAt(lists, n), live.get(key));
  }
  for (const [key, values] of live) if (!table || findString(table, key) < 0) add(key, undefined, values);
  return out;
}

/** Per identifier numbered in `numbers`, the number of its owner in `entityIds` (-1: none): what `identifierOwner` answers, in bulk. */
function identifierOwners(index: NameIndex, numbers: ReadonlyMap<string, number>, entityIds: StringTable): Int32Array {
  const owners = new Int32Array(numbers.size).fill(-1);
  const { base } = index;
  for (let n = 0; base && n < stringCount(base.arrays.identifiers); n++) {
    const key = stringAt(base.arrays.identifiers, n);
    const owner = base.arrays.identifierEntities[n]!;
    if (owner >= 0 && !base.hiddenIdentifiers.has(key)) owners[numbers.get(key)!] = findString(entityIds, stringAt(base.arrays.entityIds, owner));
  }
  // Live keys after the base's: where both have one, the live one holds.
  for (const [key, owner] of index.identifiers) owners[numbers.get(key)!] = findString(entityIds, owner);
  return owners;
}

/** Appends the typed arrays of `value` to `out` in the order of `shape`. */
function flatten(shape: Shape, value: object, out: SnapshotArray[]): void {
  for (const [name, part] of Object.entries(shape)) {
    const field = (value as Record<string, unknown>)[name];
    if (typeof part === 'function') out.push(field as SnapshotArray);
    else flatten(part, field as object, out);
  }
}

/** The object of `shape` over `arrays` from `next.at` on, checking each array's kind. */
function inflate(shape: Shape, arrays: readonly SnapshotArray[], next: { at: number }): object {
  const value: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(shape)) {
    if (typeof part !== 'function') value[name] = inflate(part, arrays, next);
    else if (arrays[next.at] instanceof part) value[name] = arrays[next.at++];
    else throw new Error(`name index snapshot: array ${next.at} (${name}) is not a ${part.name}`);
  }
  return value;
}
