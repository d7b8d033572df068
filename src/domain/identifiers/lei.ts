/**
 * Legal Entity Identifier (LEI, ISO 17442): an alias identifier any jurisdiction may carry (BRIEF §3.4).
 * Twenty characters, the last two being ISO 7064 MOD 97-10 check digits.
 */
import { ALPHANUMERIC, charsetProblem, lengthProblem, normaliseCode, type ValueResult } from './normalise.js';

/** The value mod 97 of an alphanumeric string read as digits with A=10 … Z=35, without big integers. */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = parseInt(char, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/**
 * The two ISO 7064 MOD 97-10 check digits that complete an LEI: 98 − (first18 followed by "00", mod 97).
 *
 * @example leiCheckDigits('5493001KJTIIGC8Y1R') // '12'
 * @throws RangeError when `first18` is not 18 digits or capital letters.
 */
export function leiCheckDigits(first18: string): string {
  const problem =
    lengthProblem('first18', first18, 18) ?? charsetProblem('first18', first18, ALPHANUMERIC, 'a digit or capital letter');
  if (problem) throw new RangeError(problem);
  return String(98 - mod97(`${first18}00`)).padStart(2, '0');
}

/** Validates and normalises an LEI; the check digits must be right, since LEIs are issued with them. */
export function parseLei(raw: string): ValueResult {
  const value = normaliseCode(raw, { removeInnerSpaces: true });
  const problem = lengthProblem('lei', value, 20) ?? charsetProblem('lei', value, ALPHANUMERIC, 'a digit or capital letter A–Z');
  if (problem) return { ok: false, reason: problem };
  const expected = leiCheckDigits(value.slice(0, 18));
  if (value.slice(18) !== expected) {
    return { ok: false, reason: `lei check digits are ${value.slice(18)} but should be ${expected}` };
  }
  return { ok: true, value, warnings: [] };
}
