/**
 * Macau company names (BRIEF §3.3): Chinese and Portuguese names with the legal-form suffix the Commercial Code
 * requires (Limitada / Lda. / Sociedade Unipessoal Limitada / S.A.), often ", Macau", sometimes an English name.
 */
import type { Industry, NameInput, Naming } from './names.js';
import type { Random, Weighted } from './random.js';
import { drawTradeName, drawTradeNameLength } from './trade-names.js';

/** A Macau line of business in Chinese, Portuguese and English. */
export interface MoIndustry extends Industry {
  readonly zh: string;
  readonly pt: string;
  readonly en: string;
}

const industry = (zh: string, pt: string, en: string, ...domains: MoIndustry['domains'][number][]): MoIndustry => ({
  zh,
  pt,
  en,
  domains,
});

const INDUSTRIES: readonly Weighted<MoIndustry>[] = [
  [12, industry('貿易', 'Comércio', 'Trading', 'customs')],
  [6, industry('進出口', 'Importação e Exportação', 'Import and Export', 'customs')],
  [8, industry('建築工程', 'Construções e Engenharia', 'Construction and Engineering', 'construction', 'work-safety', 'labour')],
  [4, industry('建築置業', 'Construção e Fomento Predial', 'Construction and Property Development', 'construction', 'work-safety')],
  [6, industry('飲食', 'Restauração', 'Catering', 'food-drug', 'labour')],
  [4, industry('食品', 'Produtos Alimentares', 'Food Products', 'food-drug', 'customs')],
  [4, industry('酒店管理', 'Gestão Hoteleira', 'Hotel Management', 'labour')],
  [4, industry('旅遊', 'Turismo', 'Travel', 'market')],
  [4, industry('物業管理', 'Administração de Propriedades', 'Property Management', 'labour')],
  [3, industry('清潔服務', 'Serviços de Limpeza', 'Cleaning Services', 'labour')],
  [3, industry('保安', 'Serviços de Segurança', 'Security Services', 'labour')],
  [5, industry('投資', 'Investimento', 'Investment', 'finance')],
  [5, industry('科技', 'Tecnologia', 'Technology', 'market')],
  [4, industry('物流', 'Logística', 'Logistics', 'customs', 'transport')],
  [2, industry('珠寶', 'Joalharia', 'Jewellery', 'customs')],
  [1, industry('水務', 'Águas e Saneamento', 'Water and Sanitation', 'environment')],
  [2, industry('汽車', 'Comércio de Automóveis', 'Motor Vehicles', 'transport')],
];

/** Every Macau industry the generator uses. */
export const MO_INDUSTRIES: readonly MoIndustry[] = INDUSTRIES.map(([, value]) => value);

interface MoForm {
  readonly pt: string;
  readonly zh: string;
  readonly legalForm: string;
}

const FORMS: readonly Weighted<MoForm>[] = [
  [55, { pt: 'Limitada', zh: '有限公司', legalForm: 'Sociedade por quotas' }],
  [20, { pt: 'Lda.', zh: '有限公司', legalForm: 'Sociedade por quotas' }],
  [18, { pt: 'Sociedade Unipessoal Limitada', zh: '一人有限公司', legalForm: 'Sociedade unipessoal por quotas' }],
  [7, { pt: 'S.A.', zh: '股份有限公司', legalForm: 'Sociedade anónima' }],
];

type Pattern = 'companhia' | 'sociedade' | 'trade-first';

const PATTERNS: readonly Weighted<Pattern>[] = [
  [50, 'companhia'],
  [30, 'sociedade'],
  [20, 'trade-first'],
];

/** Draws the Chinese, Portuguese and sometimes English names of one Macau company. */
export function drawMoNaming(rng: Random): Naming<MoIndustry> {
  const ind = rng.weighted(INDUSTRIES);
  const form = rng.weighted(FORMS);
  const trade = drawTradeName(rng, drawTradeNameLength(rng));
  let stem: string;
  switch (rng.weighted(PATTERNS)) {
    case 'companhia':
      stem = `Companhia de ${ind.pt} ${trade.mo}`;
      break;
    case 'sociedade':
      stem = `Sociedade de ${ind.pt} ${trade.mo}`;
      break;
    case 'trade-first':
      stem = `${trade.mo} ${ind.pt}`;
      break;
  }
  const macau = form.pt !== 'S.A.' && rng.chance(0.25);
  const pt = macau ? `${stem} ${form.pt}, Macau` : `${stem}, ${form.pt}`;
  const zh = macau ? `${trade.hant}${ind.zh}（澳門）${form.zh}` : `${trade.hant}${ind.zh}${form.zh}`;
  const roll = rng.next();
  const names: NameInput[] = [];
  if (roll >= 0.08) names.push({ value: zh, lang: 'zh-Hant' });
  if (roll < 0.08 || roll >= 0.18) names.push({ value: pt, lang: 'pt' });
  if (rng.chance(0.3)) {
    names.push({ value: macau ? `${trade.mo} ${ind.en} Limited, Macau` : `${trade.mo} ${ind.en} Company Limited`, lang: 'en' });
  }
  return { names, legalForm: form.legalForm, industry: ind };
}
