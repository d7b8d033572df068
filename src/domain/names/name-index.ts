import { DEFAULT_IDENTIFIER_RULES, formatIdentifier, identifierCandidates } from '../identifiers/index.js';
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

/** An in-memory blocking index: analysed names, key → name postings, and exact identifiers. */
export interface NameIndex {
  readonly names: ReadonlyArray<{ readonly entityId: string; readonly analysed: AnalysedName }>;
  readonly postings: ReadonlyMap<string, readonly number[]>;
  readonly identifiers: ReadonlyMap<string, string>;
}

/** One ranked hit: the entity, its best name score and why. */
export interface SearchHit {
  readonly entityId: string;
  readonly score: number;
  readonly name: string;
  readonly explanation: readonly string[];
}

/** How many names, fetched by shared keys, are scored per query; enough for every distractor family. */
const CANDIDATES_SCORED = 300;

/**
 * Analyses every name once and files it under its {@link nameKeys}; identifiers are filed under their
 * normalised `scheme:value`. A reference index for evaluation and tests; the store may build its own
 * from the same keys.
 *
 * @example buildNameIndex([{ id: 'e1', jurisdiction: 'HK', names: [{ value: '恆生銀行有限公司' }], identifiers: [] }])
 */
export function buildNameIndex(entities: readonly SearchableEntity[]): NameIndex {
  const names: { entityId: string; analysed: AnalysedName }[] = [];
  const postings = new Map<string, number[]>();
  const identifiers = new Map<string, string>();
  for (const entity of entities) {
    for (const id of entity.identifiers) identifiers.set(`${id.scheme}:${id.value}`, entity.id);
    for (const name of entity.names) {
      const analysed = analyseName(name.value, name.lang);
      const at = names.push({ entityId: entity.id, analysed }) - 1;
      for (const key of nameKeys(analysed)) {
        const list = postings.get(key);
        if (list) list.push(at);
        else postings.set(key, [at]);
      }
    }
  }
  return { names, postings, identifiers };
}

/**
 * Ranks entities for a free-text query: an identifier-shaped query (any scheme, spaces, hyphens or
 * full-width characters) resolves exactly; otherwise names sharing blocking keys are pre-ranked by the
 * rarity of the keys they share, the best few hundred scored with {@link scoreName}, and each entity
 * keeps its best-scoring name.
 *
 * @example searchNames(index, '腾讯科技', 10)[0] // { entityId: …, score: 1, explanation: [...] }
 */
export function searchNames(index: NameIndex, query: string, limit: number): SearchHit[] {
  // People paste codes grouped with spaces (`9144 0300 …`); a query that is only a code is tried compacted too.
  const compact = query.normalize('NFKC').replace(/\s+/g, '');
  const attempts = compact === query ? [query] : [query, compact];
  const identifiers = attempts.flatMap((q) => identifierCandidates(q, DEFAULT_IDENTIFIER_RULES));
  const exact = identifiers.flatMap((identifier) => {
    const entityId = index.identifiers.get(formatIdentifier(identifier));
    return entityId ? [{ entityId, score: 1, name: query, explanation: [`identifier ${formatIdentifier(identifier)}`] }] : [];
  });
  if (exact.length > 0) return [...new Map(exact.map((hit) => [hit.entityId, hit])).values()].slice(0, limit);

  const analysed = analyseName(query);
  const best = new Map<string, SearchHit>();
  for (const at of candidateNames(index, analysed)) {
    const entry = index.names[at];
    if (!entry) continue;
    const { score, explanation } = scoreName(analysed, entry.analysed);
    const seen = best.get(entry.entityId);
    if (score > 0 && (!seen || score > seen.score)) {
      best.set(entry.entityId, { entityId: entry.entityId, score, name: entry.analysed.original, explanation });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId)).slice(0, limit);
}

/** Names sharing keys with the query, best first by the summed rarity (idf) of the shared keys. */
function candidateNames(index: NameIndex, query: AnalysedName): number[] {
  const total = index.names.length;
  const weight = new Map<number, number>();
  for (const key of nameKeys(query)) {
    const list = index.postings.get(key);
    if (!list) continue;
    const idf = Math.log(1 + total / list.length);
    for (const at of list) weight.set(at, (weight.get(at) ?? 0) + idf);
  }
  return [...weight.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES_SCORED)
    .map(([at]) => at);
}
