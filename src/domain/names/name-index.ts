import { DEFAULT_IDENTIFIER_RULES, formatIdentifier, identifierCandidates, type Identifier, type IdentifierRules } from '../identifiers/index.js';
import { analyseName } from './analyse.js';
import { nameKeys, typoVariants } from './keys.js';
import {
  baseEntity,
  baseEntityCount,
  baseEntityIdentifiers,
  baseEntitySlots,
  baseIdentifierOwner,
  baseName,
  basePostings,
  baseSlotCount,
  baseTypoWords,
  liveBaseEntity,
  liveBaseEntityIds,
  type NameBase,
} from './name-base.js';
import { prepareQuery, scorePrepared } from './similarity.js';
import { slotScratch, topSlots, type SlotScratch } from './top-slots.js';
import type { AnalysedName, NameLang } from './types.js';

/** An entity as search sees it: its names in every script and its identifiers. */
export interface SearchableEntity {
  readonly id: string;
  readonly jurisdiction: string;
  readonly names: ReadonlyArray<{ readonly value: string; readonly lang?: NameLang }>;
  readonly identifiers: ReadonlyArray<{ readonly scheme: string; readonly value: string }>;
}

/**
 * An in-memory blocking index: analysed names, key → name postings, and exact identifiers. It is kept
 * current with {@link indexEntities} and {@link removeEntities}: a re-indexed entity's old name slots are
 * emptied and skipped by searches, so updates never rewrite posting lists.
 *
 * An index loaded from a snapshot has a frozen `base` (typed arrays, slots from 0) under the live maps
 * below, which then hold only what was indexed since (slots after the base's); every lookup reads both.
 * An index built from entities has no base.
 */
export interface NameIndex {
  readonly base: NameBase | undefined;
  /** The live names: slot `i` of the base's count + `i`; `undefined` once emptied. */
  readonly names: Array<{ readonly entityId: string; readonly analysed: AnalysedName } | undefined>;
  /**
   * Per name slot, base ones included, what a search filters on without reading the name: its
   * jurisdiction's number in `jurisdictions` (from 1), or 0 once the slot is emptied. Grown (replaced) as
   * names are added.
   */
  slotJurisdictions: Uint8Array;
  readonly jurisdictions: Map<string, number>;
  readonly postings: Map<string, number[]>;
  /** {@link typoVariants} of every Latin word filed (`w:`) → those words: where a misspelt query word finds them. */
  readonly typoWords: Map<string, string[]>;
  /** Normalised `scheme:value` → entity id. */
  readonly identifiers: Map<string, string>;
  /** Each entity indexed live and the name slots it occupies. */
  readonly entities: Map<string, { readonly entity: SearchableEntity; readonly slots: readonly number[] }>;
}

/** One ranked hit: the entity, its best name score and why. */
export interface SearchHit {
  readonly entityId: string;
  readonly score: number;
  readonly name: string;
  readonly explanation: readonly string[];
}

/** Restricts a search to one jurisdiction (`GD`, `HK`, `MO`). */
export interface SearchFilter {
  readonly jurisdiction?: string;
}

/** A filter, and the identifier rules that tell identifier-shaped queries (the defaults when absent). */
export interface SearchOptions extends SearchFilter {
  readonly identifierRules?: IdentifierRules;
}

/** How many names, fetched by shared keys, are scored per query; enough for every distractor family. */
const CANDIDATES_SCORED = 300;

/**
 * A name sharing less than this share of the query's key weight is no candidate: it shares only common
 * keys (`科技`, `建筑工程`, `trading`) and could only score low, yet a large register holds a hundred
 * thousand such names. Every labelled query ranks the same from 0.2 to 0.4 (docs/search.md).
 */
const CANDIDATE_FLOOR = 0.3;

/** An empty index, to fill with {@link indexEntities}; or one over a loaded `base` and its slots' jurisdictions. */
export function createNameIndex(base?: NameBase, slotJurisdictions: Uint8Array = new Uint8Array(1024)): NameIndex {
  const jurisdictions = new Map(base?.jurisdictions.map((name, i) => [name, i + 1]));
  return { base, names: [], slotJurisdictions, jurisdictions, postings: new Map(), typoWords: new Map(), identifiers: new Map(), entities: new Map() };
}

