/**
 * Evaluation semantics on a small synthetic pack (src/policy/test-pack.ts): notice windows in working days,
 * fixed durations, counts within a window, amount thresholds, publicity cut-offs, effective ranges,
 * recognition, status changes, as-of dates, disputed flags and decision precedence.
 */
import { describe, expect, it } from 'vitest';
import { testPackFiles } from '../../policy/test-pack.js';
import { validatePack } from '../../policy/validate-pack.js';
import { compilePack } from './compile.js';
import { evaluateEntity } from './evaluate.js';
import { decide } from './measures.js';
import type { EvaluableRecord } from './model.js';
import { rating, record } from './test-records.js';
import type { MeasureEffect } from './vocabulary.js';

const pack = validatePack(testPackFiles());
const compiled = compilePack(pack);
const entity = { id: 'e', jurisdiction: 'GD' } as const;
const evaluate = (records: EvaluableRecord[], at: string) => evaluateEntity(compiled, entity, records, at);
const membership = (records: EvaluableRecord[], at: string, list: string) => evaluate(records, at).lists.find((l) => l.listId === list);

/** Serious penalty on Wednesday 2026-05-06: 5 working days skipping the weekend but counting Saturday 9 May (调休). */
const serious = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-05-06', penaltyKinds: ['closure'] });
const fine = (decidedOn: string, value: number, currency: 'CNY' | 'HKD' = 'CNY') =>
  record({ category: 'penalty', severity: 'general', decidedOn, penaltyKinds: ['fine'], amount: { value, currency } });
const first = fine('2025-01-10', 150_000);
const secondWithin = fine('2026-01-09', 100_000);
const secondOutside = fine('2026-01-10', 100_000);
const secondTooSmall = fine('2026-01-09', 99_999);
const secondInHkd = fine('2026-01-09', 200_000, 'HKD');
const lateFirst = fine('2030-06-01', 100_000);
const lateSecond = fine('2030-07-01', 100_000);
const tooLateSecond = fine('2031-01-01', 100_000);
const taxA = rating('cn-tax', 'A', '2026-02-01');
const hkTier2 = rating('hk-aeo', 'tier-2', '2025-01-01', { originNode: 'hk' });
const hkUnknownGrade = rating('hk-aeo', 'tier-9', '2025-01-01', { originNode: 'hk' });

type Row = [label: string, records: EvaluableRecord[], at: string, list: string, state: string | undefined, start?: string, end?: string];

const rows: Row[] = [
  ['working-day notice: pending on the decision day', [serious], '2026-05-06', 'serious', 'pending', '2026-05-13'],
  ['working-day notice: last day of notice', [serious], '2026-05-12', 'serious', 'pending'],
  ['working-day notice: takes effect', [serious], '2026-05-13', 'serious', 'active', '2026-05-13', '2026-11-13'],
  ['fixed 6 months: last day', [serious], '2026-11-12', 'serious', 'active'],
  ['fixed 6 months: expired', [serious], '2026-11-13', 'serious', 'expired', '2026-05-13', '2026-11-13'],
  ['count: second record 364 days later enters', [first, secondWithin], '2026-01-09', 'repeat', 'active', '2026-01-09', '2026-01-10'],
  ['count: entry ends when the first record leaves its publicity window', [first, secondWithin], '2026-01-10', 'repeat', 'expired'],
  ['count: 365 days later is outside the window', [first, secondOutside], '2026-01-10', 'repeat', undefined],
  ['count: day before the second record', [first, secondWithin], '2026-01-08', 'repeat', undefined],
  ['amount: below the threshold', [first, secondTooSmall], '2026-01-09', 'repeat', undefined],
  ['amount: other currency', [first, secondInHkd], '2026-01-09', 'repeat', undefined],
  ['count: one record is not enough', [first], '2025-06-01', 'repeat', undefined],
  ['list effective to 2030-12-31: capped', [lateFirst, lateSecond], '2030-12-31', 'repeat', 'active', '2030-07-01', '2031-01-01'],
  ['list effective to 2030-12-31: ended', [lateFirst, lateSecond], '2031-01-01', 'repeat', 'expired'],
  ['no entry after the list is repealed', [lateFirst, tooLateSecond], '2031-01-01', 'repeat', undefined],
  ['rating list: day before', [taxA], '2026-01-31', 'good', undefined],
  ['rating list: rated', [taxA], '2026-02-01', 'good', 'active', '2026-02-01'],
  ['non-active record without a change date never had effect', [{ ...serious, status: 'revoked' }], '2026-05-13', 'serious', undefined],
  ['corrected record: no effect from the change date', [{ ...serious, status: 'corrected', statusChangedOn: '2026-06-01' }], '2026-06-01', 'serious', 'expired', '2026-05-13', '2026-06-01'],
  ['expired record: active the day before the change', [{ ...serious, status: 'expired', statusChangedOn: '2026-06-01' }], '2026-05-31', 'serious', 'active'],
  ['a record decided after `at` is not known yet', [serious], '2026-05-05', 'serious', undefined],
  ['foreign record never enters a local list', [{ ...serious, originNode: 'hk' }], '2026-05-13', 'serious', undefined],
];

