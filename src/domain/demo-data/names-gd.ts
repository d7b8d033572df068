/**
 * Mainland enterprise names (企业名称, BRIEF §3.1): division + trade name + industry + organisational form, the
 * bracketed-division variant 腾讯科技（深圳）有限公司, and branch names that begin with the parent's full name.
 */
import type { GdPlace } from './gd-places.js';
import type { Industry, NameInput } from './names.js';
import type { Random, Weighted } from './random.js';
import type { TradeName } from './trade-names.js';
import { drawTradeName } from './trade-names.js';

/** A Mainland line of business as it appears in names (行业表述). */
export interface GdIndustry extends Industry {
  readonly zh: string;
  readonly en: string;
  readonly bank?: true;
}

const industry = (zh: string, en: string, ...domains: GdIndustry['domains'][number][]): GdIndustry => ({ zh, en, domains });

const INDUSTRIES: readonly Weighted<GdIndustry>[] = [
  [14, industry('科技', 'Technology', 'market')],
  [5, industry('信息技术', 'Information Technology', 'market')],
  [5, industry('网络科技', 'Network Technology', 'market')],
  [12, industry('贸易', 'Trading', 'market', 'tax', 'customs')],
  [5, industry('进出口', 'Import and Export', 'customs', 'tax')],
  [4, industry('供应链管理', 'Supply Chain Management', 'customs', 'transport')],
  [7, industry('建筑工程', 'Construction Engineering', 'construction', 'work-safety')],
  [3, industry('装饰工程', 'Decoration Engineering', 'construction', 'work-safety')],
  [5, industry('食品', 'Food', 'food-drug', 'market')],
  [4, industry('餐饮管理', 'Catering Management', 'food-drug')],
  [6, industry('物流', 'Logistics', 'transport', 'customs', 'work-safety')],
  [7, industry('电子', 'Electronics', 'environment', 'customs', 'work-safety')],
  [3, industry('精密制造', 'Precision Manufacturing', 'work-safety', 'environment')],
  [3, industry('环保科技', 'Environmental Technology', 'environment')],
  [2, industry('化工', 'Chemical', 'environment', 'work-safety')],
  [3, industry('医药', 'Pharmaceutical', 'food-drug')],
  [2, industry('生物科技', 'Biotechnology', 'food-drug', 'environment')],
  [2, industry('新能源', 'New Energy', 'environment', 'work-safety')],
  [3, industry('五金制品', 'Hardware Products', 'work-safety', 'environment')],
  [2, industry('塑胶制品', 'Plastic Products', 'environment', 'work-safety')],
  [2, industry('家具', 'Furniture', 'environment', 'work-safety')],
  [2, industry('服装', 'Garments', 'labour', 'market')],
  [3, industry('实业', 'Industrial', 'market')],
  [2, industry('投资', 'Investment', 'finance')],
  [2, industry('物业管理', 'Property Management', 'market', 'labour')],
  [2, industry('文化传播', 'Culture Communication', 'market')],
];

/** Every Mainland industry the generator uses, for precomputing per-industry tables. */
export const GD_INDUSTRIES: readonly GdIndustry[] = [
  ...INDUSTRIES.map(([, value]) => value),
  { zh: '银行', en: 'Bank', domains: ['finance'], bank: true },
];
const BANK = GD_INDUSTRIES[GD_INDUSTRIES.length - 1] as GdIndustry;

interface GdForm {
  /** The ending of the name. */
  readonly suffix: string;
  /** The registered company type (企业类型). */
  readonly legalForm: string;
}

const FORMS: readonly Weighted<GdForm>[] = [
  [75, { suffix: '有限公司', legalForm: '有限责任公司' }],
  [12, { suffix: '有限责任公司', legalForm: '有限责任公司' }],
  [13, { suffix: '股份有限公司', legalForm: '股份有限公司' }],
];
const JOINT_STOCK: GdForm = { suffix: '股份有限公司', legalForm: '股份有限公司' };

/** A Mainland enterprise's names and what a branch needs to inherit from it. */
export interface GdNaming {
  /** The full registered name (zh-Hans), which a branch name begins with. */
  readonly legal: string;
  /** The self-translated English name, used as a trade name only (BRIEF §3.1: not registered). */
  readonly en: string | undefined;
  readonly legalForm: string;
  readonly industry: GdIndustry;
}

/** Draws the name of a head-office enterprise registered in `place`; about 1 in 200 is a bank. */
export function drawGdNaming(rng: Random, place: GdPlace, trade: TradeName): GdNaming {
  if (rng.chance(0.005)) {
    return {
      legal: `${place.short}${trade.hans}银行${JOINT_STOCK.suffix}`,
      en: `${place.en} ${trade.pinyin} Bank Co., Ltd.`,
      legalForm: JOINT_STOCK.legalForm,
      industry: BANK,
    };
  }
  const ind = rng.weighted(INDUSTRIES);
  const form = rng.weighted(FORMS);
  const bracketed = rng.chance(0.2);
  const legal = bracketed
    ? `${trade.hans}${ind.zh}（${place.short}）${form.suffix}`
    : `${place.name}${trade.hans}${ind.zh}${form.suffix}`;
  let en: string | undefined;
  if (rng.chance(0.3)) {
    en = bracketed ? `${trade.pinyin} ${ind.en} (${place.en}) Co., Ltd.` : `${place.en} ${trade.pinyin} ${ind.en} Co., Ltd.`;
  }
  return { legal, en, legalForm: form.legalForm, industry: ind };
}

/**
 * Names a branch of `parent` in `city`: `<parent><city>分公司`, or for a bank a 分行 or, more often, a 支行
 * named after a neighbourhood.
 */
export function drawGdBranchNaming(rng: Random, parent: GdNaming, city: GdPlace): GdNaming {
  let legal: string;
  let en: string | undefined;
  if (parent.industry.bank && rng.chance(0.7)) {
    const neighbourhood = drawTradeName(rng, 2);
    legal = `${parent.legal}${city.short}${neighbourhood.hans}支行`;
    en = parent.en && `${parent.en} ${city.en} ${neighbourhood.pinyin} Sub-branch`;
  } else if (parent.industry.bank) {
    legal = `${parent.legal}${city.short}分行`;
    en = parent.en && `${parent.en} ${city.en} Branch`;
  } else {
    legal = `${parent.legal}${city.short}分公司`;
    en = parent.en && `${parent.en} ${city.en} Branch`;
  }
  return { legal, en, legalForm: `${parent.legalForm}分公司`, industry: parent.industry };
}

/** The name list of an entity line. */
export function gdNames(naming: GdNaming): NameInput[] {
  const names: NameInput[] = [{ value: naming.legal, lang: 'zh-Hans' }];
  if (naming.en) names.push({ value: naming.en, lang: 'en', kind: 'trade' });
  return names;
}
