/**
 * Applying a partner's feed items on the receiving node: a record new here is written once, a newer item of a held
 * record rewrites it, an older or repeated item changes nothing, a retraction leaves a tombstone that only a newer
 * upsert lifts, and the partner's entities are matched, created and named as docs/exchange.md says. As replication
 * fills a table, the columns its look-ups filter on are analyzed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SharedEntity, SharedRecord } from '../../src/exchange/agreements.js';
import { queryRows } from '../../src/store/database.js';
import { applyFeedItems, FEED_LOOKED_UP_COLUMNS, type AppliedPage } from '../../src/store/exchange-repository.js';
import { analyzeGrownTables } from '../../src/store/statistics.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { incomingOf, type WholeItem } from '../support/feed.js';
import { writeLines } from '../support/lines.js';

const version = (n: number) => `${'0'.repeat(20)}.${String(n).padStart(20, '0')}`;
const HK_ENTITY: SharedEntity = {
  id: '0190f3a0-0000-7000-8000-0000000000b1',
  jurisdiction: 'HK',
  identifiers: [{ scheme: 'hk-brn', value: '20000001' }],
  names: [{ value: 'Harbour Freight Limited', lang: 'en', kind: 'legal' }],
};
const penalty = (sourceId: string, amount: number): SharedRecord => ({
  sourceId, category: 'penalty', domain: 'customs', severity: 'general', decidedOn: '2026-10-01',
  penalty: { kinds: ['fine'], amount: { value: amount, currency: 'HKD' } },
});
const upsert = (n: number, record: SharedRecord, entity = HK_ENTITY): WholeItem => ({ op: 'upsert', version: version(n), record, entity });
const retract = (n: number, sourceId: string): WholeItem => ({ op: 'retract', version: version(n), sourceId });

describe('applying feed items', () => {
  let gd: TestApp;
  const apply = (items: WholeItem[]): Promise<AppliedPage> => gd.app.database.transaction((tx) => applyFeedItems(tx, 'hk', incomingOf(items)));
  const held = () =>
    queryRows<{ source_id: string; origin_version: string; amount: number; updated_at: string }>(
      gd.app.database.db,
      sql`select source_id, origin_version, (details->'penalty'->'amount'->>'value')::int as amount, updated_at::text from records
          where origin_node = 'hk' order by source_id`,
    );
  const tombstones = () => queryRows<{ source_id: string; version: string }>(gd.app.database.db, sql`select source_id, version from exchange_tombstones order by source_id`);

  beforeAll(async () => {
    gd = await createTestApp({ CREDENCE_NODE: 'gd' });
  });

  afterAll(async () => {
    await gd?.close();
  });

  it('writes new records with their version and creates the partner entity with its identifiers and names', async () => {
    const page = await apply([upsert(10, penalty('p-1', 100)), upsert(11, penalty('p-2', 200))]);
    expect(page).toMatchObject({ applied: 2, stale: 0, entityIds: [HK_ENTITY.id], createdEntityIds: [HK_ENTITY.id] });
    expect((await held()).map(({ source_id, origin_version, amount }) => ({ source_id, origin_version, amount }))).toEqual([
      { source_id: 'p-1', origin_version: version(10), amount: 100 },
      { source_id: 'p-2', origin_version: version(11), amount: 200 },
    ]);
    const [entity] = await queryRows(gd.app.database.db, sql`select origin_node, jurisdiction from entities where id = ${HK_ENTITY.id}`);
    expect(entity).toEqual({ origin_node: 'hk', jurisdiction: 'HK' });
    expect(await queryRows(gd.app.database.db, sql`select scheme, value from identifiers where entity_id = ${HK_ENTITY.id}`)).toEqual([{ scheme: 'hk-brn', value: '20000001' }]);
  });

  it('changes nothing for a repeated or older item', async () => {
    const before = await held();
    expect(await apply([upsert(10, penalty('p-1', 100)), upsert(9, penalty('p-2', 999))])).toMatchObject({ applied: 1, stale: 1 });
    expect(await held()).toEqual(before);
  });

  it('rewrites a held record for a newer item: its content when it changed, else only its version', async () => {
    const [p1, p2] = await held();
    await apply([upsert(20, penalty('p-1', 150)), upsert(21, penalty('p-2', 200))]);
    const [q1, q2] = await held();
    expect(q1).toMatchObject({ origin_version: version(20), amount: 150 });
    expect(q1!.updated_at).not.toBe(p1!.updated_at);
    expect(q2).toEqual({ ...p2, origin_version: version(21) });
    expect(await queryRows(gd.app.database.db, sql`select count(*)::int as n from records where origin_node = 'hk'`)).toEqual([{ n: 2 }]);
  });

  it('keeps a retraction as a tombstone that an older upsert cannot lift and a newer one does', async () => {
    // Retracted before it ever arrived, then retracted again later: the tombstone keeps the newer version.
    await apply([retract(30, 'p-3'), retract(31, 'p-1')]);
    await apply([retract(35, 'p-3')]);
    expect((await held()).map((r) => r.source_id)).toEqual(['p-2']);
    expect(await tombstones()).toEqual([{ source_id: 'p-1', version: version(31) }, { source_id: 'p-3', version: version(35) }]);

    expect(await apply([upsert(33, penalty('p-3', 300)), retract(29, 'p-1')])).toMatchObject({ applied: 0, stale: 2 });
    expect((await held()).map((r) => r.source_id)).toEqual(['p-2']);

    await apply([upsert(40, penalty('p-3', 300))]);
    expect((await held()).map((r) => [r.source_id, r.origin_version])).toEqual([['p-2', version(21)], ['p-3', version(40)]]);
    expect(await tombstones()).toEqual([{ source_id: 'p-1', version: version(31) }]);
  });

  it("follows the partner's names of its own entities, and files records of a register entity under it, names untouched", async () => {
    await apply([upsert(50, penalty('p-2', 200), { ...HK_ENTITY, names: [{ value: '海港貨運有限公司', lang: 'zh-Hant', kind: 'legal' }] })]);
    expect(await queryRows(gd.app.database.db, sql`select value from entity_names where entity_id = ${HK_ENTITY.id}`)).toEqual([{ value: '海港貨運有限公司' }]);

    // gd's register has an entity with an identifier the partner's entity shares.
    const local = { type: 'entity', jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: '20000002' }], names: [{ value: 'Local Name Limited', lang: 'en' }], status: 'active' };
    expect((await gd.app.imports.importFiles([writeLines([local])])).rejected).toBe(0);
    const [{ id: localId }] = (await queryRows<{ id: string }>(gd.app.database.db, sql`select entity_id as id from identifiers where value = '20000002'`)) as [{ id: string }];
    const partnerEntity: SharedEntity = {
      id: '0190f3a0-0000-7000-8000-0000000000b2', jurisdiction: 'HK',
      identifiers: [{ scheme: 'hk-brn', value: '20000002' }, { scheme: 'aeo', value: 'HKAEO2000' }], names: [{ value: 'Partner Name Limited', lang: 'en', kind: 'legal' }],
    };
    const page = await apply([upsert(51, penalty('p-4', 400), partnerEntity)]);
    expect(page).toMatchObject({ entityIds: [localId], createdEntityIds: [] });
    expect(await queryRows(gd.app.database.db, sql`select entity_id from records where source_id = 'p-4'`)).toEqual([{ entity_id: localId }]);
    expect(await queryRows(gd.app.database.db, sql`select scheme from identifiers where entity_id = ${localId} order by scheme`)).toEqual([{ scheme: 'aeo' }, { scheme: 'hk-brn' }]);
    expect(await queryRows(gd.app.database.db, sql`select value from entity_names where entity_id = ${localId}`)).toEqual([{ value: 'Local Name Limited' }]);
  });
});

describe('planner statistics while replication fills the register', () => {
  let gd: TestApp;
  let next = 0;
  /** Applies `count` new records in one page, their count flushed to the statistics when it commits. */
  const applyNew = (count: number) =>
    gd.app.database.transaction(async (tx) => {
      const items = Array.from({ length: count }, () => upsert(++next, penalty(`s-${next}`, next)));
      await applyFeedItems(tx, 'hk', incomingOf(items));
      await tx.db.execute(sql`select pg_stat_force_next_flush()`);
    });
  const analyzedColumns = () =>
    queryRows<{ attname: string }>(gd.app.database.db, sql`select attname from pg_stats where schemaname = current_schema() and tablename = 'records' order by attname`);

  beforeAll(async () => {
    gd = await createTestApp({ CREDENCE_NODE: 'gd' });
    // On PostgreSQL, autovacuum analyzing the table meanwhile would move the thresholds under test.
    await gd.app.database.db.execute(sql`alter table records set (autovacuum_enabled = false)`);
  });

  afterAll(async () => {
    await gd?.close();
  });

  it('analyzes the columns of the held look-up at 1,000 records, then each time the table has doubled', async () => {
    await applyNew(999);
    expect(await analyzeGrownTables(gd.app.database.db, FEED_LOOKED_UP_COLUMNS)).toEqual([]);
    expect(await analyzedColumns()).toEqual([]);

    await applyNew(1);
    expect(await analyzeGrownTables(gd.app.database.db, FEED_LOOKED_UP_COLUMNS)).toEqual(['records']);
    expect(await analyzedColumns()).toEqual([{ attname: 'origin_node' }, { attname: 'source_id' }]);
    expect(await analyzeGrownTables(gd.app.database.db, FEED_LOOKED_UP_COLUMNS)).toEqual([]);

    await applyNew(999);
    expect(await analyzeGrownTables(gd.app.database.db, FEED_LOOKED_UP_COLUMNS)).toEqual([]);
    await applyNew(1);
    expect(await analyzeGrownTables(gd.app.database.db, FEED_LOOKED_UP_COLUMNS)).toEqual(['records']);
  });
});
