import { describe, expect, it } from 'vitest';
import type { SharedEntity } from './agreements.js';
import { incomingPage, type FeedItem } from './feed.js';

const entity = (n: number): SharedEntity => ({ id: `0190f3a0-0000-7000-8000-00000000000${n}`, jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: `1000000${n}` }] });
const record = (sourceId: string) => ({ sourceId, category: 'penalty' as const, domain: 'customs' as const, decidedOn: '2026-10-01' });
const upsert = (sourceId: string, n: number): FeedItem => ({ op: 'upsert', version: '1', record: record(sourceId), entity: entity(n).id });
const retract: FeedItem = { op: 'retract', version: '2', sourceId: 'p-9' };

describe('incomingPage', () => {
  it('keeps the listed entities and each item in order, an upsert naming its entity and its record encoded for COPY', () => {
    const page = incomingPage({ entities: [entity(1), entity(2)], items: [upsert('p-1', 1), retract, upsert('p-2', 2), upsert('p-3', 1)] })!;
    expect(page.entities).toEqual([entity(1), entity(2)]);
    expect(page.items.map((i) => [i.op, i.sourceId, i.op === 'upsert' ? i.entity : null])).toEqual([
      ['upsert', 'p-1', entity(1).id], ['retract', 'p-9', null], ['upsert', 'p-2', entity(2).id], ['upsert', 'p-3', entity(1).id],
    ]);
    // Every column but origin node and entity, which the receiving node fills in; withheld fields empty.
    const head = (page.items[0] as { head: string }).head;
    expect(head.split('\t')).toEqual(['p-1', 'penalty', 'customs', '\\N', '', '', '2026-10-01', '[]', '', '\\N', 'active', expect.stringMatching(/^[0-9a-f]{64}$/), '1', '']);
  });

  it.each([
    ['an upsert names an entity the page does not list', [entity(1)], [upsert('p-1', 2)]],
    ['the page lists an entity no upsert names', [entity(1), entity(2)], [upsert('p-1', 1)]],
    ['the page lists an entity twice', [entity(1), entity(1)], [upsert('p-1', 1)]],
    ['a page of retractions lists an entity', [entity(1)], [retract]],
  ])('refuses a page where %s', (_, entities, items) => {
    expect(incomingPage({ entities, items })).toBeUndefined();
  });

  it('takes a page of retractions only, with no entities', () => {
    expect(incomingPage({ entities: [], items: [retract] })).toEqual({ entities: [], items: [retract] });
  });
});
