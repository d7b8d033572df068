/**
 * The feed in pages across many positions: every record once, in version order, whatever the page size — row ids
 * and transaction ids of different digit counts included (they must order as numbers, not as text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../src/exchange/feed.js';
import { activeRecordPages } from '../../src/store/exchange-repository.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { writeLines } from '../support/lines.js';

const basis = [{ instrument: 'Import and Export Ordinance (Cap. 60)', article: 'section 18(1)(a)' }];
const penalty = (n: number) => ({
  type: 'record', sourceId: `hk-pen-${n}`, subject: 'hk-brn:10000002', category: 'penalty', domain: 'customs', severity: 'general',
  authority: 'hk-customs', decisionNo: `KCCC ${n}`, decidedOn: '2026-10-01', legalBasis: basis, summary: 'Importing unmanifested cargo',
  penalty: { kinds: ['fine'], amount: { value: 1_000 + n, currency: 'HKD' } },
});

describe('feed paging', () => {
  let hk: TestApp;

  beforeAll(async () => {
    hk = await createTestApp({ CREDENCE_NODE: 'hk' });
    const entity = { type: 'entity', jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: '10000002' }], names: [{ value: 'Kowloon Traders Limited', lang: 'en' }], status: 'active' };
    // Three imports, three writing transactions; 25 rows take the ids past 9 and past 19.
    await hk.app.imports.importFiles([writeLines([entity, ...Array.from({ length: 8 }, (_, i) => penalty(i))])]);
    await hk.app.imports.importFiles([writeLines(Array.from({ length: 9 }, (_, i) => penalty(8 + i)))]);
    await hk.app.imports.importFiles([writeLines(Array.from({ length: 8 }, (_, i) => penalty(17 + i)))]);
  });

  afterAll(async () => {
    await hk?.close();
  });

  it.each([1, 4, 7, 25, 100])('serves every record once and in order with %i items per page', async (limit) => {
    const items: FeedItem[] = [];
    let after: string | undefined;
    for (let pages = 0; ; pages++) {
      expect(pages).toBeLessThan(30);
      const page = await hk.app.feed.payload('gd', after, limit);
      items.push(...page.items);
      after = page.next;
      if (!page.more) break;
    }
    const ids = items.map((i) => (i.op === 'upsert' ? i.record.sourceId : i.sourceId));
    expect(new Set(ids).size).toBe(25);
    expect(ids).toHaveLength(25);
    const versions = items.map((i) => i.version);
    expect(versions).toEqual([...versions].sort());
  });

  it.each([1, 7, 25, 100])('reads the active records for the publicity sweep %i at a time, every one once', async (pageSize) => {
    const pages: string[][] = [];
    for await (const page of activeRecordPages(hk.app.database.db, 'hk', ['penalty'], pageSize)) pages.push(page.map((r) => r.sourceId));
    expect(pages.flat().sort()).toEqual(Array.from({ length: 25 }, (_, i) => `hk-pen-${i}`).sort());
    expect(pages.every((p) => p.length <= pageSize)).toBe(true);
  });
});