/**
 * Analyses every name once and files it under its {@link nameKeys}; identifiers are filed under their
 * normalised `scheme:value`.
 *
 * @example buildNameIndex([{ id: 'e1', jurisdiction: 'HK', names: [{ value: '恆生銀行有限公司' }], identifiers: [] }])
 */
export function buildNameIndex(entities: readonly SearchableEntity[]): NameIndex {
  const index = createNameIndex();
  indexEntities(index, entities);
  return index;
}

/**
 * Adds `entities` to the index, or replaces what it held for them. An entity whose names and identifiers
 * are unchanged is left as it is, so that re-indexing after a records-only change costs a comparison.
 */
export function indexEntities(index: NameIndex, entities: Iterable<SearchableEntity>): void {
  const first = firstLiveSlot(index);
  for (const entity of entities) {
    const held = indexedEntity(index, entity.id);
    if (held && sameSearchableContent(held, entity)) continue;
    if (held) removeEntities(index, [entity.id]);
    for (const id of entity.identifiers) index.identifiers.set(formatIdentifier(id), entity.id);
    const slots: number[] = [];
    const jurisdiction = jurisdictionNumber(index, entity.jurisdiction);
    for (const name of entity.names) {
      const analysed = analyseName(name.value, name.lang);
      const at = first + index.names.push({ entityId: entity.id, analysed }) - 1;
      if (at === index.slotJurisdictions.length) {
        const grown = new Uint8Array(Math.max(1024, 2 * at));
        grown.set(index.slotJurisdictions);
        index.slotJurisdictions = grown;
      }
      index.slotJurisdictions[at] = jurisdiction;
      slots.push(at);
      for (const key of nameKeys(analysed)) {
        const list = index.postings.get(key);
        if (list) list.push(at);
        else {
          index.postings.set(key, [at]);
          if (key.startsWith('w:') && !(index.base && basePostings(index.base, key))) fileTypoVariants(index, key.slice(2));
        }
      }
    }
    index.entities.set(entity.id, { entity, slots });
  }
}

/** Takes entities out of the index (their name slots are emptied, their identifiers dropped). */
export function removeEntities(index: NameIndex, entityIds: Iterable<string>): void {
  for (const entityId of entityIds) {
    const keys = index.entities.has(entityId) ? removeLive(index, entityId) : removeFromBase(index, entityId);
    for (const key of keys) {
      if (identifierOwner(index, key) !== entityId) continue;
      index.identifiers.delete(key);
      // Nor does the base's owner of the key, if any, hold it any longer.
      index.base?.hiddenIdentifiers.add(key);
    }
  }
}

/** Empties a live entity's slots and forgets it; its identifier keys. */
function removeLive(index: NameIndex, entityId: string): string[] {
  const { entity, slots } = index.entities.get(entityId)!;
  const first = firstLiveSlot(index);
  for (const at of slots) {
    index.names[at - first] = undefined;
    index.slotJurisdictions[at] = 0;
  }
  index.entities.delete(entityId);
  return entity.identifiers.map(formatIdentifier);
}

/** Empties a base entity's slots and marks it gone; its identifier keys (none when the base holds no such entity). */
function removeFromBase(index: NameIndex, entityId: string): string[] {
  const { base } = index;
  const n = base ? liveBaseEntity(base, entityId) : -1;
  if (!base || n < 0) return [];
  for (const at of baseEntitySlots(base, n)) index.slotJurisdictions[at] = 0;
  base.gone.add(n);
  return baseEntityIdentifiers(base, n);
}

/** Files a word new to the index under its typo variants. */
function fileTypoVariants(index: NameIndex, word: string): void {
  for (const variant of typoVariants(word)) {
    const words = index.typoWords.get(variant);
    if (words) words.push(word);
    else index.typoWords.set(variant, [word]);
  }
}

function jurisdictionNumber(index: NameIndex, jurisdiction: string): number {
  let number = index.jurisdictions.get(jurisdiction);
  if (number === undefined) {
    number = index.jurisdictions.size + 1;
    if (number > 255) throw new Error('a name index holds at most 255 jurisdictions');
    index.jurisdictions.set(jurisdiction, number);
  }
  return number;
}

function sameSearchableContent(a: SearchableEntity, b: SearchableEntity): boolean {
  const text = (e: SearchableEntity) =>
    JSON.stringify([e.jurisdiction, e.names.map((n) => [n.value, n.lang]), e.identifiers.map((i) => [i.scheme, i.value])]);
  return text(a) === text(b);
}

