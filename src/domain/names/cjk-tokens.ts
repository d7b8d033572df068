/**
 * Character bigrams followed by unigrams of a CJK core. Chinese has no spaces, so words cannot be split
 * reliably; bigrams catch word-level overlap (招商银行 shares 招商 and 银行 with its queries) and
 * unigrams keep one-character differences from zeroing the score.
 *
 * @example cjkTokens('招商银行') // ['招商', '商银', '银行', '招', '商', '银', '行']
 */
export function cjkTokens(core: string): string[] {
  const chars = Array.from(core);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push((chars[i] as string) + (chars[i + 1] as string));
  return [...bigrams, ...chars];
}

/** The bigrams alone (or the single character of a one-character core): the CJK blocking keys. */
export function cjkBigrams(core: string): string[] {
  const chars = Array.from(core);
  if (chars.length < 2) return chars;
  return cjkTokens(core).slice(0, chars.length - 1);
}
