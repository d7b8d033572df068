/**
 * Policy administration: simulating a candidate pack changes nothing and reports who enters or leaves each
 * list and which decisions change; activating stores and audits the version, which then wins over the pack
 * directory at start. Over HTTP (in-process), through the service, and through the CLI.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { readPackFiles } from '../../src/policy/load-pack.js';
import { queryRows } from '../../src/store/database.js';
import { bearer, createTestServer, SERVICE_KEY, TEST_NOW, type TestApp } from '../support/app.js';
import { runCli } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { daysAgo, samrPenaltyLine, writeLines } from '../support/lines.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const GD_PACK = fileURLToPath(new URL('../../policies/gd', import.meta.url));
const DEBTOR = 'uscc:91440101MA5CXXX02G'; // owes 120,000 CNY under a court enforcement of 2025-08-01

type Files = Record<string, unknown>;
type ListsFile = { lists: { id: string; entry: { anyOf: { record?: Record<string, unknown> }[] } }[] };

/** The gd pack as version `version`, with the court list limited to debts of at least 200,000 CNY. */
async function candidate(version = '2026.2'): Promise<Files> {
  const files = structuredClone(await readPackFiles(GD_PACK));
  (files['pack.yaml'] as { version: string }).version = version;
  const court = (files['lists.yaml'] as ListsFile).lists.find((l) => l.id === 'court-dishonest-judgment-debtors')!;
  court.entry.anyOf[0]!.record!.amountAtLeast = { value: 200_000, currency: 'CNY' };
  return files;
}

/** Writes a files map as a pack directory of JSON files. */
function packDir(files: Files): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-pack-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name.replace(/\.ya?ml$/, '.json')), JSON.stringify(content));
  return dir;
}

describe('policy simulation and activation', () => {
  let t: TestApp & { server: FastifyInstance };
  let server: FastifyInstance;
  let service: { authorization: string };
  let admin: { authorization: string };
  const counts = async () => {
    const [row] = await queryRows<{ audit: string; versions: string }>(
      t.app.database.db,
      sql`select (select count(*) from audit_log) as audit, (select count(*) from policy_versions) as versions`,
    );
    return { audit: Number(row!.audit), versions: Number(row!.versions) };
  };
  const check = async (context: string) =>
    (await server.inject({ method: 'POST', url: '/v1/checks', payload: { entity: DEBTOR, context }, headers: service })).json();

  beforeAll(async () => {
    t = await createTestServer([fixture('checks.ndjson')]);
    server = t.server;
    service = await bearer(t.app, SERVICE_KEY);
    admin = await bearer(t.app, { role: 'policy-admin', label: 'test policy admin' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('simulates a candidate: who leaves which list, which decisions change, and nothing else', async () => {
    const before = await counts();
    const res = await server.inject({ method: 'POST', url: '/v1/policy/simulations', payload: { files: await candidate() }, headers: admin });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ at: '2026-11-27', currentVersion: '2026.1', candidateVersion: '2026.2', entities: 5 });
    expect(report.lists.find((l: { list: string }) => l.list === 'court-dishonest-judgment-debtors')).toEqual({
      list: 'court-dishonest-judgment-debtors',
      entering: { count: 0, sample: [] },
      leaving: { count: 1, sample: [DEBTOR] },
    });
    const changes = Object.fromEntries(report.decisions.map((d: { context: string; changes: unknown }) => [d.context, d.changes]));
    expect(changes).toMatchObject({
      honours: [{ from: 'deny', to: 'allow', count: 1, sample: [DEBTOR] }],
      'public-procurement': [{ from: 'review', to: 'allow', count: 1 }],
      'government-subsidy': [{ from: 'review', to: 'allow', count: 1 }],
      'customs-clearance': [],
    });
    expect(await counts()).toEqual(before);
    expect(await check('honours')).toMatchObject({ decision: 'deny', policyVersion: '2026.1' });
  });

  it('gives the active pack\'s files and version to start a candidate from', async () => {
    const res = await server.inject({ method: 'GET', url: '/v1/policy/pack', headers: admin });
    expect(res.statusCode).toBe(200);
    const { version, files } = res.json();
    expect(version).toBe('2026.1');
    expect(Object.keys(files)).toContain('pack.yaml');
    const simulated = await server.inject({ method: 'POST', url: '/v1/policy/simulations', payload: { files }, headers: admin });
    expect(simulated.json()).toMatchObject({ currentVersion: '2026.1', candidateVersion: '2026.1' });
    expect(simulated.json().decisions.every((d: { changed: number }) => d.changed === 0)).toBe(true);
  });

  it.each([
    ['a pack with a measure lacking legal basis', async () => {
      const files = await candidate();
      delete (files['measures.yaml'] as { measures: Record<string, unknown>[] }).measures[0]!.legalBasis;
      return files;
    }, /measures\.yaml measures\[0\]\.legalBasis/],
    ['a pack of another node', () => readPackFiles(fileURLToPath(new URL('../../policies/mo', import.meta.url))), /the pack is for node mo, this is node gd/],
  ])('refuses to simulate %s', async (_name, make, detail) => {
    const res = await server.inject({ method: 'POST', url: '/v1/policy/simulations', payload: { files: await make() }, headers: admin });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'POLICY_PACK_INVALID' });
    expect(res.json().detail + JSON.stringify(res.json().errors)).toMatch(detail);
  });

  it('activates a new version: stored, audited, used by checks, and kept over the directory at restart', async () => {
    await expect(t.app.policy.activate(await candidate('2026.1'), 'test')).rejects.toMatchObject({ code: 'CONFLICT' });
    const before = await counts();
    const activation = await t.app.policy.activate(await candidate(), 'test');
    expect(activation).toEqual({ version: '2026.2', previousVersion: '2026.1', activatedAt: TEST_NOW.toISOString() });
    expect(await counts()).toEqual({ audit: before.audit + 1, versions: before.versions + 1 });
    const [entry] = await queryRows<{ action: string; subject: string; detail: unknown }>(
      t.app.database.db,
      sql`select action, subject, detail from audit_log order by seq desc limit 1`,
    );
    expect(entry).toEqual({ action: 'policy.activate', subject: 'policy:gd', detail: { version: '2026.2', previousVersion: '2026.1' } });
    expect((await t.app.audit.verify()).ok).toBe(true);
    expect(await check('honours')).toMatchObject({ decision: 'allow', policyVersion: '2026.2' });
    await expect(t.app.policy.activate(await candidate(), 'test')).rejects.toMatchObject({ code: 'CONFLICT' });

    const restarted = await buildApp({ ...t.app.config }, { logger: pino({ level: 'silent' }), clock: () => TEST_NOW });
    try {
      expect(restarted.policy.pack.version).toBe('2026.2');
      // A process that never built the check index (changes may have been missed) has nothing to rebuild.
      await restarted.policy.rebuild();
      expect(restarted.policy.builtIndex()).toBeUndefined();
    } finally {
      await restarted.close();
    }
  });
});

