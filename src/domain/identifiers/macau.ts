/**
 * Macau commercial registration number (CRCBM, 商業及動產登記局), the primary Macau key (BRIEF §3.4). Its format
 * could not be verified (BRIEF §3.3, §8 item 5), so the pattern comes from configuration instead of code.
 */
import { matchesPattern, normaliseCode, type ValueResult } from './normalise.js';

/** Validates a Macau registration number against the configured pattern, after removing spaces. */
export function parseMoReg(raw: string, pattern: RegExp): ValueResult {
  const value = normaliseCode(raw, { removeInnerSpaces: true });
  if (!matchesPattern(pattern, value)) {
    return { ok: false, reason: `mo-reg must match the configured Macau registration number pattern ${pattern.source}` };
  }
  return { ok: true, value, warnings: [] };
}
