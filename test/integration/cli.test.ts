/**
 * The CLI as users run it: exit codes, summaries, the rejects file, demo data, and a kill -9 in the middle of
 * an import leaving only whole batches, with a re-run reaching the same state as an uninterrupted import.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { queryRows } from '../../src/store/database.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { runCli, startCli } from '../support/cli.js';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', name);
const TODAY = '2026-11-27';

/** A digest of everything an import writes, independent of insertion order and surrogate ids. */
async function registerState(db: TestDatabase) {
  const app = await buildApp({ ...loadConfig({}), database: db.target }, { logger: pino({ level: 'silent' }) });
  try {
    const [row] = await queryRows<Record<string, string | number>>(
      app.database.db,
      sql`select
        (select md5(coalesce(string_agg(id::text || content_hash, ',' order by id), '')) from entities) as entities,
        (select md5(coalesce(string_agg(scheme || value || entity_id::text, ',' order by scheme, value), '')) from identifiers) as identifiers,
        (select md5(coalesce(string_agg(entity_id::text || position::text || value, ',' order by entity_id, position), '')) from entity_names) as names,
        (select md5(coalesce(string_agg(source_id || content_hash || entity_id::text, ',' order by source_id), '')) from records) as records,
        (select count(*) from records) as record_count,
        (select count(*) from entities) as entity_count,
        (select coalesce(sum(inserted), 0) from import_batches) as inserted_by_batches`,
    );
    const audit = await app.audit.verify();
    return { ...row, record_count: Number(row!.record_count), entity_count: Number(row!.entity_count), inserted_by_batches: Number(row!.inserted_by_batches), auditOk: audit.ok };
  } finally {
    await app.close();
  }
}

describe('credence CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'credence-cli-'));
  const demoFile = path.join(dir, 'demo.ndjson');
  const databases: TestDatabase[] = [];
  const freshDb = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };

  beforeAll(async () => {
    const res = await runCli(['demo-data', '--node', 'gd', '--entities', '2000', '--seed', '7', '--today', TODAY, '--out', demoFile]);
    expect(res.code).toBe(0);
  });
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('prints help for every command', async () => {
    for (const args of [['--help'], ['import', '--help'], ['serve', '--help'], ['demo-data', '--help'], ['audit', 'verify', '--help']]) {
      const res = await runCli(args);
      expect(res.code, args.join(' ')).toBe(0);
      expect(res.stdout).toMatch(/Usage: credence/);
    }
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['import'])).code).toBe(2);
    expect((await runCli(['import', '--no-such-flag', 'x'])).code).toBe(2);
    expect((await runCli(['import', path.join(dir, 'missing.ndjson')])).code).toBe(2);
    expect((await runCli(['demo-data', '--node', 'xx', '--entities', '1'])).code).toBe(2);
    expect((await runCli(['serve', '--node', 'zz'])).code).toBe(2);
  });

  it('generates the same demo data for the same seed', async () => {
    const again = path.join(dir, 'again.ndjson');
    await runCli(['demo-data', '--node', 'gd', '--entities', '2000', '--seed', '7', '--today', TODAY, '--out', again]);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(demoFile, 'utf8'));
  });

  it('exits 0 when every line was imported, 3 with rejects written to --rejects, and says when nothing changed', async () => {
    const db = await freshDb();
    const ok = await runCli(['import', fixture('register.ndjson'), '--db', db.flag]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/entities: 4 new/);
    const rejectsFile = path.join(dir, 'rejects.ndjson');
    const partial = await runCli(['import', fixture('register.ndjson'), fixture('rejects.ndjson'), '--db', db.flag, '--rejects', rejectsFile]);
    expect(partial.code).toBe(3);
    expect(partial.stdout).toMatch(/rejected: 8/);
    const rejects = readFileSync(rejectsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects).toHaveLength(8);
    expect(rejects[0]).toEqual({ file: fixture('rejects.ndjson'), line: 1, field: 'identifiers.0.value', reason: expect.any(String) });
    const again = await runCli(['import', fixture('register.ndjson'), '--db', db.flag, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ entities: { inserted: 0, updated: 0, unchanged: 4 }, records: { inserted: 0, updated: 0, unchanged: 3 } });
    const audit = await runCli(['audit', 'verify', '--db', db.flag]);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/audit chain intact: 2 entries/);
  });

  it('leaves only whole batches after kill -9 mid-import, and a re-run reaches the uninterrupted state', async () => {
    const reference = await freshDb();
    expect((await runCli(['import', demoFile, '--db', reference.flag, '--batch-size', '250'])).code).toBe(0);
    const expected = await registerState(reference);
    expect(expected.record_count).toBeGreaterThan(500);

    const crashed = await freshDb();
    const { child, done } = startCli(['import', demoFile, '--db', crashed.flag, '--batch-size', '250']);
    // The progress line appears once the first batch has committed: kill the importer right then.
    await new Promise<void>((resolve) => child.stderr!.once('data', () => resolve()));
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    const afterCrash = await registerState(crashed);
    expect(afterCrash.auditOk).toBe(true);
    expect(afterCrash.entity_count + afterCrash.record_count).toBe(afterCrash.inserted_by_batches);
    expect(afterCrash.record_count).toBeLessThan(expected.record_count);

    expect((await runCli(['import', demoFile, '--db', crashed.flag, '--batch-size', '250'])).code).toBe(0);
    const final = await registerState(crashed);
    expect({ ...final, inserted_by_batches: 0 }).toEqual({ ...expected, inserted_by_batches: 0 });
  });
});
