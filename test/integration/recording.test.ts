/**
 * Officers' recording over HTTP (in-process) on the checks fixture, on the fixed test date 2026-11-27:
 * records created, corrected and revoked take effect in the very next check (no waiting), idempotently on
 * the source id, each audited, and only by recorders of the issuing authority.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestServer, SERVICE_KEY, type TestApp } from '../support/app.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // court enforcement of 2025-08-01 (CHK-COURT-1): dishonest judgment debtor
const CLEAN = 'uscc:91440101MA5CXXX05R'; // no records
const SUSPENDED = 'uscc:91440101MA5CXXX01D';

/** A serious SAMR penalty with business suspension, decided 2026-10-01: on the serious-dishonesty list by today. */
const serious = (fields: Record<string, unknown> = {}) => ({
  sourceId: 'API-SAMR-1',
  subject: CLEAN,
  category: 'penalty',
  domain: 'market',
  severity: 'serious',
  authority: 'gd-samr',
  decisionNo: '穗市监罚〔2026〕100号',
  decidedOn: '2026-10-01',
  legalBasis: [{ instrument: '中华人民共和国行政处罚法', article: '第九条' }],
  summary: '生产销售不合格产品，责令停业整顿',
  penalty: { kinds: ['fine', 'business-suspension'], amount: { value: 500000, currency: 'CNY' } },
  ...fields,
});

