/** Feed pages for tests that apply a partner's items directly, without a partner node, and waiting for a feed to serve. */
import { sql } from 'drizzle-orm';
import type { SharedEntity, SharedRecord } from '../../src/exchange/agreements.js';
import { incomingPage, type FeedItem } from '../../src/exchange/feed.js';
import { queryRows, type Db } from '../../src/store/database.js';
import type { IncomingPage } from '../../src/store/exchange-repository.js';

/** A feed item with an upsert's entity whole rather than named by id. */
export type WholeItem = { op: 'upsert'; version: string; record: SharedRecord; entity: SharedEntity } | { op: 'retract'; version: string; sourceId: string };

/** The page of `items` as the receiving node applies it (`applyFeedItems`): entities listed once, records encoded. */
export function incomingOf(items: readonly WholeItem[]): IncomingPage {
  const entities = new Map<string, SharedEntity>();
  const feedItems: FeedItem[] = items.map((item) => {
    if (item.op === 'retract') return item;
    entities.set(item.entity.id, item.entity);
    return { ...item, entity: item.entity.id };
  });
  return incomingPage({ entities: [...entities.values()], items: feedItems })!;
}

/**
 * Waits until every transaction running when it was called has ended. A feed serves only what transactions
 * older than all running ones wrote (`pg_snapshot_xmin`, cluster-wide), and other test files run transactions in
 * the same PostgreSQL cluster: until they end, a fresh import is rightly held back.
 */
export async function feedServes(db: Db): Promise<void> {
  const [mine] = await queryRows<{ xid: string }>(db, sql`select pg_current_xact_id()::text as xid`);
  for (let waited = 0; waited < 30_000; waited += 20) {
    const [now] = await queryRows<{ xmin: string }>(db, sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
    if (BigInt(now!.xmin) > BigInt(mine!.xid)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('transactions elsewhere in the cluster did not end within 30 s');
}
