/**
 * Node identity and verifiable credit reports (issue 5 §1, §6): the JWKS, report.jws checked by a second,
 * independent JOSE implementation (fast-jwt, the library behind @fastify/jwt — not jose), tampering, unknown
 * keys, expiry, rotation, a partner's report verified against its JWKS fetched over HTTP, and the CLI.
 */
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createVerifier, type TokenError } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.js';
import type { Jwks } from '../../src/exchange/node-keys.js';
import { NodeKeys } from '../../src/exchange/node-keys.js';
import { signReport } from '../../src/exchange/sign-report.js';
import { verifyReport } from '../../src/exchange/verify-report.js';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
/** An entity with a serious penalty: the report carries a list membership and a record. */
const REF = 'uscc:91440101MA5CXXX01D';
const DAY = 86_400_000;

/**
 * Verifies `token` with fast-jwt alone: the key chosen by the header's `kid` from `jwks`, converted from JWK by
 * node:crypto, the claims checked at `now`.
 */
function independentVerify(token: string, jwks: Jwks, now: Date) {
  const verify = createVerifier({
    algorithms: ['EdDSA'],
    complete: true,
    checkTyp: 'credence-report+jwt',
    allowedIss: 'credence:gd',
    requiredClaims: ['iss', 'sub', 'iat', 'exp'],
    clockTimestamp: now.getTime(),
    key: (decoded: { header: { kid?: string } }, cb: (error: Error | null, key: string) => void) => {
      const jwk = jwks.keys.find((k) => k.kid === decoded.header.kid);
      if (!jwk) return cb(new Error(`no key ${decoded.header.kid}`), '');
      cb(null, createPublicKey({ key: { ...jwk } as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }) as string);
    },
  });
  return verify(token) as Promise<{ header: Record<string, unknown>; payload: Record<string, unknown> }>;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'verified',
    (error: TokenError | Error) => ('code' in error ? error.code : error.message),
  );

