import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES, parseIdentifier, type IdentifierRules } from './index.js';

const parse = (raw: string, rules: IdentifierRules = DEFAULT_IDENTIFIER_RULES) => parseIdentifier('mo-reg', raw, rules);

describe('mo-reg with the default pattern', () => {
  it.each([
    ['12345', '12345'],
    [' 12 345 ', '12345'],
    ['１２３', '123'],
    ['1234567890', '1234567890'],
  ])('%s → %s', (raw, value) => {
    expect(parse(raw)).toEqual({ ok: true, identifier: { scheme: 'mo-reg', value }, warnings: [] });
  });

  it.each(['12345678901', '12345(SO)', 'SO12345', '12-345'])('rejects %s', (raw) => {
    expect(parse(raw)).toEqual({
      ok: false,
      reason: 'mo-reg must match the configured Macau registration number pattern ^\\d{1,10}$',
    });
  });
});

describe('mo-reg with a configured pattern', () => {
  it('applies the pattern to the normalised value', () => {
    const rules = { ...DEFAULT_IDENTIFIER_RULES, moRegPattern: /^\d{1,6}\(SO\)$/ };
    expect(parse('12345 (so)', rules)).toMatchObject({ ok: true, identifier: { value: '12345(SO)' } });
    expect(parse('12345', rules)).toMatchObject({ ok: false });
  });

  it('gives the same answer on every call when the pattern has the g flag', () => {
    const rules = { ...DEFAULT_IDENTIFIER_RULES, moRegPattern: /^\d+$/g };
    expect([1, 2, 3].map(() => parse('12345', rules).ok)).toEqual([true, true, true]);
  });
});
