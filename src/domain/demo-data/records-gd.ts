/**
 * Guangdong record mix: mostly market, tax, environmental and work-safety penalties (general most common),
 * tax and environmental credit ratings, customs AEO accreditation, court enforcement with case numbers such as
 * （2025）粤0305执1234号, commendations, licences and abnormal-operations listings, in local numbering styles.
 */
import type { GdPlace } from './gd-places.js';
import type { GdIndustry } from './names-gd.js';
import {
  ABNORMAL_LIST_MEASURES,
  CONSTRUCTION_LAW,
  CONSUMPTION_RESTRICTION_PROVISIONS,
  CUSTOMS_CREDIT_MEASURES,
  DISCHARGE_PERMIT_REGULATION,
  DISCLOSURE_REGULATION,
  DISHONEST_DEBTOR_PROVISIONS,
  ENV_CREDIT_MEASURES,
  FOOD_SAFETY_LAW,
  GD_CREDIT_REGULATION,
  TAX_CREDIT_MEASURES_2014,
  TAX_CREDIT_MEASURES_2025,
  TAX_CREDIT_SWITCH,
} from './gd-instruments.js';
import { drawAmount } from './penalties.js';
import type { Weighted } from './random.js';
import { GD_PENALTIES, local, numbered } from './records-gd-penalties.js';
import {
  annualPublication,
  cite,
  type Citation,
  type RecordPlan,
  type RecordSubject,
  type RecordTemplate,
} from './records.js';

/** A Mainland entity as record generation sees it. */
export interface GdSubject extends RecordSubject<GdIndustry> {
  readonly place: GdPlace;
  /** The GB/T 2260 division in its USCC, which licence numbers repeat. */
  readonly division: string;
}

const taxRatingNo = numbered(local('税信'));
const envRatingNo = numbered(local('环'));
const customsCreditNo = numbered((s) => `${s.place.customs}企认`);
const commendationNo = numbered(() => '粤市监信');
const abnormalListingNo = numbered(local('市监异'));

const TAX_GRADES: readonly Weighted<string>[] = [
  [20, 'A'],
  [60, 'B'],
  [4, 'M'],
  [12, 'C'],
  [4, 'D'],
];
const TAX_SCORE_RANGES: Readonly<Record<string, readonly [number, number]>> = { A: [90, 100], B: [70, 89], C: [40, 69], D: [0, 39] };
const NEW_ENTERPRISE_DAYS = 2 * 365;

const taxRating: RecordTemplate<GdSubject> = {
  category: 'rating',
  domain: 'tax',
  weight: 7,
  authority: () => 'gd-tax',
  pickDay: annualPublication('04-01', '04-30'),
  validForDays: 365,
  draft(context) {
    const { rng, subject, day, year, calendar } = context;
    const grade = day - subject.registeredDay < NEW_ENTERPRISE_DAYS && rng.chance(0.7) ? 'M' : rng.weighted(TAX_GRADES);
    const range = TAX_SCORE_RANGES[grade];
    const score = range && rng.between(range[0], range[1]);
    const instrument = calendar.isoOf(day) < TAX_CREDIT_SWITCH ? TAX_CREDIT_MEASURES_2014 : TAX_CREDIT_MEASURES_2025;
    return {
      decisionNo: taxRatingNo(context),
      legalBasis: [cite(instrument, '第十九条')],
      summary: `${year - 1}年度纳税信用评价结果为${grade}级`,
      rating: score === undefined ? { scheme: 'cn-tax', grade } : { scheme: 'cn-tax', grade, score },
    };
  },
};

/** Guangzhou's 2024 results: 436 green, 2,450 blue, 37 yellow, 6 red (BRIEF §1.9). */
const ENV_GRADES: readonly Weighted<readonly [grade: string, label: string]>[] = [
  [436, ['green', '环保诚信企业（绿牌）']],
  [2450, ['blue', '环保良好企业（蓝牌）']],
  [37, ['yellow', '环保警示企业（黄牌）']],
  [6, ['red', '环保不良企业（红牌）']],
];

const environmentRating: RecordTemplate<GdSubject> = {
  category: 'rating',
  domain: 'environment',
  weight: 2,
  industryOnly: true,
  authority: () => 'gd-eeb',
  pickDay: annualPublication('05-15', '08-31'),
  validForDays: 365,
  draft(context) {
    const { rng, year } = context;
    const [grade, label] = rng.weighted(ENV_GRADES);
    return {
      decisionNo: envRatingNo(context),
      legalBasis: [cite(ENV_CREDIT_MEASURES, '第十二条')],
      summary: `${year - 1}年度企业环境信用评价结果：${label}`,
      rating: { scheme: 'gd-environment', grade },
    };
  },
};

const customsAccreditation: RecordTemplate<GdSubject> = {
  category: 'rating',
  domain: 'customs',
  weight: 0,
  authority: () => 'gd-customs',
  draft(context) {
    return {
      decisionNo: customsCreditNo(context),
      legalBasis: [cite(CUSTOMS_CREDIT_MEASURES, '第九条')],
      summary: '经海关认证为高级认证企业（AEO），适用中国海关与经认证经营者互认国家（地区）的通关便利措施',
      rating: { scheme: 'cn-customs', grade: 'advanced-certified' },
    };
  },
};

