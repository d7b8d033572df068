/**
 * Upgrades with forward-only migrations (issue 8 §5): a database made at an earlier release's schema (the
 * migrations of that release only, filled with plain SQL as that release wrote it) is opened by the current code,
 * which applies the newer migrations on top, never re-runs or rewrites the applied ones, and finds the data intact
 * and usable — checks, reports, search, a new import and the audit chain. Opening it again applies nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MIGRATIONS_FOLDER, queryRows } from '../../src/store/database.js';
import { TEST_NOW } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
interface Journal {
  entries: JournalEntry[];
}

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal & Record<string, unknown>;

/** Earlier releases, by the last migration they shipped. */
const RELEASES = [
  { release: 'due process and exchange (issues 4 and 5)', lastMigration: '0005_exchange', served: true },
  { release: 'policy engine and search (issues 2 and 3)', lastMigration: '0003_entity_names_value', served: false },
];

/** A migrations folder holding only the migrations up to and including `lastMigration`, as that release had it. */
function releaseMigrations(lastMigration: string): { folder: string; entries: JournalEntry[] } {
  const last = journal.entries.findIndex((e) => e.tag === lastMigration);
  expect(last, `${lastMigration} in the journal`).toBeGreaterThanOrEqual(0);
  const entries = journal.entries.slice(0, last + 1);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'credence-release-'));
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return { folder, entries };
}

const DEBTOR_ID = '0190f3a0-0000-7000-8000-000000000002';
const CLEAN_ID = '0190f3a0-0000-7000-8000-000000000005';

/** The register as the earlier releases wrote it: two gd entities, a court enforcement against one of them. */
const RELEASE_DATA = `
insert into entities (id, jurisdiction, status, origin_node, content_hash) values
  ('${DEBTOR_ID}', 'GD', 'active', 'gd', 'release-hash-1'),
  ('${CLEAN_ID}', 'GD', 'active', 'gd', 'release-hash-2');
insert into identifiers (scheme, value, entity_id) values
  ('uscc', '91440101MA5CXXX02G', '${DEBTOR_ID}'),
  ('uscc', '91440101MA5CXXX05R', '${CLEAN_ID}');
insert into entity_names (entity_id, position, value, lang, kind) values
  ('${DEBTOR_ID}', 0, '广州示例失信被执行有限公司', 'zh-Hans', 'legal'),
  ('${CLEAN_ID}', 0, '广州示例守信有限公司', 'zh-Hans', 'legal');
insert into records (origin_node, source_id, entity_id, category, domain, authority, decision_no, decided_on, legal_basis, summary, details, status, content_hash) values
  ('gd', 'CHK-COURT-1', '${DEBTOR_ID}', 'court-enforcement', 'other-regulatory', 'gd-court-gz', '（2025）粤0106执1号', '2025-08-01',
   '[{"instrument":"中华人民共和国民事诉讼法","article":"第二百六十六条"}]', '未履行生效判决',
   '{"court":{"caseNo":"（2025）粤0106执1号","amountOwed":{"value":120000,"currency":"CNY"}}}', 'active', 'release-hash-3');
`;

const NOTICE_CONTENT = { what: { title: '未履行生效判决', authority: 'gd-court-gz' }, why: [], legalBasis: [] };

/** A notice of the court enforcement, with its webhook message carrying a copy of it, as the due-process release served it. */
const SERVED_NOTICE = `
insert into notices (id, entity_id, subject, kind, content, served_at) overriding system value values
  (7, '${DEBTOR_ID}', 'record:1', 'record', '${JSON.stringify(NOTICE_CONTENT)}', '2025-08-02T00:00:00Z');
insert into outbox (owner, event, payload, next_attempt_at) values
  ('entity:${DEBTOR_ID}', 'notice.served', '${JSON.stringify({ entityId: DEBTOR_ID, notice: { id: 7, subject: 'record:1', kind: 'record', content: NOTICE_CONTENT } })}', 'infinity');
`;

const HK_ENTITY_ID = '0190f3a0-0000-7000-8000-0000000000a1';
const HK_VERSION = '00000000000000000755.00000000000000000001';
const HK_RETRACTION = '00000000000000000760.00000000000000000004';

/** A Hong Kong record replicated here and one retracted, with their versions, as the exchange release kept them. */
const REPLICATED = `
insert into entities (id, jurisdiction, status, origin_node, content_hash) values ('${HK_ENTITY_ID}', 'HK', 'active', 'hk', 'release-hash-4');
insert into records (origin_node, source_id, entity_id, category, domain, authority, decision_no, decided_on, legal_basis, summary, status, content_hash) values
  ('hk', 'HK-AEO-1', '${HK_ENTITY_ID}', 'rating', 'customs', '', '', '2025-06-01', '[]', '', 'active', 'release-hash-5');
insert into exchange_items (partner, source_id, version, retracted) values
  ('hk', 'HK-AEO-1', '${HK_VERSION}', false), ('hk', 'HK-PEN-9', '${HK_RETRACTION}', true);
`;

