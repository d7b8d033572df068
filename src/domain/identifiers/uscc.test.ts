import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES, parseIdentifier, type IdentifierRules } from './index.js';
import { organizationCodeCheckCharacter, USCC_CHARSET, usccCheckCharacter } from './uscc.js';

const FLAG: IdentifierRules = { ...DEFAULT_IDENTIFIER_RULES, usccChecksum: 'flag' };
const parse = (raw: string, rules = DEFAULT_IDENTIFIER_RULES) => parseIdentifier('uscc', raw, rules);

/** Every valid vector of BRIEF §1.1; each also passes the GB 11714 check of positions 9–17. */
const VALID = [
  '914403001922038216', // attributed to Huawei Technologies (BRIEF [P])
  '9144030071526726XG', // attributed to Tencent Technology (Shenzhen) (BRIEF [P])
  '91440300708461136T',
  '91110108551385082Q',
  '91330100799655058B',
  '91110000600037341L',
  '91440300568520498A',
  '9144060573144633XL',
  '91442000696462712R',
  '91310115MA1K3BTP2B',
  '91620105L015101280',
  '91350100M000100Y43', // GB 32100 worked example, corrected
];

describe('uscc: valid codes', () => {
  it.each(VALID)('accepts %s without warnings', (code) => {
    expect(parse(code)).toEqual({ ok: true, identifier: { scheme: 'uscc', value: code }, warnings: [] });
  });

  // Codes constructed here with both checks right, to show positions 1–2 are not required to be digits.
  it.each(['N2440300MA5F00018G', 'Y1440300MA5F000266', 'A1440300MA5F00034M'])(
    'accepts charset letters in positions 1–2: %s',
    (code) => {
      expect(parse(code)).toMatchObject({ ok: true, identifier: { value: code }, warnings: [] });
    },
  );
});

describe('uscc: normalisation', () => {
  it.each([
    ['lower case', '9144030071526726xg'],
    ['full width', '９１４４０３００７１５２６７２６ＸＧ'],
    ['full-width lower case', '９１４４０３００７１５２６７２６ｘｇ'],
    ['surrounding spaces', '  9144030071526726XG\t'],
    ['ideographic spaces', '\u30009144030071526726XG\u3000'],
    ['grouped with spaces', '9144 0300 7152 6726 XG'],
    ['zero-width space from a scraped page', '9144030071526726\u200bXG'],
  ])('%s', (_label, raw) => {
    expect(parse(raw)).toEqual({ ok: true, identifier: { scheme: 'uscc', value: '9144030071526726XG' }, warnings: [] });
  });
});

describe('uscc: rejected', () => {
  it.each([
    ['91350100M000100Y4Z', 'uscc check character is Z but should be 3 (Z is not in the USCC character set)'],
    ['91110000600037341N', 'uscc check character is N but should be L'],
    ['914403001922038217', 'uscc check character is 7 but should be 6'],
    ['91350100M0001TGQXM', 'uscc check character is M but should be 1'],
    ['9111000060003IOZSV', "uscc character 14 is 'I', which is not in the USCC character set (digits and capital letters except I, O, S, V, Z)"],
    ['91440300-708461136', "uscc character 9 is '-', which is not in the USCC character set (digits and capital letters except I, O, S, V, Z)"],
    ['91440300708461136', 'uscc must be 18 characters, got 17'],
    ['91440300708461136TT', 'uscc must be 18 characters, got 19'],
    ['9144030071526726X😀', 'uscc check character is 😀 but should be G (😀 is not in the USCC character set)'],
  ])('%s', (raw, reason) => {
    expect(parse(raw)).toEqual({ ok: false, reason });
  });

  it.each(['92440300MA5F0000XX', '92440300L12345674D'])('refuses the individual business %s', (code) => {
    expect(parse(code)).toEqual({
      ok: false,
      reason:
        'uscc prefix 92 marks an individual business (个体工商户); individual businesses are out of scope because Credence registers legal entities only',
    });
  });
});

describe('uscc: warnings', () => {
  it.each([
    ['91350100M0001TGQXM', 'M', '1'], // Fujian pilot-era code (BRIEF [P])
    ['91110000600037341N', 'N', 'L'],
  ])('with usccChecksum "flag", accepts %s with a warning', (code, actual, expected) => {
    expect(parse(code, FLAG)).toEqual({
      ok: true,
      identifier: { scheme: 'uscc', value: code },
      warnings: [
        `uscc check character is ${actual} but should be ${expected}; accepted because some pilot-era codes fail this check, verify it in the registry`,
      ],
    });
  });

  it('still rejects a check character outside the charset in "flag" mode', () => {
    expect(parse('91350100M000100Y4Z', FLAG)).toMatchObject({ ok: false });
  });

  it('still refuses an individual business in "flag" mode', () => {
    expect(parse('92440300MA5F0000XX', FLAG)).toMatchObject({ ok: false, reason: expect.stringContaining('个体工商户') });
  });

  it('warns, without rejecting, when the GB 11714 check (position 17) is wrong', () => {
    expect(parse('91440300MA5F000007')).toEqual({
      ok: true,
      identifier: { scheme: 'uscc', value: '91440300MA5F000007' },
      warnings: ['uscc character 17 (organisation-code check, GB 11714) is 0 but should be X; verify it in the registry'],
    });
  });

  it('warns when positions 3–8 are not an administrative-division code', () => {
    expect(parse('9144A300MA5F0000XW')).toEqual({
      ok: true,
      identifier: { scheme: 'uscc', value: '9144A300MA5F0000XW' },
      warnings: ['uscc characters 3–8 should be an administrative-division code (6 digits), got 44A300'],
    });
  });
});

describe('usccCheckCharacter (GB 32100)', () => {
  it('computes the worked example of the standard', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it.each(VALID)('gives the last character of %s', (code) => {
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });

  it.each(['9135010', '91350100M000100Y4Z', '91350100M000100I4'])('throws on %s', (bad) => {
    expect(() => usccCheckCharacter(bad)).toThrow(RangeError);
  });

  it('has 31 characters and none of I, O, S, V, Z', () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_CHARSET).not.toMatch(/[IOSVZ]/);
  });
});

describe('organizationCodeCheckCharacter (GB 11714)', () => {
  it.each(VALID)('gives character 17 of %s from characters 9–16', (code) => {
    expect(organizationCodeCheckCharacter(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it.each([
    ['MA5F0000', 'X'], // 11 − r = 10
    ['70846113', '6'],
  ])('%s → %s', (first8, check) => {
    expect(organizationCodeCheckCharacter(first8)).toBe(check);
  });

  it.each(['MA5F000', 'ma5f0000', 'MA5F-000'])('throws on %s', (bad) => {
    expect(() => organizationCodeCheckCharacter(bad)).toThrow(RangeError);
  });
});
