/** verifyReport: every reason a signed report is refused, one row each, and the valid case with its claims. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompactSign } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing, parseJwks } from './key-ring.js';
import { NodeKeys, type SigningKey } from './node-keys.js';
import { REPORT_TYP, signReport } from './sign-report.js';
import { verifyReport, type InvalidReason } from './verify-report.js';

const ISSUED = new Date('2026-11-27T04:00:00Z');
const REPORT = { entity: { id: 'e1', names: [{ value: '广州示例有限公司' }] }, lists: [], records: [{ id: 1 }] };

describe('verifyReport', () => {
  let dir: string;
  let signer: SigningKey;
  let other: SigningKey;
  let ring: KeyRing;
  let jws: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'credence-verify-'));
    const gd = new NodeKeys({ file: path.join(dir, 'gd.json'), clock: () => ISSUED });
    signer = await gd.signingKey();
    other = await new NodeKeys({ file: path.join(dir, 'other.json'), clock: () => ISSUED }).signingKey();
    const jwks = await gd.jwks();
    ring = new KeyRing(async (issuer) => (issuer === 'credence:gd' ? jwks : undefined));
    jws = await sign({});
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sign = (o: { key?: SigningKey; issuer?: string; now?: Date }) =>
    signReport(REPORT, o.key ?? signer, { issuer: o.issuer ?? 'credence:gd', subject: 'e1', now: o.now ?? ISSUED, validityDays: 30 });
  const at = (iso: string) => new Date(iso);

  it('accepts a report of a known issuer inside its validity and gives back the report without the claims', async () => {
    expect(await verifyReport(jws, ring, at('2026-12-01T00:00:00Z'))).toEqual({
      valid: true,
      issuer: 'credence:gd',
      subject: 'e1',
      kid: signer.kid,
      issuedAt: '2026-11-27T04:00:00.000Z',
      expiresAt: '2026-12-27T04:00:00.000Z',
      report: REPORT,
    });
  });

  const withPayload = (token: string, change: (p: Record<string, unknown>) => void) => {
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    change(payload);
    return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
  };
  const withPart = (token: string, index: number, change: (part: string) => string) =>
    token.split('.').map((part, i) => (i === index ? change(part) : part)).join('.');
  const signedWith = (header: Record<string, unknown>, payload: object) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', ...header }).sign(signer.key);
  const b64 = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const claims = { iss: 'credence:gd', sub: 'e1', iat: 1795752000, exp: 1798344000 };

  const cases: [string, () => Promise<string>, string, InvalidReason][] = [
    ['two parts only', async () => jws.split('.').slice(0, 2).join('.'), '2026-12-01', 'malformed'],
    ['a header that is not JSON', async () => `bm9wZQ.${jws.split('.')[1]}.${jws.split('.')[2]}`, '2026-12-01', 'malformed'],
    ['no claims', () => signedWith({ kid: signer.kid, typ: REPORT_TYP }, REPORT), '2026-12-01', 'malformed'],
    ['no kid', () => signedWith({ typ: REPORT_TYP }, { ...REPORT, ...claims }), '2026-12-01', 'malformed'],
    ['another typ', () => signedWith({ kid: signer.kid, typ: 'JWT' }, { ...REPORT, ...claims }), '2026-12-01', 'wrong-type'],
    ['alg none', async () => `${b64({ alg: 'none', kid: signer.kid, typ: REPORT_TYP })}.${jws.split('.')[1]}.`, '2026-12-01', 'unsupported-algorithm'],
    ['a critical header extension', async () => [b64({ alg: 'EdDSA', kid: signer.kid, typ: REPORT_TYP, crit: ['b64'], b64: false }), ...jws.split('.').slice(1)].join('.'), '2026-12-01', 'malformed'],
    ['a payload with characters outside base64url', async () => withPart(jws, 1, (p) => `${p.slice(0, 8)}+/${p.slice(10)}`), '2026-12-01', 'malformed'],
    ['a payload with a line break in it', async () => withPart(jws, 1, (p) => `${p.slice(0, 40)}\n${p.slice(40)}`), '2026-12-01', 'malformed'],
    ['a padded payload', async () => withPart(jws, 1, (p) => `${p}==`), '2026-12-01', 'malformed'],
    ['a signature that is not base64url', async () => `${jws.slice(0, -2)}+/`, '2026-12-01', 'malformed'],
    ['an empty signature', async () => `${jws.split('.').slice(0, 2).join('.')}.`, '2026-12-01', 'bad-signature'],
    ['an unknown issuer', async () => sign({ issuer: 'credence:xx' }), '2026-12-01', 'unknown-issuer'],
    ['a key the issuer does not publish', async () => sign({ key: other }), '2026-12-01', 'unknown-key'],
    ['a payload altered after signing', async () => withPayload(jws, (p) => ((p.records as unknown[]).length = 0)), '2026-12-01', 'bad-signature'],
    ['a later exp written in', async () => withPayload(jws, (p) => (p.exp = (p.exp as number) + 86_400)), '2026-12-28', 'bad-signature'],
    ['a signature of another report', async () => `${jws.split('.').slice(0, 2).join('.')}.${(await sign({ now: at('2026-11-28T00:00:00Z') })).split('.')[2]}`, '2026-12-01', 'bad-signature'],
    ['the instant it expires', async () => jws, '2026-12-27T04:00:00Z', 'expired'],
    ['a year later', async () => jws, '2027-11-27', 'expired'],
    ['an issue time after now', async () => jws, '2026-11-27T03:58:00Z', 'issued-in-future'],
  ];

  it.each(cases)('refuses %s', async (_what, token, now, reason) => {
    const v = await verifyReport(await token(), ring, at(now));
    expect(v).toMatchObject({ valid: false, reason });
  });

  it('allows a minute of clock skew between nodes', async () => {
    expect((await verifyReport(jws, ring, at('2026-11-27T03:59:30Z'))).valid).toBe(true);
  });

  it('says when the issuer keys cannot be fetched', async () => {
    const down = new KeyRing(async () => Promise.reject(new Error('connect ECONNREFUSED')));
    expect(await verifyReport(jws, down, ISSUED)).toMatchObject({ valid: false, reason: 'issuer-unreachable', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('fetches the JWKS again once when a kid is missing (the issuer rotated)', async () => {
    const calls: (boolean | undefined)[] = [];
    const rotated = await new NodeKeys({ file: path.join(dir, 'gd.json'), clock: () => ISSUED }).jwks();
    const refreshing = new KeyRing(async (_issuer, options) => {
      calls.push(options?.refresh);
      return options?.refresh ? rotated : { keys: [] };
    });
    expect((await verifyReport(jws, refreshing, ISSUED)).valid).toBe(true);
    expect(calls).toEqual([undefined, true]);
  });

  it('keeps only Ed25519 signing keys of a published JWKS', () => {
    expect(parseJwks({ keys: [{ kty: 'RSA', n: 'x', e: 'AQAB', kid: 'r' }, { kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k' }] })).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'A'.repeat(43), kid: 'k', alg: 'EdDSA', use: 'sig' }],
    });
    expect(() => parseJwks({ nokeys: true })).toThrow();
  });
});
