/**
 * The demo packs, list by list and measure by measure, at the edges of every window: the day before, of
 * and after each notice window, period end, status change, effective date and regime boundary.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePack, type CompiledPack } from '../domain/policy/compile.js';
import { evaluateEntity } from '../domain/policy/evaluate.js';
import type { EvaluableRecord } from '../domain/policy/model.js';
import { publicationWindow } from '../domain/policy/publication.js';
import { rating, record } from '../domain/policy/test-records.js';
import type { MeasureContext } from '../domain/policy/vocabulary.js';
import { generateDemoData } from '../domain/demo-data/index.js';
import { loadPack } from './load-pack.js';
import { unverifiedItems } from './unverified.js';

const packDir = (node: string) => fileURLToPath(new URL(`../../policies/${node}`, import.meta.url));
const gd = compilePack(await loadPack(packDir('gd')));
const hk = compilePack(await loadPack(packDir('hk')));
const mo = compilePack(await loadPack(packDir('mo')));
const packs: Record<string, CompiledPack> = { gd, hk, mo };
const JURISDICTION = { gd: 'GD', hk: 'HK', mo: 'MO' } as const;

function evaluate(node: 'gd' | 'hk' | 'mo', records: EvaluableRecord[], at: string) {
  return evaluateEntity(packs[node]!, { id: 'entity-1', jurisdiction: JURISDICTION[node] }, records, at);
}

// --- scenarios (records) -------------------------------------------------------------------------------

/** SAMR serious penalty with a heavy penalty kind, decided Monday 2026-05-04 (Order 36 regime). */
const samrSerious = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-05-04', penaltyKinds: ['fine', 'licence-revocation'] });
const samrRepaired = { ...samrSerious, status: 'repaired', statusChangedOn: '2026-06-01' } as const;
const samrRepairedInNotice = { ...samrSerious, status: 'repaired', statusChangedOn: '2026-05-10' } as const;
const samrFineOnly = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-05-04', penaltyKinds: ['fine'] });
const samrGeneral = record({ category: 'penalty', severity: 'general', decidedOn: '2026-05-04', penaltyKinds: ['licence-revocation'] });
const samrCityBureau = { ...samrSerious, id: 'rec-city', authority: 'gd-samr-sz' };
const taxBureauSerious = { ...samrSerious, id: 'rec-tax', authority: 'gd-tax' };
/** Order 36 counts from publication: decided 2026-04-01, published 2026-04-15. */
const samrPublishedLater = record({ category: 'penalty', severity: 'serious', decidedOn: '2026-04-01', publishedOn: '2026-04-15', penaltyKinds: ['closure'] });
/** Under NDRC 527 (decided 2021-09-10, serious: 3 years from decision). */
const samr2021 = record({ category: 'penalty', severity: 'serious', decidedOn: '2021-09-10', penaltyKinds: ['business-suspension'] });

const disclosureDefault = record({ category: 'disclosure-default', decidedOn: '2026-03-02' });
const disclosureCured = { ...disclosureDefault, status: 'repaired', statusChangedOn: '2026-06-30' } as const;

