import { describe, expect, it } from 'vitest';
import { DEFAULT_IDENTIFIER_RULES, type Identifier } from './identifiers/index.js';
import { entityIdFor, lineHash, planImportBatch, type BatchLookups, type KnownEntity, type RecordKey, type ValidLine } from './import-plan.js';
import { interchangeSchemas, type EntityLine, type EntityLineInput, type RecordLine, type RecordLineInput } from './interchange.js';

const schemas = interchangeSchemas({ identifierRules: DEFAULT_IDENTIFIER_RULES, today: '2026-11-27' });

const GD = '9144030071526726XG';
const GD_2 = '914403001922038216';
const BRN = '12345678';
const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function entityInput(overrides: Partial<EntityLineInput> = {}): EntityLineInput {
  return {
    type: 'entity',
    jurisdiction: 'GD',
    identifiers: [{ scheme: 'uscc', value: GD }],
    names: [{ value: '腾讯科技（深圳）有限公司', lang: 'zh-Hans' }],
    status: 'active',
    ...overrides,
  };
}

function recordInput(overrides: Partial<RecordLineInput> = {}): RecordLineInput {
  return {
    type: 'record',
    sourceId: 'GD-SAMR-2026-000123',
    subject: `uscc:${GD}`,
    category: 'license',
    domain: 'market',
    authority: 'gd-samr',
    decisionNo: 'No. 1',
    decidedOn: '2026-03-01',
    legalBasis: [{ instrument: 'Law', article: '1' }],
    summary: 'Licence granted.',
    ...overrides,
  };
}

/** A validated line as the import service hands it to the planner. */
function entity(line: number, overrides: Partial<EntityLineInput> = {}): ValidLine<EntityLine> {
  const value = schemas.entity.parse(entityInput(overrides));
  return { line, value, hash: lineHash(value) };
}

/** A record as the planner sees it, with the validated line kept alongside for assertions. */
type TestRecord = RecordKey & { value: RecordLine };

function record(line: number, overrides: Partial<RecordLineInput> = {}): TestRecord {
  const value = schemas.record.parse(recordInput(overrides));
  return { line, sourceId: value.sourceId, subject: value.subject, hash: lineHash(value), value };
}

function lookups(partial: Partial<BatchLookups> = {}): BatchLookups {
  return { identifiers: new Map(), subjects: new Map(), entityIds: new Set(), records: new Map(), ...partial };
}

const usccId = (value: string): Identifier => ({ scheme: 'uscc', value });
const STORED_ID = '11111111-2222-8333-9444-555555555555';
const OTHER_ID = '66666666-7777-8888-9999-000000000000';

describe('entityIdFor', () => {
  it.each([usccId(GD), usccId(GD_2), { scheme: 'hk-brn', value: BRN }, { scheme: 'mo-reg', value: '12345' }, { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }] as Identifier[])(
    'is a version-8 UUID with the RFC variant for %j',
    (identifier) => {
      expect(entityIdFor(identifier)).toMatch(UUID_V8);
    },
  );

  it('is deterministic and distinguishes identifiers and schemes', () => {
    expect(entityIdFor(usccId(GD))).toBe(entityIdFor(usccId(GD)));
    expect(entityIdFor(usccId(GD))).not.toBe(entityIdFor(usccId(GD_2)));
    expect(entityIdFor({ scheme: 'hk-brn', value: BRN })).not.toBe(entityIdFor({ scheme: 'hk-cr', value: BRN }));
  });

  it('covers every variant nibble 8–b over many identifiers', () => {
    const variants = new Set(Array.from({ length: 200 }, (_, i) => entityIdFor({ scheme: 'mo-reg', value: String(i) }).charAt(19)));
    expect([...variants].sort()).toEqual(['8', '9', 'a', 'b']);
  });
});

