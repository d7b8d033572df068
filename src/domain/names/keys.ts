import { allowedTypos } from './edit-distance.js';
import { cjkBigrams } from './cjk-tokens.js';
import type { AnalysedName } from './types.js';

/**
 * Blocking keys: the few strings a search index files a name under, so that a query fetches only
 * candidates sharing at least one key before {@link scoreName} ranks them. The same function serves
 * names and queries, and every way {@link scoreName} can score well leaves a shared key:
 *
 * - `c:` the folded core without spaces (exact and spacing variants);
 * - `b:` CJK character bigrams (partial names, one wrong character, other industry words);
 * - `w:` Latin words, and `d:` their one-letter deletions (symmetric deletion: two words within one
 *   typo share a deletion key, without storing every misspelling);
 * - `a:` initials of multi-word names, and single short words that may be such initials.
 *
 * @example nameKeys(analyseName('Tencent Holdings Limited')) // ['c:tencent', 'w:tencent', 'd:encent', …]
 */
export function nameKeys(name: AnalysedName): string[] {
  if (name.script === 'empty') return [];
  const keys = new Set<string>([`c:${name.words.join('')}`]);
  if (name.script === 'cjk') {
    for (const bigram of cjkBigrams(name.core)) keys.add(`b:${bigram}`);
    return [...keys];
  }
  for (const word of name.words) {
    keys.add(`w:${word}`);
    if (allowedTypos(word.length) > 0) for (const d of deletions(word)) keys.add(`d:${d}`);
  }
  for (const acronym of name.acronyms) keys.add(`a:${acronym}`);
  const only = name.words[0];
  if (name.words.length === 1 && only !== undefined && only.length >= 2 && only.length <= 6) keys.add(`a:${only}`);
  return [...keys];
}

/** The word itself and every string one deletion away from it. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