const customsDishonest: RecordTemplate<GdSubject> = {
  category: 'rating',
  domain: 'customs',
  weight: 0.3,
  industryOnly: true,
  authority: () => 'gd-customs',
  draft(context) {
    return {
      decisionNo: customsCreditNo(context),
      legalBasis: [cite(CUSTOMS_CREDIT_MEASURES, '第十二条')],
      summary: '上一自然年度内违反海关监管规定被海关行政处罚的次数及罚款累计金额超过规定标准，认定为失信企业',
      rating: { scheme: 'cn-customs', grade: 'dishonest' },
    };
  },
};

const courtEnforcement: RecordTemplate<GdSubject> = {
  category: 'court-enforcement',
  domain: 'other-regulatory',
  weight: 5,
  authority: (s) => s.place.courtAuthority,
  draft({ rng, subject, year, seq }) {
    const caseNo = `（${year}）${rng.pick(subject.place.courtCodes)}执${seq}号`;
    const amountOwed = { value: drawAmount(rng, [10_000, 5_000_000, 1]), currency: 'CNY' as const };
    return rng.chance(0.6)
      ? {
          severity: 'serious',
          decisionNo: caseNo,
          legalBasis: [cite(DISHONEST_DEBTOR_PROVISIONS, '第一条')],
          summary: '被执行人有履行能力而拒不履行生效法律文书确定的义务，纳入失信被执行人名单',
          court: { caseNo, amountOwed },
        }
      : {
          severity: 'general',
          decisionNo: caseNo,
          legalBasis: [cite(CONSUMPTION_RESTRICTION_PROVISIONS, '第一条')],
          summary: '被执行人未按执行通知书指定的期间履行生效法律文书确定的给付义务，采取限制消费措施',
          court: { caseNo, amountOwed },
        };
  },
};

const commendation: RecordTemplate<GdSubject> = {
  category: 'commendation',
  domain: 'market',
  weight: 1.5,
  authority: () => 'gd-samr',
  draft(context) {
    return {
      decisionNo: commendationNo(context),
      legalBasis: [cite(GD_CREDIT_REGULATION, '第十九条')],
      summary: `被认定为${context.year - 1}年度广东省守合同重信用企业`,
    };
  },
};

const foodLicence: RecordTemplate<GdSubject> = {
  category: 'license',
  domain: 'food-drug',
  weight: 3,
  industryOnly: true,
  authority: () => 'gd-samr',
  draft({ rng, subject, seq }) {
    return {
      decisionNo: `JY1${subject.division}${String(seq).padStart(6, '0')}${rng.int(10)}`,
      legalBasis: [cite(FOOD_SAFETY_LAW, '第三十五条')],
      summary: '取得食品经营许可证，有效期五年',
    };
  },
};

const dischargePermit: RecordTemplate<GdSubject> = {
  category: 'license',
  domain: 'environment',
  weight: 2,
  industryOnly: true,
  authority: () => 'gd-eeb',
  draft({ subject }) {
    return {
      decisionNo: `${subject.primaryId}001V`,
      legalBasis: [cite(DISCHARGE_PERMIT_REGULATION, '第十四条')],
      summary: '核发排污许可证，有效期五年',
    };
  },
};

const CONSTRUCTION_GRADES = ['建筑工程施工总承包三级', '建筑工程施工总承包二级', '建筑装修装饰工程专业承包二级', '施工劳务不分等级'];

const constructionQualification: RecordTemplate<GdSubject> = {
  category: 'license',
  domain: 'construction',
  weight: 2,
  industryOnly: true,
  authority: () => 'gd-hcd',
  draft({ rng, seq }) {
    return {
      decisionNo: `D244${String(seq).padStart(6, '0')}`,
      legalBasis: [cite(CONSTRUCTION_LAW, '第十三条')],
      summary: `取得建筑业企业资质证书（${rng.pick(CONSTRUCTION_GRADES)}）`,
    };
  },
};

const ABNORMAL_GROUNDS: readonly Weighted<readonly [summary: string, basis: readonly Citation[]]>[] = [
  [70, [
    '未依照《企业信息公示暂行条例》第八条规定的期限公示年度报告，列入经营异常名录',
    [cite(DISCLOSURE_REGULATION, '第八条'), cite(ABNORMAL_LIST_MEASURES, '第四条')],
  ]],
  [30, ['通过登记的住所或者经营场所无法联系，列入经营异常名录', [cite(ABNORMAL_LIST_MEASURES, '第四条')]]],
];

const abnormalListing: RecordTemplate<GdSubject> = {
  category: 'disclosure-default',
  domain: 'market',
  weight: 3,
  authority: () => 'gd-samr',
  draft(context) {
    const [summary, basis] = context.rng.weighted(ABNORMAL_GROUNDS);
    return { decisionNo: abnormalListingNo(context), legalBasis: basis.slice(), summary };
  },
};

/** The Guangdong node's record mix. */
export const GD_RECORD_PLAN: RecordPlan<GdSubject> = {
  node: 'GD',
  emptyShare: 0.7,
  aeoTemplate: customsAccreditation,
  templates: [
    ...GD_PENALTIES,
    taxRating,
    environmentRating,
    customsDishonest,
    courtEnforcement,
    commendation,
    foodLicence,
    dischargePermit,
    constructionQualification,
    abnormalListing,
  ],
};
