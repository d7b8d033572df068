/**
 * The point-of-service check and the public report over HTTP (in-process), against a real database and the
 * gd demo pack, on the fixed test date 2026-11-27.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import { bearer, createTestServer, SERVICE_KEY, type TestApp } from '../support/app.js';
import { writeLines } from '../support/lines.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const SUSPENDED = 'uscc:91440101MA5CXXX01D'; // serious SAMR penalty of 2026-11-20: pending until 2026-12-05
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // court enforcement of 2025-08-01: dishonest judgment debtor
const AEO = 'uscc:91440101MA5CXXX03K'; // customs advanced certified since 2026-01-10
const OLD = 'uscc:91440101MA5CXXX04N'; // a 2019 penalty out of its window, a minor one in it, a revoked one
const CLEAN = 'uscc:91440101MA5CXXX05R'; // no records

describe('checks and reports', () => {
  let t: TestApp & { server: FastifyInstance };
  let server: FastifyInstance;
  let service: { authorization: string };
  beforeAll(async () => {
    t = await createTestServer([fixture('checks.ndjson')]);
    server = t.server;
    service = await bearer(t.app, SERVICE_KEY);
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, payload: unknown) => server.inject({ method: 'POST', url, payload: payload as object, headers: service });

  it.each([
    // entity, context, at, decision, measures, facilitations
    [DEBTOR, 'public-procurement', undefined, 'review', ['court-debtor-procurement-restrict'], []],
    [DEBTOR, 'government-subsidy', undefined, 'review', ['court-debtor-subsidy-restrict'], []],
    [DEBTOR, 'honours', undefined, 'deny', ['court-debtor-no-honours'], []],
    [DEBTOR, 'customs-clearance', undefined, 'allow', [], []],
    [DEBTOR, 'honours', '2025-07-31', 'allow', [], []], // the day before the judgment
    [DEBTOR, 'honours', '2025-08-05', 'allow', [], []], // inside the notice window
    [SUSPENDED, 'public-procurement', undefined, 'allow', [], []], // notice window: pending, no effect yet
    [SUSPENDED, 'public-procurement', '2026-12-04', 'allow', [], []], // last day of the notice window
    [SUSPENDED, 'public-procurement', '2026-12-05', 'review', ['samr-serious-procurement-review'], []],
    [SUSPENDED, 'administrative-licensing', '2026-12-05', 'review', ['samr-serious-licensing-review', 'samr-serious-no-commitment'], []],
    [SUSPENDED, 'inspection', '2026-12-05', 'allow', ['samr-serious-inspection'], []],
    [SUSPENDED, 'honours', '2026-12-05', 'deny', ['samr-serious-no-honours'], []],
    [SUSPENDED, 'honours', '2029-11-20', 'allow', [], []], // the publicity window (and with it the entry) has ended
    [AEO, 'customs-clearance', undefined, 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
    ['aeo:AEOCN4401000003', 'customs-clearance', undefined, 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
    [AEO, 'customs-clearance', '2026-01-09', 'allow', [], []],
    [AEO, 'public-procurement', undefined, 'allow', [], []],
    [OLD, 'public-procurement', undefined, 'allow', [], []],
    [CLEAN, 'honours', undefined, 'allow', [], []],
  ] as const)('%s in %s on %s → %s', async (entity, context, at, decision, measures, facilitations) => {
    const res = await post('/v1/checks', { entity, context, ...(at ? { at } : {}) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ decision, policyVersion: '2026.1', evaluatedAt: at ?? '2026-11-27' });
    expect(body.measures.map((m: { id: string }) => m.id)).toEqual(measures);
    expect(body.facilitations.map((m: { id: string }) => m.id)).toEqual(facilitations);
  });

  it('answers exactly the fields of SPEC §5, naming measure, authority, legal basis and facts', async () => {
    const body = (await post('/v1/checks', { entity: DEBTOR, context: 'honours' })).json();
    expect(Object.keys(body).sort()).toEqual(['decision', 'disputed', 'evaluatedAt', 'facilitations', 'measures', 'policyVersion']);
    expect(body.disputed).toBe(false);
    const [m] = body.measures;
    expect(Object.keys(m).sort()).toEqual(['authority', 'because', 'effect', 'id', 'kind', 'legalBasis']);
    expect(m).toMatchObject({ kind: 'discipline', effect: 'deny', authority: expect.any(String) });
    expect(m.legalBasis[0]).toEqual({ instrument: expect.any(String), article: expect.any(String) });
    expect(m.because).toEqual([
      { recordId: expect.any(String), sourceId: 'CHK-COURT-1', originNode: 'gd', category: 'court-enforcement', decidedOn: '2025-08-01', disputed: false },
    ]);
  });

  it.each([
    [{ entity: DEBTOR, context: 'karaoke' }, 400, 'INVALID_REQUEST', new RegExp(`unknown context "karaoke"; known contexts: ${MEASURE_CONTEXTS.join(', ')}`)],
    [{ entity: 'uscc:91440101MA5CXXX06W', context: 'honours' }, 404, 'ENTITY_NOT_FOUND', /no entity uscc:91440101MA5CXXX06W/],
    [{ entity: 'uscc:123', context: 'honours' }, 400, 'INVALID_ENTITY_REF', /18 characters/],
    [{ entity: DEBTOR, context: 'honours', at: '2026-02-30' }, 400, 'INVALID_REQUEST', /at must be a date/],
    [{ context: 'honours' }, 400, 'INVALID_REQUEST', /entity/],
  ])('refuses %j with %i problem+json', async (payload, status, code, detail) => {
    const res = await post('/v1/checks', payload);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status, code });
    expect(res.json().detail).toMatch(detail);
  });

  it('answers a batch item by item, with a problem for each bad item', async () => {
    const res = await post('/v1/checks/batch', {
      checks: [
        { entity: DEBTOR, context: 'honours' },
        { entity: 'uscc:91440101MA5CXXX06W', context: 'honours' },
        { entity: SUSPENDED, context: 'honours', at: '2026-12-05' },
        { entity: CLEAN, context: 'nowhere' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((i: { result?: { decision: string }; problem?: { code: string } }) => i.result?.decision ?? i.problem?.code)).toEqual([
      'deny',
      'ENTITY_NOT_FOUND',
      'deny',
      'INVALID_REQUEST',
    ]);
    expect(items[1].problem).toMatchObject({ status: 404, type: '/problems/entity-not-found' });
  });

  it.each([
    [1_000, 200],
    [1_001, 400],
    [0, 400],
  ])('a batch of %i checks → %i', async (n, status) => {
    const res = await post('/v1/checks/batch', { checks: Array.from({ length: n }, () => ({ entity: CLEAN, context: 'honours' })) });
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().items).toHaveLength(n);
  });

  it('follows imports: a new record changes the answer without a restart', async () => {
    expect((await post('/v1/checks', { entity: CLEAN, context: 'honours' })).json().decision).toBe('allow');
    const file = writeLines([
      {
        type: 'record', sourceId: 'CHK-COURT-2', subject: CLEAN, category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz',
        decisionNo: '（2026）粤0106执2号', decidedOn: '2026-01-05', legalBasis: [{ instrument: '中华人民共和国民事诉讼法', article: '第二百六十六条' }],
        summary: '未履行生效判决', court: { caseNo: '（2026）粤0106执2号' },
      },
    ]);
    await t.app.imports.importFiles([file]);
    expect((await post('/v1/checks', { entity: CLEAN, context: 'honours' })).json()).toMatchObject({ decision: 'deny', measures: [{ id: 'court-debtor-no-honours' }] });
  });

  describe('public report', () => {
    const report = async (ref: string) => {
      const res = await server.inject({ method: 'GET', url: `/v1/entities/${encodeURIComponent(ref)}/report` });
      expect(res.statusCode).toBe(200);
      return res.json();
    };

    it('shows records inside their publication window only, never revoked ones', async () => {
      const r = await report(OLD);
      expect(r.records.map((x: { sourceId: string }) => x.sourceId)).toEqual(['CHK-NEW-1']);
      expect(r.records[0]).toMatchObject({ publication: { from: '2026-09-01', until: expect.any(String) }, disputed: false, summary: expect.any(String) });
      expect(r).toMatchObject({ policyVersion: '2026.1', asOf: '2026-11-27', lists: [], disputed: false });
    });

    it('shows list memberships with legal basis, start, end and remedies', async () => {
      const r = await report(SUSPENDED);
      expect(r.entity).toMatchObject({ identifiers: [{ scheme: 'uscc', value: '91440101MA5CXXX01D' }], names: [{ value: '广州示例停业有限公司' }] });
      expect(r.lists).toEqual([
        expect.objectContaining({
          listId: 'samr-serious-illegal-dishonest',
          state: 'pending',
          triggeredOn: '2026-11-20',
          start: '2026-12-05',
          end: '2029-11-20',
          legalBasis: expect.arrayContaining([expect.objectContaining({ instrument: expect.stringContaining('Order No. 44') })]),
          remedies: expect.objectContaining({ earlyRemovalFrom: '2027-12-05', repairable: true }),
        }),
      ]);
    });

    it('shows ratings in force', async () => {
      expect((await report(AEO)).ratings).toEqual([expect.objectContaining({ scheme: 'cn-customs', grade: 'advanced-certified', since: '2026-01-10' })]);
    });

    it('answers an unknown entity with 404', async () => {
      const res = await server.inject({ method: 'GET', url: '/v1/entities/uscc:91440101MA5CXXX06W/report' });
      expect(res.statusCode).toBe(404);
    });
  });
});
