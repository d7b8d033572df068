import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES, parseIdentifier } from './index.js';

const parse = (scheme: 'hk-brn' | 'hk-cr', raw: string) => parseIdentifier(scheme, raw, DEFAULT_IDENTIFIER_RULES);

describe('hk-brn', () => {
  it.each([
    ['12345678', '12345678'],
    ['12345678-000-01-11-1', '12345678'], // business registration certificate number
    ['12345678-001-01-11-1', '12345678'],
    ['12345678-000', '12345678'],
    [' 03645219 ', '03645219'],
    ['１２３４５６７８－０００－０１－１１－１', '12345678'], // full width
    ['12345678\u2013000', '12345678'], // en dash pasted from a document
  ])('%s → %s', (raw, value) => {
    expect(parse('hk-brn', raw)).toEqual({ ok: true, identifier: { scheme: 'hk-brn', value }, warnings: [] });
  });

  it.each([
    ['1234567', 'hk-brn must be 8 digits, got 7'],
    ['123456789', 'hk-brn must be 8 digits, got 9'],
    ...['12345678-00', '12345678-000-01', '12345678-000-01-11-12', '12345678 000', '1234-5678', 'ABCDEFGH', 'F1234567'].map(
      (raw) => [raw, 'hk-brn must be 8 digits, or a business registration certificate number such as 12345678-000-01-11-1'],
    ),
  ])('rejects %s', (raw, reason) => {
    expect(parse('hk-brn', raw)).toEqual({ ok: false, reason });
  });
});

describe('hk-cr (legacy Companies Registry number, alias only)', () => {
  it.each([
    ['1234567', '01234567'],
    ['03645219', '03645219'],
    ['1', '00000001'],
    ['F123456', 'F00123456'],
    ['f0012345', 'F00012345'],
    [' Ｆ１２３ ', 'F00000123'],
  ])('%s → %s', (raw, value) => {
    expect(parse('hk-cr', raw)).toEqual({ ok: true, identifier: { scheme: 'hk-cr', value }, warnings: [] });
  });

  it.each(['123456789', 'F', 'G123', '12-345', '12 345', 'FF123'])('rejects %s', (raw) => {
    expect(parse('hk-cr', raw)).toEqual({
      ok: false,
      reason: 'hk-cr must be 1 to 8 digits, with an F in front for a registered non-Hong Kong company',
    });
  });
});