/**
 * Ranks entities for a free-text query: an identifier-shaped query (any scheme, spaces, hyphens or
 * full-width characters) resolves exactly; otherwise names sharing blocking keys are pre-ranked by the
 * rarity of the keys they share, the best few hundred scored with {@link scorePrepared}, and each entity
 * keeps its best-scoring name.
 *
 * @example searchNames(index, '腾讯科技', 10)[0] // { entityId: …, score: 1, explanation: [...] }
 */
export function searchNames(index: NameIndex, query: string, limit: number, options: SearchOptions = {}): SearchHit[] {
  const rules = options.identifierRules ?? DEFAULT_IDENTIFIER_RULES;
  // People paste codes grouped with spaces (`9144 0300 …`); a query that is only a code is tried compacted too.
  const compact = query.normalize('NFKC').replace(/\s+/g, '');
  const attempts = compact === query ? [query] : [query, compact];
  const exact = findByIdentifiers(
    index,
    attempts.flatMap((q) => identifierCandidates(q, rules)),
    options,
  ).map(({ entityId, identifier }) => ({ entityId, score: 1, name: query, explanation: [identifierExplanation(identifier)] }));
  if (exact.length > 0) return exact.slice(0, limit);
  return rankNames(index, analyseName(query), limit, options);
}

/**
 * The entities holding any of `identifiers` exactly (each entity once, in the order given).
 *
 * @example findByIdentifiers(index, [{ scheme: 'hk-brn', value: '12345678' }]) // [{ entityId: 'e1', identifier: 'hk-brn:12345678' }]
 */
export function findByIdentifiers(
  index: NameIndex,
  identifiers: readonly Identifier[],
  filter: SearchFilter = {},
): { entityId: string; identifier: string }[] {
  const found = new Map<string, string>();
  for (const identifier of identifiers) {
    const key = formatIdentifier(identifier);
    const entityId = identifierOwner(index, key);
    if (entityId && !found.has(entityId) && passes(index, entityId, filter)) found.set(entityId, key);
  }
  return [...found].map(([entityId, identifier]) => ({ entityId, identifier }));
}

/** The explanation of an exact identifier hit. */
export function identifierExplanation(identifier: string): string {
  return `identifier ${identifier} matches exactly`;
}

/** Ranks entities by their best-scoring name against an analysed query name, best first. */
export function rankNames(index: NameIndex, query: AnalysedName, limit: number, filter: SearchFilter = {}): SearchHit[] {
  const prepared = prepareQuery(query);
  const best = new Map<string, { score: number; analysed: AnalysedName }>();
  for (const at of candidateNames(index, query, filter)) {
    const { entityId, analysed } = nameAt(index, at);
    const score = scorePrepared(prepared, analysed);
    const seen = best.get(entityId);
    if (score > 0 && (!seen || score > seen.score)) best.set(entityId, { score, analysed });
  }
  return [...best]
    .sort(([a, x], [b, y]) => y.score - x.score || a.localeCompare(b))
    .slice(0, limit)
    .map(([entityId, { score, analysed }]) => {
      const explanation: string[] = [];
      scorePrepared(prepared, analysed, explanation);
      return { entityId, score, name: analysed.original, explanation };
    });
}

function passes(index: NameIndex, entityId: string, filter: SearchFilter): boolean {
  return filter.jurisdiction === undefined || indexedEntity(index, entityId)?.jurisdiction === filter.jurisdiction;
}

/**
 * Live names sharing keys with the query, best first by the summed rarity (idf) of the shared keys; a
 * query word also fetches the names holding its typo neighbours, the indexed words that share a
 * {@link typoVariants} entry with it. A word that at least {@link CANDIDATES_SCORED} names contain is
 * taken as spelled right and not expanded.
 */
