import type { Identifier } from '../identifiers/index.js';
import { analyseName } from './analyse.js';
import { findByIdentifiers, identifierExplanation, rankNames, type NameIndex, type SearchFilter } from './name-index.js';
import { NAME_MATCH_THRESHOLD } from './similarity.js';
import type { NameLang } from './types.js';

/** A partial entity to screen or link: some of its names, perhaps identifiers and a jurisdiction. */
export interface MatchQuery extends SearchFilter {
  readonly names: ReadonlyArray<{ readonly value: string; readonly lang?: NameLang }>;
  /** Already normalised (see `parseIdentifier`). */
  readonly identifiers: readonly Identifier[];
}

/** A scored candidate; `match` says whether the score reaches {@link NAME_MATCH_THRESHOLD}. */
export interface MatchCandidate {
  readonly entityId: string;
  readonly score: number;
  readonly match: boolean;
  readonly explanation: readonly string[];
}

/**
 * Scores the indexed entities against a partial entity. An exact identifier is a match with score 1;
 * otherwise an entity scores its best name against any of the query's names (each analysed in its own
 * language). Candidates come best first, at most `limit`.
 *
 * @example
 * matchEntity(index, { names: [{ value: 'Tencent Holdings Ltd', lang: 'en' }], identifiers: [] }, 5)
 * // [{ entityId: …, score: 1, match: true, explanation: ['name "Tencent Holdings Ltd": core equal …'] }]
 */
export function matchEntity(index: NameIndex, query: MatchQuery, limit: number): MatchCandidate[] {
  const filter: SearchFilter = query.jurisdiction === undefined ? {} : { jurisdiction: query.jurisdiction };
  const best = new Map<string, { score: number; explanation: string[]; byIdentifier: boolean }>();
  for (const { entityId, identifier } of findByIdentifiers(index, query.identifiers, filter)) {
    best.set(entityId, { score: 1, explanation: [identifierExplanation(identifier)], byIdentifier: true });
  }
  for (const name of query.names) {
    for (const hit of rankNames(index, analyseName(name.value, name.lang), limit, filter)) {
      const explanation = hit.explanation.map((line) => `name "${name.value}" vs "${hit.name}": ${line}`);
      const seen = best.get(hit.entityId);
      // An identifier match stands; its names only add to the explanation.
      if (seen?.byIdentifier) seen.explanation.push(...explanation);
      else if (!seen || hit.score > seen.score) best.set(hit.entityId, { score: hit.score, explanation, byIdentifier: false });
    }
  }
  return [...best]
    .map(([entityId, b]) => ({ entityId, score: b.score, match: b.score >= NAME_MATCH_THRESHOLD, explanation: b.explanation }))
    .sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId))
    .slice(0, limit);
}