describe('recording', () => {
  let t: TestApp & { server: FastifyInstance };
  let server: FastifyInstance;
  let headers: Record<'recorder' | 'court' | 'reviewer' | 'otherAuthority' | 'entity' | 'service', { authorization: string }>;
  beforeAll(async () => {
    t = await createTestServer([fixture('checks.ndjson')]);
    server = t.server;
    headers = {
      recorder: await bearer(t.app, { role: 'officer', label: 'samr recorder', authority: 'gd-samr', duties: ['recorder'] }),
      court: await bearer(t.app, { role: 'officer', label: 'court recorder', authority: 'gd-court-gz', duties: ['recorder'] }),
      reviewer: await bearer(t.app, { role: 'officer', label: 'samr reviewer', authority: 'gd-samr', duties: ['reviewer'] }),
      otherAuthority: await bearer(t.app, { role: 'officer', label: 'tax recorder', authority: 'gd-tax', duties: ['recorder'] }),
      entity: await bearer(t.app, { role: 'entity', label: 'clean', entity: CLEAN }),
      service: await bearer(t.app, SERVICE_KEY),
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, payload: unknown, as?: { authorization: string }) =>
    server.inject({ method: 'POST', url, payload: payload as object, ...(as ? { headers: as } : {}) });
  const decision = async (entity: string, context = 'honours') => (await post('/v1/checks', { entity, context }, headers.service)).json().decision as string;
  const audit = (subject: string) =>
    queryRows<{ action: string; actor: string; detail: Record<string, unknown> }>(t.app.database.db, sql`select action, actor, detail from audit_log where subject = ${subject} order by seq`);

  let recorded: { id: number; sourceId: string };

  it('records a decision and the very next check answers by it', async () => {
    expect(await decision(CLEAN)).toBe('allow');
    const res = await post('/v1/records', serious(), headers.recorder);
    expect(res.statusCode).toBe(201);
    recorded = res.json();
    expect(recorded).toMatchObject({
      sourceId: 'API-SAMR-1',
      originNode: 'gd',
      category: 'penalty',
      severity: 'serious',
      authority: 'gd-samr',
      status: 'active',
      details: { penalty: { kinds: ['fine', 'business-suspension'], amount: { value: 500000, currency: 'CNY' } } },
    });
    expect(await decision(CLEAN)).toBe('deny');
    expect((await server.inject({ method: 'GET', url: `/v1/records/${recorded.id}` })).json()).toEqual(recorded);
    const [entry] = await audit(`record:${recorded.id}`);
    expect(entry).toMatchObject({ action: 'record.create', detail: { sourceId: 'API-SAMR-1', after: expect.stringMatching(/^[0-9a-f]{64}$/) } });
  });

  it('takes the same record again as a repeat, and refuses different content under its source id', async () => {
    const again = await post('/v1/records', { type: 'record', ...serious() }, headers.recorder);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(recorded);
    const changed = await post('/v1/records', serious({ summary: '另一个决定' }), headers.recorder);
    expect(changed.statusCode).toBe(409);
    expect(changed.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(changed.json()).toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining(`/v1/records/${recorded.id}/correction`) });
    expect(await audit(`record:${recorded.id}`)).toHaveLength(1);
  });

  it.each([
    ['an officer of another authority', 'otherAuthority', 403, /reaches only what gd-tax issued/],
    ['an officer without the recorder duty', 'reviewer', 403, /recorder duty/],
    ['an entity key', 'entity', 403, /officer/],
    ['no key', undefined, 401, /Bearer/],
  ] as const)('refuses %s', async (_label, who, status, detail) => {
    const res = await post('/v1/records', serious({ sourceId: 'API-REFUSED' }), who && headers[who]);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, detail: expect.stringMatching(detail) });
    expect(res.json()).not.toHaveProperty('id');
  });

  it.each([
    ['a missing legal basis', { legalBasis: undefined }, 'legalBasis'],
    ['a decision dated after today', { decidedOn: '2026-11-28' }, 'decidedOn'],
    ['an unknown entity', { subject: 'uscc:91440101MA5CXXX06W' }, 'subject'],
    ['a field outside the interchange format', { director: '张三' }, 'director'],
    ['a penalty without its block', { penalty: undefined }, 'penalty'],
  ])('refuses %s with the field named', async (_label, fields, field) => {
    const res = await post('/v1/records', serious({ sourceId: 'API-INVALID', ...fields }), headers.recorder);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_REQUEST', errors: expect.arrayContaining([expect.objectContaining({ field })]) });
  });

  it('corrects a record: the old one is marked corrected, the new one carries the correction, effects follow', async () => {
    const res = await post(`/v1/records/${recorded.id}/correction`, { severity: 'general', reason: 'the violation was not serious' }, headers.recorder);
    expect(res.statusCode).toBe(201);
    const { corrected, record } = res.json();
    expect(corrected).toMatchObject({ id: recorded.id, status: 'corrected', severity: 'serious' });
    expect(record).toMatchObject({
      sourceId: 'API-SAMR-1#c1',
      status: 'active',
      severity: 'general',
      summary: '生产销售不合格产品，责令停业整顿',
      details: { corrects: recorded.id, penalty: { kinds: ['fine', 'business-suspension'] } },
    });
    // A general penalty puts nobody on the serious-dishonesty list.
    expect(await decision(CLEAN)).toBe('allow');
    const [, entry] = await audit(`record:${recorded.id}`);
    expect(entry).toMatchObject({ action: 'record.correct', detail: { correction: record.id, reason: 'the violation was not serious' } });
    expect(entry!.detail['before']).toMatch(/^[0-9a-f]{64}$/);
    expect(entry!.detail['after']).not.toBe(entry!.detail['before']);

    const twice = await post(`/v1/records/${recorded.id}/correction`, { severity: 'minor', reason: 'again' }, headers.recorder);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(/is corrected/);
    const second = await post(`/v1/records/${record.id}/correction`, { summary: '更正后的摘要', reason: 'wording' }, headers.recorder);
    expect(second.json().record).toMatchObject({ sourceId: 'API-SAMR-1#c2', severity: 'general', details: { corrects: record.id } });
  });

  it('refuses corrections that would make the record invalid or that change what cannot be corrected', async () => {
    const res = await post('/v1/records', serious({ sourceId: 'API-SAMR-2', subject: SUSPENDED, severity: 'general' }), headers.recorder);
    const id = res.json().id as number;
    const invalid = await post(`/v1/records/${id}/correction`, { category: 'rating', reason: 'wrong category' }, headers.recorder);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'rating' })]));
    const fixed = await post(`/v1/records/${id}/correction`, { authority: 'gd-tax', reason: 'x' }, headers.recorder);
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json().errors).toEqual([expect.objectContaining({ field: 'authority' })]);
    const withoutReason = await post(`/v1/records/${id}/correction`, { summary: 'x' }, headers.recorder);
    expect(withoutReason.statusCode).toBe(400);
    expect(withoutReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
  });

  it('revokes an imported record: its effects end at once, audited; a second revocation is refused', async () => {
    expect(await decision(DEBTOR)).toBe('deny');
    const [court] = await queryRows<{ id: number | string }>(t.app.database.db, sql`select id from records where source_id = 'CHK-COURT-1'`);
    const id = Number(court!.id);
    expect((await post(`/v1/records/${id}/revocation`, { reason: 'the judgment was set aside' }, headers.recorder)).statusCode).toBe(403);
    const res = await post(`/v1/records/${id}/revocation`, { reason: 'the judgment was set aside' }, headers.court);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, sourceId: 'CHK-COURT-1', status: 'revoked' });
    expect(await decision(DEBTOR)).toBe('allow');
    const [entry] = await audit(`record:${id}`);
    expect(entry).toMatchObject({ action: 'record.revoke', detail: { reason: 'the judgment was set aside', before: expect.any(String), after: expect.any(String) } });
    const again = await post(`/v1/records/${id}/revocation`, { reason: 'again' }, headers.court);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', detail: expect.stringMatching(/is revoked/) });
  });

  it('answers 404 for a record that does not exist and 400 for an id that is not one', async () => {
    expect((await server.inject({ method: 'GET', url: '/v1/records/999999' })).statusCode).toBe(404);
    expect((await post('/v1/records/999999/revocation', { reason: 'x' }, headers.recorder)).statusCode).toBe(404);
    expect((await server.inject({ method: 'GET', url: '/v1/records/abc' })).statusCode).toBe(400);
  });

  it('keeps the audit chain intact through all of it', async () => {
    await expect(t.app.audit.verify()).resolves.toMatchObject({ ok: true });
  });
});
