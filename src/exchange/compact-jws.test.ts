import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signCompact, splitCompact, verifyCompactSignature, verifyingKey } from './compact-jws.js';

describe('signCompact', () => {
  const header = { alg: 'EdDSA', kid: 'k1', typ: 'credence-feed+json' };

  it('writes a compact JWS whose signature checks out', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const token = signCompact(header, JSON.stringify({ summary: '進口未列艙單貨物' }), privateKey).toString('latin1');
    const parts = splitCompact(token)!;
    expect(parts).toBeDefined();
    expect(JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))).toEqual({ summary: '進口未列艙單貨物' });
    expect(verifyCompactSignature(parts, verifyingKey(publicKey))).toBe(true);
  });

  it('refuses a key that is not Ed25519 rather than cutting its signature short', () => {
    const { privateKey } = generateKeyPairSync('ed448');
    expect(() => signCompact(header, '{}', privateKey)).toThrow(/Ed25519 keys, not ed448/);
  });
});

describe('verifyCompactSignature', () => {
  const header = { alg: 'EdDSA', kid: 'k1', typ: 'credence-feed+json' };
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key = verifyingKey(publicKey);
  const other = verifyingKey(generateKeyPairSync('ed25519').publicKey);
  // A report's size goes to libsodium, a feed page's to node:crypto: both must agree.
  const sizes = { 'a short input (libsodium)': 2_000, 'a long input (node:crypto)': 200_000 };

  for (const [name, size] of Object.entries(sizes)) {
    describe(name, () => {
      const parts = splitCompact(signCompact(header, JSON.stringify({ text: '進口'.repeat(size / 6) }), privateKey).toString('latin1'))!;
      const flipped = (part: string) => (part[0] === 'A' ? 'B' : 'A') + part.slice(1);

      it('accepts the signer’s signature', () => expect(verifyCompactSignature(parts, key)).toBe(true));
      it('refuses another key', () => expect(verifyCompactSignature(parts, other)).toBe(false));
      it('refuses an altered payload', () => expect(verifyCompactSignature([parts[0], flipped(parts[1]), parts[2]], key)).toBe(false));
      it('refuses an altered signature', () => expect(verifyCompactSignature([parts[0], parts[1], flipped(parts[2])], key)).toBe(false));
      it('refuses a signature of another length without throwing', () => {
        expect(verifyCompactSignature([parts[0], parts[1], parts[2].slice(0, 43)], key)).toBe(false);
        expect(verifyCompactSignature([parts[0], parts[1], ''], key)).toBe(false);
      });
    });
  }

  it('takes only Ed25519 public keys', () => {
    expect(() => verifyingKey(privateKey)).toThrow(/Ed25519 public key/);
    expect(() => verifyingKey(generateKeyPairSync('ed448').publicKey)).toThrow(/Ed25519 public key/);
  });
});
