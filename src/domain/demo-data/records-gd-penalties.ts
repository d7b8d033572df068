/**
 * Guangdong administrative penalties: market, food, special-equipment, tax, environmental, work-safety, customs,
 * construction and labour cases, numbered in each bureau's local style (深市监罚〔2025〕123号).
 */
import {
  ADVERTISING_LAW,
  AIR_POLLUTION_LAW,
  CONSTRUCTION_LAW,
  CONSTRUCTION_QUALITY_REGULATION,
  CUSTOMS_LAW,
  CUSTOMS_PENALTY_REGULATION,
  DISCHARGE_PERMIT_REGULATION,
  EIA_LAW,
  FOOD_SAFETY_LAW,
  INVOICE_MEASURES,
  LABOUR_INSPECTION_REGULATION,
  PRICE_LAW,
  PRODUCT_QUALITY_LAW,
  SOLID_WASTE_LAW,
  SPECIAL_EQUIPMENT_LAW,
  TAX_COLLECTION_LAW,
  WATER_POLLUTION_LAW,
  WORK_SAFETY_LAW,
} from './gd-instruments.js';
import { penaltyTemplate, type PenaltyOutcome, type PenaltySpec } from './penalties.js';
import type { GdSubject } from './records-gd.js';
import { cite, type DraftContext } from './records.js';

const fine = (severity: PenaltyOutcome['severity'], min: number, max: number, prefix = '', suffix = ''): PenaltyOutcome => ({
  severity,
  kinds: ['fine'],
  amount: [min, max, min >= 100_000 ? 1000 : 100],
  text: (amount) => `${prefix}处罚款人民币${amount}元${suffix}`,
});
const sanction = (
  severity: PenaltyOutcome['severity'],
  kinds: PenaltyOutcome['kinds'],
  min: number,
  max: number,
  text: (amount: string) => string,
): PenaltyOutcome => ({ severity, kinds, amount: [min, max, min >= 100_000 ? 1000 : 100], text });
const WARNING: PenaltyOutcome = { severity: 'minor', kinds: ['warning'], text: () => '责令改正，给予警告' };

type GdPenaltySpec = Omit<PenaltySpec<GdSubject>, 'currency' | 'formatAmount' | 'separator'>;
const gdPenalty = (spec: GdPenaltySpec) =>
  penaltyTemplate<GdSubject>({ ...spec, currency: 'CNY', formatAmount: String, separator: '，' });

/** The local bureau's prefix: the city's one-character abbreviation and the bureau's own suffix. */
export const local = (suffix: string) => (s: GdSubject) => `${s.place.abbr}${suffix}`;
/** A decision number in the 〔year〕seq号 style, e.g. 深市监罚〔2025〕123号. */
export const numbered = (prefix: (s: GdSubject) => string) => ({ subject, year, seq }: DraftContext<GdSubject>) =>
  `${prefix(subject)}〔${year}〕${seq}号`;

const samrMarket = gdPenalty({
  domain: 'market',
  weight: 10,
  authority: () => 'gd-samr',
  decisionNo: numbered(local('市监罚')),
  violations: [
    [4, {
      summary: '发布虚假广告，对商品的性能、功能、质量作引人误解的宣传',
      basis: [cite(ADVERTISING_LAW, '第二十八条'), cite(ADVERTISING_LAW, '第五十五条第一款')],
      outcomes: [
        [75, fine('general', 20_000, 300_000, '责令停止发布广告，')],
        [25, fine('serious', 1_000_000, 2_000_000, '责令停止发布广告，', '，一年内不受理其广告审查申请')],
      ],
    }],
    [4, {
      summary: '销售不符合保障人体健康和人身、财产安全的国家标准的产品',
      basis: [cite(PRODUCT_QUALITY_LAW, '第十三条'), cite(PRODUCT_QUALITY_LAW, '第四十九条')],
      outcomes: [
        [85, sanction('general', ['fine', 'confiscation'], 5_000, 200_000, (a) => `没收违法销售的产品，并处罚款人民币${a}元`)],
        [15, sanction('serious', ['fine', 'confiscation', 'licence-revocation'], 200_000, 1_000_000, (a) => `没收违法销售的产品，处罚款人民币${a}元，并吊销营业执照`)],
      ],
    }],
    [4, {
      summary: '经营者销售商品未按照规定明码标价',
      basis: [cite(PRICE_LAW, '第十三条'), cite(PRICE_LAW, '第四十二条')],
      outcomes: [
        [50, WARNING],
        [50, fine('minor', 500, 5_000, '责令改正，')],
      ],
    }],
  ],
});

