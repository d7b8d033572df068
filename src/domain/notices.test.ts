/**
 * Notices on the synthetic test pack (src/policy/test-pack.ts) with a due-process section: which records and
 * list entries are owed a notice, and what each states (period, objection deadline, remedies).
 */
import { describe, expect, it } from 'vitest';
import { testPackFiles } from '../policy/test-pack.js';
import { validatePack } from '../policy/validate-pack.js';
import { isAdverse, listNotice, noticeSubjects, recordNotice, type NoticeRecord } from './notices.js';
import { compilePack } from './policy/compile.js';
import { toDay } from './policy/dates.js';
import { evaluateEntity } from './policy/evaluate.js';
import type { EvaluableRecord } from './policy/model.js';
import { rating, record } from './policy/test-records.js';

const basis = [{ instrument: 'Test Instrument', article: 'Art. 1' }];
const files = testPackFiles();
// The serious-dishonesty list has its own objection period; the watch list falls back to the regime's.
files['lists.yaml'].lists[0].objection = { days: 10, unit: 'working' };
files['lists.yaml'].lists.push({
  id: 'tax-d',
  kind: 'watch',
  name: { zh: '纳税D级', en: 'Tax grade D' },
  authority: 'gd-tax',
  entry: { anyOf: [{ rating: { scheme: 'cn-tax', grades: ['D'] } }] },
  notice: { days: 0, unit: 'calendar' },
  duration: 'while-cause',
  repair: { repairable: true, conditions: ['file and pay the overdue tax'] },
  legalBasis: basis,
  effective: { from: '2020-01-01' },
});
files['due-process.yaml'] = {
  dueProcess: {
    objections: [{ id: 'objections', fileWithin: { days: 60, unit: 'calendar' }, decideWithin: { days: 20, unit: 'working' }, legalBasis: basis, effective: { from: '2021-06-01' } }],
    repair: [
      {
        id: 'repair',
        decideWithin: { days: 10, unit: 'working' },
        requires: ['evidence', 'commitment'],
        notRepairable: [{ record: { category: ['court-enforcement'] }, reason: 'performing the judgment ends it, not repair' }],
        legalBasis: basis,
        effective: { from: '2026-01-01' },
      },
    ],
  },
};
const pack = compilePack(validatePack(files));
const entity = { id: 'e', jurisdiction: 'GD' } as const;

const words = (r: EvaluableRecord): NoticeRecord => ({ ...r, decisionNo: `No. ${r.id}`, summary: `summary of ${r.id}`, legalBasis: basis });

