import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES, parseIdentifier, type IdentifierRules } from './index.js';

const parse = (raw: string, rules: IdentifierRules = DEFAULT_IDENTIFIER_RULES) => parseIdentifier('aeo', raw, rules);

describe('aeo', () => {
  it.each([
    ['AEOCN1234567890', 'AEOCN1234567890'], // Mainland
    ['aeocn 1234567890', 'AEOCN1234567890'],
    ['ＡＥＯＣＮ１２３４５６７８９０', 'AEOCN1234567890'],
    ['MO123456789', 'MO123456789'], // Macao, BRIEF's example
    ['mo 123 456 789', 'MO123456789'],
    ['HK1234567890123', 'HK1234567890123'], // Hong Kong, default configured pattern
    ['hk12345abcde678', 'HK12345ABCDE678'],
  ])('%s → %s', (raw, value) => {
    expect(parse(raw)).toEqual({ ok: true, identifier: { scheme: 'aeo', value }, warnings: [] });
  });

  const anyTerritory =
    'aeo must be AEOCN + 10 digits (Mainland), MO + 9 digits (Macao) or a Hong Kong code matching ^HK[A-Z0-9]{13}$';
  it.each([
    ['AEOCN123456789', 'a Mainland aeo code must be AEOCN followed by 10 digits'],
    ['AEOCN12345678901', 'a Mainland aeo code must be AEOCN followed by 10 digits'],
    ['MO12345678', 'a Macao aeo code must be MO followed by 9 digits'],
    ['MO12345678A', 'a Macao aeo code must be MO followed by 9 digits'],
    ['HK123456789012', anyTerritory],
    ['HK1234567890123-', anyTerritory],
    ['CN1234567890123', anyTerritory],
  ])('rejects %s', (raw, reason) => {
    expect(parse(raw)).toEqual({ ok: false, reason });
  });

  it('uses the configured Hong Kong pattern', () => {
    const rules = { ...DEFAULT_IDENTIFIER_RULES, hkAeoPattern: /^[A-Z0-9]{15}$/ };
    expect(parse('XY1234567890123', rules)).toMatchObject({ ok: true, identifier: { value: 'XY1234567890123' } });
    expect(parse('XY1234567890123')).toMatchObject({ ok: false });
  });
});
