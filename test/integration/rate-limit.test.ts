/**
 * Rate limits (issue 8 §1): per key and per address of anonymous callers, each counted apart; over the limit a
 * 429 problem+json with `retry-after` and `x-ratelimit-*` (answers within the limit carry no such header); health,
 * readiness and metrics never limited.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestServer, SERVICE_KEY, type TestApp } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);

describe('rate limits', () => {
  let t: TestApp & { server: FastifyInstance };

  beforeAll(async () => {
    t = await createTestServer([fixture('checks.ndjson')], { CREDENCE_RATE_LIMIT_PER_ADDRESS: '5', CREDENCE_RATE_LIMIT_PER_KEY: '3' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('limits anonymous callers per address, and never health, readiness or metrics', async () => {
    for (let i = 0; i < 5; i++) {
      const answer = await t.server.inject({ method: 'GET', url: '/v1/entities?q=示例' });
      expect(answer.statusCode).toBe(200);
      expect(Object.keys(answer.headers).filter((h) => h.startsWith('x-ratelimit-'))).toEqual([]);
    }
    const refused = await t.server.inject({ method: 'GET', url: '/v1/entities?q=示例' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers).toMatchObject({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0' });
    expect(refused.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', detail: expect.stringMatching(/more than 5 requests a minute from this address/) });
    for (const url of ['/healthz', '/readyz', '/metrics']) {
      for (let i = 0; i < 8; i++) expect((await t.server.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('limits each key apart from the others and from its address', async () => {
    const first = await bearer(t.app, SERVICE_KEY);
    const second = await bearer(t.app, SERVICE_KEY);
    const check = (headers: { authorization: string }) =>
      t.server.inject({ method: 'POST', url: '/v1/checks', headers, payload: { entity: 'uscc:91440101MA5CXXX01D', context: 'public-procurement' } });
    for (let i = 0; i < 3; i++) expect((await check(first)).statusCode).toBe(200);
    const refused = await check(first);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', detail: expect.stringMatching(/more than 3 requests a minute from this key/) });
    expect((await check(second)).statusCode).toBe(200);
  });
});