describe('list memberships', () => {
  it.each(rows)('%s', (_label, records, at, list, state, start, end) => {
    const m = membership(records, at, list);
    expect(m?.state).toBe(state);
    if (start !== undefined) expect(m?.start).toBe(start);
    if (end !== undefined) expect(m?.end).toBe(end);
  });

  it('states remedies with the early-removal date', () => {
    expect(membership([serious], '2026-05-13', 'serious')?.remedies).toEqual({
      earlyRemovalFrom: '2026-08-13',
      earlyRemovalConditions: ['paid'],
      repairable: true,
      repairConditions: ['paid'],
      objection: undefined,
    });
  });

  it('cites both records behind a count rule', () => {
    expect(membership([first, secondWithin], '2026-01-09', 'repeat')?.because.map((f) => f.recordId)).toEqual([first.id, secondWithin.id]);
  });
});

describe('measures and decisions', () => {
  const both = [serious, fine('2026-05-20', 200_000), fine('2026-06-01', 200_000)];

  it.each([
    ['honours', 'deny', ['no-honours']],
    ['public-procurement', 'review', ['procurement-review', 'procurement-restrict']],
    ['inspection', 'allow', ['inspect']],
    ['government-subsidy', 'allow', []],
  ] as const)('%s → %s', (context, decision, ids) => {
    const outcome = evaluate(both, '2026-06-01').contexts[context];
    expect(outcome.decision).toBe(decision);
    expect(outcome.measures.map((m) => m.id)).toEqual(ids);
  });

  it('a measure names its legal basis, authority and the facts behind it', () => {
    const [m] = evaluate([serious], '2026-05-13').contexts.honours.measures;
    expect(m).toEqual({
      id: 'no-honours',
      kind: 'discipline',
      effect: 'deny',
      authority: 'gd-samr',
      legalBasis: [{ instrument: 'Test Instrument', article: 'Art. 1' }],
      because: [{ recordId: serious.id, sourceId: serious.sourceId, originNode: 'gd', category: 'penalty', decidedOn: '2026-05-06', disputed: false }],
      via: { list: 'serious' },
    });
  });

  it.each([
    ['2026-06-30', ['fast']],
    ['2026-07-01', []],
  ])('a reward applies while in force (%s)', (at, ids) => {
    expect(evaluate([taxA], at).contexts['administrative-licensing'].facilitations.map((m) => m.id)).toEqual(ids);
  });

  it('recognised trigger: a foreign status accepted by the rule facilitates, in its context only', () => {
    const e = evaluate([hkTier2], '2026-01-01');
    expect(e.contexts['customs-clearance'].facilitations.map((m) => [m.id, m.via.recognition])).toEqual([['aeo-priority', 'hk-aeo']]);
    expect(e.contexts.inspection.facilitations).toEqual([]);
    expect(evaluate([hkUnknownGrade], '2026-01-01').contexts['customs-clearance'].facilitations).toEqual([]);
  });

  it('a disputed fact flags the membership and the context, and the effect still applies', () => {
    const e = evaluate([{ ...serious, disputed: true }], '2026-05-13');
    expect(e.lists[0]?.disputed).toBe(true);
    expect(e.contexts.honours).toMatchObject({ decision: 'deny', disputed: true });
    expect(e.contexts.inspection.disputed).toBe(false);
  });

  it('an entity without records is allowed everywhere, sharing one result object', () => {
    const a = evaluate([], '2026-05-13');
    const b = evaluateEntity(compiled, { id: 'other', jurisdiction: 'HK' }, [], '2020-01-01');
    expect(a.contexts).toBe(b.contexts);
    expect(Object.values(a.contexts).every((c) => c.decision === 'allow')).toBe(true);
    expect(a).toMatchObject({ entityId: 'e', node: 'gd', policyVersion: '1.0', at: '2026-05-13', lists: [], ratings: [] });
  });

  it('accepts an uncompiled pack and gives the same answer', () => {
    expect(evaluateEntity(pack, entity, both, '2026-06-01')).toEqual(evaluate(both, '2026-06-01'));
  });
});

describe('decide: deny > review (review, restrict) > allow', () => {
  const rows: [MeasureEffect[], string][] = [
    [[], 'allow'],
    [['increase-inspection'], 'allow'],
    [['restrict'], 'review'],
    [['review'], 'review'],
    [['increase-inspection', 'restrict'], 'review'],
    [['review', 'deny'], 'deny'],
    [['deny', 'restrict', 'increase-inspection'], 'deny'],
  ];
  it.each(rows)('%j → %s', (effects, decision) => {
    expect(decide(effects.map((effect) => ({ effect })))).toBe(decision);
  });
});
