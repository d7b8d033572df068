/**
 * Unified Social Credit Code (统一社会信用代码, USCC), GB 32100-2015: the Mainland key of a legal entity
 * (BRIEF §1.1). Eighteen characters: registration department (1), organisation category (2), administrative
 * division (3–8), the old GB 11714 organisation code (组织机构代码, 9–17) and a check character (18).
 */
import { ALPHANUMERIC, charsetProblem, lengthProblem, normaliseCode, type ValueResult } from './normalise.js';

/** The 31 characters a USCC may contain, in value order 0–30: digits and capitals without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 weights for positions 9–16, whose check character is position 17. */
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const CHARSET_NAME = 'in the USCC character set (digits and capital letters except I, O, S, V, Z)';

/** 个体工商户 individual business (market regulation 9, category 2): usually a natural person, not a legal entity. */
const INDIVIDUAL_BUSINESS_PREFIX = '92';

/**
 * The GB 32100 check character (position 18) of a USCC: weights 3^(i−1) mod 31, check = 31 − (Σ mod 31),
 * 31 → 0, mapped back through {@link USCC_CHARSET}.
 *
 * @example usccCheckCharacter('91350100M000100Y4') // '3' (the standard's worked example)
 * @throws RangeError when `first17` is not 17 characters of the USCC charset.
 */
export function usccCheckCharacter(first17: string): string {
  const problem = lengthProblem('first17', first17, 17) ?? charsetProblem('first17', first17, USCC_CHARSET, CHARSET_NAME);
  if (problem) throw new RangeError(problem);
  let sum = 0;
  let weight = 1;
  for (const char of first17) {
    sum += USCC_CHARSET.indexOf(char) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The GB 11714 organisation-code check character for USCC position 17, from positions 9–16: weights
 * 3,7,9,10,5,8,4,2 with letters A=10 … Z=35, check = 11 − (Σ mod 11), 10 → X, 11 → 0. BRIEF §1.1 marks this
 * [P] (confirmed only empirically), so callers use it as a diagnostic, never as a reason to reject.
 *
 * @example organizationCodeCheckCharacter('M000100Y') // '4'
 * @throws RangeError when `first8` is not 8 digits or capital letters.
 */
export function organizationCodeCheckCharacter(first8: string): string {
  const problem =
    lengthProblem('first8', first8, 8) ?? charsetProblem('first8', first8, ALPHANUMERIC, 'a digit or capital letter');
  if (problem) throw new RangeError(problem);
  const sum = ORGANIZATION_CODE_WEIGHTS.reduce((acc, weight, i) => acc + parseInt(first8.charAt(i), 36) * weight, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Validates and normalises a USCC. Rejects only what cannot be a USCC (length, charset), a wrong GB 32100 check
 * character unless `checksum` is 'flag' (pilot-era codes such as 91350100M0001TGQXM fail it), and individual
 * businesses (prefix 92), which Credence does not register. Any charset character is accepted in positions 1–2:
 * the 2016 amendment added letter department codes (BRIEF §1.1).
 */
export function parseUscc(raw: string, checksum: 'reject' | 'flag'): ValueResult {
  const value = normaliseCode(raw, { removeInnerSpaces: true });
  const chars = [...value];
  const body = chars.slice(0, 17).join('');
  const problem = lengthProblem('uscc', value, 18) ?? charsetProblem('uscc', body, USCC_CHARSET, CHARSET_NAME);
  if (problem) return { ok: false, reason: problem };

  // Position 18 is judged as a check character even outside the charset: the standard's own misprinted
  // example ends in Z, and "should be 3" tells the user more than "Z is not allowed".
  const warnings: string[] = [];
  const actual = chars[17] ?? '';
  const expected = usccCheckCharacter(body);
  if (actual !== expected) {
    const mismatch = `uscc check character is ${actual} but should be ${expected}`;
    if (!USCC_CHARSET.includes(actual)) {
      return { ok: false, reason: `${mismatch} (${actual} is not in the USCC character set)` };
    }
    if (checksum === 'reject') return { ok: false, reason: mismatch };
    warnings.push(`${mismatch}; accepted because some pilot-era codes fail this check, verify it in the registry`);
  }
  if (value.startsWith(INDIVIDUAL_BUSINESS_PREFIX)) {
    return {
      ok: false,
      reason:
        'uscc prefix 92 marks an individual business (个体工商户); individual businesses are out of scope because Credence registers legal entities only',
    };
  }
  // GB 32100 puts a GB/T 2260 division code (digits) here, but BRIEF allows rejection only on length and
  // charset, so a letter is flagged for a person to check.
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    warnings.push(`uscc characters 3–8 should be an administrative-division code (6 digits), got ${value.slice(2, 8)}`);
  }
  const organizationCheck = organizationCodeCheckCharacter(value.slice(8, 16));
  if (value.charAt(16) !== organizationCheck) {
    warnings.push(
      `uscc character 17 (organisation-code check, GB 11714) is ${value.charAt(16)} but should be ${organizationCheck}; verify it in the registry`,
    );
  }
  return { ok: true, value, warnings };
}
