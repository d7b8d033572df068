import { foldCharacters, hasCjk } from './fold.js';
import {
  CHINESE_BRACKETED_FORMS,
  CHINESE_BRANCH_MARKERS,
  CHINESE_WEAK_TOKENS,
  LATIN_WEAK_TOKENS,
  lastInnerLegalFormEnd,
  stripChineseLegalForm,
  stripLatinLegalForm,
} from './legal-forms.js';
import { acronymsOf, canonicalPhrases, splitLatinWords, withoutStopwords } from './latin-words.js';
import { bracketRegion, latinRegion, stripRegionPrefix } from './regions.js';
import type { AnalysedName, LegalForm, NameLang, Region } from './types.js';

const BRACKETED = /\(([^()]*)\)/g;
const NOT_NAME_CHAR = /[^\p{Script=Han}a-z0-9]+/gu;
const LATIN_REGION_SUFFIX = /\s*[,;\-–]\s*(macau|macao|hong\s*kong|hk)\s*\.?\s*$/;

/** Parts of a name found while taking it apart; turned into an {@link AnalysedName} at the end. */
interface Parts {
  core: string;
  legalForm: LegalForm | null;
  weak: string[];
  region: Region | null;
  branch: string | null;
}

/**
 * Takes a company name apart for search and matching: folds characters (width, Traditional →
 * Simplified, HK variants, case, accents), and separates the legal form, weak words (集团, Holdings),
 * the region (深圳市…, （深圳）, `, Macau`) and a branch marker from the distinctive core. The original is
 * kept; the core and words are what matching compares.
 *
 * @example
 * analyseName('騰訊科技（深圳）有限公司')
 * // core '腾讯科技', region { name: '深圳', form: 'bracket' }, legalForm { text: '有限公司', kind: 'limited' }
 * analyseName('The Hongkong & Shanghai Banking Corporation Limited')
 * // core 'hk shanghai banking', legalForm { text: 'corporation limited'… }
 */
export function analyseName(value: string, lang?: NameLang): AnalysedName {
  const folded = foldCharacters(value);
  if (hasCjk(folded)) {
    const parts = analyseChinese(folded);
    return finish(value, lang, 'cjk', parts, [parts.core], []);
  }
  const latin = analyseLatin(folded);
  if (latin.words.length === 0) return finish(value, lang, 'empty', latin.parts, [], []);
  // HSBC, CLP: abbreviations often take the initial of Corporation / Company too.
  const formWord = latin.parts.legalForm?.text.split(' ')[0];
  const extraInitial = formWord === 'corporation' || formWord === 'company' ? 'c' : null;
  const acronyms = acronymsOf(latin.words, extraInitial);
  return finish(value, lang, 'latin', latin.parts, latin.words, acronyms);
}

function finish(
  original: string,
  lang: NameLang | undefined,
  script: AnalysedName['script'],
  parts: Parts,
  words: string[],
  acronyms: string[],
): AnalysedName {
  return { original, lang, script, core: parts.core, words, legalForm: parts.legalForm,
    weak: parts.weak, region: parts.region, branch: parts.branch, acronyms };
}

function analyseChinese(folded: string): Parts {
  const weak: string[] = [];
  let region: Region | null = null;
  let legalForm: LegalForm | null = null;
  // Brackets first: their content is a region, a partnership kind, a weak word, or just part of the name.
  const unbracketed = folded.replace(BRACKETED, (_m, inner: string) => {
    const content = inner.replace(NOT_NAME_CHAR, '');
    const inRegion = bracketRegion(content);
    const bracketForm = CHINESE_BRACKETED_FORMS[content];
    if (inRegion !== null && region === null) region = { name: inRegion, form: 'bracket' };
    else if (bracketForm !== undefined) legalForm = { text: content, kind: bracketForm };
    else if ((CHINESE_WEAK_TOKENS as readonly string[]).includes(content)) weak.push(content);
    else return content;
    return '';
  });
  let body = unbracketed.replace(NOT_NAME_CHAR, '');

  const marker = CHINESE_BRANCH_MARKERS.find((m) => body.length > m.length && body.endsWith(m)) ?? null;
  let location = '';
  if (marker !== null) {
    body = body.slice(0, -marker.length);
    const parentEnd = lastInnerLegalFormEnd(body);
    if (parentEnd > 0) {
      location = body.slice(parentEnd);
      body = body.slice(0, parentEnd);
    }
  }

  const stripped = stripChineseLegalForm(body);
  legalForm = stripped.form ?? legalForm;
  let rest = stripped.rest;
  for (let weakWord = trailingWeak(rest); weakWord !== null; weakWord = trailingWeak(rest)) {
    weak.unshift(weakWord);
    rest = rest.slice(0, -weakWord.length);
  }
  const prefix = stripRegionPrefix(rest);
  if (prefix.region !== null && region === null) region = { name: prefix.region, form: 'prefix' };
  const core = prefix.rest + location || body;
  return { core, legalForm, weak, region, branch: marker };
}

/** The weak word ending `text` when at least two characters would remain. */
function trailingWeak(text: string): string | null {
  return CHINESE_WEAK_TOKENS.find((w) => text.length >= w.length + 2 && text.endsWith(w)) ?? null;
}

function analyseLatin(folded: string): { parts: Parts; words: string[] } {
  let region: Region | null = null;
  let text = folded;
  const suffix = LATIN_REGION_SUFFIX.exec(text);
  if (suffix) {
    region = { name: canonicalPhrases(splitLatinWords(suffix[1] ?? ''))[0] ?? 'macau', form: 'suffix' };
    text = text.slice(0, suffix.index);
  }
  text = text.replace(BRACKETED, (_m, inner: string) => {
    const inRegion = latinRegion(canonicalPhrases(splitLatinWords(inner)));
    if (inRegion === null || region !== null) return ` ${inner} `;
    region = { name: inRegion, form: 'bracket' };
    return ' ';
  });
  const all = canonicalPhrases(splitLatinWords(text));
  const { rest, form } = stripLatinLegalForm(all);
  const weak = rest.filter((w) => LATIN_WEAK_TOKENS.has(w));
  const strong = rest.filter((w) => !LATIN_WEAK_TOKENS.has(w));
  const words = withoutStopwords(strong.length > 0 ? strong : rest);
  const kept = strong.length > 0 ? weak : [];
  return { parts: { core: words.join(' '), legalForm: form, weak: kept, region, branch: null }, words };
}
