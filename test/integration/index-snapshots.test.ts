/**
 * Index snapshots on the embedded database (docs/deploy.md "Start-up"): a clean close writes the search and check
 * indexes beside the database, and the next start loads them instead of building them — answering exactly as a
 * build from the register would, and going on to follow changes. A snapshot the database, the pack or the file
 * itself no longer matches is not used, and a snapshot serves one start only.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MEASURE_CONTEXTS } from '../../src/domain/policy/vocabulary.js';
import { openDatabase } from '../../src/store/database.js';
import { TEST_NOW } from '../support/app.js';
import { testTier } from '../support/database.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const ENTITIES = ['uscc:91440101MA5CXXX01D', 'uscc:91440101MA5CXXX02G', 'uscc:91440101MA5CXXX03K', 'uscc:91440101MA5CXXX04N', 'uscc:91440101MA5CXXX05R', 'uscc:9144030071526726XG', 'hk-brn:12345678'];
const DATES = [undefined, '2025-07-31', '2026-12-05', '2029-11-20'];
const QUERIES = ['广州示例', '示例停业', '腾讯科技', 'Tencent Holdings', 'Tencnet', '91440101MA5CXXX02G'];
const CLEAN = 'uscc:91440101MA5CXXX05R';

/** A court enforcement against the entity that had no records: it becomes a judgment debtor. */
const NEW_RECORD = JSON.stringify({
  type: 'record',
  sourceId: 'SNAP-COURT-1',
  subject: CLEAN,
  category: 'court-enforcement',
  domain: 'other-regulatory',
  authority: 'gd-court-gz',
  decisionNo: '（2025）粤0106执9号',
  decidedOn: '2025-09-01',
  legalBasis: [{ instrument: '中华人民共和国民事诉讼法', article: '第二百六十六条' }],
  summary: '未履行生效判决',
  court: { caseNo: '（2025）粤0106执9号', amountOwed: { value: 50000, currency: 'CNY' } },
});
/** A new entity whose name is new to the index. */
const NEW_ENTITY = JSON.stringify({
  type: 'entity',
  jurisdiction: 'GD',
  identifiers: [{ scheme: 'uscc', value: '91440101MA5CXXX06W' }],
  names: [{ value: '广州示例快照测试有限公司', lang: 'zh-Hans' }],
  status: 'active',
});

