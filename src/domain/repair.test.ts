/**
 * Credit repair eligibility under the demo packs: what cannot be repaired says why up front, and each
 * condition is met or not at the edges of its period.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../policy/load-pack.js';
import { compilePack, type CompiledPack } from './policy/compile.js';
import { toDay } from './policy/dates.js';
import { evaluateEntity } from './policy/evaluate.js';
import type { EvaluableRecord, ListMembership } from './policy/model.js';
import { record } from './policy/test-records.js';
import { repairEligibility, unmetConditions, type RepairSubject } from './repair.js';

const packDir = (node: string) => fileURLToPath(new URL(`../../policies/${node}`, import.meta.url));
const gd = compilePack(await loadPack(packDir('gd')));
const hk = compilePack(await loadPack(packDir('hk')));

/** A serious SAMR penalty of 2025-09-01 (Order 58: repairable after 3 months; enters the SAMR serious list). */
const serious = record({ category: 'penalty', severity: 'serious', decidedOn: '2025-09-01', penaltyKinds: ['fine', 'business-suspension'] });
/** A serious penalty of 2026-05-04 (Order 36: counted from publication, repairable after 1 year). */
const recent = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-05-04', penaltyKinds: ['fine'] });
const debt = record({ category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz', decidedOn: '2025-08-01' });
const materials = { commitment: '本企业承诺守法经营', attachments: 1 };

function membership(pack: CompiledPack, records: EvaluableRecord[], listId: string, at: string): ListMembership {
  const m = evaluateEntity(pack, { id: 'e', jurisdiction: 'GD' }, records, at).lists.find((l) => l.listId === listId);
  if (!m) throw new Error(`not on ${listId}`);
  return m;
}

const recordSubject = (r: EvaluableRecord): RepairSubject => ({ kind: 'record', record: r });

describe('repairEligibility', () => {
  it.each([
    // record, day, publicity period met, its detail
    [serious, '2025-11-30', false, 'not before 2025-12-01'],
    [serious, '2025-12-01', true, 'served since 2025-12-01'],
    [recent, '2027-05-03', false, 'not before 2027-05-04'],
    [recent, '2027-05-04', true, 'served since 2027-05-04'],
  ])('a record decided %# on %s: publicity served %s', (r, day, met, detail) => {
    const e = repairEligibility(gd, recordSubject(r), toDay(day));
    expect(e.repairable).toBe(true);
    expect(e.conditions[0]).toMatchObject({ id: 'publicity-served', met, detail });
  });

  it('judges evidence and commitment on the materials: unmet up front, on review with a document, met once written', () => {
    const day = toDay('2026-11-27');
    const upFront = repairEligibility(gd, recordSubject(serious), day);
    expect(upFront.conditions.map((c) => [c.id, c.met])).toEqual([
      ['publicity-served', true],
      ['obligations-fulfilled', false],
      ['commitment', false],
    ]);
    const applied = repairEligibility(gd, recordSubject(serious), day, materials);
    expect(applied.conditions.map((c) => c.met)).toEqual([true, 'on-review', true]);
    expect(unmetConditions(applied)).toEqual([]);
    const bare = repairEligibility(gd, recordSubject(serious), day, { commitment: '  ', attachments: 0 });
    expect(unmetConditions(bare).map((c) => c.id)).toEqual(['obligations-fulfilled', 'commitment']);
  });

  it('counts a list entry from its start plus the early-removal period, and names the list’s conditions', () => {
    const m = membership(gd, [serious], 'samr-serious-illegal-dishonest', '2026-11-27');
    const e = repairEligibility(gd, { kind: 'list', membership: m }, toDay('2026-11-27'), materials);
    expect(e.repairable).toBe(true);
    const [served, obligations] = e.conditions;
    expect(served).toMatchObject({ id: 'publicity-served', met: true });
    expect(served!.description).toMatch(/at least 1 year on the list/);
    expect(obligations!.description).toMatch(/apply for early removal after at least 1 year/);
    const early = repairEligibility(gd, { kind: 'list', membership: m }, toDay(m.start) + 364, materials);
    expect(early.conditions[0]!.met).toBe(false);
  });

  it.each([
    ['a list the pack marks not repairable, with its route', gd, { kind: 'list', membership: membership(gd, [debt], 'court-dishonest-judgment-debtors', '2026-11-27') }, /not repairable: removal follows performance of the judgment/],
    ['a record no publicity regime covers', gd, recordSubject(debt), /no publicity regime covers court-enforcement records/],
    ['any subject where the node has no repair regime', hk, recordSubject({ ...serious, originNode: 'hk' }), /node hk has no credit repair procedure.*file an objection/],
  ] as const)('%s is not repairable, and says why up front', (_, pack, subject, reason) => {
    const e = repairEligibility(pack, subject as RepairSubject, toDay('2026-11-27'));
    expect(e.repairable).toBe(false);
    expect(e.reason).toMatch(reason);
    expect(e.conditions).toEqual([]);
  });

  it('uses the regime in force on the day: Order 58 before 2026-04-01', () => {
    expect(repairEligibility(gd, recordSubject(serious), toDay('2026-03-31')).regime).toBe('ndrc-order-58');
  });
});
