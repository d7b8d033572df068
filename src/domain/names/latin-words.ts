/**
 * Word-level rules for names in Latin script (English in HK, Portuguese in Macau). Input is already
 * folded by `foldCharacters` (lower case, no accents, half-width).
 */

/** Words that carry no identity: articles, `and` (HK rule: `&` = `and`), Portuguese `de/da/do/e`. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'of', 'a', 'an', 'de', 'da', 'do', 'das', 'dos', 'e', 'em', 'et', 'y',
]);

/** Multi-word equivalences of the HK "same name" rule, rewritten to one canonical word. */
const PHRASES: ReadonlyArray<readonly [readonly string[], string]> = [
  [['hong', 'kong'], 'hk'],
  [['far', 'east'], 'fe'],
];

/** One-word equivalences: registry spellings and abbreviations people type. */
const WORD_SYNONYMS: Readonly<Record<string, string>> = {
  hongkong: 'hk',
  macao: 'macau',
  intl: 'international',
  internacional: 'international',
  dev: 'development',
  devt: 'development',
  mgmt: 'management',
  mfg: 'manufacturing',
  engg: 'engineering',
  bros: 'brothers',
  svcs: 'services',
  tech: 'technology',
};

/**
 * Joins dotted initials into one word before punctuation is dropped, so `C.K.` = `CK`, `M.T.R.` =
 * `MTR` and `S.A.R.L.` = `SARL` (which the legal-form table then recognises).
 *
 * @example joinInitials('c.k. hutchison') // 'ck hutchison'
 */
export function joinInitials(text: string): string {
  return text.replace(/\b[a-z](?:\.\s?[a-z])+\b\.?/g, (m) => m.replace(/[.\s]/g, ''));
}

/**
 * Splits folded Latin text into words: `&` becomes `and`, apostrophes vanish (`int'l` → `intl`,
 * `scholars'` → `scholars`), any other non-alphanumeric character separates words, and runs of single
 * letters written with spaces (`C K Hutchison`) are joined like dotted initials.
 */
export function splitLatinWords(text: string): string[] {
  const raw = joinInitials(text)
    .replace(/&/g, ' and ')
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  let inRun = false; // whether the last word was built from single letters
  for (const w of raw) {
    const single = w.length === 1 && w !== 'e' && /[a-z]/.test(w);
    const last = out[out.length - 1];
    // join runs of single letters (c k → ck), but never the Portuguese conjunction `e`
    if (single && inRun && last !== undefined) out[out.length - 1] = last + w;
    else out.push(w);
    inRun = single;
  }
  return out.map((w) => WORD_SYNONYMS[w] ?? w);
}

/** Rewrites the multi-word equivalences: `hong kong` → `hk`, `far east` → `fe`. */
export function canonicalPhrases(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = PHRASES.find(([parts]) => parts.every((p, k) => words[i + k] === p));
    if (phrase) {
      out.push(phrase[1]);
      i += phrase[0].length - 1;
    } else {
      out.push(words[i] as string);
    }
  }
  return out;
}

/** Drops words that carry no identity; keeps them all if nothing else would remain. */
export function withoutStopwords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : [...words];
}

/**
 * Initials of the core words, for matching abbreviations: `hk shanghai banking` → `hsb` (and `hksb`);
 * with `corporation` as legal form also `hsbc`. Only for names of two or more words.
 *
 * @example acronymsOf(['mass', 'transit', 'railway'], 'c') // ['mtr', 'mtrc']
 */
export function acronymsOf(words: readonly string[], extraInitial: string | null): string[] {
  if (words.length < 2) return [];
  const short = words.map((w) => w[0]).join('');
  const long = words.map((w) => (w === 'hk' ? 'hk' : w[0])).join('');
  const bases = short === long ? [short] : [short, long];
  return extraInitial === null ? bases : bases.flatMap((b) => [b, b + extraInitial]);
}