describe('planImportBatch: entities', () => {
  it('plans an entity nobody holds as new, under its derived id', () => {
    const plan = planImportBatch([entity(1)], [], lookups());
    expect(plan.newEntities).toHaveLength(1);
    expect(plan.newEntities[0]).toMatchObject({ id: entityIdFor(usccId(GD)), relations: [] });
    expect(plan).toMatchObject({ changedEntities: [], unchangedEntities: 0, rejects: [] });
  });

  it('derives the id from the first identifier of the line', () => {
    const line = entity(1, { identifiers: [{ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }, { scheme: 'uscc', value: GD }] });
    expect(planImportBatch([line], [], lookups()).newEntities[0]?.id).toBe(entityIdFor({ scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }));
  });

  it('counts an entity whose stored hash matches as unchanged', () => {
    const line = entity(1);
    const plan = planImportBatch([line], [], lookups({ identifiers: new Map([[`uscc:${GD}`, { id: STORED_ID, hash: line.hash }]]) }));
    expect(plan).toMatchObject({ newEntities: [], changedEntities: [], unchangedEntities: 1, rejects: [] });
  });

  it('plans an entity whose stored hash differs as changed, keeping the stored id', () => {
    const line = entity(1, { status: 'dissolved' });
    const plan = planImportBatch([line], [], lookups({ identifiers: new Map([[`uscc:${GD}`, { id: STORED_ID, hash: 'old' }]]) }));
    expect(plan.changedEntities).toEqual([{ id: STORED_ID, line: line.value, hash: line.hash, relations: [] }]);
    expect(plan).toMatchObject({ newEntities: [], unchangedEntities: 0 });
  });

  it('matches a stored entity by any of its identifiers (a new alias is a change)', () => {
    const line = entity(1, { identifiers: [{ scheme: 'uscc', value: GD }, { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }] });
    const plan = planImportBatch([line], [], lookups({ identifiers: new Map([['lei:5493001KJTIIGC8Y1R12', { id: STORED_ID, hash: 'old' }]]) }));
    expect(plan.changedEntities.map((e) => e.id)).toEqual([STORED_ID]);
  });

  it('rejects identifiers that belong to two different registered entities', () => {
    const line = entity(7, { identifiers: [{ scheme: 'uscc', value: GD }, { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }] });
    const known = new Map<string, KnownEntity>([
      [`uscc:${GD}`, { id: STORED_ID, hash: 'a' }],
      ['lei:5493001KJTIIGC8Y1R12', { id: OTHER_ID, hash: 'b' }],
    ]);
    const plan = planImportBatch([line], [], lookups({ identifiers: known }));
    expect(plan.rejects).toEqual([{ line: 7, field: 'identifiers', reason: 'the identifiers belong to different registered entities' }]);
    expect(plan).toMatchObject({ newEntities: [], changedEntities: [], unchangedEntities: 0 });
  });

  it('rejects identifiers that belong to an entity stored and another introduced earlier in the batch', () => {
    const first = entity(1, { identifiers: [{ scheme: 'uscc', value: GD_2 }] });
    const second = entity(2, { identifiers: [{ scheme: 'uscc', value: GD }, { scheme: 'uscc', value: GD_2 }] });
    const plan = planImportBatch([first, second], [], lookups({ identifiers: new Map([[`uscc:${GD}`, { id: STORED_ID, hash: 'a' }]]) }));
    expect(plan.newEntities).toHaveLength(1);
    expect(plan.rejects).toEqual([{ line: 2, field: 'identifiers', reason: 'the identifiers belong to different registered entities' }]);
  });

  // Regression: owners must be compared by entity id, not by object identity (batch and store give distinct objects).
  it('accepts a second line for a stored entity that mixes identifiers seen in the batch and in the store', () => {
    const stored = new Map<string, KnownEntity>([
      [`uscc:${GD}`, { id: STORED_ID, hash: 'old' }],
      ['lei:5493001KJTIIGC8Y1R12', { id: STORED_ID, hash: 'old' }],
    ]);
    const first = entity(1);
    const second = entity(2, { identifiers: [{ scheme: 'uscc', value: GD }, { scheme: 'lei', value: '5493001KJTIIGC8Y1R12' }] });
    const plan = planImportBatch([first, second], [], lookups({ identifiers: stored }));
    expect(plan.rejects).toEqual([]);
    expect(plan.changedEntities.map((e) => e.id)).toEqual([STORED_ID, STORED_ID]);
  });

  it('counts the same entity twice in one batch as new, then unchanged', () => {
    const plan = planImportBatch([entity(1), entity(2)], [], lookups());
    expect(plan).toMatchObject({ unchangedEntities: 1, rejects: [] });
    expect(plan.newEntities).toHaveLength(1);
  });

  it('resolves a relation to a stored entity, to an entity earlier in the batch and by internal id', () => {
    const parent = entity(1, { jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: BRN }] });
    const child = entity(2, {
      relations: [
        { kind: 'subsidiary-of', target: `hk-brn:${BRN}` },
        { kind: 'branch-of', target: `uscc:${GD_2}` },
        { kind: 'branch-of', target: OTHER_ID.toUpperCase() },
      ],
    });
    const plan = planImportBatch([parent, child], [], lookups({
      identifiers: new Map([[`uscc:${GD_2}`, { id: STORED_ID, hash: 'x' }]]),
      entityIds: new Set([OTHER_ID]),
    }));
    expect(plan.rejects).toEqual([]);
    expect(plan.newEntities[1]?.relations).toEqual([
      { kind: 'subsidiary-of', targetId: entityIdFor({ scheme: 'hk-brn', value: BRN }) },
      { kind: 'branch-of', targetId: STORED_ID },
      { kind: 'branch-of', targetId: OTHER_ID },
    ]);
  });

  it.each([
    ['an unknown identifier', `hk-brn:${BRN}`, `unknown entity hk-brn:${BRN}`],
    ['an unknown internal id', OTHER_ID, `unknown entity ${OTHER_ID}`],
  ])('rejects a relation to %s, naming the failing relation', (_label, target, reason) => {
    const line = entity(3, { relations: [{ kind: 'branch-of', target: `uscc:${GD_2}` }, { kind: 'subsidiary-of', target }] });
    const plan = planImportBatch([line], [], lookups({ identifiers: new Map([[`uscc:${GD_2}`, { id: STORED_ID, hash: 'x' }]]) }));
    expect(plan.rejects).toEqual([{ line: 3, field: 'relations.1.target', reason }]);
    expect(plan.newEntities).toEqual([]);
  });

  it('a rejected entity does not become a target for later lines', () => {
    const bad = entity(1, { relations: [{ kind: 'branch-of', target: `hk-brn:${BRN}` }] });
    const plan = planImportBatch([bad], [record(2)], lookups());
    expect(plan.rejects.map((r) => [r.line, r.field])).toEqual([[1, 'relations.0.target'], [2, 'subject']]);
  });
});