/** Wednesday 2026-05-06: serious penalty, publicity window from the decision (no publication date known). */
const serious = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-05-06', penaltyKinds: ['closure'] });
const minor = record({ category: 'penalty', severity: 'minor', decidedOn: '2026-05-04', penaltyKinds: ['warning'] });
const court = record({ category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz', decidedOn: '2026-03-01' });
const disclosure = record({ category: 'disclosure-default', decidedOn: '2026-04-01' });
const taxD = rating('cn-tax', 'D', '2026-02-01');
const taxA = rating('cn-tax', 'A', '2026-02-01');
const licence = record({ category: 'license', decidedOn: '2026-02-01' });
const foreign = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-05-06', originNode: 'hk' });
const expired = record({ category: 'penalty', severity: 'general', decidedOn: '2024-01-10', penaltyKinds: ['fine'] });
const revoked = record({ category: 'penalty', severity: 'general', decidedOn: '2026-04-10', status: 'revoked', statusChangedOn: '2026-04-20' });

describe('isAdverse', () => {
  it.each([
    ['serious penalty', serious, true],
    ['minor penalty', minor, true],
    ['court enforcement', court, true],
    ['disclosure default', disclosure, true],
    ['rating grade that enters a watch list', taxD, true],
    ['rating grade that enters an honour list', taxA, false],
    ['licence', licence, false],
    ['foreign penalty (its own node serves it)', foreign, false],
  ] as const)('%s → %s', (_label, r, adverse) => {
    expect(isAdverse(pack, r)).toBe(adverse);
  });
});

describe('noticeSubjects', () => {
  const on = '2026-05-08';
  const owed = (records: EvaluableRecord[]) =>
    noticeSubjects(pack, records, evaluateEntity(pack, entity, records, on), toDay(on)).map((s) => s.subject);

  it.each([
    ['a serious penalty and its pending list entry', [serious], [`record:${serious.id}`, 'list:serious:2026-05-13']],
    ['a rating that enters a watch list', [taxD], [`record:${taxD.id}`, 'list:tax-d:2026-02-01']],
    ['a rating that enters an honour list', [taxA], []],
    ['court enforcement and a disclosure default', [court, disclosure], [`record:${court.id}`, `record:${disclosure.id}`]],
    ['a penalty past its publicity window', [expired], []],
    ['a revoked penalty', [revoked], []],
    ['a foreign penalty', [foreign], []],
    ['a licence', [licence], []],
  ] as const)('%s', (_label, records, subjects) => {
    expect(owed([...records])).toEqual(subjects);
  });
});

describe('recordNotice', () => {
  it('states what, why, legal basis, the publicity window, the objection deadline and repair terms', () => {
    expect(recordNotice(pack, words(serious), toDay('2026-05-08'))).toEqual({
      what: {
        title: `summary of ${serious.id}`,
        authority: 'gd-samr',
        record: { id: serious.id, sourceId: serious.sourceId, category: 'penalty', decisionNo: `No. ${serious.id}`, decidedOn: '2026-05-06' },
      },
      why: [{ recordId: serious.id, sourceId: serious.sourceId, originNode: 'gd', category: 'penalty', decidedOn: '2026-05-06', disputed: false }],
      legalBasis: basis,
      period: { from: '2026-05-06', until: '2029-05-06', regime: 'new' },
      objection: { deadline: '2026-07-05', days: 60, unit: 'calendar', rule: 'objections' },
      remedies: {
        repairable: true,
        repairFrom: '2027-05-06',
        // The conditions a repair application is checked against (src/domain/repair.ts).
        repairConditions: [
          expect.stringContaining('minimum publicity period served'),
          expect.stringContaining('obligations fulfilled'),
          expect.stringContaining('credit commitment (信用承诺书)'),
        ],
        earlyRemovalConditions: [],
      },
    });
  });

  it.each([
    // label, record, served on, period, repairable, repairFrom, reason
    ['minor penalty: repairable from the start', minor, '2026-05-08', { from: '2026-05-04', until: '2026-08-04', regime: 'new' }, true, '2026-05-04', undefined],
    ['court enforcement: open-ended, not repairable', court, '2026-05-08', { from: '2026-03-01' }, false, undefined, 'performing the judgment ends it, not repair'],
    ['before any repair regime', serious, '2025-12-31', { from: '2026-05-06', until: '2029-05-06', regime: 'new' }, false, undefined, expect.stringContaining('no credit repair procedure')],
  ] as const)('%s', (_label, r, on, period, repairable, repairFrom, reason) => {
    const notice = recordNotice(pack, words(r), toDay(on));
    expect(notice.period).toEqual(period);
    const { repairable: isRepairable, repairFrom: from, notRepairableReason } = notice.remedies;
    expect({ isRepairable, from, notRepairableReason }).toEqual({ isRepairable: repairable, from: repairFrom, notRepairableReason: reason });
  });

  it('has no objection deadline when no regime covers the decision date or today', () => {
    const early = record({ category: 'penalty', severity: 'general', decidedOn: '2020-06-01' });
    expect(recordNotice(pack, words(early), toDay('2021-01-01')).objection).toBeNull();
    expect(recordNotice(pack, words(early), toDay('2026-05-08')).objection).toEqual({ deadline: '2020-07-31', days: 60, unit: 'calendar', rule: 'objections' });
  });
});

describe('listNotice', () => {
  const membership = (records: EvaluableRecord[], on: string, list: string) => evaluateEntity(pack, entity, records, on).lists.find((l) => l.listId === list)!;

  it("counts the objection deadline from the entry's start in the list's own working days", () => {
    const notice = listNotice(pack, membership([serious], '2026-05-08', 'serious'), toDay('2026-05-08'));
    expect(notice).toEqual({
      what: { title: 'Serious (Serious)', authority: 'gd-samr', list: { id: 'serious', kind: 'serious-dishonesty', name: { zh: 'Serious', en: 'Serious' } } },
      why: [expect.objectContaining({ recordId: serious.id, category: 'penalty' })],
      legalBasis: basis,
      period: { from: '2026-05-13', until: '2026-11-13', state: 'pending', triggeredOn: '2026-05-06' },
      // Ten working days after Wednesday 13 May 2026.
      objection: { deadline: '2026-05-27', days: 10, unit: 'working', rule: 'list:serious' },
      remedies: {
        repairable: true,
        repairConditions: [
          'minimum publicity period served: at least 3 months on the list (提前移出: paid)',
          expect.stringMatching(/^obligations fulfilled: .*; paid$/),
          expect.stringContaining('credit commitment'),
        ],
        earlyRemovalFrom: '2026-08-13',
        earlyRemovalConditions: ['paid'],
      },
    });
  });

  it("falls back to the objection regime when the list has no period of its own", () => {
    const notice = listNotice(pack, membership([taxD], '2026-05-08', 'tax-d'), toDay('2026-05-08'));
    expect(notice.period).toEqual({ from: '2026-02-01', until: undefined, state: 'active', triggeredOn: '2026-02-01' });
    expect(notice.objection).toEqual({ deadline: '2026-04-02', days: 60, unit: 'calendar', rule: 'objections' });
    expect(notice.remedies).toEqual({
      repairable: true,
      repairConditions: [expect.stringMatching(/; file and pay the overdue tax$/), expect.stringContaining('credit commitment')],
      earlyRemovalConditions: [],
    });
  });
});