describe('credence check, report and policy commands', () => {
  let db: TestDatabase;
  const cli = (...args: string[]) => runCli([...args, '--db', db.flag]);
  beforeAll(async () => {
    db = await createTestDatabase();
    expect((await cli('import', fixture('checks.ndjson'))).code).toBe(0);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('checks, readably and as JSON', async () => {
    const human = await cli('check', DEBTOR, '--context', 'honours', '--at', '2026-11-27');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/honours on 2026-11-27: DENY/);
    expect(human.stdout).toMatch(/court-debtor-no-honours \(discipline: deny\)/);
    expect(human.stdout).toMatch(/because: court-enforcement CHK-COURT-1 of 2025-08-01/);
    const json = await cli('check', DEBTOR, '--context', 'honours', '--at', '2025-07-01', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ decision: 'allow', evaluatedAt: '2025-07-01', measures: [] });
  });

  it('refuses an unknown context with exit status 2, naming the known ones', async () => {
    const res = await cli('check', DEBTOR, '--context', 'karaoke');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/known contexts: public-procurement/);
  });

  it('prints the public report', async () => {
    // The report is as of today, so the record it shows is a week old today: a minor penalty is public for
    // 3 months from its publication, and the fixture's own records leave that window as the calendar moves on.
    const decidedOn = daysAgo(7);
    const recent = writeLines([samrPenaltyLine({ sourceId: 'CHK-RECENT-1', subject: 'uscc:91440101MA5CXXX04N', decidedOn, severity: 'minor', kinds: ['warning'] })]);
    expect((await cli('import', recent)).code).toBe(0);
    const res = await cli('report', 'uscc:91440101MA5CXXX04N');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`public records:\\n  - ${decidedOn} penalty CHK-RECENT-1 by gd-samr`));
    expect(res.stdout).not.toMatch(/CHK-OLD-1|CHK-REVOKED-1/);
  });

  it('simulates, then activates a pack directory', async () => {
    const dir = packDir(await candidate());
    const sim = await cli('policy', 'simulate', dir);
    expect(sim.code).toBe(0);
    expect(sim.stdout).toMatch(/court-dishonest-judgment-debtors: \+0  -1 \(uscc:91440101MA5CXXX02G\)/);
    expect(sim.stdout).toMatch(/honours: deny→allow 1/);
    const activated = await cli('policy', 'activate', dir);
    expect(activated.stdout).toMatch(/activated policy 2026.2 \(was 2026.1\)/);
    expect(JSON.parse((await cli('check', DEBTOR, '--context', 'honours', '--json')).stdout)).toMatchObject({ policyVersion: '2026.2', decision: 'allow' });
    const again = await cli('policy', 'activate', dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already used/);
  });
});
