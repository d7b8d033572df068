import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCompact, splitCompact, verifyCompactSignature } from './compact-jws.js';

describe('signCompact', () => {
  const header = { alg: 'EdDSA', kid: 'k1', typ: 'credence-feed+json' };

  it('writes a compact JWS whose signature checks out', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const token = signCompact(header, JSON.stringify({ summary: '進口未列艙單貨物' }), privateKey).toString('latin1');
    const parts = splitCompact(token)!;
    expect(parts).toBeDefined();
    expect(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))).toEqual({ summary: '進口未列艙單貨物' });
    expect(verifyCompactSignature(parts, publicKey)).toBe(true);
  });

  it('refuses a key that is not Ed25519 rather than cutting its signature short', () => {
    const { privateKey } = generateKeyPairSync('ed448');
    expect(() => signCompact(header, '{}', privateKey)).toThrow(/Ed25519 keys, not ed448/);
  });
});
