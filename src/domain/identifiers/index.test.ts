import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IDENTIFIER_RULES,
  formatIdentifier,
  IDENTIFIER_SCHEMES,
  identifierCandidates,
  parseEntityRef,
  parseIdentifier,
  type Identifier,
  type IdentifierRules,
} from './index.js';

const RULES = DEFAULT_IDENTIFIER_RULES;
const FLAG: IdentifierRules = { ...RULES, usccChecksum: 'flag' };
const UUID = '3f2a6c1e-8b4d-4e2a-9c7f-0a1b2c3d4e5f';

describe('parseIdentifier', () => {
  it('dispatches every scheme', () => {
    const samples: Record<(typeof IDENTIFIER_SCHEMES)[number], string> = {
      uscc: '9144030071526726XG',
      'hk-brn': '12345678',
      'hk-cr': 'F123',
      'mo-reg': '12345',
      lei: '5493001KJTIIGC8Y1R12',
      aeo: 'MO123456789',
    };
    for (const scheme of IDENTIFIER_SCHEMES) {
      expect(parseIdentifier(scheme, samples[scheme], RULES)).toMatchObject({ ok: true, identifier: { scheme } });
    }
  });

  it.each([
    ['USCC', '9144030071526726xg', { ok: true, identifier: { scheme: 'uscc', value: '9144030071526726XG' }, warnings: [] }],
    [' Hk-Brn ', '12345678', { ok: true, identifier: { scheme: 'hk-brn', value: '12345678' }, warnings: [] }],
    ['duns', '123456789', { ok: false, reason: "unknown identifier scheme 'duns'; use one of uscc, hk-brn, hk-cr, mo-reg, lei, aeo" }],
    ['uscc', '', { ok: false, reason: 'uscc value is empty' }],
    ['hk-brn', ' \u3000 ', { ok: false, reason: 'hk-brn value is empty' }],
  ])('(%j, %j)', (scheme, raw, expected) => {
    expect(parseIdentifier(scheme, raw, RULES)).toEqual(expected);
  });

  it('does not depend on the defaults being mutable', () => {
    expect(Object.isFrozen(DEFAULT_IDENTIFIER_RULES)).toBe(true);
    expect(DEFAULT_IDENTIFIER_RULES.usccChecksum).toBe('reject');
  });
});

describe('parseEntityRef', () => {
  const uscc = (value: string) => ({ kind: 'identifier', identifier: { scheme: 'uscc', value } });

  it.each([
    ['uscc:9144030071526726XG', uscc('9144030071526726XG')],
    ['uscc:９１４４０３００７１５２６７２６ｘｇ', uscc('9144030071526726XG')],
    ['USCC：9144030071526726xg', uscc('9144030071526726XG')], // full-width colon
    [' uscc: 9144030071526726XG ', uscc('9144030071526726XG')],
    ['hk-brn:12345678-000-01-11-1', { kind: 'identifier', identifier: { scheme: 'hk-brn', value: '12345678' } }],
    ['aeo:AEOCN1234567890', { kind: 'identifier', identifier: { scheme: 'aeo', value: 'AEOCN1234567890' } }],
    [UUID, { kind: 'id', id: UUID }],
    [` ${UUID.toUpperCase()} `, { kind: 'id', id: UUID }],
  ])('%s', (raw, ref) => {
    expect(parseEntityRef(raw, RULES)).toEqual({ ok: true, ref, warnings: [] });
  });

  it.each([
    ['uscc:91350100M000100Y4Z', 'uscc check character is Z but should be 3 (Z is not in the USCC character set)'],
    ['uscc:92440300MA5F0000XX', expect.stringContaining('individual businesses are out of scope')],
    ['uscc:', 'uscc value is empty'],
    ['duns:123456789', "unknown identifier scheme 'duns'; use one of uscc, hk-brn, hk-cr, mo-reg, lei, aeo"],
    ['Tencent', 'entity reference must be scheme:value (e.g. uscc:9144030071526726XG) or an entity id (a UUID)'],
    ['3f2a6c1e8b4d4e2a9c7f0a1b2c3d4e5f', 'entity reference must be scheme:value (e.g. uscc:9144030071526726XG) or an entity id (a UUID)'],
    [
      '9144030071526726XG',
      'entity reference must be scheme:value (e.g. uscc:9144030071526726XG) or an entity id (a UUID); did you mean uscc:9144030071526726XG?',
    ],
    [
      '1234567',
      'entity reference must be scheme:value (e.g. uscc:9144030071526726XG) or an entity id (a UUID); did you mean hk-cr:01234567 or mo-reg:1234567?',
    ],
  ])('rejects %s', (raw, reason) => {
    expect(parseEntityRef(raw, RULES)).toEqual({ ok: false, reason });
  });

  it('passes identifier warnings through', () => {
    const result = parseEntityRef('uscc:91350100M0001TGQXM', FLAG);
    expect(result).toMatchObject({ ok: true, ref: uscc('91350100M0001TGQXM') });
    expect(result.ok && result.warnings).toHaveLength(1);
  });
});

describe('formatIdentifier', () => {
  const identifiers: Identifier[] = [
    { scheme: 'uscc', value: '9144030071526726XG' },
    { scheme: 'hk-brn', value: '12345678' },
    { scheme: 'hk-cr', value: 'F00000123' },
    { scheme: 'mo-reg', value: '12345' },
    { scheme: 'lei', value: '7LTWFZYICNSX8D621K86' },
    { scheme: 'aeo', value: 'HK1234567890123' },
  ];

  it.each(identifiers)('round-trips $scheme:$value through parseEntityRef', (identifier) => {
    const text = formatIdentifier(identifier);
    expect(text).toBe(`${identifier.scheme}:${identifier.value}`);
    expect(parseEntityRef(text, RULES)).toEqual({ ok: true, ref: { kind: 'identifier', identifier }, warnings: [] });
  });
});

describe('identifierCandidates', () => {
  it.each<[string, Identifier[]]>([
    ['9144030071526726xg', [{ scheme: 'uscc', value: '9144030071526726XG' }]],
    [
      '12345678',
      [
        { scheme: 'hk-brn', value: '12345678' },
        { scheme: 'hk-cr', value: '12345678' },
        { scheme: 'mo-reg', value: '12345678' },
      ],
    ],
    ['12345678-000-01-11-1', [{ scheme: 'hk-brn', value: '12345678' }]],
    ['F123', [{ scheme: 'hk-cr', value: 'F00000123' }]],
    ['5493001KJTIIGC8Y1R12', [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }]],
    ['mo123456789', [{ scheme: 'aeo', value: 'MO123456789' }]],
    ['lei:5493001kjtiigc8y1r12', [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }]],
    ['mo-reg:12345678', [{ scheme: 'mo-reg', value: '12345678' }]],
    ['91350100M000100Y4Z', []],
    ['92440300MA5F0000XX', []],
    ['腾讯科技', []],
    ['uscc:bad', []],
    ['', []],
  ])('%j', (query, expected) => {
    expect(identifierCandidates(query, RULES)).toEqual(expected);
  });

  it('follows the rules: a pilot-era USCC is a candidate only when checksums are flagged', () => {
    expect(identifierCandidates('91350100M0001TGQXM', RULES)).toEqual([]);
    expect(identifierCandidates('91350100M0001TGQXM', FLAG)).toEqual([{ scheme: 'uscc', value: '91350100M0001TGQXM' }]);
  });
});
