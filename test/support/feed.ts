/** Feed pages for tests that apply a partner's items directly, without a partner node. */
import type { SharedEntity, SharedRecord } from '../../src/exchange/agreements.js';
import { incomingPage, type FeedItem } from '../../src/exchange/feed.js';
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
