/**
 * Hong Kong record mix: few records; customs AEO accreditation (Tier 1 / Tier 2), customs and Labour
 * Department convictions (cases numbered by magistracy, e.g. `KTS 1234/2025`), and Development Bureau
 * suspensions of contractors from tendering (BRIEF §2.3, §3.2).
 */
import type { HkIndustry } from './names-hk.js';
import { groupThousands, penaltyTemplate, type PenaltyOutcome, type PenaltySpec } from './penalties.js';
import { cite, type DraftContext, type RecordPlan, type RecordSubject, type RecordTemplate } from './records.js';

/** A Hong Kong company as record generation sees it. */
export type HkSubject = RecordSubject<HkIndustry>;

const IMPORT_EXPORT_ORDINANCE = 'Import and Export Ordinance (Cap. 60)';
const TRADE_DESCRIPTIONS_ORDINANCE = 'Trade Descriptions Ordinance (Cap. 362)';
const FACTORIES_ORDINANCE = 'Factories and Industrial Undertakings Ordinance (Cap. 59)';
const CONSTRUCTION_SITES_REGULATIONS = 'Construction Sites (Safety) Regulations (Cap. 59I)';
const OSH_ORDINANCE = 'Occupational Safety and Health Ordinance (Cap. 509)';
const EMPLOYMENT_ORDINANCE = 'Employment Ordinance (Cap. 57)';
const EMPLOYEES_COMPENSATION_ORDINANCE = "Employees' Compensation Ordinance (Cap. 282)";
const CONTRACTOR_HANDBOOK = 'Contractor Management Handbook, Development Bureau';
const AEO_PROGRAMME = 'Hong Kong Authorized Economic Operator Programme';

/** Magistrates' courts, as they prefix summons case numbers. */
const MAGISTRACIES = ['ESS', 'KCS', 'KTS', 'WKS', 'STS', 'TMS', 'FLS'];

const fined = (severity: PenaltyOutcome['severity'], min: number, max: number): PenaltyOutcome => ({
  severity,
  kinds: ['fine'],
  amount: [min, max, min >= 100_000 ? 10_000 : 500],
  text: (amount) => `convicted and fined HK$${amount}`,
});

const caseNumber = ({ rng, year, seq }: DraftContext<HkSubject>) => `${rng.pick(MAGISTRACIES)} ${seq}/${year}`;

type HkPenaltySpec = Omit<PenaltySpec<HkSubject>, 'currency' | 'formatAmount' | 'separator' | 'decisionNo'>;
const conviction = (spec: HkPenaltySpec) =>
  penaltyTemplate<HkSubject>({ ...spec, decisionNo: caseNumber, currency: 'HKD', formatAmount: groupThousands, separator: '; ' });

const customsConviction = conviction({
  domain: 'customs',
  weight: 3,
  authority: () => 'hk-customs',
  violations: [
    [1, {
      summary: 'Importing unmanifested cargo',
      basis: [cite(IMPORT_EXPORT_ORDINANCE, 'section 18(1)(a)')],
      outcomes: [
        [80, fined('general', 10_000, 200_000)],
        [20, fined('minor', 2_000, 10_000)],
      ],
    }],
  ],
});

const tradeDescriptionConviction = conviction({
  domain: 'market',
  weight: 2,
  authority: () => 'hk-customs',
  violations: [
    [1, {
      summary: 'Supplying goods with a false trade description',
      basis: [cite(TRADE_DESCRIPTIONS_ORDINANCE, 'section 7(1)(b)')],
      outcomes: [
        [70, fined('general', 10_000, 150_000)],
        [30, fined('minor', 3_000, 10_000)],
      ],
    }],
  ],
});

