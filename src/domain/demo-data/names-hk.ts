/**
 * Hong Kong company names (BRIEF §3.2): a Traditional Chinese name ending 有限公司 and an English name ending
 * `Limited`, never mixing scripts; either may be missing. English names are romanised Cantonese or English words.
 */
import type { Industry, NameInput, Naming } from './names.js';
import type { Random, Weighted } from './random.js';
import { drawTradeName, drawTradeNameLength } from './trade-names.js';

/** A Hong Kong line of business as it appears in company names. */
export interface HkIndustry extends Industry {
  readonly zh: string;
  readonly en: string;
}

const industry = (zh: string, en: string, ...domains: HkIndustry['domains'][number][]): HkIndustry => ({ zh, en, domains });

const INDUSTRIES: readonly Weighted<HkIndustry>[] = [
  [14, industry('貿易', 'Trading', 'customs', 'market')],
  [8, industry('建築', 'Construction', 'construction', 'work-safety')],
  [8, industry('工程', 'Engineering', 'construction', 'work-safety')],
  [6, industry('物流', 'Logistics', 'customs', 'transport')],
  [3, industry('船務', 'Shipping', 'customs', 'transport')],
  [6, industry('投資', 'Investment', 'finance')],
  [3, industry('地產', 'Properties', 'market')],
  [8, industry('科技', 'Technology', 'market')],
  [5, industry('電子', 'Electronics', 'customs')],
  [4, industry('食品', 'Food', 'food-drug', 'customs')],
  [3, industry('珠寶', 'Jewellery', 'customs', 'market')],
  [2, industry('製衣', 'Garment', 'labour')],
  [3, industry('清潔服務', 'Cleaning Services', 'labour')],
  [2, industry('保安', 'Security Services', 'labour')],
  [3, industry('物業管理', 'Property Management', 'labour')],
  [3, industry('發展', 'Development', 'construction')],
  [4, industry('企業', 'Enterprises', 'market')],
  [3, industry('國際', 'International', 'customs')],
];

/** Every Hong Kong industry the generator uses. */
export const HK_INDUSTRIES: readonly HkIndustry[] = INDUSTRIES.map(([, value]) => value);

/** English words found in HK company names, with the Chinese the same firm usually registers. */
const WORDS: readonly (readonly [en: string, zh: string])[] = [
  ['Golden', '金'], ['Harbour', '港'], ['Oriental', '東方'], ['Dragon', '龍'], ['Pearl', '明珠'], ['Star', '星'],
  ['Ocean', '海洋'], ['Asia', '亞洲'], ['Victory', '勝利'], ['Phoenix', '鳳凰'], ['Jade', '翡翠'], ['Summit', '峰'],
  ['Sunrise', '旭日'], ['Crown', '皇冠'], ['Evergreen', '長青'], ['Prosperity', '興盛'], ['Silver', '銀'],
  ['Pioneer', '先鋒'], ['Bright', '光明'], ['Grand', '宏'], ['Excel', '卓越'], ['Unity', '聯合'],
];

type Ending = 'plain' | 'company' | 'hong-kong' | 'holdings';

const ENDINGS: readonly Weighted<Ending>[] = [
  [45, 'plain'],
  [30, 'company'],
  [12, 'hong-kong'],
  [8, 'holdings'],
];

const LEGAL_FORMS: readonly Weighted<string>[] = [
  [95, 'Private company limited by shares'],
  [2, 'Public company limited by shares'],
  [3, 'Company limited by guarantee'],
];

/** Draws the Chinese and English names of one Hong Kong company (at least one of the two). */
export function drawHkNaming(rng: Random): Naming<HkIndustry> {
  const ind = rng.weighted(INDUSTRIES);
  let stemZh: string;
  let stemEn: string;
  if (rng.chance(0.65)) {
    const trade = drawTradeName(rng, drawTradeNameLength(rng));
    stemZh = trade.hant;
    stemEn = trade.hk;
  } else {
    const first = rng.pick(WORDS);
    const second = rng.chance(0.5) ? rng.pick(WORDS) : undefined;
    stemZh = second && second !== first ? first[1] + second[1] : first[1];
    stemEn = second && second !== first ? `${first[0]} ${second[0]}` : first[0];
  }
  let zh: string;
  let en: string;
  switch (rng.weighted(ENDINGS)) {
    case 'plain':
      zh = `${stemZh}${ind.zh}有限公司`;
      en = `${stemEn} ${ind.en} Limited`;
      break;
    case 'company':
      zh = `${stemZh}${ind.zh}有限公司`;
      en = `${stemEn} ${ind.en} Company Limited`;
      break;
    case 'hong-kong':
      zh = `${stemZh}${ind.zh}（香港）有限公司`;
      en = `${stemEn} ${ind.en} (Hong Kong) Limited`;
      break;
    case 'holdings':
      zh = `${stemZh}控股有限公司`;
      en = `${stemEn} Holdings Limited`;
      break;
  }
  const roll = rng.next();
  const names: NameInput[] = [];
  if (roll >= 0.12) names.push({ value: zh, lang: 'zh-Hant' });
  if (roll < 0.12 || roll >= 0.17) names.push({ value: en, lang: 'en' });
  return { names, legalForm: rng.weighted(LEGAL_FORMS), industry: ind };
}
