import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES, parseIdentifier } from './index.js';
import { leiCheckDigits } from './lei.js';

const parse = (raw: string) => parseIdentifier('lei', raw, DEFAULT_IDENTIFIER_RULES);

/** Published LEIs; their check digits were re-computed here (ISO 7064 MOD 97-10). */
const VALID = [
  '5493001KJTIIGC8Y1R12', // Bloomberg Finance L.P.
  '7LTWFZYICNSX8D621K86', // Deutsche Bank AG
  'HWUPKR0MPOU8FGXBT394',
  '784F5XWPLTWKTBV3E584',
  '8I5DZWZKVSZI1NUHU748',
  'INR2EJN1ERAN0W5ZP974',
];

describe('lei', () => {
  it.each(VALID)('accepts %s', (lei) => {
    expect(parse(lei)).toEqual({ ok: true, identifier: { scheme: 'lei', value: lei }, warnings: [] });
  });

  it.each([
    ['lower case', '5493001kjtiigc8y1r12'],
    ['grouped with spaces', '5493 001K JTII GC8Y 1R12'],
    ['full width', '５４９３００１ＫＪＴＩＩＧＣ８Ｙ１Ｒ１２'],
  ])('normalises %s', (_label, raw) => {
    expect(parse(raw)).toMatchObject({ ok: true, identifier: { value: '5493001KJTIIGC8Y1R12' } });
  });

  it.each([
    ['5493001KJTIIGC8Y1R21', 'lei check digits are 21 but should be 12'], // transposed check digits
    ['7LTWFZYICNSX8D621K87', 'lei check digits are 87 but should be 86'],
    ['7LTWFZYICNSX8D612K86', 'lei check digits are 86 but should be 70'], // transposed characters
    ['5493001KJTIIGC8Y1R1X', 'lei check digits are 1X but should be 12'],
    ['5493001KJTIIGC8Y1R1', 'lei must be 20 characters, got 19'],
    ['5493001KJTIIGC8Y1R123', 'lei must be 20 characters, got 21'],
    ['5493001KJ-IIGC8Y1R12', "lei character 10 is '-', which is not a digit or capital letter A–Z"],
  ])('rejects %s', (raw, reason) => {
    expect(parse(raw)).toEqual({ ok: false, reason });
  });
});

describe('leiCheckDigits', () => {
  it.each(VALID)('gives the last two digits of %s', (lei) => {
    expect(leiCheckDigits(lei.slice(0, 18))).toBe(lei.slice(18));
  });

  it.each(['5493001KJTIIGC8Y1', '5493001kjtiigc8y1r', '5493001KJTIIGC8Y1-'])('throws on %s', (bad) => {
    expect(() => leiCheckDigits(bad)).toThrow(RangeError);
  });
});
