import { describe, expect, it } from 'vitest';
import type { SharedEntity } from './agreements.js';
import { itemsWithEntities, type FeedItem } from './feed.js';

const entity = (n: number): SharedEntity => ({ id: `0190f3a0-0000-7000-8000-00000000000${n}`, jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: `1000000${n}` }] });
const record = (sourceId: string) => ({ sourceId, category: 'penalty' as const, domain: 'customs' as const, decidedOn: '2026-10-01' });
const upsert = (sourceId: string, n: number): FeedItem => ({ op: 'upsert', version: '1', record: record(sourceId), entity: entity(n).id });
const retract: FeedItem = { op: 'retract', version: '2', sourceId: 'p-9' };

describe('itemsWithEntities', () => {
  it('puts each upsert’s listed entity in place of its id, the same object for every upsert of it', () => {
    const items = itemsWithEntities({ entities: [entity(1), entity(2)], items: [upsert('p-1', 1), retract, upsert('p-2', 2), upsert('p-3', 1)] })!;
    expect(items.map((i) => (i.op === 'upsert' ? i.entity.id : i.sourceId))).toEqual([entity(1).id, 'p-9', entity(2).id, entity(1).id]);
    expect(items[0]).toMatchObject({ op: 'upsert', record: record('p-1'), entity: entity(1) });
  });

  it.each([
    ['an upsert names an entity the page does not list', [entity(1)], [upsert('p-1', 2)]],
    ['the page lists an entity no upsert names', [entity(1), entity(2)], [upsert('p-1', 1)]],
    ['the page lists an entity twice', [entity(1), entity(1)], [upsert('p-1', 1)]],
    ['a page of retractions lists an entity', [entity(1)], [retract]],
  ])('refuses a page where %s', (_, entities, items) => {
    expect(itemsWithEntities({ entities, items })).toBeUndefined();
  });

  it('takes a page of retractions only, with no entities', () => {
    expect(itemsWithEntities({ entities: [], items: [retract] })).toEqual([retract]);
  });
});
