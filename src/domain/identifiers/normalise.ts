/**
 * Normalisation shared by every identifier scheme, so that width, case and stray white space are handled the
 * same way whichever register a value comes from (BRIEF §1.1: lower-case and full-width input occur in the wild).
 */

/** Dash look-alikes that pasted certificate numbers carry instead of '-'; NFKC leaves them alone. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;
/** Invisible format characters (zero-width space, BOM, …) that scraped pages leave inside values. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** Digits and capital letters, valued 0–35 by `parseInt(char, 36)`. */
export const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export interface NormaliseOptions {
  /** Also remove white space inside the value, for schemes whose values never contain it. */
  removeInnerSpaces?: boolean;
}

/**
 * The comparable form of an identifier as typed, scraped or pasted: NFKC (full-width `９１ＸＧ` → `91XG`,
 * ideographic space → space), dashes unified to `-`, trimmed and upper-cased.
 *
 * @example normaliseCode(' ９１４４０３００７１５２６７２６ｘｇ ') // '9144030071526726XG'
 * @example normaliseCode('5493 001K JTII', { removeInnerSpaces: true }) // '5493001KJTII'
 */
export function normaliseCode(raw: string, options: NormaliseOptions = {}): string {
  const value = raw.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(DASHES, '-').trim().toUpperCase();
  return options.removeInnerSpaces ? value.replace(/\s+/g, '') : value;
}

/** What a scheme parser returns: the normalised value (the caller adds the scheme) or why it was refused. */
export type ValueResult = { ok: true; value: string; warnings: string[] } | { ok: false; reason: string };

/**
 * Why `value` is not `length` characters long, or `undefined` when it is. Counts code points, so that an
 * astral character pasted by mistake counts once.
 *
 * @example lengthProblem('uscc', '91440300', 18) // 'uscc must be 18 characters, got 8'
 */
export function lengthProblem(scheme: string, value: string, length: number): string | undefined {
  const actual = [...value].length;
  return actual === length ? undefined : `${scheme} must be ${length} characters, got ${actual}`;
}

/**
 * Why `value` has a character outside `charset`, or `undefined` when it has none. Names the first offending
 * position (1-based) and character so that the user can find the typo.
 *
 * @example charsetProblem('lei', 'AB-C', ALPHANUMERIC, 'a digit or capital letter') // "lei character 3 is '-', which is not a digit or capital letter"
 */
export function charsetProblem(scheme: string, value: string, charset: string, charsetName: string): string | undefined {
  const chars = [...value];
  const bad = chars.findIndex((c) => !charset.includes(c));
  return bad === -1 ? undefined : `${scheme} character ${bad + 1} is '${chars[bad]}', which is not ${charsetName}`;
}

/**
 * Whether a configured pattern matches. `search` ignores `lastIndex`, so a pattern loaded from configuration
 * with a `g` or `y` flag cannot make the answer depend on earlier calls, as `RegExp.test` would.
 */
export function matchesPattern(pattern: RegExp, value: string): boolean {
  return value.search(pattern) !== -1;
}
