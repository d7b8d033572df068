/**
 * The HTTP API in-process (`inject`) against a real database: look-ups, problem+json errors, operations
 * endpoints, the committed OpenAPI document and the web app's types generated from it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/http/server.js';
import { API_TYPES_FILE, apiTypes } from '../../scripts/write-api-types.js';
import { OPENAPI_FILE, formatOpenApi } from '../../scripts/write-openapi.js';
import { createTestApp, type TestApp } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);

describe('HTTP API', () => {
  let t: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.imports.importFiles([fixture('register.ndjson')]);
    server = await buildHttpServer(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });

  it.each([
    ['uscc:9144030071526726XG'],
    ['uscc:9144030071526726xg'],
    ['uscc:９１４４０３００７１５２６７２６ＸＧ'],
    ['aeo:AEOCN4403123456'],
  ])('finds an entity by %s', async (ref) => {
    const res = await get(`/v1/entities/${encodeURIComponent(ref)}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      jurisdiction: 'GD',
      names: expect.arrayContaining([expect.objectContaining({ value: '腾讯科技（深圳）有限公司', lang: 'zh-Hans' })]),
      identifiers: expect.arrayContaining([{ scheme: 'uscc', value: '9144030071526726XG' }]),
      relations: [expect.objectContaining({ kind: 'branch-of', direction: 'incoming', entity: expect.objectContaining({ name: '腾讯科技（深圳）有限公司广州分公司' }) })],
    });
  });

  it('finds an entity by its internal id', async () => {
    const { id } = (await get('/v1/entities/hk-brn:12345678')).json();
    const res = await get(`/v1/entities/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().names.map((n: { value: string }) => n.value)).toEqual(['騰訊控股有限公司', 'Tencent Holdings Limited']);
  });

  it.each([
    ['uscc:123', 400, 'INVALID_ENTITY_REF', /18 characters/],
    ['uscc:91350100M000100Y4Z', 400, 'INVALID_ENTITY_REF', /should be 3/],
    ['no-such-scheme:1', 400, 'INVALID_ENTITY_REF', /scheme/],
    ['9144030071526726XG', 400, 'INVALID_ENTITY_REF', /scheme:value/],
    ['uscc:91350100M000100Y43', 404, 'ENTITY_NOT_FOUND', /no entity uscc:91350100M000100Y43/],
  ])('answers %s with %i problem+json', async (ref, status, code, detail) => {
    const res = await get(`/v1/entities/${encodeURIComponent(ref)}`);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status, code, type: expect.stringMatching(/^\/problems\//), title: expect.any(String) });
    expect(body.detail).toMatch(detail);
  });

  it('looks entities up by identifier query', async () => {
    expect((await get('/v1/entities?identifier=hk-brn:12345678')).json().items).toHaveLength(1);
    expect((await get('/v1/entities?identifier=hk-brn:87654321')).json().items).toEqual([]);
    const bad = await get('/v1/entities?identifier=hk-brn:1');
    expect(bad.statusCode).toBe(400);
    const missing = await get('/v1/entities');
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'INVALID_REQUEST', errors: [expect.objectContaining({ reason: 'exactly one of q and identifier is required' })] });
  });

  it('pages through records', async () => {
    const first = (await get('/v1/entities/uscc:9144030071526726XG/records?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ sourceId: 'GD-SAMR-2026-000123', category: 'penalty', originNode: 'gd' });
    const second = (await get(`/v1/entities/uscc:9144030071526726XG/records?limit=1&after=${first.next}`)).json();
    expect(second.items[0]).toMatchObject({ sourceId: 'GD-TAX-2026-000001', details: { rating: { scheme: 'cn-tax', grade: 'A' } } });
    const last = (await get(`/v1/entities/uscc:9144030071526726XG/records?limit=1&after=${second.next}`)).json();
    expect(last).toEqual({ items: [], next: null });
    expect((await get('/v1/entities/uscc:9144030071526726XG/records?limit=0')).statusCode).toBe(400);
    expect((await get('/v1/entities/uscc:9144030071526726XG/records?after=abc')).statusCode).toBe(400);
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await get('/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('serves health, readiness and metrics', async () => {
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/readyz')).json()).toEqual({ status: 'ready', node: 'gd' });
    const metrics = await get('/metrics');
    expect(metrics.body).toContain('credence_http_request_duration_seconds_bucket');
    expect(metrics.body).toContain('route="/v1/entities/:ref"');
  });

  it('is not ready while its indexes are being built, and is once they are', async () => {
    const warming = t.app.warm();
    const during = await get('/readyz');
    expect(during.statusCode).toBe(503);
    expect(during.json()).toMatchObject({ code: 'UNAVAILABLE', detail: expect.stringContaining('warming up') });
    await warming;
    expect(t.app.warmUp).toEqual({ state: 'warm' });
    expect((await get('/readyz')).statusCode).toBe(200);
  });

  it('serves browsable docs', async () => {
    const res = await get('/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });

  it('serves the OpenAPI 3.1 document that is committed in docs/openapi.json', async () => {
    const served = (await get('/openapi.json')).json();
    expect(served.openapi).toBe('3.1.0');
    expect(formatOpenApi(served)).toBe(readFileSync(OPENAPI_FILE, 'utf8'));
  });

  it('has web/src/api-schema.ts, the web app API types, generated from that document', async () => {
    expect(await apiTypes((await get('/openapi.json')).json())).toBe(readFileSync(API_TYPES_FILE, 'utf8'));
  });
});
