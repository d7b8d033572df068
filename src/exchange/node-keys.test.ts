/** Node keys: creation on first use, file mode, races, rotation, re-reading after a rotation elsewhere, refusing a bad file. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeKeys } from './node-keys.js';
import { signReport } from './sign-report.js';

describe('node keys', () => {
  let dir: string;
  let file: string;
  let now: Date;
  const keysAt = () => new NodeKeys({ file, clock: () => now });

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'credence-node-keys-'));
    file = path.join(dir, 'gd', 'node-keys.json');
    now = new Date('2026-11-27T04:00:00Z');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates one Ed25519 key on first use, readable by its owner only, and keeps it', async () => {
    const first = await keysAt().jwks();
    expect(first.keys).toHaveLength(1);
    const [key] = first.keys;
    expect(key).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[\w-]{43}$/), kid: await calculateJwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: key!.x }), alg: 'EdDSA', use: 'sig' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(first)).not.toContain('"d"');
    expect(await keysAt().jwks()).toEqual(first);
    expect(readdir()).toEqual(['node-keys.json']);
  });

  it('creates a single key when several first uses race', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => keysAt().jwks()));
    expect(new Set(all.map((j) => j.keys[0]!.kid)).size).toBe(1);
    expect(readdir()).toEqual(['node-keys.json']);
  });

  it('rotates: the new key signs, the old one stays published with its kid and a retiredAt', async () => {
    const keys = keysAt();
    const old = (await keys.signingKey()).kid;
    now = new Date('2027-01-01T00:00:00Z');
    const fresh = await keys.rotate();
    expect(fresh).not.toBe(old);
    expect((await keys.signingKey()).kid).toBe(fresh);
    expect((await keys.jwks()).keys.map((k) => k.kid)).toEqual([fresh, old]);
    expect((await keys.keys()).map((k) => [k.kid, k.retiredAt])).toEqual([
      [old, '2027-01-01T00:00:00.000Z'],
      [fresh, undefined],
    ]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('follows a rotation made by another process', async () => {
    const server = new NodeKeys({ file, clock: () => now, recheckMs: 0 });
    const old = (await server.signingKey()).kid;
    const rotated = await keysAt().rotate();
    expect((await server.signingKey()).kid).toBe(rotated);
    expect((await server.jwks()).keys.map((k) => k.kid)).toEqual([rotated, old]);
  });

  it('signs with the current key so that its public JWK verifies', async () => {
    const keys = keysAt();
    const jws = await signReport({ entity: { id: 'e1' } }, await keys.signingKey(), { issuer: 'credence:gd', subject: 'e1', now, validityDays: 30 });
    const jwk = (await keys.jwks()).keys[0]!;
    const { payload, protectedHeader } = await compactVerify(jws, await importJWK(jwk, 'EdDSA'));
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: jwk.kid, typ: 'credence-report+jwt' });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ entity: { id: 'e1' }, iss: 'credence:gd', sub: 'e1', iat: 1795752000, exp: 1795752000 + 30 * 86_400 });
  });

  it.each([
    ['not JSON', 'nope', /not readable JSON/],
    ['no keys', '{"keys":[]}', /not valid: keys/],
    ['a key of another curve', JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256' }] }), /not valid/],
  ])('refuses a key file with %s', async (_what, content, message) => {
    await keysAt().jwks();
    writeFileSync(file, content);
    await expect(keysAt().jwks()).rejects.toThrow(message);
  });

  it('refuses a key whose kid is not its thumbprint', async () => {
    await keysAt().jwks();
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    stored.keys[0].kid = 'someone-else';
    writeFileSync(file, JSON.stringify(stored));
    await expect(keysAt().jwks()).rejects.toThrow(/not the thumbprint/);
  });

  function readdir(): string[] {
    return readdirSync(path.dirname(file));
  }
});
