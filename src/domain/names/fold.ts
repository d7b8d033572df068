import { traditionalToSimplified } from './chinese-converter.js';

/**
 * Characters used interchangeably in Hong Kong names (Companies Registry "same name" rule, BRIEF §3.2)
 * or by older HK data, mapped to the Simplified form OpenCC produces. OpenCC already folds most of them
 * (恆, 峯, 匯, 滙); the table is applied after it so the rule holds even where the dictionary does not
 * cover a variant (鑛, 碁, 邨, 甯).
 */
const HK_VARIANTS: Readonly<Record<string, string>> = {
  恆: '恒',
  峯: '峰',
  匯: '汇',
  滙: '汇',
  綫: '线',
  鑛: '矿',
  碁: '棋',
  邨: '村',
  甯: '宁',
  衞: '卫',
  羣: '群',
  啓: '启',
  裏: '里',
};

/** Bracket and quote forms NFKC leaves alone; brackets become ASCII, quotes become spaces. */
const EXTRA_PUNCTUATION: Readonly<Record<string, string>> = {
  '【': '(',
  '】': ')',
  '〔': '(',
  '〕': ')',
  '〖': '(',
  '〗': ')',
  '[': '(',
  ']': ')',
  '「': ' ',
  '」': ' ',
  '『': ' ',
  '』': ' ',
  '《': ' ',
  '》': ' ',
  '・': ' ',
  '·': ' ',
  '、': ' ',
  '。': ' ',
};

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
const COMBINING_MARKS = /\p{M}+/gu;

/** True when the text holds at least one Han character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** True when `char` (one code point) is a Han character. */
export function isCjkChar(char: string): boolean {
  return CJK_CHAR.test(char);
}

/** Replaces each character of `table` found in a text: a regular expression of the table's keys. */
function charMapper(table: Readonly<Record<string, string>>): (text: string) => string {
  const pattern = new RegExp(`[${Object.keys(table).map((ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`).join('')}]`, 'gu');
  return (text) => text.replace(pattern, (ch) => table[ch]!);
}

const foldPunctuation = charMapper(EXTRA_PUNCTUATION);
const foldHkVariants = charMapper(HK_VARIANTS);

/**
 * Folds the characters of a name without interpreting it: NFKC (full-width → half-width, ideographic
 * space → space, `（` → `(`), other brackets to `()`, lower case, accents removed (`Águas` → `aguas`),
 * Traditional → Simplified and HK variant characters unified. Spacing and punctuation are left for the
 * script-specific tokenisers, which need them to find words and brackets.
 *
 * @example foldCharacters('ＡＢＣ 恆生銀行【香港】') // 'abc 恒生银行(香港)'
 */
export function foldCharacters(value: string): string {
  let text = foldPunctuation(value.normalize('NFKC')).toLowerCase();
  if (hasCjk(text)) text = foldHkVariants(traditionalToSimplified(text));
  // Decompose so accents become separate marks we can drop; Han characters have no decomposition.
  return text.normalize('NFD').replace(COMBINING_MARKS, '');
}