describe('planImportBatch: records', () => {
  const storedEntity = () => lookups({ identifiers: new Map([[`uscc:${GD}`, { id: STORED_ID, hash: 'x' }]]) });

  it('plans a record about a stored entity as new', () => {
    const line = record(1);
    const plan = planImportBatch([], [line], storedEntity());
    expect(plan.newRecords).toEqual([{ entityId: STORED_ID, record: line }]);
  });

  it('lets a record refer to an entity introduced earlier in the same batch', () => {
    const plan = planImportBatch([entity(1)], [record(2)], lookups());
    expect(plan.rejects).toEqual([]);
    expect(plan.newRecords[0]?.entityId).toBe(entityIdFor(usccId(GD)));
  });

  it('rejects a record whose entity comes only later in the batch', () => {
    const plan = planImportBatch([entity(2)], [record(1)], lookups());
    expect(plan.rejects).toEqual([{ line: 1, field: 'subject', reason: `unknown entity uscc:${GD}: import its entity line first` }]);
    expect(plan.newEntities).toHaveLength(1);
  });

  it('rejects a record about an unknown entity, naming it', () => {
    const plan = planImportBatch([], [record(4, { subject: `uscc:${GD_2}` })], storedEntity());
    expect(plan.rejects).toEqual([{ line: 4, field: 'subject', reason: `unknown entity uscc:${GD_2}: import its entity line first` }]);
    expect(plan.newRecords).toEqual([]);
  });

  it('names the normalised identifier of an unknown subject', () => {
    const plan = planImportBatch([], [record(1, { subject: 'HK-BRN:12345678-000' })], lookups());
    expect(plan.rejects[0]?.reason).toBe('unknown entity hk-brn:12345678: import its entity line first');
  });

  it.each([
    ['that exists', STORED_ID, new Set([STORED_ID]), STORED_ID],
    ['in upper case that exists', STORED_ID.toUpperCase(), new Set([STORED_ID]), STORED_ID],
    ['that does not exist', OTHER_ID, new Set([STORED_ID]), undefined],
  ])('resolves a subject given as an internal id %s', (_label, subject, entityIds, expected) => {
    const plan = planImportBatch([], [record(1, { subject })], lookups({ entityIds }));
    if (expected) {
      expect(plan.newRecords[0]?.entityId).toBe(expected);
      expect(plan.rejects).toEqual([]);
    } else {
      expect(plan.rejects).toEqual([{ line: 1, field: 'subject', reason: `unknown entity ${subject}: import its entity line first` }]);
    }
  });

  it('resolves a subject given as the internal id of an entity new in this batch', () => {
    const id = entityIdFor(usccId(GD));
    const plan = planImportBatch([entity(1)], [record(2, { subject: id })], lookups());
    expect(plan.newRecords[0]?.entityId).toBe(id);
  });

  it.each([
    ['new', undefined, { newRecords: 1, changedRecords: 0, unchangedRecords: 0 }],
    ['unchanged (same hash)', 'same', { newRecords: 0, changedRecords: 0, unchangedRecords: 1 }],
    ['changed (different hash)', 'different', { newRecords: 0, changedRecords: 1, unchangedRecords: 0 }],
  ] as const)('plans a record by sourceId as %s', (_label, stored, expected) => {
    const line = record(1);
    const records = new Map(stored ? [[line.value.sourceId, { id: 42, hash: stored === 'same' ? line.hash : 'old', entityId: OTHER_ID }]] : []);
    const plan = planImportBatch([], [line], lookups({ ...storedEntity(), records }));
    expect({ newRecords: plan.newRecords.length, changedRecords: plan.changedRecords.length, unchangedRecords: plan.unchangedRecords }).toEqual(expected);
    if (stored === 'different') expect(plan.changedRecords[0]).toEqual({ id: 42, entityId: STORED_ID, previousEntityId: OTHER_ID, record: line });
  });

  it('rejects the second line with the same sourceId in one batch', () => {
    const plan = planImportBatch([], [record(1), record(2, { summary: 'Corrected.' })], storedEntity());
    expect(plan.newRecords.map((r) => r.record.value.summary)).toEqual(['Licence granted.']);
    expect(plan.rejects).toEqual([{ line: 2, field: 'sourceId', reason: 'sourceId GD-SAMR-2026-000123 appears twice in the same batch' }]);
  });

  it('does not count a sourceId whose line was rejected as seen', () => {
    const plan = planImportBatch([], [record(1, { subject: `uscc:${GD_2}` }), record(2)], storedEntity());
    expect(plan.rejects.map((r) => [r.line, r.field])).toEqual([[1, 'subject']]);
    expect(plan.newRecords).toHaveLength(1);
  });
});

