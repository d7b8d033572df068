/**
 * Hong Kong identifiers (BRIEF §3.2): the Business Registration Number (BRN), which is also the Unique Business
 * Identifier (UBI) and the primary HK key, and the legacy Companies Registry number (CR No.), kept as an alias.
 * Neither has a published check digit, so none is checked.
 */
import { normaliseCode, type ValueResult } from './normalise.js';

/**
 * The BRN alone, or the Business Registration Certificate number it starts: `12345678-000-01-11-1` or
 * `12345678-000`. The 3-digit segment is reportedly a branch code; the rest is unverified, so only the shape
 * is checked and only the 8 digits are kept.
 */
const BRN = /^(\d{8})(?:-\d{3}(?:-\d{2}-\d{2}-\d)?)?$/;

/**
 * Legacy CR No.: `F` for a registered non-Hong Kong company, then the sequential number. Sources disagree on
 * 7 digits versus 8 zero-padded in ICRIS (BRIEF §3.2 [P], §8 item 6), so 1–8 digits are accepted and padded
 * to 8, which makes `1234567` and `01234567` the same alias.
 */
const CR_NO = /^(F?)(\d{1,8})$/;

/** Validates an HK BRN (or certificate number) and normalises it to the 8-digit BRN. */
export function parseHkBrn(raw: string): ValueResult {
  const value = normaliseCode(raw);
  const match = BRN.exec(value);
  if (match?.[1]) return { ok: true, value: match[1], warnings: [] };
  if (/^\d+$/.test(value)) return { ok: false, reason: `hk-brn must be 8 digits, got ${value.length}` };
  return {
    ok: false,
    reason: 'hk-brn must be 8 digits, or a business registration certificate number such as 12345678-000-01-11-1',
  };
}

/** Validates a legacy HK CR No. and normalises it to the optional `F` and 8 zero-padded digits. */
export function parseHkCr(raw: string): ValueResult {
  const match = CR_NO.exec(normaliseCode(raw));
  if (!match?.[2]) {
    return { ok: false, reason: 'hk-cr must be 1 to 8 digits, with an F in front for a registered non-Hong Kong company' };
  }
  return { ok: true, value: `${match[1] ?? ''}${match[2].padStart(8, '0')}`, warnings: [] };
}
