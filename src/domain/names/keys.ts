import { allowedTypos } from './edit-distance.js';
import { cjkBigrams } from './cjk-tokens.js';
import type { AnalysedName } from './types.js';

/**
 * Blocking keys: the few strings a search index files a name under, so that a query fetches only
 * candidates sharing at least one key before `scoreName` ranks them. The same function serves names
 * and queries, and every way `scoreName` can score well leaves a shared key, or (typos) a shared
 * {@link typoVariants} entry between two words:
 *
 * - `c:` the folded core without spaces (exact and spacing variants);
 * - `b:` CJK character bigrams (partial names, one wrong character, other industry words);
 * - `w:` Latin words;
 * - `a:` initials of multi-word names, and single short words that may be such initials.
 *
 * @example nameKeys(analyseName('Tencent Holdings Limited')) // ['c:tencent', 'w:tencent']
 */
export function nameKeys(name: AnalysedName): string[] {
  if (name.script === 'empty') return [];
  const keys = new Set<string>([`c:${name.words.join('')}`]);
  if (name.script === 'cjk') {
    for (const bigram of cjkBigrams(name.core)) keys.add(`b:${bigram}`);
    return [...keys];
  }
  for (const word of name.words) keys.add(`w:${word}`);
  for (const acronym of name.acronyms) keys.add(`a:${acronym}`);
  const only = name.words[0];
  if (name.words.length === 1 && only !== undefined && only.length >= 2 && only.length <= 6) keys.add(`a:${only}`);
  return [...keys];
}

/**
 * A Latin word and every string one deletion away from it, for a word long enough to carry a typo:
 * two words within a typo or two of each other share one (symmetric deletion), so an index of the
 * variants of its vocabulary finds a misspelt word's neighbours without storing any misspelling.
 *
 * @example typoVariants('tencent') // ['tencent', 'encent', 'tncent', …, 'tencen']
 */
export function typoVariants(word: string): string[] {
  if (allowedTypos(word.length) === 0) return [];
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
