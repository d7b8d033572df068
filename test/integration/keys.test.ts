/**
 * API keys and browser sessions (issue 4 §1), and the audit chain catching a row altered behind the
 * application's back (§8): over HTTP in-process and through the CLI, on both database tiers.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { buildHttpServer } from '../../src/http/server.js';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestServer, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const CLEAN = 'uscc:91440101MA5CXXX05R';
const honours = { entity: CLEAN, context: 'honours' };

describe('keys, sessions and the audit chain', () => {
  let t: TestApp & { server: FastifyInstance };
  let server: FastifyInstance;
  beforeAll(async () => {
    t = await createTestServer([fixture('checks.ndjson')]);
    server = t.server;
  });
  afterAll(async () => {
    await t?.close();
  });

  const check = (headers: Record<string, string>, payload: object = honours) => server.inject({ method: 'POST', url: '/v1/checks', payload, headers });

  it('shows the secret once and stores only its hash', async () => {
    const created = await t.app.keys.create(SERVICE_KEY, 'test');
    // `crd_<id>_<secret>`: the secret is base64url and may itself hold underscores.
    const secret = created.key.split('_').slice(2).join('_');
    expect(secret.length).toBeGreaterThan(20);
    const rows = await queryRows<Record<string, unknown>>(t.app.database.db, sql`select * from api_keys where id = ${created.id}`);
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect((await t.app.keys.list()).find((k) => k.id === created.id)).not.toHaveProperty('key');
    expect((await check({ authorization: `Bearer ${created.key}` })).statusCode).toBe(200);
  });

  it.each([
    ['no credentials', {}, 401],
    ['a malformed header', { authorization: 'Basic abc' }, 401],
    ['an unknown key', { authorization: `Bearer crd_${'0'.repeat(32)}_${'A'.repeat(32)}` }, 401],
  ])('answers %s with %i problem+json', async (_what, headers, status) => {
    const res = await check(headers);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code: 'UNAUTHENTICATED' });
  });

  it('refuses a right key with a wrong secret', async () => {
    const { key } = await t.app.keys.create(SERVICE_KEY, 'test');
    const wrong = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await check({ authorization: `Bearer ${wrong}` })).statusCode).toBe(401);
  });

  it('limits a service key to its contexts, item by item in a batch', async () => {
    const headers = await bearer(t.app, { role: 'service', label: 'portal', contexts: ['public-procurement'] });
    const refused = await check(headers);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', detail: expect.stringContaining('public-procurement') });
    const batch = await server.inject({
      method: 'POST',
      url: '/v1/checks/batch',
      headers,
      payload: { checks: [{ entity: CLEAN, context: 'public-procurement' }, honours] },
    });
    expect(batch.json().items.map((i: { result?: unknown; problem?: { code: string } }) => i.problem?.code ?? 'ok')).toEqual(['ok', 'FORBIDDEN']);
  });

  it('refuses roles that may not check, without data', async () => {
    const entity = await bearer(t.app, { role: 'entity', label: 'rep', entity: CLEAN });
    const res = await check(entity);
    expect(res.statusCode).toBe(403);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
  });

  it('stops a revoked key at once and audits creation and revocation', async () => {
    const created = await t.app.keys.create(SERVICE_KEY, 'test');
    const headers = { authorization: `Bearer ${created.key}` };
    expect((await check(headers)).statusCode).toBe(200);
    await t.app.keys.revoke(created.id, 'test');
    const res = await check(headers);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toContain('revoked');
    const actions = await queryRows<{ action: string }>(t.app.database.db, sql`select action from audit_log where subject = ${`key:${created.id}`} order by seq`);
    expect(actions.map((a) => a.action)).toEqual(['key.create', 'key.revoke']);
  });

  it('stops a key after its expiry', async () => {
    const { key } = await t.app.keys.create({ ...SERVICE_KEY, expiresAt: '2026-12-01T00:00:00Z' }, 'test');
    const later = await buildApp(t.app.config, { clock: () => new Date('2026-12-02T00:00:00Z'), logger: pino({ level: 'silent' }) });
    const laterServer = await buildHttpServer(later);
    try {
      const res = await laterServer.inject({ method: 'POST', url: '/v1/checks', payload: honours, headers: { authorization: `Bearer ${key}` } });
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toContain('expired');
    } finally {
      await laterServer.close();
      await later.close();
    }
  });

  it('opens a browser session from a key, and closes it', async () => {
    const headers = await bearer(t.app, SERVICE_KEY);
    const opened = await server.inject({ method: 'POST', url: '/v1/sessions', headers });
    expect(opened.statusCode).toBe(201);
    const cookie = opened.cookies.find((c) => c.name === 'credence_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(new Date(opened.json().expiresAt).getTime()).toBe(TEST_NOW.getTime() + 8 * 3_600_000);
    const cookies = { credence_session: cookie.value };
    expect((await server.inject({ method: 'GET', url: '/v1/sessions/current', cookies })).json().principal).toMatchObject({ role: 'service' });
    expect((await server.inject({ method: 'POST', url: '/v1/checks', payload: honours, cookies })).statusCode).toBe(200);
    expect((await server.inject({ method: 'DELETE', url: '/v1/sessions/current', cookies })).statusCode).toBe(204);
    // The stale cookie is ignored: public reads still work, protected ones need credentials again.
    expect((await server.inject({ method: 'GET', url: '/v1/sessions/current', cookies })).json().principal).toEqual({ role: 'anonymous' });
    expect((await server.inject({ method: 'POST', url: '/v1/checks', payload: honours, cookies })).statusCode).toBe(401);
  });

  it('refuses to open a session without a key', async () => {
    const res = await server.inject({ method: 'POST', url: '/v1/sessions' });
    expect(res.statusCode).toBe(401);
  });

  it('manages keys from the CLI', async () => {
    const db = ['--db', t.database.flag];
    const created = await runCli(['keys', 'create', ...db, '--role', 'officer', '--authority', 'gd-samr', '--duties', 'reviewer', '--label', 'SAMR', '--json']);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key).toMatchObject({ role: 'officer', authority: 'gd-samr', duties: ['reviewer'], key: expect.stringMatching(/^crd_/) });
    const listed = await runCli(['keys', 'list', ...db]);
    expect(listed.stdout).toContain(key.id);
    expect(listed.stdout).not.toContain(key.key);
    const bad = await runCli(['keys', 'create', ...db, '--role', 'officer', '--authority', 'hk-customs', '--label', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be an authority of this node's jurisdiction");
    expect((await runCli(['keys', 'revoke', ...db, key.id])).code).toBe(0);
  });

  it('names the first entry altered behind its back', async () => {
    await t.app.keys.create(SERVICE_KEY, 'test');
    expect((await t.app.audit.verify()).ok).toBe(true);
    const [second] = await queryRows<{ seq: number | string }>(t.app.database.db, sql`select seq from audit_log order by seq offset 1 limit 1`);
    // Tampering needs the trigger that refuses updates out of the way: only a database superuser can do that.
    await t.app.database.transaction(async (tx) => {
      await tx.db.execute(sql`alter table audit_log disable trigger user`);
      await tx.db.execute(sql`update audit_log set actor = 'someone else' where seq = ${second!.seq}`);
      await tx.db.execute(sql`alter table audit_log enable trigger user`);
    });
    expect(await t.app.audit.verify()).toMatchObject({ ok: false, seq: Number(second!.seq) });
  });
});
