/**
 * Search and matching against a real database, through the real import: the evaluation corpus imported as
 * interchange lines, queries by kind over HTTP, the jurisdiction filter and limits, problem+json for bad
 * input, POST /v1/match, branch proposals, the index following a later import, and `credence search`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '../../src/domain/identifiers/uscc.js';
import type { SearchableEntity } from '../../src/domain/names/index.js';
import { buildHttpServer } from '../../src/http/server.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase } from '../support/database.js';
import { registerIds, searchCorpus, searchQueries, writeEntityLines } from '../support/search-fixture.js';

const uscc = (first17: string) => `${first17}${usccCheckCharacter(first17)}`;

describe('search and matching', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-search-'));
  const corpusFile = path.join(dir, 'corpus.ndjson');
  const corpus = searchCorpus();
  const queries = searchQueries();
  let t: TestApp;
  let server: FastifyInstance;
  let ids: Map<string, string>;
  const fixture = (id: string) => corpus.find((e) => e.id === id)!;

  beforeAll(async () => {
    writeEntityLines(corpusFile, corpus);
    t = await createTestApp();
    const summary = await t.app.imports.importFiles([corpusFile]);
    expect(summary.rejected).toBe(0);
    server = await buildHttpServer(t.app);
    ids = await registerIds(t.app, corpus);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const get = (url: string) => server.inject({ method: 'GET', url });
  const search = async (q: string, extra = '') => {
    const res = await get(`/v1/entities?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { entity: { id: string; jurisdiction: string }; score: number; explanation: string[] }[];
  };
  const match = (body: unknown) => server.inject({ method: 'POST', url: '/v1/match', payload: body as object });

  it.each(['simplified', 'traditional', 'en-suffix', 'pt-accent', 'width', 'bracket', 'region', 'hk-variant', 'typo', 'identifier'])(
    'ranks the right entity first for %s queries',
    async (kind) => {
      const sample = queries.filter((q) => q.kind === kind).slice(0, 4);
      expect(sample.length).toBeGreaterThan(0);
      for (const q of sample) {
        const [first] = await search(q.query);
        expect(q.expected.map((id) => ids.get(id)), q.query).toContain(first?.entity.id);
        expect(first!.score).toBeGreaterThan(0);
        expect(first!.score).toBeLessThanOrEqual(1);
        expect(first!.explanation.length).toBeGreaterThan(0);
      }
    },
  );

  it('resolves identifiers exactly, in any width and with spaces', async () => {
    const entity = fixture('gd-00001');
    const code = entity.identifiers[0]!.value;
    const fullWidth = [...code.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    for (const q of [code, `uscc:${code}`, fullWidth, `${code.slice(0, 6)} ${code.slice(6)}`]) {
      const items = await search(q);
      expect(items, q).toHaveLength(1);
      expect(items[0]).toMatchObject({ entity: { id: ids.get('gd-00001') }, score: 1, explanation: [expect.stringMatching(/^identifier uscc:.* matches exactly$/)] });
    }
  });

  it('finds nothing above the match threshold for names not in the register', async () => {
    for (const q of queries.filter((x) => x.kind === 'no-match').slice(0, 5)) {
      const [first] = await search(q.query);
      expect(first?.score ?? 0, q.query).toBeLessThan(0.8);
    }
  });

  it('filters by jurisdiction and honours the limit', async () => {
    const all = await search('科技', '&limit=100');
    expect(new Set(all.map((h) => h.entity.jurisdiction))).toEqual(new Set(['GD', 'HK', 'MO']));
    const hk = await search('科技', '&limit=100&jurisdiction=HK');
    expect(hk.length).toBeGreaterThan(0);
    expect(hk.every((h) => h.entity.jurisdiction === 'HK')).toBe(true);
    expect(await search('博维银行', '&jurisdiction=HK')).toEqual([]);
    expect(await search('博维银行', '&limit=2')).toHaveLength(2);
    expect(await search('科技')).toHaveLength(10);
    expect(all).toHaveLength(100);
  });

  it.each([
    ['', 'q or identifier missing'],
    ['?q=', 'empty q'],
    ['?q=x&identifier=uscc:91440300F3FBD37ET9', 'both q and identifier'],
    ['?q=x&limit=0', 'limit 0'],
    ['?q=x&limit=101', 'limit above 100'],
    ['?q=x&limit=two', 'limit not a number'],
    ['?q=x&jurisdiction=XX', 'unknown jurisdiction'],
    [`?q=${'x'.repeat(201)}`, 'q too long'],
  ])('answers %s with 400 problem+json (%s)', async (query) => {
    const res = await get(`/v1/entities${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, code: 'INVALID_REQUEST', errors: [expect.objectContaining({ field: expect.any(String) })] });
  });

  it('matches a partial entity by names and identifiers', async () => {
    const hk = fixture('hk-00880');
    const byName = await match({ names: [{ value: 'Lai Shun Development Co Ltd', lang: 'en' }] });
    expect(byName.statusCode, byName.body).toBe(200);
    const [best] = byName.json().candidates;
    expect(best).toMatchObject({ entity: { id: ids.get('hk-00880'), jurisdiction: 'HK' }, match: true });
    expect(best.score).toBeGreaterThanOrEqual(0.8);

    const byId = (await match({ names: [{ value: 'some other name' }], identifiers: [{ scheme: 'hk-brn', value: ` ${hk.identifiers[0]!.value} ` }] })).json();
    expect(byId.candidates[0]).toMatchObject({ entity: { id: ids.get('hk-00880') }, score: 1, match: true });
    expect(byId.candidates[0].explanation[0]).toMatch(/^identifier hk-brn:\d{8} matches exactly$/);

    const none = (await match({ names: [{ value: '鸿森电器有限公司', lang: 'zh-Hans' }], jurisdiction: 'GD' })).json();
    expect(none.candidates.every((c: { match: boolean; score: number }) => !c.match && c.score < 0.8)).toBe(true);

    const other = (await match({ names: [{ value: 'Lai Shun Development Co Ltd' }], jurisdiction: 'MO' })).json();
    expect(other.candidates.every((c: { entity: { jurisdiction: string } }) => c.entity.jurisdiction === 'MO')).toBe(true);
  });

  it.each([
    [{}, 'names'],
    [{ names: [] }, 'names'],
    [{ names: [{ value: 'x', lang: 'fr' }] }, 'names'],
    [{ names: [{ value: 'x' }], identifiers: [{ scheme: 'uscc', value: '123' }] }, 'identifiers'],
    [{ names: [{ value: 'x' }], extra: true, limit: 500 }, 'limit'],
  ])('rejects a bad match request %j with 400 problem+json', async (body, field) => {
    const res = await match(body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_REQUEST', errors: expect.arrayContaining([expect.objectContaining({ field: expect.stringContaining(field) })]) });
  });

  it('proposes a branch-of relation, shown on both entities', async () => {
    const branch = (await get(`/v1/entities/${ids.get('gd-00732')}`)).json();
    expect(branch.names[0].value).toBe('博维银行股份有限公司深圳分行');
    expect(branch.relations).toEqual([{ kind: 'branch-of', direction: 'outgoing', entity: { id: ids.get('gd-00731'), name: '博维银行股份有限公司' } }]);
    const parent = (await get(`/v1/entities/${ids.get('gd-00731')}`)).json();
    expect(parent.relations).toEqual(
      expect.arrayContaining([{ kind: 'branch-of', direction: 'incoming', entity: { id: ids.get('gd-00732'), name: '博维银行股份有限公司深圳分行' } }]),
    );
  });

  it('follows a later import: new entities, renamed entities and new branches', async () => {
    const parent: SearchableEntity = {
      id: 'new-parent',
      jurisdiction: 'GD',
      names: [{ value: '云峰量子科技有限公司', lang: 'zh-Hans' }],
      identifiers: [{ scheme: 'uscc', value: uscc('91440300MA5QUANT1') }],
    };
    const branch: SearchableEntity = {
      id: 'new-branch',
      jurisdiction: 'GD',
      names: [{ value: '云峰量子科技有限公司广州分公司', lang: 'zh-Hans' }],
      identifiers: [{ scheme: 'uscc', value: uscc('91440100MA5QUANT2') }],
    };
    const renamed = { ...fixture('hk-00880'), names: [{ value: 'Zephyr Quantum Holdings Limited', lang: 'en' as const }] };
    const later = path.join(dir, 'later.ndjson');
    writeEntityLines(later, [parent, branch, renamed]);
    expect((await t.app.imports.importFiles([later])).rejected).toBe(0);

    const [found] = await search('雲峰量子科技');
    const parentId = await t.app.entities.resolve(`uscc:${parent.identifiers[0]!.value}`);
    expect(found).toMatchObject({ entity: { id: parentId } });
    expect((await search('Zephyr Quantum Holdings Ltd'))[0]).toMatchObject({ entity: { id: ids.get('hk-00880') }, score: 1 });
    const [old] = await search('Lai Shun Development Co Ltd');
    expect(old?.entity.id).not.toBe(ids.get('hk-00880'));

    const branchView = (await get(`/v1/entities/uscc:${branch.identifiers[0]!.value}`)).json();
    expect(branchView.relations).toEqual([{ kind: 'branch-of', direction: 'outgoing', entity: { id: parentId, name: '云峰量子科技有限公司' } }]);
  });

  it('answers `credence search` on the command line', async () => {
    const db = await createTestDatabase();
    try {
      expect((await runCli(['import', corpusFile, '--db', db.flag])).code).toBe(0);
      const json = await runCli(['search', '博維銀行股份有限公司', '--db', db.flag, '--json', '--limit', '3']);
      expect(json.code, json.stderr).toBe(0);
      const hits = JSON.parse(json.stdout);
      expect(hits).toHaveLength(3);
      expect(hits[0]).toMatchObject({ entity: { names: [{ value: '博维银行股份有限公司', lang: 'zh-Hans' }] }, score: 1 });
      const text = await runCli(['search', fixture('gd-00001').identifiers[0]!.value, '--db', db.flag]);
      expect(text.stdout).toMatch(/^1\. 1\.000 {2}GD {2}明力新能源有限公司/);
      expect(text.stdout).toMatch(/identifier uscc:\S+ matches exactly/);
      expect((await runCli(['search', 'x', '--db', db.flag, '--limit', '0'])).code).toBe(2);
      expect((await runCli(['search', '--help'])).stdout).toMatch(/Usage: credence search/);
    } finally {
      await db.drop();
    }
  });
});