function candidateNames(index: NameIndex, query: AnalysedName, filter: SearchFilter): number[] {
  const keys = new Set(nameKeys(query));
  for (const word of query.script === 'latin' ? query.words : []) {
    if ((postingsOf(index, `w:${word}`)?.length ?? 0) >= CANDIDATES_SCORED) continue;
    for (const variant of typoVariants(word)) for (const neighbour of typoWordsOf(index, variant)) keys.add(`w:${neighbour}`);
  }
  const total = slotCount(index);
  const lists = [];
  for (const key of keys) {
    const slots = postingsOf(index, key);
    if (slots) lists.push({ slots, weight: Math.log(1 + total / slots.length) });
  }
  // -1: a jurisdiction no name has, so no slot is eligible.
  const wanted = filter.jurisdiction === undefined ? 0 : (index.jurisdictions.get(filter.jurisdiction) ?? -1);
  return topSlots(lists, CANDIDATES_SCORED, CANDIDATE_FLOOR, { groups: index.slotJurisdictions, wanted }, scratchOf(index));
}

const scratches = new WeakMap<NameIndex, SlotScratch>();

/** The index's scratch space for {@link topSlots}, as large as its slot capacity. */
function scratchOf(index: NameIndex): SlotScratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.weights.length < index.slotJurisdictions.length) {
    scratch = slotScratch(index.slotJurisdictions.length);
    scratches.set(index, scratch);
  }
  return scratch;
}

/** The first slot of the live names: the base's slot count. */
export function firstLiveSlot(index: NameIndex): number {
  return index.base ? baseSlotCount(index.base) : 0;
}

/** Every name slot, emptied ones included: what a key's rarity is measured against. */
export function slotCount(index: NameIndex): number {
  return firstLiveSlot(index) + index.names.length;
}

/** The name in a slot that is not emptied. */
function nameAt(index: NameIndex, at: number): { readonly entityId: string; readonly analysed: AnalysedName } {
  const first = firstLiveSlot(index);
  return at < first ? baseName(index.base!, at) : index.names[at - first]!;
}

/** The slots filed under `key`, ascending: the base's, then the live ones (copied together only when both have some). */
function postingsOf(index: NameIndex, key: string): ArrayLike<number> | undefined {
  return concatenated(index.base && basePostings(index.base, key), index.postings.get(key));
}

/** A base list then a live one: either when the other is absent or empty, else a copy of both. */
export function concatenated(frozen: Int32Array | undefined, live: readonly number[] | undefined): ArrayLike<number> | undefined {
  if (!live || live.length === 0) return frozen ?? live;
  if (!frozen || frozen.length === 0) return live;
  const both = new Int32Array(frozen.length + live.length);
  both.set(frozen);
  both.set(live, frozen.length);
  return both;
}

/** The words with typo variant `variant`, in the order they were filed: the base's, then the live ones. */
function typoWordsOf(index: NameIndex, variant: string): readonly string[] {
  const live = index.typoWords.get(variant) ?? [];
  return index.base ? [...baseTypoWords(index.base, variant), ...live] : live;
}

/** The id of the entity identifier `key` (`scheme:value`) finds. */
function identifierOwner(index: NameIndex, key: string): string | undefined {
  return index.identifiers.get(key) ?? (index.base && baseIdentifierOwner(index.base, key));
}

/**
 * An indexed entity as it was indexed (a base one rebuilt from its names and identifiers).
 *
 * @example indexedEntity(index, 'e1')?.names[0]?.value // '恆生銀行有限公司'
 */
export function indexedEntity(index: NameIndex, entityId: string): SearchableEntity | undefined {
  const held = index.entities.get(entityId)?.entity;
  if (held || !index.base) return held;
  const n = liveBaseEntity(index.base, entityId);
  return n < 0 ? undefined : baseEntity(index.base, n);
}

/** The ids of the indexed entities: the base's, then the live ones. */
export function* indexedEntityIds(index: NameIndex): Generator<string> {
  if (index.base) yield* liveBaseEntityIds(index.base);
  yield* index.entities.keys();
}

/** The names not emptied, with their entity, in slot order. */
export function* indexedNames(index: NameIndex): Generator<{ readonly entityId: string; readonly analysed: AnalysedName }> {
  const slots = slotCount(index);
  for (let at = 0; at < slots; at++) if (index.slotJurisdictions[at] !== 0) yield nameAt(index, at);
}

/**
 * How many entities the index holds, and how many name slots (a re-indexed entity's old names
 * included: they are emptied, not taken out).
 */
export function indexCounts(index: NameIndex): { entities: number; names: number } {
  const base = index.base ? baseEntityCount(index.base) - index.base.gone.size : 0;
  return { entities: base + index.entities.size, names: slotCount(index) };
}
