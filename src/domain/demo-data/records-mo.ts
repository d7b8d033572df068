/**
 * Macau record mix: few records; Macao customs AEO accreditation (A-level, BRIEF §2.3), labour and
 * construction-safety penalties from the Labour Affairs Bureau, and a few customs and food-safety penalties.
 */
import type { MoIndustry } from './names-mo.js';
import { groupThousands, penaltyTemplate, type PenaltyOutcome, type PenaltySpec } from './penalties.js';
import { cite, type RecordPlan, type RecordSubject, type RecordTemplate } from './records.js';

/** A Macau company as record generation sees it. */
export type MoSubject = RecordSubject<MoIndustry>;

const LABOUR_RELATIONS_LAW = 'Lei n.º 7/2008 (Lei das relações de trabalho)';
const CONSTRUCTION_SAFETY_DECREE = 'Decreto-Lei n.º 44/91/M (Regulamento de Segurança e Higiene no Trabalho na Construção Civil)';
const EXTERNAL_TRADE_LAW = 'Lei n.º 7/2003 (Lei do Comércio Externo)';
const FOOD_SAFETY_LAW = 'Lei n.º 5/2013 (Lei de segurança alimentar)';
const AEO_PROGRAMME = 'Programa de Operador Económico Autorizado de Macau';

const fined = (severity: PenaltyOutcome['severity'], min: number, max: number): PenaltyOutcome => ({
  severity,
  kinds: ['fine'],
  amount: [min, max, 500],
  text: (amount) => `科處罰款澳門元${amount}`,
});

type MoPenaltySpec = Omit<PenaltySpec<MoSubject>, 'currency' | 'formatAmount' | 'separator' | 'decisionNo'> & {
  /** The bureau's abbreviation in its case numbers, e.g. DSAL. */
  readonly bureau: string;
};
const moPenalty = ({ bureau, ...spec }: MoPenaltySpec) =>
  penaltyTemplate<MoSubject>({
    ...spec,
    decisionNo: ({ year, seq }) => `${seq}/${bureau}/${year}`,
    currency: 'MOP',
    formatAmount: groupThousands,
    separator: '，',
  });

const labourPenalty = moPenalty({
  domain: 'labour',
  weight: 4,
  authority: () => 'mo-dsal',
  bureau: 'DSAL',
  violations: [
    [1, {
      summary: '僱主未有按時向僱員支付基本報酬',
      basis: [cite(LABOUR_RELATIONS_LAW, 'artigo 62.º'), cite(LABOUR_RELATIONS_LAW, 'artigo 85.º')],
      outcomes: [
        [80, fined('general', 20_000, 150_000)],
        [20, fined('serious', 200_000, 500_000)],
      ],
    }],
  ],
});

const constructionSafetyPenalty = moPenalty({
  domain: 'work-safety',
  weight: 3,
  industryOnly: true,
  authority: () => 'mo-dsal',
  bureau: 'DSAL',
  violations: [
    [1, {
      summary: '建築工地未設置防止人員從高處墮下的保護設施',
      basis: [cite(CONSTRUCTION_SAFETY_DECREE, 'artigo 17.º')],
      outcomes: [
        [60, fined('minor', 2_000, 10_000)],
        [40, fined('general', 10_000, 50_000)],
      ],
    }],
  ],
});

const customsPenalty = moPenalty({
  domain: 'customs',
  weight: 2,
  authority: () => 'mo-customs',
  bureau: 'SA',
  violations: [
    [1, {
      summary: '貨物進出口未按規定向海關申報',
      basis: [cite(EXTERNAL_TRADE_LAW, 'artigo 23.º')],
      outcomes: [
        [60, fined('minor', 1_000, 10_000)],
        [40, fined('general', 10_000, 100_000)],
      ],
    }],
  ],
});

const foodSafetyPenalty = moPenalty({
  domain: 'food-drug',
  weight: 1,
  industryOnly: true,
  authority: () => 'mo-iam',
  bureau: 'IAM',
  violations: [
    [1, {
      summary: '經營不符合食品安全標準的食品',
      basis: [cite(FOOD_SAFETY_LAW, 'artigo 23.º')],
      outcomes: [[1, fined('general', 10_000, 100_000)]],
    }],
  ],
});

const aeoAccreditation: RecordTemplate<MoSubject> = {
  category: 'rating',
  domain: 'customs',
  weight: 0,
  authority: () => 'mo-customs',
  draft({ year, seq }) {
    return {
      decisionNo: `${seq}/SA-AEO/${year}`,
      legalBasis: [cite(AEO_PROGRAMME, 'certificação de nível A')],
      summary: '獲澳門海關認證為A級認可經濟營運商，適用內地與澳門海關AEO互認安排',
      rating: { scheme: 'mo-aeo', grade: 'a' },
    };
  },
};

/** The Macau node's record mix. */
export const MO_RECORD_PLAN: RecordPlan<MoSubject> = {
  node: 'MO',
  emptyShare: 0.8,
  aeoTemplate: aeoAccreditation,
  templates: [labourPenalty, constructionSafetyPenalty, customsPenalty, foodSafetyPenalty],
};
