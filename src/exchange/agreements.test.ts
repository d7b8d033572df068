/**
 * Sharing agreements decide exactly which fields cross: for every category and every field an agreement may
 * name, a feed record carries the required fields plus exactly the one named (and all of them when all are).
 */
import { describe, expect, it } from 'vitest';
import { RECORD_CATEGORIES, type RecordCategory } from '../domain/taxonomy.js';
import type { SharingAgreement } from '../policy/pack-schema.js';
import { BLOCK_CATEGORY, REQUIRED_RECORD_FIELDS, SHARED_RECORD_FIELDS, agreementInForce, projectEntity, projectRecord, termsFor, type ShareableRecord, type SharedRecordField } from './agreements.js';
import { toDay } from '../domain/policy/dates.js';

const BLOCKS: Record<string, Record<string, unknown>> = {
  penalty: { penalty: { kinds: ['fine'], amount: { value: 1000, currency: 'CNY' } } },
  rating: { rating: { scheme: 'cn-customs', grade: 'advanced-certified' } },
  'court-enforcement': { court: { caseNo: '(2025)粤01执1号' } },
};

function record(category: RecordCategory): ShareableRecord {
  return {
    sourceId: `src-${category}`, category, domain: 'customs', severity: 'general', authority: 'gd-customs', decisionNo: 'D-1',
    decidedOn: '2026-01-02', legalBasis: [{ instrument: 'X', article: '1' }], summary: 'S', status: 'active', details: BLOCKS[category] ?? null,
  };
}

/** The fields an agreement may name for `category`: all but the block fields of other categories. */
const fieldsFor = (category: RecordCategory) => SHARED_RECORD_FIELDS.filter((f) => !BLOCK_CATEGORY[f] || BLOCK_CATEGORY[f] === category);

const rows = RECORD_CATEGORIES.flatMap((category) =>
  fieldsFor(category)
    .filter((f) => !REQUIRED_RECORD_FIELDS.includes(f))
    .map((field) => [category, field] as [RecordCategory, SharedRecordField]),
);

describe('projectRecord', () => {
  it.each(rows)('%s with %s named carries exactly the required fields and %s', (category, field) => {
    const shared = projectRecord(record(category), [...REQUIRED_RECORD_FIELDS, field]);
    expect(Object.keys(shared).sort()).toEqual([...REQUIRED_RECORD_FIELDS, field].sort());
  });

  it.each(RECORD_CATEGORIES)('%s with only the required fields carries nothing else', (category) => {
    expect(Object.keys(projectRecord(record(category), REQUIRED_RECORD_FIELDS)).sort()).toEqual([...REQUIRED_RECORD_FIELDS].sort());
  });

  it.each(RECORD_CATEGORIES)('%s with every field named carries every field it has', (category) => {
    const shared = projectRecord(record(category), fieldsFor(category));
    expect(Object.keys(shared).sort()).toEqual([...fieldsFor(category)].sort());
  });
});

const agreement: SharingAgreement = {
  id: 'a', partner: 'hk', purpose: 'p',
  records: [{ category: 'rating', ratings: [{ scheme: 'cn-customs', grades: ['advanced-certified'] }], fields: ['sourceId', 'category', 'domain', 'decidedOn'] }],
  entity: { identifiers: ['uscc'], names: false },
  legalBasis: [{ instrument: 'MRA', article: 'unspecified' }],
  effective: { from: '2026-01-01', to: '2026-12-31' },
};

describe('agreements', () => {
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ] as const)('in force on %s: %s', (day, inForce) => {
    expect(agreementInForce([agreement], 'hk', toDay(day)) !== undefined).toBe(inForce);
    expect(agreementInForce([agreement], 'mo', toDay(day))).toBeUndefined();
  });

  it('covers the named rating grades, and the whole scheme when retracting', () => {
    const dishonest = { ...record('rating'), details: { rating: { scheme: 'cn-customs', grade: 'dishonest' } } };
    expect(termsFor(agreement, record('rating'))).toBeDefined();
    expect(termsFor(agreement, dishonest)).toBeUndefined();
    expect(termsFor(agreement, dishonest, { anyGrade: true })).toBeDefined();
    expect(termsFor(agreement, { ...record('rating'), details: { rating: { scheme: 'cn-tax', grade: 'A' } } }, { anyGrade: true })).toBeUndefined();
    expect(termsFor(agreement, record('penalty'))).toBeUndefined();
  });

  it('lets only the named identifier schemes cross, and names only when agreed', () => {
    const entity = { id: 'e', jurisdiction: 'GD', identifiers: [{ scheme: 'uscc', value: '1' }, { scheme: 'lei', value: '2' }], names: [{ value: 'N', lang: 'zh-Hans', kind: 'legal' }] };
    expect(projectEntity(entity, { identifiers: ['uscc'], names: false })).toEqual({ id: 'e', jurisdiction: 'GD', identifiers: [{ scheme: 'uscc', value: '1' }] });
    expect(projectEntity(entity, { identifiers: ['uscc', 'lei'], names: true }).names).toEqual(entity.names);
  });
});