const tamper = (token: string, change: (payload: Record<string, unknown>) => void) => {
  const [header, body, signature] = token.split('.');
  const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
  change(payload);
  return [header, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
};

describe('signed credit reports', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-signed-'));
  const keyFile = path.join(dir, 'gd-keys.json');
  const hkKeys = new NodeKeys({ file: path.join(dir, 'hk-keys.json'), clock: () => TEST_NOW });
  let hk: Server;
  let t: TestApp;
  let server: FastifyInstance;

  const jwks = async () => (await server.inject({ url: '/.well-known/jwks.json' })).json<Jwks>();
  const signed = async () => {
    const res = await server.inject({ url: `/v1/entities/${REF}/report.jws` });
    expect(res.statusCode).toBe(200);
    return res.body;
  };
  const verifyOverHttp = async (jws: string) => (await server.inject({ method: 'POST', url: '/v1/reports/verify', payload: jws, headers: { 'content-type': 'text/plain' } })).json();

  beforeAll(async () => {
    // A partner node's key service on 127.0.0.1: what gd fetches to verify reports hk signed.
    hk = createServer((request, response) => {
      if (request.url !== '/.well-known/jwks.json') return response.writeHead(404).end();
      void hkKeys.jwks().then((set) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(set)));
    });
    await new Promise<void>((resolve) => hk.listen(0, '127.0.0.1', resolve));
    const hkUrl = `http://127.0.0.1:${(hk.address() as AddressInfo).port}`;
    t = await createTestApp({ CREDENCE_KEY_FILE: keyFile, CREDENCE_PEERS: `hk=${hkUrl}` });
    await t.app.imports.importFiles([fixture('checks.ndjson')]);
    server = await buildHttpServer(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
    await new Promise((resolve) => hk?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the node key as a cacheable JWKS with RFC 7638 kids', async () => {
    const res = await server.inject({ url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const { keys } = res.json<Jwks>();
    expect(keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.any(String), kid: expect.any(String), alg: 'EdDSA', use: 'sig' }]);
    expect(JSON.parse(readFileSync(keyFile, 'utf8')).keys[0].kid).toBe(keys[0]!.kid);
  });

  it('signs the public report so that an independent JOSE library verifies it', async () => {
    const res = await server.inject({ url: `/v1/entities/${REF}/report.jws` });
    expect(res.headers['content-type']).toBe('application/jose');
    const report = (await server.inject({ url: `/v1/entities/${REF}/report` })).json();
    const { header, payload } = await independentVerify(res.body, await jwks(), new Date(TEST_NOW.getTime() + 1000));
    expect(header).toEqual({ alg: 'EdDSA', kid: (await jwks()).keys[0]!.kid, typ: 'credence-report+jwt' });
    const { iss, sub, iat, exp, ...content } = payload;
    expect({ iss, sub, iat, exp }).toEqual({ iss: 'credence:gd', sub: report.entity.id, iat: TEST_NOW.getTime() / 1000, exp: (TEST_NOW.getTime() + 30 * DAY) / 1000 });
    expect(content).toEqual(report);
    expect([report.records.length, report.lists.length]).toEqual([1, 1]);
  });

  it('answers 404 problem+json for an unknown entity', async () => {
    const res = await server.inject({ url: '/v1/entities/uscc:91440101MA5CXXX096/report.jws' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'ENTITY_NOT_FOUND' });
  });

  it('verifies over HTTP, from a text body or {jws}, and gives back the report', async () => {
    const jws = await signed();
    const asText = await verifyOverHttp(jws);
    expect(asText).toMatchObject({ valid: true, issuer: 'credence:gd', issuedAt: TEST_NOW.toISOString(), report: { entity: { identifiers: expect.any(Array) } } });
    const asJson = await server.inject({ method: 'POST', url: '/v1/reports/verify', payload: { jws } });
    expect(asJson.json()).toEqual(asText);
    const garbage = await server.inject({ method: 'POST', url: '/v1/reports/verify', payload: { jws: 'not a jws' } });
    expect(garbage.statusCode).toBe(400);
  });

  it('refuses a tampered payload, in both implementations', async () => {
    const forged = tamper(await signed(), (p) => {
      p.records = [];
      p.lists = [];
    });
    expect(await verifyOverHttp(forged)).toMatchObject({ valid: false, reason: 'bad-signature' });
    expect(await failureOf(independentVerify(forged, await jwks(), TEST_NOW))).toBe('FAST_JWT_INVALID_SIGNATURE');
  });

  it('refuses a report signed by a key the node does not publish', async () => {
    const stray = await new NodeKeys({ file: path.join(dir, 'stray.json'), clock: () => TEST_NOW }).signingKey();
    const report = await t.app.reports.report(REF);
    const forged = await signReport(report, stray, { issuer: 'credence:gd', subject: report.entity.id, now: TEST_NOW, validityDays: 30 });
    expect(await verifyOverHttp(forged)).toMatchObject({ valid: false, reason: 'unknown-key', kid: stray.kid });
    expect(await failureOf(independentVerify(forged, await jwks(), TEST_NOW))).toBe('FAST_JWT_KEY_FETCHING_ERROR');
  });

  it('refuses an expired report, in both implementations', async () => {
    const jws = await signed();
    const later = new Date(TEST_NOW.getTime() + 31 * DAY);
    expect(await verifyReport(jws, t.app.trustedKeys, later)).toMatchObject({ valid: false, reason: 'expired' });
    expect(await failureOf(independentVerify(jws, await jwks(), later))).toBe('FAST_JWT_EXPIRED');
  });

  it("verifies a partner's report against the partner's JWKS, fetched over HTTP", async () => {
    const report = await t.app.reports.report(REF);
    const fromHk = await signReport(report, await hkKeys.signingKey(), { issuer: 'credence:hk', subject: report.entity.id, now: TEST_NOW, validityDays: 7 });
    expect(await verifyOverHttp(fromHk)).toMatchObject({ valid: true, issuer: 'credence:hk', kid: (await hkKeys.signingKey()).kid });
    const fromMo = await signReport(report, await hkKeys.signingKey(), { issuer: 'credence:mo', subject: report.entity.id, now: TEST_NOW, validityDays: 7 });
    expect(await verifyOverHttp(fromMo)).toMatchObject({ valid: false, reason: 'unknown-issuer' });
  });

  describe('after `credence node-key rotate`', () => {
    let before: string;
    let oldKid: string;
    let newKid: string;
    beforeAll(async () => {
      before = await signed();
      oldKid = (await jwks()).keys[0]!.kid;
      const res = await runCli(['node-key', 'rotate', '--json'], { CREDENCE_KEY_FILE: keyFile });
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      newKid = JSON.parse(res.stdout).kid;
    });

    it('publishes the new key first and keeps the old one', async () => {
      expect((await jwks()).keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
      const stored = JSON.parse(readFileSync(keyFile, 'utf8')).keys;
      expect(stored.map((k: { kid: string; retiredAt?: string }) => [k.kid, typeof k.retiredAt])).toEqual([
        [oldKid, 'string'],
        [newKid, 'undefined'],
      ]);
    });

    it('signs new reports with the new key and still verifies the old ones', async () => {
      const after = await signed();
      expect(JSON.parse(Buffer.from(after.split('.')[0]!, 'base64url').toString()).kid).toBe(newKid);
      for (const jws of [before, after]) {
        expect(await verifyOverHttp(jws)).toMatchObject({ valid: true });
        expect((await independentVerify(jws, await jwks(), TEST_NOW)).payload.iss).toBe('credence:gd');
      }
    });
  });

  describe('the CLI', () => {
    const env = { CREDENCE_KEY_FILE: keyFile };
    const file = (name: string) => path.join(dir, name);
    const soon = new Date(TEST_NOW.getTime() + DAY).toISOString();
    let url: string;
    beforeAll(async () => {
      writeFileSync(file('report.jws'), await signed());
      writeFileSync(file('jwks.json'), JSON.stringify(await jwks()));
      writeFileSync(file('forged.jws'), tamper(readFileSync(file('report.jws'), 'utf8').trim(), (p) => (p.disputed = !p.disputed)));
      url = await server.listen({ host: '127.0.0.1', port: 0 });
    });

    // The CLI signs at the real time, the test app's clock stands still at TEST_NOW: both verify at the real time.
    it('`credence report --signed` writes a JWS that verifies', async () => {
      const res = await runCli(['report', REF, '--signed', '--db', t.database.flag, '--out', file('cli-report.jws')], env);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const jws = readFileSync(file('cli-report.jws'), 'utf8');
      expect(await verifyReport(jws, t.app.trustedKeys, new Date())).toMatchObject({ valid: true, issuer: 'credence:gd' });
      expect((await runCli(['verify', file('cli-report.jws')], env)).code).toBe(0);
    });

    it.each([
      ['a JWKS file', () => ['--jwks', file('jwks.json')]],
      ['a JWKS URL', () => ['--jwks', `${url}/.well-known/jwks.json`]],
      ["the node's own key file", () => []],
    ])('`credence verify` exits 0 for a valid report against %s', async (_what, source) => {
      const res = await runCli(['verify', file('report.jws'), ...source(), '--at', soon], env);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/^valid: report on .* signed by credence:gd/);
    });

    it.each([
      ['tampered', 'forged.jws', soon, /invalid report \(bad-signature\)/],
      ['expired', 'report.jws', new Date(TEST_NOW.getTime() + 40 * DAY).toISOString(), /invalid report \(expired\): expired at/],
    ])('`credence verify` exits 1 for a %s report, naming the reason', async (_what, name, at, message) => {
      const res = await runCli(['verify', file(name), '--jwks', file('jwks.json'), '--at', at], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(message);
    });

    it('`credence verify --json` prints the verification and exits 2 for a missing file', async () => {
      const res = await runCli(['verify', file('report.jws'), '--jwks', file('jwks.json'), '--at', soon, '--json'], env);
      expect(JSON.parse(res.stdout)).toMatchObject({ valid: true, issuer: 'credence:gd' });
      expect((await runCli(['verify', file('missing.jws'), '--jwks', file('jwks.json')], env)).code).toBe(2);
    });
  });
});
