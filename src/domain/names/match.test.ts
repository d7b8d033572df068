import { describe, expect, it } from 'vitest';
import { buildNameIndex, indexCounts, indexEntities, removeEntities, searchNames, type SearchableEntity } from './name-index.js';
import { matchEntity } from './match.js';

const entities: SearchableEntity[] = [
  { id: 'hk1', jurisdiction: 'HK', names: [{ value: '恆生銀行有限公司', lang: 'zh-Hant' }, { value: 'Hang Seng Bank Limited', lang: 'en' }], identifiers: [{ scheme: 'hk-brn', value: '00000001' }] },
  { id: 'gd1', jurisdiction: 'GD', names: [{ value: '恒生电子股份有限公司', lang: 'zh-Hans' }], identifiers: [{ scheme: 'uscc', value: '91330000253917765N' }] },
  { id: 'mo1', jurisdiction: 'MO', names: [{ value: 'Sociedade de Águas de Macau, S.A.', lang: 'pt' }], identifiers: [{ scheme: 'mo-reg', value: '1234' }] },
];

describe('matchEntity', () => {
  const index = buildNameIndex(entities);

  it.each([
    [{ names: [{ value: 'Hang Seng Bank Ltd' }], identifiers: [] }, 'hk1', true],
    [{ names: [{ value: '恒生银行', lang: 'zh-Hans' as const }], identifiers: [] }, 'hk1', true],
    [{ names: [{ value: 'Aguas de Macau SA' }], identifiers: [] }, 'mo1', true],
    [{ names: [{ value: 'nothing alike' }], identifiers: [{ scheme: 'mo-reg' as const, value: '1234' }] }, 'mo1', true],
    [{ names: [{ value: '恒生电子' }], identifiers: [], jurisdiction: 'GD' }, 'gd1', true],
    [{ names: [{ value: 'Hang Seng Electronics' }], identifiers: [] }, 'hk1', false],
  ])('%j → %s (match %s)', (query, id, match) => {
    const [first] = matchEntity(index, query, 5);
    expect(first).toMatchObject({ entityId: id, match });
    expect(first!.explanation.length).toBeGreaterThan(0);
  });

  it('scores an exact identifier 1 and says so, adding name evidence', () => {
    const [first] = matchEntity(index, { names: [{ value: 'Hang Seng Bank' }], identifiers: [{ scheme: 'hk-brn', value: '00000001' }] }, 5);
    expect(first).toMatchObject({ entityId: 'hk1', score: 1, match: true });
    expect(first!.explanation[0]).toBe('identifier hk-brn:00000001 matches exactly');
    expect(first!.explanation[1]).toMatch(/^name "Hang Seng Bank" vs /);
  });

  it('answers nothing for a query in no script', () => {
    expect(matchEntity(index, { names: [{ value: '---' }], identifiers: [] }, 5)).toEqual([]);
  });
});

describe('typos', () => {
  it('finds a name through the typo neighbours of a misspelt word, with no key shared', () => {
    const index = buildNameIndex(entities);
    const [hit] = searchNames(index, 'Agaus', 5);
    expect(hit).toMatchObject({ entityId: 'mo1' });
    expect(hit!.explanation.join('; ')).toContain('1 typo in "agaus"');
  });
});

describe('keeping the index current', () => {
  it('replaces a renamed entity, forgets removed ones, and filters by jurisdiction', () => {
    const index = buildNameIndex(entities);
    indexEntities(index, [{ ...entities[0]!, names: [{ value: 'Zephyr Bank Limited', lang: 'en' }] }]);
    expect(searchNames(index, 'Zephyr Bank', 5)[0]).toMatchObject({ entityId: 'hk1', score: 1 });
    // The old name no longer finds it, or only far below a match.
    expect(searchNames(index, 'Hang Seng Bank', 5).find((h) => h.entityId === 'hk1')?.score ?? 0).toBeLessThan(0.8);
    expect(searchNames(index, 'hk-brn:00000001', 5)).toMatchObject([{ entityId: 'hk1', score: 1 }]);
    removeEntities(index, ['hk1']);
    expect(searchNames(index, 'hk-brn:00000001', 5)).toEqual([]);
    expect(searchNames(index, '恒生', 5, { jurisdiction: 'HK' })).toEqual([]);
    expect(searchNames(index, '恒生', 5, { jurisdiction: 'GD' })).toMatchObject([{ entityId: 'gd1' }]);
  });

  it('leaves an entity whose names and identifiers did not change where it was', () => {
    const index = buildNameIndex(entities);
    const { names } = indexCounts(index);
    indexEntities(index, [{ ...entities[1]! }]);
    expect(indexCounts(index).names).toBe(names);
  });
});
