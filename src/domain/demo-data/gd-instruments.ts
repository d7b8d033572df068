/**
 * The Mainland instruments Guangdong records cite, in one place so the catalogue can be reviewed as a whole:
 * national statutes and State Council regulations, and the rules BRIEF names. Article numbers follow the
 * current texts as far as known; they are demo data, not legal advice.
 */
export const ADVERTISING_LAW = '《中华人民共和国广告法》';
export const PRODUCT_QUALITY_LAW = '《中华人民共和国产品质量法》';
export const PRICE_LAW = '《中华人民共和国价格法》';
export const FOOD_SAFETY_LAW = '《中华人民共和国食品安全法》';
export const SPECIAL_EQUIPMENT_LAW = '《中华人民共和国特种设备安全法》';
export const TAX_COLLECTION_LAW = '《中华人民共和国税收征收管理法》';
export const INVOICE_MEASURES = '《中华人民共和国发票管理办法》';
export const AIR_POLLUTION_LAW = '《中华人民共和国大气污染防治法》';
export const WATER_POLLUTION_LAW = '《中华人民共和国水污染防治法》';
export const SOLID_WASTE_LAW = '《中华人民共和国固体废物污染环境防治法》';
export const EIA_LAW = '《中华人民共和国环境影响评价法》';
export const DISCHARGE_PERMIT_REGULATION = '《排污许可管理条例》';
export const WORK_SAFETY_LAW = '《中华人民共和国安全生产法》';
export const CUSTOMS_LAW = '《中华人民共和国海关法》';
export const CUSTOMS_PENALTY_REGULATION = '《中华人民共和国海关行政处罚实施条例》';
export const CUSTOMS_CREDIT_MEASURES = '《中华人民共和国海关注册登记和备案企业信用管理办法》（海关总署令第251号）';
export const CONSTRUCTION_LAW = '《中华人民共和国建筑法》';
export const CONSTRUCTION_QUALITY_REGULATION = '《建设工程质量管理条例》';
export const LABOUR_INSPECTION_REGULATION = '《劳动保障监察条例》';
export const DISHONEST_DEBTOR_PROVISIONS = '《最高人民法院关于公布失信被执行人名单信息的若干规定》';
export const CONSUMPTION_RESTRICTION_PROVISIONS = '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》';
export const DISCLOSURE_REGULATION = '《企业信息公示暂行条例》';
export const ABNORMAL_LIST_MEASURES = '《企业经营异常名录管理暂行办法》';
export const ENV_CREDIT_MEASURES = '《企业环境信用评价办法（试行）》（环发〔2013〕150号）';
export const GD_CREDIT_REGULATION = '《广东省社会信用条例》';
/** SAT Announcement 2025 No. 12 replaced the 2014 trial measures from 1 July 2025 (BRIEF §1.9). */
export const TAX_CREDIT_SWITCH = '2025-07-01';
export const TAX_CREDIT_MEASURES_2014 = '《纳税信用管理办法（试行）》（国家税务总局公告2014年第40号）';
export const TAX_CREDIT_MEASURES_2025 = '《纳税缴费信用管理办法》（国家税务总局公告2025年第12号）';