const courtDebtor = record({ category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-sz', decidedOn: '2026-06-01' });
const courtPerformed = { ...courtDebtor, status: 'repaired', statusChangedOn: '2026-09-01' } as const;
const courtByNonCourt = { ...courtDebtor, id: 'rec-noncourt', authority: 'gd-samr' };
const court2024 = record({ category: 'court-enforcement', domain: 'other-regulatory', authority: 'gd-court-gz', decidedOn: '2024-01-02' });

const taxA = rating('cn-tax', 'A', '2025-07-01', { domain: 'tax', authority: 'gd-tax' });
const taxBLater = rating('cn-tax', 'B', '2026-04-20', { domain: 'tax', authority: 'gd-tax' });
const taxABeforeScheme = rating('cn-tax', 'A', '2025-06-30', { domain: 'tax', authority: 'gd-tax' });
const taxD = rating('cn-tax', 'D', '2025-09-01', { domain: 'tax', authority: 'gd-tax' });

const customsAeo = rating('cn-customs', 'advanced-certified', '2022-01-10', { domain: 'customs', authority: 'gd-customs' });
const customsDishonest = rating('cn-customs', 'dishonest', '2024-03-01', { domain: 'customs', authority: 'gd-customs' });
const customsRegularLater = rating('cn-customs', 'regular', '2025-03-01', { domain: 'customs', authority: 'gd-customs' });
const customsSeriousEarly = rating('cn-customs', 'seriously-dishonest', '2026-03-31', { domain: 'customs', authority: 'gd-customs' });
const customsSerious = rating('cn-customs', 'seriously-dishonest', '2026-04-01', { domain: 'customs', authority: 'gd-customs' });

const envRed = rating('gd-environment', 'red', '2025-05-20', { domain: 'environment', authority: 'gd-eeb' });
const envYellow = rating('gd-environment', 'yellow', '2025-05-20', { domain: 'environment', authority: 'gd-eeb' });
const envGreen = rating('gd-environment', 'green', '2025-05-20', { domain: 'environment', authority: 'gd-eeb' });
const envBlue = rating('gd-environment', 'blue', '2025-05-20', { domain: 'environment', authority: 'gd-eeb' });

const hkAeo = rating('hk-aeo', 'tier-1', '2014-01-02', { originNode: 'hk', domain: 'customs', authority: 'hk-customs' });
const hkAeoTier2 = rating('hk-aeo', 'tier-2', '2020-01-02', { originNode: 'hk', domain: 'customs', authority: 'hk-customs' });
const hkAeoRevoked = { ...hkAeo, status: 'revoked', statusChangedOn: '2026-02-01' } as const;
const moAeo = rating('mo-aeo', 'a', '2023-03-01', { originNode: 'mo', domain: 'customs', authority: 'mo-customs' });
const mainlandAeo = { ...customsAeo, id: 'rec-mainland-aeo' };
const mainlandAeo2014 = { ...customsAeo, id: 'rec-mainland-aeo-2014', decidedOn: '2014-01-02' };
/** A Hong Kong record that would match the SAMR list if it were local. */
const hkPenalty = record({ originNode: 'hk', category: 'penalty', severity: 'serious', decidedOn: '2026-01-05', penaltyKinds: ['licence-revocation'], authority: 'gd-samr' });
/** A foreign rating claiming a local scheme: only recognition rules speak for foreign records. */
const hkClaimsMainlandAeo = { ...customsAeo, id: 'rec-hk-claim', originNode: 'hk' } as const;
const mainlandDishonest = { ...customsDishonest, id: 'rec-mainland-dishonest' };

const devbSuspension = record({ originNode: 'hk', category: 'penalty', severity: 'general', domain: 'construction', authority: 'hk-devb', decidedOn: '2026-03-02', penaltyKinds: ['licence-suspension'] });
const devbLifted = { ...devbSuspension, status: 'expired', statusChangedOn: '2026-09-02' } as const;
const devbBeforeRule = record({ originNode: 'hk', category: 'penalty', severity: 'general', domain: 'construction', authority: 'hk-devb', decidedOn: '2022-10-31', penaltyKinds: ['licence-suspension'] });
const devbOtherAuthority = { ...devbSuspension, id: 'rec-other', authority: 'hk-labour' };
const hkLocalAeo = { ...hkAeoTier2, id: 'rec-hk-local' };
const gdSuspensionInHk = { ...devbSuspension, id: 'rec-gd-in-hk', originNode: 'gd' } as const;
const mainlandPenaltyInMo = { ...samrSerious, id: 'rec-gd-in-mo' };
const moLocalAeo = { ...moAeo, id: 'rec-mo-local' };

// --- lists ---------------------------------------------------------------------------------------------

type ListRow = [label: string, node: 'gd' | 'hk' | 'mo', records: EvaluableRecord[], at: string, list: string, state: string | undefined, start?: string, end?: string | 'open'];

const listRows: ListRow[] = [
  // SAMR serious illegal and dishonest list: notice 10 working days (1 May holiday), ends with publicity.
  ['samr: day before decision', 'gd', [samrSerious], '2026-05-03', 'samr-serious-illegal-dishonest', undefined],
  ['samr: decision day, notice', 'gd', [samrSerious], '2026-05-04', 'samr-serious-illegal-dishonest', 'pending', '2026-05-19', '2029-05-04'],
  ['samr: last notice day', 'gd', [samrSerious], '2026-05-18', 'samr-serious-illegal-dishonest', 'pending', '2026-05-19'],
  ['samr: takes effect', 'gd', [samrSerious], '2026-05-19', 'samr-serious-illegal-dishonest', 'active', '2026-05-19', '2029-05-04'],
  ['samr: day after start', 'gd', [samrSerious], '2026-05-20', 'samr-serious-illegal-dishonest', 'active'],
  ['samr: day before publicity ends', 'gd', [samrSerious], '2029-05-03', 'samr-serious-illegal-dishonest', 'active'],
  ['samr: publicity ends', 'gd', [samrSerious], '2029-05-04', 'samr-serious-illegal-dishonest', 'expired', '2026-05-19', '2029-05-04'],
  // Facts after `at` are not visible yet: the end shown on the day before repair is the publicity end.
  ['samr: day before repair', 'gd', [samrRepaired], '2026-05-31', 'samr-serious-illegal-dishonest', 'active', '2026-05-19', '2029-05-04'],
  ['samr: repaired', 'gd', [samrRepaired], '2026-06-01', 'samr-serious-illegal-dishonest', 'expired', '2026-05-19', '2026-06-01'],
  ['samr: repaired in notice, before', 'gd', [samrRepairedInNotice], '2026-05-09', 'samr-serious-illegal-dishonest', 'pending'],
  ['samr: repaired in notice, never active', 'gd', [samrRepairedInNotice], '2026-05-19', 'samr-serious-illegal-dishonest', undefined],
  ['samr: fine only is not a heavy penalty', 'gd', [samrFineOnly], '2026-06-01', 'samr-serious-illegal-dishonest', undefined],
  ['samr: general severity', 'gd', [samrGeneral], '2026-06-01', 'samr-serious-illegal-dishonest', undefined],
  ['samr: city bureau (gd-samr-*)', 'gd', [samrCityBureau], '2026-06-01', 'samr-serious-illegal-dishonest', 'active'],
  ['samr: other authority', 'gd', [taxBureauSerious], '2026-06-01', 'samr-serious-illegal-dishonest', undefined],
  ['samr: Order 36 counts from publication, day before', 'gd', [samrPublishedLater], '2026-04-14', 'samr-serious-illegal-dishonest', undefined],
  ['samr: Order 36 counts from publication', 'gd', [samrPublishedLater], '2026-04-15', 'samr-serious-illegal-dishonest', 'pending', '2026-04-30', '2029-04-15'],
  ['samr: 527 era, weekends only (no 2021 calendar)', 'gd', [samr2021], '2021-09-25', 'samr-serious-illegal-dishonest', 'active', '2021-09-25', '2024-09-10'],
  ['samr: 527 era, publicity ends', 'gd', [samr2021], '2024-09-10', 'samr-serious-illegal-dishonest', 'expired'],
  ['samr: foreign record never lists', 'gd', [hkPenalty], '2026-06-01', 'samr-serious-illegal-dishonest', undefined],

  // Abnormal operations: 10 calendar days' order to disclose, then listed until cured.
  ['abnormal: day before', 'gd', [disclosureDefault], '2026-03-01', 'samr-abnormal-operations', undefined],
  ['abnormal: finding, notice', 'gd', [disclosureDefault], '2026-03-02', 'samr-abnormal-operations', 'pending', '2026-03-13'],
  ['abnormal: last notice day', 'gd', [disclosureDefault], '2026-03-12', 'samr-abnormal-operations', 'pending'],
  ['abnormal: listed', 'gd', [disclosureDefault], '2026-03-13', 'samr-abnormal-operations', 'active', '2026-03-13', 'open'],
  ['abnormal: day before cure', 'gd', [disclosureCured], '2026-06-29', 'samr-abnormal-operations', 'active'],
  ['abnormal: cured', 'gd', [disclosureCured], '2026-06-30', 'samr-abnormal-operations', 'expired', '2026-03-13', '2026-06-30'],

  // Courts' dishonest judgment debtors: 10 working days' notice, lasts until the judgment is performed.
  ['court: day before', 'gd', [courtDebtor], '2026-05-31', 'court-dishonest-judgment-debtors', undefined],
  ['court: notice', 'gd', [courtDebtor], '2026-06-01', 'court-dishonest-judgment-debtors', 'pending', '2026-06-16'],
  ['court: last notice day', 'gd', [courtDebtor], '2026-06-15', 'court-dishonest-judgment-debtors', 'pending'],
  ['court: listed', 'gd', [courtDebtor], '2026-06-16', 'court-dishonest-judgment-debtors', 'active', '2026-06-16', 'open'],
  ['court: day before performance', 'gd', [courtPerformed], '2026-08-31', 'court-dishonest-judgment-debtors', 'active'],
  ['court: performed', 'gd', [courtPerformed], '2026-09-01', 'court-dishonest-judgment-debtors', 'expired'],
  ['court: not a court', 'gd', [courtByNonCourt], '2026-07-01', 'court-dishonest-judgment-debtors', undefined],

  // Tax A and D (while the rating is in force; scheme in force from 2025-07-01).
  ['tax A: day before', 'gd', [taxA], '2025-06-30', 'tax-a-level', undefined],
  ['tax A: rated', 'gd', [taxA], '2025-07-01', 'tax-a-level', 'active', '2025-07-01', 'open'],
  ['tax A: day before replacement', 'gd', [taxA, taxBLater], '2026-04-19', 'tax-a-level', 'active', '2025-07-01', 'open'],
  ['tax A: replaced by B', 'gd', [taxA, taxBLater], '2026-04-20', 'tax-a-level', 'expired', '2025-07-01', '2026-04-20'],
  ['tax A: rated before the scheme is in force', 'gd', [taxABeforeScheme], '2025-07-02', 'tax-a-level', undefined],
  ['tax D: day before', 'gd', [taxD], '2025-08-31', 'tax-d-level', undefined],
  ['tax D: rated', 'gd', [taxD], '2025-09-01', 'tax-d-level', 'active'],

  // Customs (Order 251; Order 282 grades from 2026-04-01).
  ['customs AEO: day before', 'gd', [customsAeo], '2022-01-09', 'customs-advanced-certified', undefined],
  ['customs AEO: certified', 'gd', [customsAeo], '2022-01-10', 'customs-advanced-certified', 'active'],
  ['customs dishonest: rated', 'gd', [customsDishonest, customsRegularLater], '2024-03-01', 'customs-dishonest', 'active', '2024-03-01'],
  ['customs dishonest: day before regrading', 'gd', [customsDishonest, customsRegularLater], '2025-02-28', 'customs-dishonest', 'active'],
  ['customs dishonest: regraded regular', 'gd', [customsDishonest, customsRegularLater], '2025-03-01', 'customs-dishonest', 'expired', '2024-03-01', '2025-03-01'],
  ['customs seriously dishonest: grade not yet in force', 'gd', [customsSeriousEarly], '2026-04-01', 'customs-seriously-dishonest', undefined],
  ['customs seriously dishonest: from 2026-04-01', 'gd', [customsSerious], '2026-04-01', 'customs-seriously-dishonest', 'active'],
  ['customs seriously dishonest: day before', 'gd', [customsSerious], '2026-03-31', 'customs-seriously-dishonest', undefined],

  // Hong Kong: DEVB suspension from public-works tendering.
  ['devb: day before', 'hk', [devbSuspension], '2026-03-01', 'devb-tendering-suspension', undefined],
  ['devb: suspended', 'hk', [devbSuspension], '2026-03-02', 'devb-tendering-suspension', 'active', '2026-03-02', 'open'],
  ['devb: day before lifted', 'hk', [devbLifted], '2026-09-01', 'devb-tendering-suspension', 'active', '2026-03-02', 'open'],
  ['devb: lifted', 'hk', [devbLifted], '2026-09-02', 'devb-tendering-suspension', 'expired', '2026-03-02', '2026-09-02'],
  ['devb: before the list is in force', 'hk', [devbBeforeRule], '2022-11-02', 'devb-tendering-suspension', undefined],
  ['devb: other authority', 'hk', [devbOtherAuthority], '2026-03-02', 'devb-tendering-suspension', undefined],
  ['devb: Mainland record never lists in HK', 'hk', [gdSuspensionInHk], '2026-03-02', 'devb-tendering-suspension', undefined],
];

describe('demo pack lists', () => {
  it.each(listRows)('%s', (_label, node, records, at, listId, state, start, end) => {
    const membership = evaluate(node, records, at).lists.find((l) => l.listId === listId);
    expect(membership?.state).toBe(state);
    if (start !== undefined) expect(membership?.start).toBe(start);
    if (end !== undefined) expect(membership?.end).toBe(end === 'open' ? undefined : end);
  });

  it('an active list entry names its legal basis, remedies and causing facts', () => {
    const m = evaluate('gd', [samrSerious], '2026-05-19').lists[0]!;
    expect(m).toMatchObject({
      listId: 'samr-serious-illegal-dishonest',
      kind: 'serious-dishonesty',
      triggeredOn: '2026-05-04',
      authority: 'gd-samr',
      because: [{ recordId: samrSerious.id, sourceId: samrSerious.sourceId, originNode: 'gd' }],
      remedies: { earlyRemovalFrom: '2027-05-19', repairable: true },
    });
    expect(m.legalBasis[0]?.instrument).toContain('Order No. 44');
    expect(m.remedies.earlyRemovalConditions).toHaveLength(3);
  });

  it('the courts list cannot be repaired (removal follows performance)', () => {
    expect(evaluate('gd', [courtDebtor], '2026-06-16').lists[0]?.remedies.repairable).toBe(false);
  });
});

// --- measures ------------------------------------------------------------------------------------------

type MeasureRow = [label: string, node: 'gd' | 'hk' | 'mo', records: EvaluableRecord[], at: string, context: MeasureContext, decision: string, measures: string[], facilitations: string[]];

const measureRows: MeasureRow[] = [
  // SAMR list: nothing during notice, every Order 44 consequence once active.
  ['samr notice: procurement', 'gd', [samrSerious], '2026-05-18', 'public-procurement', 'allow', [], []],
  ['samr: procurement', 'gd', [samrSerious], '2026-05-19', 'public-procurement', 'review', ['samr-serious-procurement-review'], []],
  ['samr: licensing', 'gd', [samrSerious], '2026-05-19', 'administrative-licensing', 'review', ['samr-serious-licensing-review', 'samr-serious-no-commitment'], []],
  ['samr: inspection', 'gd', [samrSerious], '2026-05-19', 'inspection', 'allow', ['samr-serious-inspection'], []],
  ['samr: honours', 'gd', [samrSerious], '2026-05-19', 'honours', 'deny', ['samr-serious-no-honours'], []],
  ['samr: subsidy unaffected', 'gd', [samrSerious], '2026-05-19', 'government-subsidy', 'allow', [], []],
  ['samr: repaired lifts honours ban', 'gd', [samrRepaired], '2026-06-01', 'honours', 'allow', [], []],
  ['samr: day before repair', 'gd', [samrRepaired], '2026-05-31', 'honours', 'deny', ['samr-serious-no-honours'], []],
  // Courts' list.
  ['court: procurement', 'gd', [courtDebtor], '2026-06-16', 'public-procurement', 'review', ['court-debtor-procurement-restrict'], []],
  ['court: subsidy', 'gd', [courtDebtor], '2026-06-16', 'government-subsidy', 'review', ['court-debtor-subsidy-restrict'], []],
  ['court: honours', 'gd', [courtDebtor], '2026-06-16', 'honours', 'deny', ['court-debtor-no-honours'], []],
  ['court: notice', 'gd', [courtDebtor], '2026-06-15', 'honours', 'allow', [], []],
  ['court: measure not yet in force (Basic List 2024-02-18)', 'gd', [court2024], '2024-02-17', 'public-procurement', 'allow', [], []],
  ['court: measure in force', 'gd', [court2024], '2024-02-18', 'public-procurement', 'review', ['court-debtor-procurement-restrict'], []],
  // Both lists.
  ['samr + court: procurement', 'gd', [samrSerious, courtDebtor], '2026-06-16', 'public-procurement', 'review', ['samr-serious-procurement-review', 'court-debtor-procurement-restrict'], []],
  ['samr + court: honours', 'gd', [samrSerious, courtDebtor], '2026-06-16', 'honours', 'deny', ['samr-serious-no-honours', 'court-debtor-no-honours'], []],
  // Tax.
  ['tax A: licensing fast track', 'gd', [taxA], '2025-07-01', 'administrative-licensing', 'allow', [], ['tax-a-licensing-fast-track']],
  ['tax A: replaced', 'gd', [taxA, taxBLater], '2026-04-20', 'administrative-licensing', 'allow', [], []],
  ['tax A + samr: discipline wins the decision', 'gd', [taxA, samrSerious], '2026-05-19', 'administrative-licensing', 'review', ['samr-serious-licensing-review', 'samr-serious-no-commitment'], ['tax-a-licensing-fast-track']],
  ['tax D: inspection', 'gd', [taxD], '2025-09-01', 'inspection', 'allow', ['tax-d-inspection'], []],
  ['tax D: subsidy', 'gd', [taxD], '2025-09-01', 'government-subsidy', 'review', ['tax-d-subsidy-restrict'], []],
  ['tax D: day before', 'gd', [taxD], '2025-08-31', 'government-subsidy', 'allow', [], []],
  // Customs.
  ['customs AEO: clearance', 'gd', [customsAeo], '2022-01-10', 'customs-clearance', 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
  ['customs AEO: nothing at procurement', 'gd', [customsAeo], '2022-01-10', 'public-procurement', 'allow', [], []],
  ['customs dishonest: clearance', 'gd', [customsDishonest], '2024-03-01', 'customs-clearance', 'allow', ['customs-dishonest-inspection'], []],
  ['customs dishonest: regraded', 'gd', [customsDishonest, customsRegularLater], '2025-03-01', 'customs-clearance', 'allow', [], []],
  ['customs seriously dishonest: clearance', 'gd', [customsSerious], '2026-04-01', 'customs-clearance', 'review', ['customs-seriously-dishonest-review'], []],
  // Environment.
  ['env red', 'gd', [envRed], '2025-05-20', 'inspection', 'allow', ['environment-red-inspection'], []],
  ['env red: day before rating', 'gd', [envRed], '2025-05-19', 'inspection', 'allow', [], []],
  ['env yellow', 'gd', [envYellow], '2025-05-20', 'inspection', 'allow', ['environment-yellow-inspection'], []],
  ['env green', 'gd', [envGreen], '2025-05-20', 'inspection', 'allow', [], ['environment-green-reduce-inspection']],
  ['env blue: guidance only', 'gd', [envBlue], '2025-05-20', 'inspection', 'allow', [], []],
  // Recognition in gd: customs clearance only.
  // The MRA is older (2014-05-18) than the local AEO measures, which this pack starts with Order 251.
  ['gd: HK AEO before the local measures', 'gd', [hkAeo], '2021-10-31', 'customs-clearance', 'allow', [], []],
  ['gd: HK AEO with the local measures', 'gd', [hkAeo], '2021-11-01', 'customs-clearance', 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
  ['gd: HK AEO tier 2', 'gd', [hkAeoTier2], '2026-01-05', 'customs-clearance', 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
  ['gd: HK AEO nothing at inspection', 'gd', [hkAeo], '2026-01-05', 'inspection', 'allow', [], []],
  ['gd: HK AEO nothing at licensing', 'gd', [hkAeo], '2026-01-05', 'administrative-licensing', 'allow', [], []],
  ['gd: HK AEO revoked, day before', 'gd', [hkAeoRevoked], '2026-01-31', 'customs-clearance', 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
  ['gd: HK AEO revoked', 'gd', [hkAeoRevoked], '2026-02-01', 'customs-clearance', 'allow', [], []],
  ['gd: Macao AEO before the MRA', 'gd', [moAeo], '2023-05-31', 'customs-clearance', 'allow', [], []],
  ['gd: Macao AEO from the MRA', 'gd', [moAeo], '2023-06-01', 'customs-clearance', 'allow', [], ['customs-aeo-reduce-inspection', 'customs-aeo-priority-clearance']],
  ['gd: HK penalty never disciplines (honours)', 'gd', [hkPenalty], '2026-06-01', 'honours', 'allow', [], []],
  ['gd: HK penalty never disciplines (procurement)', 'gd', [hkPenalty], '2026-06-01', 'public-procurement', 'allow', [], []],
  ['gd: foreign record of a local scheme is not recognised', 'gd', [hkClaimsMainlandAeo], '2026-06-01', 'customs-clearance', 'allow', [], []],
  // Hong Kong.
  ['hk: DEVB suspension denies tendering', 'hk', [devbSuspension], '2026-03-02', 'public-works-tendering', 'deny', ['devb-tender-not-considered'], []],
  ['hk: DEVB day before', 'hk', [devbSuspension], '2026-03-01', 'public-works-tendering', 'allow', [], []],
  ['hk: DEVB lifted', 'hk', [devbLifted], '2026-09-02', 'public-works-tendering', 'allow', [], []],
  ['hk: DEVB day before lifted', 'hk', [devbLifted], '2026-09-01', 'public-works-tendering', 'deny', ['devb-tender-not-considered'], []],
  ['hk: DEVB suspension nothing at customs', 'hk', [devbSuspension], '2026-03-02', 'customs-clearance', 'allow', [], []],
  ['hk: local AEO', 'hk', [hkLocalAeo], '2026-01-05', 'customs-clearance', 'allow', [], ['hk-aeo-reduce-inspection', 'hk-aeo-priority-clearance']],
  ['hk: Mainland AEO day before MRA', 'hk', [mainlandAeo2014], '2014-05-17', 'customs-clearance', 'allow', [], []],
  ['hk: Mainland AEO from the MRA', 'hk', [mainlandAeo2014], '2014-05-18', 'customs-clearance', 'allow', [], ['hk-aeo-reduce-inspection', 'hk-aeo-priority-clearance']],
  ['hk: Mainland AEO recognised', 'hk', [mainlandAeo], '2022-01-10', 'customs-clearance', 'allow', [], ['hk-aeo-reduce-inspection', 'hk-aeo-priority-clearance']],
  ['hk: Mainland AEO nothing at tendering', 'hk', [mainlandAeo], '2022-01-10', 'public-works-tendering', 'allow', [], []],
  ['hk: Macao AEO day before', 'hk', [moAeo], '2023-11-09', 'customs-clearance', 'allow', [], []],
  ['hk: Macao AEO recognised', 'hk', [moAeo], '2023-11-10', 'customs-clearance', 'allow', [], ['hk-aeo-reduce-inspection', 'hk-aeo-priority-clearance']],
  ['hk: Mainland dishonest has no effect', 'hk', [mainlandDishonest], '2024-03-01', 'customs-clearance', 'allow', [], []],
  // Macao.
  ['mo: local AEO', 'mo', [moLocalAeo], '2023-03-01', 'customs-clearance', 'allow', [], ['mo-aeo-reduce-inspection', 'mo-aeo-priority-clearance']],
  ['mo: local AEO day before', 'mo', [moLocalAeo], '2023-02-28', 'customs-clearance', 'allow', [], []],
  ['mo: Mainland AEO day before MRA', 'mo', [mainlandAeo], '2023-05-31', 'customs-clearance', 'allow', [], []],
  ['mo: Mainland AEO recognised', 'mo', [mainlandAeo], '2023-06-01', 'customs-clearance', 'allow', [], ['mo-aeo-reduce-inspection', 'mo-aeo-priority-clearance']],
  ['mo: HK AEO day before', 'mo', [hkAeo], '2023-11-09', 'customs-clearance', 'allow', [], []],
  ['mo: HK AEO recognised', 'mo', [hkAeo], '2023-11-10', 'customs-clearance', 'allow', [], ['mo-aeo-reduce-inspection', 'mo-aeo-priority-clearance']],
  ['mo: Mainland penalty has no effect', 'mo', [mainlandPenaltyInMo], '2026-06-01', 'honours', 'allow', [], []],
];

describe('demo pack measures', () => {
  it.each(measureRows)('%s', (_label, node, records, at, context, decision, measures, facilitations) => {
    const outcome = evaluate(node, records, at).contexts[context];
    expect(outcome.decision).toBe(decision);
    expect(outcome.measures.map((m) => m.id)).toEqual(measures);
    expect(outcome.facilitations.map((m) => m.id)).toEqual(facilitations);
  });

  it('every measure of every demo pack is exercised by the table', () => {
    const exercised = new Set(measureRows.flatMap((r) => [...r[6], ...r[7]]));
    for (const pack of [gd, hk, mo]) for (const m of pack.pack.measures) expect(exercised, m.id).toContain(m.id);
  });

  it('every list of every demo pack is exercised by the table', () => {
    const exercised = new Set(listRows.filter((r) => r[5] === 'active').map((r) => r[4]));
    for (const pack of [gd, hk, mo]) for (const l of pack.pack.lists) expect(exercised, l.id).toContain(l.id);
  });

  it('a recognised facilitation cites the foreign fact and the recognition rule', () => {
    const [reduce] = evaluate('gd', [hkAeo], '2026-01-05').contexts['customs-clearance'].facilitations;
    expect(reduce).toMatchObject({
      id: 'customs-aeo-reduce-inspection',
      kind: 'reward',
      effect: 'reduce-inspection',
      authority: 'gd-customs',
      because: [{ recordId: hkAeo.id, originNode: 'hk' }],
      via: { rating: { scheme: 'cn-customs', grade: 'advanced-certified' }, recognition: 'hk-aeo-as-advanced-certified' },
    });
  });

  it('a foreign AEO shows as a rating in force with what it is recognised as, and puts the entity on no list', () => {
    const e = evaluate('gd', [hkAeo], '2026-01-05');
    expect(e.lists).toEqual([]);
    expect(e.ratings).toEqual([
      expect.objectContaining({ scheme: 'hk-aeo', grade: 'tier-1', originNode: 'hk', recognisedAs: [expect.objectContaining({ rule: 'hk-aeo-as-advanced-certified', contexts: ['customs-clearance'] })] }),
    ]);
  });
});

// --- publicity regimes ---------------------------------------------------------------------------------

type RegimeRow = [decidedOn: string, severity: 'minor' | 'general' | 'serious', domain: 'market' | 'work-safety', regime: string | undefined, from?: string, repairFrom?: string, until?: string, publishedOn?: string];

const regimeRows: RegimeRow[] = [
  ['2018-12-31', 'general', 'market', undefined],
  ['2019-01-01', 'general', 'market', 'ndrc-2019-527', '2019-01-01', '2019-04-01', '2020-01-01'],
  ['2023-04-30', 'general', 'market', 'ndrc-2019-527', '2023-04-30', '2023-07-30', '2024-04-30'],
  ['2023-04-30', 'serious', 'market', 'ndrc-2019-527', '2023-04-30', '2023-10-30', '2026-04-30'],
  ['2023-05-01', 'general', 'market', 'ndrc-order-58', '2023-05-01', '2023-08-01', '2026-05-01'],
  ['2023-05-02', 'general', 'work-safety', 'ndrc-order-58', '2023-05-02', '2024-05-02', '2026-05-02'],
  ['2026-03-31', 'serious', 'market', 'ndrc-order-58', '2026-03-31', '2026-06-30', '2029-03-31'],
  ['2026-04-01', 'minor', 'market', 'ndrc-order-36', '2026-04-01', '2026-04-01', '2026-07-01'],
  ['2026-04-01', 'general', 'market', 'ndrc-order-36', '2026-04-01', '2026-07-01', '2027-04-01'],
  ['2026-04-02', 'serious', 'market', 'ndrc-order-36', '2026-04-10', '2027-04-10', '2029-04-10', '2026-04-10'],
];

describe('gd publicity regimes: a record is judged under the regime in force on its decision date', () => {
  it.each(regimeRows)('decided %s, %s, %s → %s', (decidedOn, severity, domain, regime, from, repairFrom, until, publishedOn) => {
    const r = record({ category: 'penalty', severity, domain, decidedOn, publishedOn, penaltyKinds: ['fine'] });
    const w = publicationWindow(gd, r);
    expect(w?.regime).toBe(regime);
    if (regime) expect(w).toEqual({ regime, from, repairFrom, until });
  });
});

describe('unverified values are marked, not hidden', () => {
  it.each([
    ['gd', 'lists[0].duration', /3 years is \[U\]/],
    ['gd', 'lists[0].notice', /placeholder/],
    ['gd', 'regimes[1].legalBasis[0].article', /not verified/],
    ['gd', 'ratingSchemes[0].effective', /\[U\]/],
    ['gd', 'calendar.years', /Spring Festival/],
    ['hk', 'recognition[0].local', /Tier 1/],
    ['mo', 'ratingSchemes[0].legalBasis', /instrument/],
  ] as const)('%s %s', (node, path, note) => {
    const item = unverifiedItems(packs[node]!.pack).find((i) => i.path === path);
    expect(item?.note).toMatch(note);
  });
});

describe('demo data against the demo packs', () => {
  it.each(['gd', 'hk', 'mo'] as const)('%s: every rating of the demo data names a scheme and grade of its pack', (node) => {
    const grades = new Map(packs[node]!.pack.ratingSchemes.map((s) => [s.id, new Set(s.grades.map((g) => g.id))]));
    const seen = new Set<string>();
    for (const line of generateDemoData({ node, entities: 3000, seed: 3, today: '2026-11-27' })) {
      if (line.type !== 'record' || !line.rating) continue;
      seen.add(`${line.rating.scheme}:${line.rating.grade}`);
    }
    const unknown = [...seen].filter((s) => !grades.get(s.split(':')[0]!)?.has(s.slice(s.indexOf(':') + 1)));
    expect(unknown).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
  });
});