describe.skipIf(testTier() !== 'pglite')('index snapshots on the embedded database', () => {
  let dir: string;
  let running: App | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'credence-snapshots-'));
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshotDir = () => path.join(dir, 'index-snapshots');

  /** Starts the node on the test database, with its logs kept; `close` writes the snapshots. */
  async function start(env: Record<string, string> = {}): Promise<{ app: App; loaded: string[]; stale: string[]; failed: string[] }> {
    const logs: { msg: string; index?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line) as { msg: string }) });
    const config = { ...loadConfig({ CREDENCE_LOG_LEVEL: 'info', ...env }), database: { kind: 'pglite' as const, dataDir: dir } };
    running = await buildApp(config, { clock: () => TEST_NOW, logger, indexSnapshots: true });
    const about = (msg: string) => logs.filter((l) => l.msg.startsWith(msg)).map((l) => l.index!);
    return { app: running, loaded: about('index loaded from its snapshot'), stale: about('index snapshot is stale'), failed: about('index snapshot could not be loaded') };
  }

  async function stop(): Promise<void> {
    await running!.close();
    running = undefined;
  }

  /** Starts on the checks fixture, builds both indexes and stops, which writes their snapshots; what they answered. */
  async function writeSnapshots(): Promise<unknown> {
    const { app } = await start();
    await app.imports.importFiles([fixture('checks.ndjson')]);
    await app.warm();
    const answered = await answers(app);
    await stop();
    return answered;
  }

  /** Everything the indexes answer for the test register: checks on several dates, searches and a match. */
  async function answers(app: App): Promise<unknown> {
    const checks = await app.checks.checkBatch(ENTITIES.flatMap((entity) => MEASURE_CONTEXTS.flatMap((context) => DATES.map((at) => ({ entity, context, at })))));
    const searches = await Promise.all(QUERIES.map((q) => app.search.search({ q, limit: 20 })));
    const match = await app.search.match({ names: [{ value: 'Tencent Technology (Shenzhen) Co Ltd', lang: 'en' }], limit: 5 });
    return { checks: checks.map((a) => (a.ok ? a.result : a.error.message)), searches, match };
  }

  it('a clean close writes both indexes; the next start loads them, answers as a build would and follows changes', async () => {
    let { app } = await start();
    await app.imports.importFiles([fixture('checks.ndjson'), fixture('register.ndjson')]);
    await app.warm();
    const before = await answers(app);
    await stop();
    expect(readdirSync(snapshotDir()).sort()).toEqual(['checks.snapshot', 'search.snapshot']);

    const restarted = await start();
    app = restarted.app;
    expect(restarted.loaded.sort()).toEqual(['checks', 'search']);
    // Used once: a process that dies from here on leaves no snapshot behind.
    expect(existsSync(snapshotDir())).toBe(false);
    expect(await answers(app)).toEqual(before);

    const more = path.join(dir, 'more.ndjson');
    writeFileSync(more, `${NEW_ENTITY}\n${NEW_RECORD}\n`);
    await app.imports.importFiles([more]);
    const after = await answers(app);
    expect(after).not.toEqual(before);
    expect((await app.checks.check({ entity: CLEAN, context: 'honours' })).decision).toBe('deny');
    expect((await app.search.search({ q: '快照测试' }))[0]?.entity.identifiers).toEqual([{ scheme: 'uscc', value: '91440101MA5CXXX06W' }]);
    // Written again from the loaded and changed indexes, loaded again: still what a build from the register gives.
    await stop();
    const third = await start();
    expect(third.loaded.sort()).toEqual(['checks', 'search']);
    expect(await answers(third.app)).toEqual(after);
    await stop();
    rmSync(snapshotDir(), { recursive: true });
    const built = await start();
    expect(built.loaded).toEqual([]);
    expect(await answers(built.app)).toEqual(after);
  });

  it('is left alone by commands other than serve', async () => {
    await writeSnapshots();
    const written = readFileSync(path.join(snapshotDir(), 'checks.snapshot'));

    const other = await buildApp({ ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent' }), database: { kind: 'pglite', dataDir: dir } }, { clock: () => TEST_NOW, logger: pino({ level: 'silent' }) });
    await other.warm();
    await other.close();
    expect(readFileSync(path.join(snapshotDir(), 'checks.snapshot')).equals(written)).toBe(true);
    expect((await start()).loaded.sort()).toEqual(['checks', 'search']);
  });

  it('is not used when the database was written after it (here: a record revoked with the node down)', async () => {
    const before = await writeSnapshots();

    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    await database.db.execute(sql`update records set status = 'revoked' where source_id = 'CHK-COURT-1'`);
    await database.close();

    const { app, loaded, stale } = await start();
    expect(loaded).toEqual([]);
    expect(stale.sort()).toEqual(['checks', 'search']);
    expect((await app.checks.check({ entity: 'uscc:91440101MA5CXXX02G', context: 'honours' })).decision).toBe('allow');
    expect(await answers(app)).not.toEqual(before);
    expect(existsSync(snapshotDir())).toBe(false);
  });

  it('a changed pack makes the check index build again; the search index still loads', async () => {
    const before = await writeSnapshots();

    const packDir = path.join(dir, 'pack');
    cpSync(path.join(import.meta.dirname, '..', '..', 'policies', 'gd'), packDir, { recursive: true });
    const manifest = path.join(packDir, 'pack.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('description: >-\n', 'description: >-\n  A copy.\n'));
    const { app, loaded, stale } = await start({ CREDENCE_POLICY_DIR: packDir });
    expect(loaded).toEqual(['search']);
    expect(stale).toEqual(['checks']);
    expect(await answers(app)).toEqual(before);
  });

  it('a damaged snapshot is logged and the index built', async () => {
    const before = await writeSnapshots();

    const file = path.join(snapshotDir(), 'checks.snapshot');
    writeFileSync(file, readFileSync(file).subarray(0, 200));
    const { app, loaded, failed } = await start();
    expect(loaded).toEqual(['search']);
    expect(failed).toEqual(['checks']);
    expect(await answers(app)).toEqual(before);
  });
});