const siteSafetyConviction = conviction({
  domain: 'work-safety',
  weight: 4,
  industryOnly: true,
  authority: () => 'hk-labour',
  violations: [
    [3, {
      summary: 'Failing to take adequate steps to prevent persons on a construction site from falling from a height',
      basis: [cite(CONSTRUCTION_SITES_REGULATIONS, 'regulation 38B(1)')],
      outcomes: [
        [80, fined('general', 10_000, 80_000)],
        [20, fined('serious', 200_000, 1_500_000)],
      ],
    }],
    [2, {
      summary: "Failing to ensure, so far as reasonably practicable, the health and safety at work of the proprietor's employees",
      basis: [cite(FACTORIES_ORDINANCE, 'section 6A(1)')],
      outcomes: [
        [75, fined('general', 10_000, 100_000)],
        [25, fined('serious', 300_000, 2_000_000)],
      ],
    }],
    [1, {
      summary: 'Failing to provide and maintain a safe workplace',
      basis: [cite(OSH_ORDINANCE, 'section 6(1)')],
      outcomes: [
        [70, fined('minor', 3_000, 10_000)],
        [30, fined('general', 10_000, 60_000)],
      ],
    }],
  ],
});

const employmentConviction = conviction({
  domain: 'labour',
  weight: 2,
  authority: () => 'hk-labour',
  violations: [
    [2, {
      summary: 'Wilfully and without reasonable excuse failing to pay wages within 7 days after they became due',
      basis: [cite(EMPLOYMENT_ORDINANCE, 'section 23'), cite(EMPLOYMENT_ORDINANCE, 'section 63C(a)')],
      outcomes: [
        [70, fined('general', 10_000, 150_000)],
        [30, fined('minor', 3_000, 10_000)],
      ],
    }],
    [1, {
      summary: "Failing to secure an insurance policy in respect of employees' compensation",
      basis: [cite(EMPLOYEES_COMPENSATION_ORDINANCE, 'section 40(1)')],
      outcomes: [[1, fined('general', 10_000, 80_000)]],
    }],
  ],
});

const suspension = (severity: PenaltyOutcome['severity'], months: number): PenaltyOutcome => ({
  severity,
  kinds: ['licence-suspension'],
  text: () => `suspended from tendering for public works for ${months} months`,
});

const tenderingSuspension = penaltyTemplate<HkSubject>({
  domain: 'construction',
  weight: 3,
  industryOnly: true,
  authority: () => 'hk-devb',
  decisionNo: ({ year, seq }) => `DEVB(W) CM/${year}/${String(seq).padStart(3, '0')}`,
  currency: 'HKD',
  formatAmount: groupThousands,
  separator: '; ',
  violations: [
    [2, {
      summary: 'Site-safety conviction on a public works contract',
      basis: [cite(CONTRACTOR_HANDBOOK, 'regulating action: suspension from tendering (site safety)')],
      outcomes: [
        [70, suspension('general', 3)],
        [30, suspension('serious', 6)],
      ],
    }],
    [1, {
      summary: 'Serious incident causing death on a public works site',
      basis: [cite(CONTRACTOR_HANDBOOK, 'regulating action: suspension from tendering (serious incident)')],
      outcomes: [[1, suspension('serious', 12)]],
    }],
    [1, {
      summary: 'Adverse performance reports over two consecutive quarters',
      basis: [cite(CONTRACTOR_HANDBOOK, 'regulating action: suspension from tendering (poor performance)')],
      outcomes: [[1, suspension('general', 3)]],
    }],
  ],
});

const aeoAccreditation: RecordTemplate<HkSubject> = {
  category: 'rating',
  domain: 'customs',
  weight: 0,
  authority: () => 'hk-customs',
  draft({ rng, year, seq }) {
    const grade = rng.chance(0.65) ? 'tier-1' : 'tier-2';
    return {
      decisionNo: `C&ED AEO ${year}/${String(seq).padStart(4, '0')}`,
      legalBasis: [cite(AEO_PROGRAMME, `${grade} accreditation criteria`)],
      summary: `Accredited as a Hong Kong Authorized Economic Operator (${grade}); recognised by Mainland and Macao customs under mutual recognition arrangements`,
      rating: { scheme: 'hk-aeo', grade },
    };
  },
};

/** The Hong Kong node's record mix. */
export const HK_RECORD_PLAN: RecordPlan<HkSubject> = {
  node: 'HK',
  emptyShare: 0.78,
  aeoTemplate: aeoAccreditation,
  templates: [customsConviction, tradeDescriptionConviction, siteSafetyConviction, employmentConviction, tenderingSuspension],
};
