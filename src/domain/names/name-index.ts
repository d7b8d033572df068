import { DEFAULT_IDENTIFIER_RULES, formatIdentifier, identifierCandidates, type Identifier, type IdentifierRules } from '../identifiers/index.js';
import { analyseName } from './analyse.js';
import { nameKeys } from './keys.js';
import { scoreName } from './similarity.js';
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
 * emptied (`undefined`) and skipped by searches, so updates never rewrite posting lists.
 */
export interface NameIndex {
  readonly names: Array<{ readonly entityId: string; readonly analysed: AnalysedName } | undefined>;
  readonly postings: Map<string, number[]>;
  /** Normalised `scheme:value` → entity id. */
  readonly identifiers: Map<string, string>;
  /** Each indexed entity and the name slots it occupies. */
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

/** An empty index, to fill with {@link indexEntities}. */
export function createNameIndex(): NameIndex {
  return { names: [], postings: new Map(), identifiers: new Map(), entities: new Map() };
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
  for (const entity of entities) {
    const held = index.entities.get(entity.id);
    if (held && sameSearchableContent(held.entity, entity)) continue;
    if (held) removeEntities(index, [entity.id]);
    for (const id of entity.identifiers) index.identifiers.set(`${id.scheme}:${id.value}`, entity.id);
    const slots: number[] = [];
    for (const name of entity.names) {
      const analysed = analyseName(name.value, name.lang);
      const at = index.names.push({ entityId: entity.id, analysed }) - 1;
      slots.push(at);
      for (const key of nameKeys(analysed)) {
        const list = index.postings.get(key);
        if (list) list.push(at);
        else index.postings.set(key, [at]);
      }
    }
    index.entities.set(entity.id, { entity, slots });
  }
}

/** Takes entities out of the index (their name slots are emptied, their identifiers dropped). */
export function removeEntities(index: NameIndex, entityIds: Iterable<string>): void {
  for (const entityId of entityIds) {
    const held = index.entities.get(entityId);
    if (!held) continue;
    for (const at of held.slots) index.names[at] = undefined;
    for (const id of held.entity.identifiers) {
      const key = `${id.scheme}:${id.value}`;
      if (index.identifiers.get(key) === entityId) index.identifiers.delete(key);
    }
    index.entities.delete(entityId);
  }
}

function sameSearchableContent(a: SearchableEntity, b: SearchableEntity): boolean {
  const text = (e: SearchableEntity) =>
    JSON.stringify([e.jurisdiction, e.names.map((n) => [n.value, n.lang]), e.identifiers.map((i) => [i.scheme, i.value])]);
  return text(a) === text(b);
}

/**
 * Ranks entities for a free-text query: an identifier-shaped query (any scheme, spaces, hyphens or
 * full-width characters) resolves exactly; otherwise names sharing blocking keys are pre-ranked by the
 * rarity of the keys they share, the best few hundred scored with {@link scoreName}, and each entity
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
    const entityId = index.identifiers.get(key);
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
  const best = new Map<string, SearchHit>();
  for (const at of candidateNames(index, query, filter)) {
    const entry = index.names[at]!;
    const { score, explanation } = scoreName(query, entry.analysed);
    const seen = best.get(entry.entityId);
    if (score > 0 && (!seen || score > seen.score)) {
      best.set(entry.entityId, { entityId: entry.entityId, score, name: entry.analysed.original, explanation });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId)).slice(0, limit);
}

function passes(index: NameIndex, entityId: string, filter: SearchFilter): boolean {
  return filter.jurisdiction === undefined || index.entities.get(entityId)?.entity.jurisdiction === filter.jurisdiction;
}

/** Live names sharing keys with the query, best first by the summed rarity (idf) of the shared keys. */
function candidateNames(index: NameIndex, query: AnalysedName, filter: SearchFilter): number[] {
  const total = index.names.length;
  const weight = new Map<number, number>();
  for (const key of nameKeys(query)) {
    const list = index.postings.get(key);
    if (!list) continue;
    const idf = Math.log(1 + total / list.length);
    for (const at of list) weight.set(at, (weight.get(at) ?? 0) + idf);
  }
  const live = [...weight.entries()].filter(([at]) => {
    const entry = index.names[at];
    return entry !== undefined && passes(index, entry.entityId, filter);
  });
  return live
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES_SCORED)
    .map(([at]) => at);
}