/** Migrates `target` with the release's migrations only and fills it, through a connection of that release's kind. */
async function makeReleaseDatabase(target: TestDatabase['target'], folder: string, data: string): Promise<void> {
  if (target.kind === 'pglite') {
    const client = await PGlite.create(target.dataDir);
    try {
      await migratePglite(drizzlePglite(client), { migrationsFolder: folder });
      await client.exec(data);
    } finally {
      await client.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: folder });
    await client.query(data);
  } finally {
    await client.end();
  }
}

interface AppliedMigration {
  id: number;
  hash: string;
  created_at: string;
}

const applied = (app: App) => queryRows<AppliedMigration>(app.database.db, sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by id`);

const open = (target: TestDatabase['target']) =>
  buildApp({ ...loadConfig({ CREDENCE_LOG_LEVEL: 'silent' }), database: target }, { clock: () => TEST_NOW, logger: pino({ level: 'silent' }) });

describe('upgrading a database of an earlier release', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it.each(RELEASES)('from $release: newer migrations apply on top, data intact and usable', async ({ lastMigration, served }) => {
    const database = await createTestDatabase();
    databases.push(database);
    const { folder, entries } = releaseMigrations(lastMigration);
    expect(entries.length).toBeLessThan(journal.entries.length);
    await makeReleaseDatabase(database.target, folder, served ? RELEASE_DATA + SERVED_NOTICE + REPLICATED : RELEASE_DATA);

    const app = await open(database.target);
    let before: AppliedMigration[];
    try {
      // Forward only: the release's migrations stay as they were applied; each newer one is applied once, in order.
      before = await applied(app);
      expect(before.map((m) => Number(m.created_at))).toEqual(journal.entries.map((e) => e.when));
      expect(before.map((m) => m.id)).toEqual(journal.entries.map((_, i) => i + 1));

      const [counts] = await queryRows<{ entities: number; records: number; disputed: number }>(
        app.database.db,
        sql`select (select count(*) from entities)::int as entities, (select count(*) from records)::int as records,
                   (select count(*) from records where disputed)::int as disputed`,
      );
      expect(counts).toEqual(served ? { entities: 3, records: 2, disputed: 0 } : { entities: 2, records: 1, disputed: 0 });
      if (served) {
        // A served notice keeps its content; its message now refers to it instead of carrying a copy.
        const [notice] = await queryRows<{ content: unknown }>(app.database.db, sql`select content from notices where id = 7`);
        expect(notice!.content).toEqual(NOTICE_CONTENT);
        const messages = await queryRows<{ notice_id: number | string; payload: unknown }>(app.database.db, sql`select notice_id, payload from outbox`);
        expect(messages.map((m) => ({ noticeId: Number(m.notice_id), payload: m.payload }))).toEqual([{ noticeId: 7, payload: null }]);
        // A replicated record keeps its version in records; a retraction stays a tombstone.
        expect(await queryRows(app.database.db, sql`select source_id, origin_version from records where origin_node = 'hk'`)).toEqual([{ source_id: 'HK-AEO-1', origin_version: HK_VERSION }]);
        expect(await queryRows(app.database.db, sql`select partner, source_id, version from exchange_tombstones`)).toEqual([{ partner: 'hk', source_id: 'HK-PEN-9', version: HK_RETRACTION }]);
      }

      const check = (entity: string) => app.checks.check({ entity, context: 'honours' });
      expect(await check('uscc:91440101MA5CXXX02G')).toMatchObject({ decision: 'deny', disputed: false, policyVersion: '2026.1' });
      expect(await check('uscc:91440101MA5CXXX05R')).toMatchObject({ decision: 'allow' });
      const report = await app.reports.report('uscc:91440101MA5CXXX02G');
      expect(JSON.stringify(report)).toContain('CHK-COURT-1');
      const hits = await app.search.search({ q: '失信被执行' });
      expect(hits[0]?.entity.id).toBe(DEBTOR_ID);

      // New writes go to the upgraded schema: an import, audited on a chain that verifies.
      const summary = await app.imports.importFiles([path.join(import.meta.dirname, '..', 'fixtures', 'register.ndjson')]);
      expect(summary.rejected).toBe(0);
      expect(await check('uscc:914403001922038216')).toMatchObject({ decision: 'deny' });
      expect((await app.audit.verify()).ok).toBe(true);
    } finally {
      await app.close();
    }

    const again = await open(database.target);
    try {
      expect(await applied(again)).toEqual(before);
    } finally {
      await again.close();
    }
  });
});