const samrFood = gdPenalty({
  domain: 'food-drug',
  weight: 2,
  authority: () => 'gd-samr',
  decisionNo: numbered(local('市监罚')),
  violations: [
    [1, {
      summary: '经营超过保质期的食品',
      basis: [cite(FOOD_SAFETY_LAW, '第三十四条'), cite(FOOD_SAFETY_LAW, '第一百二十四条')],
      outcomes: [
        [85, sanction('general', ['fine', 'confiscation'], 50_000, 150_000, (a) => `没收违法经营的食品，并处罚款人民币${a}元`)],
        [15, sanction('serious', ['fine', 'confiscation', 'licence-revocation'], 150_000, 500_000, (a) => `没收违法经营的食品，处罚款人民币${a}元，并吊销食品经营许可证`)],
      ],
    }],
    [1, {
      summary: '未按规定查验供货者的许可证和食品合格证明文件',
      basis: [cite(FOOD_SAFETY_LAW, '第五十三条'), cite(FOOD_SAFETY_LAW, '第一百二十六条')],
      outcomes: [
        [45, WARNING],
        [55, fine('general', 5_000, 50_000, '责令改正，')],
      ],
    }],
  ],
});

const samrSpecialEquipment = gdPenalty({
  domain: 'work-safety',
  weight: 1,
  authority: () => 'gd-samr',
  decisionNo: numbered(local('市监罚')),
  violations: [
    [1, {
      summary: '使用未经定期检验的特种设备',
      basis: [cite(SPECIAL_EQUIPMENT_LAW, '第四十条'), cite(SPECIAL_EQUIPMENT_LAW, '第八十四条')],
      outcomes: [[1, fine('general', 30_000, 300_000, '责令停止使用有关特种设备，')]],
    }],
  ],
});

const taxPenalty = gdPenalty({
  domain: 'tax',
  weight: 6,
  authority: () => 'gd-tax',
  decisionNo: numbered(local('税罚')),
  violations: [
    [6, {
      summary: '未按照规定期限办理纳税申报和报送纳税资料',
      basis: [cite(TAX_COLLECTION_LAW, '第二十五条'), cite(TAX_COLLECTION_LAW, '第六十二条')],
      outcomes: [
        [80, fine('minor', 50, 2_000)],
        [20, fine('general', 2_000, 10_000)],
      ],
    }],
    [2, {
      summary: '未按照规定设置、保管账簿或者保管记账凭证和有关资料',
      basis: [cite(TAX_COLLECTION_LAW, '第十九条'), cite(TAX_COLLECTION_LAW, '第六十条')],
      outcomes: [
        [70, fine('minor', 200, 2_000, '责令限期改正，')],
        [30, fine('general', 2_000, 10_000, '责令限期改正，')],
      ],
    }],
    [3, {
      summary: '应当开具而未开具发票',
      basis: [cite(INVOICE_MEASURES, '第三十五条')],
      outcomes: [
        [70, fine('minor', 200, 2_000, '责令改正，')],
        [30, fine('general', 2_000, 10_000, '责令改正，')],
      ],
    }],
    [2, {
      summary: '进行虚假的纳税申报，不缴或者少缴应纳税款',
      basis: [cite(TAX_COLLECTION_LAW, '第六十三条第一款')],
      outcomes: [
        [75, fine('general', 20_000, 1_000_000, '追缴少缴的税款、滞纳金，并')],
        [25, fine('serious', 1_000_000, 20_000_000, '追缴少缴的税款、滞纳金，并', '，确定为重大税收违法失信主体')],
      ],
    }],
  ],
});

const environmentPenalty = gdPenalty({
  domain: 'environment',
  weight: 2,
  authority: () => 'gd-eeb',
  decisionNo: numbered(local('环罚')),
  violations: [
    [4, {
      summary: '超过大气污染物排放标准排放大气污染物',
      basis: [cite(AIR_POLLUTION_LAW, '第十八条'), cite(AIR_POLLUTION_LAW, '第九十九条')],
      outcomes: [
        [70, fine('general', 100_000, 1_000_000, '责令改正，')],
        [30, sanction('serious', ['fine', 'production-restriction'], 200_000, 1_000_000, (a) => `责令限制生产，并处罚款人民币${a}元`)],
      ],
    }],
    [2, {
      summary: '通过暗管、渗井、渗坑等逃避监管的方式排放水污染物',
      basis: [cite(WATER_POLLUTION_LAW, '第三十九条'), cite(WATER_POLLUTION_LAW, '第八十三条')],
      outcomes: [
        [40, fine('general', 100_000, 500_000, '责令改正，')],
        [60, sanction('serious', ['fine', 'business-suspension'], 200_000, 1_000_000, (a) => `责令停产整治，并处罚款人民币${a}元`)],
      ],
    }],
    [2, {
      summary: '未取得排污许可证排放污染物',
      basis: [cite(DISCHARGE_PERMIT_REGULATION, '第三十三条')],
      outcomes: [
        [80, fine('general', 200_000, 1_000_000, '责令改正，')],
        [20, sanction('serious', ['fine', 'closure'], 200_000, 1_000_000, (a) => `报经有批准权的人民政府批准，责令关闭，并处罚款人民币${a}元`)],
      ],
    }],
    [2, {
      summary: '建设项目环境影响报告表未经批准擅自开工建设',
      basis: [cite(EIA_LAW, '第三十一条第一款')],
      outcomes: [[1, fine('general', 50_000, 500_000, '责令停止建设，')]],
    }],
    [2, {
      summary: '未按照国家有关规定贮存危险废物',
      basis: [cite(SOLID_WASTE_LAW, '第一百一十二条')],
      outcomes: [[1, fine('general', 100_000, 1_000_000, '责令改正，')]],
    }],
  ],
});

