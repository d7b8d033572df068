import { describe, expect, it } from 'vitest';
import { searchCorpus, searchQueries } from '../../../test/support/search-fixture.js';
import { analyseName } from './analyse.js';
import { matchEntity } from './match.js';
import { decodeName, encodeName } from './name-base.js';
import { buildNameIndex, indexCounts, indexedEntity, indexEntities, removeEntities, searchNames, type NameIndex, type SearchableEntity } from './name-index.js';
import { readSnapshot, snapshotBytes, type Snapshot } from '../snapshots.js';
import { loadNameIndex, snapshotNameIndex } from './name-snapshot.js';

const corpus = searchCorpus();
const queries = searchQueries();

/** Names and identifiers the corpus lacks: a shared identifier, a name with control characters, a nameless entity, one in no script. */
const handMade: SearchableEntity[] = [
  { id: 'x-shared', jurisdiction: 'HK', names: [{ value: 'Hang Seng Bank Limited', lang: 'en' }, { value: '恆生銀行', lang: 'zh-Hant' }], identifiers: [corpus[0]!.identifiers[0]!, { scheme: 'hk-brn', value: 'a:b' }] },
  { id: 'x-odd', jurisdiction: 'MO', names: [{ value: 'Odd\u0000Name\u0001 Trading (Macau) Lda' }, { value: '---' }], identifiers: [] },
  { id: 'x-nameless', jurisdiction: 'GD', names: [], identifiers: [{ scheme: 'uscc', value: '91440300NAMELESS01' }] },
];
const entities = [...corpus, ...handMade];

/** Every answer the index gives that a snapshot must keep: searches (with and without a jurisdiction), matches, entities, counts. */
function answers(index: NameIndex, extra: readonly string[] = []) {
  const texts = [...queries.map((q) => q.query), ...extra];
  return {
    searches: texts.map((q) => searchNames(index, q, 10)),
    filtered: texts.slice(0, 100).map((q) => searchNames(index, q, 10, { jurisdiction: 'HK' })),
    matches: texts.slice(0, 100).map((q, i) =>
      matchEntity(index, { names: [{ value: q }], identifiers: entities[i]!.identifiers.map((id) => ({ scheme: 'uscc' as const, value: id.value })) }, 5),
    ),
    entities: [...entities.map((e) => e.id), 'new-1', 'new-2'].map((id) => indexedEntity(index, id)),
    counts: indexCounts(index),
  };
}

/** The snapshot through bytes, as its file carries it. */
function throughBytes(snapshot: Snapshot): Snapshot {
  return readSnapshot(Buffer.concat(snapshotBytes('', snapshot))).snapshot;
}

describe('name index snapshots', () => {
  it('encode every analysed name losslessly', () => {
    for (const name of entities.flatMap((e) => e.names)) {
      const analysed = analyseName(name.value, name.lang);
      expect(decodeName(encodeName(analysed))).toEqual(analysed);
    }
  });

  it('load to an index that answers as the one snapshotted, through bytes too, and again when unchanged', () => {
    const fresh = buildNameIndex(entities);
    const expected = answers(fresh);
    expect(answers(loadNameIndex(snapshotNameIndex(fresh)))).toEqual(expected);
    const read = throughBytes(snapshotNameIndex(fresh));
    const loaded = loadNameIndex(read);
    expect(answers(loaded)).toEqual(expected);
    // Unchanged since loading: its snapshot is the arrays it was loaded from.
    const again = snapshotNameIndex(loaded);
    expect(again.arrays.every((array) => array.buffer === read.arrays[0]!.buffer)).toBe(true);
    expect(answers(loadNameIndex(throughBytes(again)))).toEqual(expected);
  });

  it('take updates after loading as an index built from entities does, and snapshot them again', () => {
    const fresh = buildNameIndex(entities);
    const loaded = loadNameIndex(throughBytes(snapshotNameIndex(fresh)));
    const [renamed, reidentified, takingOver, held, removed] = corpus;
    const changes: SearchableEntity[] = [
      { ...renamed!, names: [{ value: 'Zephyrquist Quantalon Trading Limited', lang: 'en' }] },
      { ...reidentified!, identifiers: [{ scheme: 'uscc', value: '91440300CHANGED001' }] },
      { ...takingOver!, identifiers: held!.identifiers },
      { id: 'new-1', jurisdiction: 'MO', names: [{ value: 'Quantalon Tradinq Holdings (Macau)', lang: 'en' }, { value: '量子龍控股', lang: 'zh-Hant' }], identifiers: [{ scheme: 'mo-reg', value: '99999' }] },
      { id: 'new-2', jurisdiction: 'TW', names: [{ value: '台灣量子科技股份有限公司' }], identifiers: [handMade[0]!.identifiers[1]!] },
      { ...held! },
    ];
    const gone = [removed!.id, 'x-shared', 'new-2', 'never-indexed'];
    const extra = ['Zephyrquist', 'Tradinx Quantalon', 'Zephyrquest Quantalon', 'Quantelon Trading', '量子龍', '台灣量子', 'hk-brn:a:b', 'uscc:91440300CHANGED001'];
    for (const index of [fresh, loaded]) {
      indexEntities(index, changes.slice(0, 5));
      indexEntities(index, [changes[5]!]);
    }
    const afterChanges = answers(fresh, extra);
    expect(answers(loaded, extra)).toEqual(afterChanges);
    for (const index of [fresh, loaded]) removeEntities(index, gone);
    const afterRemovals = answers(fresh, extra);
    expect(afterRemovals).not.toEqual(afterChanges);
    expect(answers(loaded, extra)).toEqual(afterRemovals);
    expect(answers(loadNameIndex(throughBytes(snapshotNameIndex(loaded))), extra)).toEqual(afterRemovals);
    expect(answers(loadNameIndex(snapshotNameIndex(fresh)), extra)).toEqual(afterRemovals);
  });

  it('refuse a snapshot of another format version, or with arrays that do not fit', () => {
    const snapshot = snapshotNameIndex(buildNameIndex(handMade));
    expect(() => loadNameIndex({ ...snapshot, meta: { ...snapshot.meta, version: 0 } })).toThrow(/not a name index snapshot of format version 1/);
    expect(() => loadNameIndex({ meta: {}, arrays: [] })).toThrow(/not a name index snapshot/);
    expect(() => loadNameIndex({ ...snapshot, arrays: snapshot.arrays.slice(1) })).toThrow(/name index snapshot: /);
    expect(() => loadNameIndex({ ...snapshot, arrays: [...snapshot.arrays, new Uint8Array(1)] })).toThrow(/do not fit together/);
  });
});