describe('planImportBatch: line order', () => {
  it('plans interleaved entity and record lines in line order', () => {
    const hk = { jurisdiction: 'HK', identifiers: [{ scheme: 'hk-brn', value: BRN }] } satisfies Partial<EntityLineInput>;
    const entities = [entity(1), entity(3, hk), entity(6, { identifiers: [{ scheme: 'uscc', value: GD_2 }] })];
    const records = [
      record(2, { sourceId: 'a' }), // GD, introduced on line 1
      record(4, { sourceId: 'b', subject: `hk-brn:${BRN}` }), // introduced on line 3
      record(5, { sourceId: 'c', subject: `uscc:${GD_2}` }), // introduced only on line 6
      record(7, { sourceId: 'd', subject: `uscc:${GD_2}` }),
    ];
    const plan = planImportBatch(entities, records, lookups());
    expect(plan.newEntities).toHaveLength(3);
    expect(plan.newRecords.map((r) => r.record.sourceId)).toEqual(['a', 'b', 'd']);
    expect(plan.rejects).toEqual([{ line: 5, field: 'subject', reason: `unknown entity uscc:${GD_2}: import its entity line first` }]);
  });

  it('plans an empty batch as empty', () => {
    expect(planImportBatch([], [], lookups())).toEqual({
      newEntities: [],
      changedEntities: [],
      newRecords: [],
      changedRecords: [],
      unchangedEntities: 0,
      unchangedRecords: 0,
      rejects: [],
    });
  });
});

describe('lineHash', () => {
  it('changes with content', () => {
    const a = schemas.record.parse(recordInput());
    const b = schemas.record.parse(recordInput({ summary: 'Corrected.' }));
    expect(lineHash(a)).not.toBe(lineHash(b));
  });

  it('is the same for the same line written with different key order and width', () => {
    const a = schemas.entity.parse(entityInput());
    const b = schemas.entity.parse({ status: 'active', names: [{ lang: 'zh-Hans', value: '腾讯科技（深圳）有限公司' }], identifiers: [{ value: '９１４４０３００７１５２６７２６ｘｇ', scheme: 'uscc' }], jurisdiction: 'GD', type: 'entity' });
    expect(lineHash(b)).toBe(lineHash(a));
  });
});