const workSafetyPenalty = gdPenalty({
  domain: 'work-safety',
  weight: 2,
  authority: () => 'gd-ema',
  decisionNo: numbered((s) => `（${s.place.abbr}）应急罚`),
  violations: [
    [4, {
      summary: '未按照规定对从业人员进行安全生产教育和培训',
      basis: [cite(WORK_SAFETY_LAW, '第二十八条'), cite(WORK_SAFETY_LAW, '第九十七条')],
      outcomes: [
        [40, fine('minor', 5_000, 20_000, '责令限期改正，')],
        [60, fine('general', 20_000, 100_000, '责令限期改正，')],
      ],
    }],
    [3, {
      summary: '未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志',
      basis: [cite(WORK_SAFETY_LAW, '第三十五条'), cite(WORK_SAFETY_LAW, '第九十九条')],
      outcomes: [
        [60, fine('minor', 5_000, 20_000, '责令限期改正，')],
        [40, fine('general', 20_000, 50_000, '责令限期改正，')],
      ],
    }],
    [1, {
      summary: '对一般生产安全事故的发生负有责任',
      basis: [cite(WORK_SAFETY_LAW, '第一百一十四条')],
      outcomes: [[1, fine('serious', 300_000, 1_000_000)]],
    }],
  ],
});

const customsPenalty = gdPenalty({
  domain: 'customs',
  weight: 1,
  authority: () => 'gd-customs',
  decisionNo: numbered((s) => `${s.place.customs}缉违字`),
  violations: [
    [5, {
      summary: '进出口货物的品名、税则号列、数量、规格、价格等申报不实，影响国家税款征收',
      basis: [cite(CUSTOMS_LAW, '第二十四条'), cite(CUSTOMS_PENALTY_REGULATION, '第十五条')],
      outcomes: [
        [85, fine('general', 10_000, 500_000)],
        [15, fine('serious', 500_000, 3_000_000)],
      ],
    }],
    [3, {
      summary: '进出口货物申报不实，影响海关统计准确',
      basis: [cite(CUSTOMS_PENALTY_REGULATION, '第十五条')],
      outcomes: [[1, sanction('minor', ['warning', 'fine'], 1_000, 10_000, (a) => `予以警告，并处罚款人民币${a}元`)]],
    }],
  ],
});

const constructionPenalty = gdPenalty({
  domain: 'construction',
  weight: 2,
  industryOnly: true,
  authority: () => 'gd-hcd',
  decisionNo: numbered(local('建罚')),
  violations: [
    [1, {
      summary: '施工单位超越本单位资质等级承揽工程',
      basis: [cite(CONSTRUCTION_LAW, '第二十六条'), cite(CONSTRUCTION_LAW, '第六十五条')],
      outcomes: [
        [70, fine('general', 50_000, 500_000, '责令停止违法行为，')],
        [30, sanction('serious', ['fine', 'business-suspension', 'qualification-downgrade'], 100_000, 800_000, (a) => `责令停业整顿，降低资质等级，并处罚款人民币${a}元`)],
      ],
    }],
    [1, {
      summary: '在施工中偷工减料，使用不合格的建筑材料、建筑构配件和设备',
      basis: [cite(CONSTRUCTION_QUALITY_REGULATION, '第二十八条'), cite(CONSTRUCTION_QUALITY_REGULATION, '第六十四条')],
      outcomes: [
        [75, fine('general', 100_000, 800_000, '责令改正，')],
        [25, sanction('serious', ['fine', 'licence-revocation'], 200_000, 1_000_000, (a) => `处罚款人民币${a}元，并吊销资质证书`)],
      ],
    }],
  ],
});

const labourPenalty = gdPenalty({
  domain: 'labour',
  weight: 1,
  authority: () => 'gd-hrss',
  decisionNo: numbered(local('人社监罚')),
  violations: [
    [1, {
      summary: '安排劳动者延长工作时间超过法定限度',
      basis: [cite(LABOUR_INSPECTION_REGULATION, '第二十五条')],
      outcomes: [
        [40, WARNING],
        [60, sanction('general', ['warning', 'fine'], 2_000, 50_000, (a) => `给予警告，并处罚款人民币${a}元`)],
      ],
    }],
  ],
});

/** Guangdong's penalty templates. */
export const GD_PENALTIES = [samrMarket, samrFood, samrSpecialEquipment, taxPenalty, environmentPenalty, workSafetyPenalty, customsPenalty, constructionPenalty, labourPenalty];
