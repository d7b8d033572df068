/**
 * Customs Authorized Economic Operator codes (BRIEF §2.3), the basis of cross-border mutual recognition of a
 * status: Mainland `AEOCN` + 10 digits, Macao `MO` + 9 digits, Hong Kong a 15-character code whose format is
 * not published in BRIEF, so its pattern comes from configuration.
 */
import { matchesPattern, normaliseCode, type ValueResult } from './normalise.js';

const MAINLAND = /^AEOCN\d{10}$/;
const MACAO = /^MO\d{9}$/;

/** Validates an AEO code of any of the three customs territories and normalises it (upper case, no spaces). */
export function parseAeo(raw: string, hongKongPattern: RegExp): ValueResult {
  const value = normaliseCode(raw, { removeInnerSpaces: true });
  if (MAINLAND.test(value) || MACAO.test(value) || matchesPattern(hongKongPattern, value)) {
    return { ok: true, value, warnings: [] };
  }
  // Name the territory the user evidently meant, so that the reason points at the digit count.
  if (value.startsWith('AEOCN')) return { ok: false, reason: 'a Mainland aeo code must be AEOCN followed by 10 digits' };
  if (value.startsWith('MO')) return { ok: false, reason: 'a Macao aeo code must be MO followed by 9 digits' };
  return {
    ok: false,
    reason: `aeo must be AEOCN + 10 digits (Mainland), MO + 9 digits (Macao) or a Hong Kong code matching ${hongKongPattern.source}`,
  };
}
