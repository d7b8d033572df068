import type { Weighted } from './random.js';

/** A registering authority's division inside the GBA part of Guangdong (BRIEF §1.1), with local conventions. */
export interface GdPlace {
  /** GB/T 2260 codes usable in USCC positions 3–8: the city's own code first, then districts. */
  readonly divisionCodes: readonly string[];
  /** As it starts a company name: 深圳市, or 广东 for the province. */
  readonly name: string;
  /** As it appears in the bracketed variant 腾讯科技（深圳）有限公司. */
  readonly short: string;
  /** One-character abbreviation used in local decision numbers (深税罚, 穗市监罚). */
  readonly abbr: string;
  readonly en: string;
  /** Courts' codes in case numbers such as （2025）粤0305执1234号. */
  readonly courtCodes: readonly string[];
  readonly courtAuthority: string;
  /** The customs district abbreviation in decision numbers (深关缉违字). */
  readonly customs: string;
  /** First four digits of customs enterprise codes registered here. */
  readonly customsArea: string;
}

const place = (p: GdPlace): GdPlace => p;

const SHENZHEN = place({
  divisionCodes: ['440300', '440303', '440304', '440305', '440306', '440307'],
  name: '深圳市', short: '深圳', abbr: '深', en: 'Shenzhen',
  courtCodes: ['粤0303', '粤0304', '粤0305', '粤0306', '粤0307'], courtAuthority: 'gd-court-sz',
  customs: '深关', customsArea: '4403',
});
const GUANGZHOU = place({
  divisionCodes: ['440100', '440104', '440105', '440106', '440111', '440112'],
  name: '广州市', short: '广州', abbr: '穗', en: 'Guangzhou',
  courtCodes: ['粤0104', '粤0105', '粤0106', '粤0111', '粤0112'], courtAuthority: 'gd-court-gz',
  customs: '穗关', customsArea: '4401',
});

/** Where GBA enterprises in the demo data are registered, weighted roughly by business population. */
export const GD_PLACES: readonly Weighted<GdPlace>[] = [
  [30, SHENZHEN],
  [25, GUANGZHOU],
  [10, place({
    divisionCodes: ['441900'], name: '东莞市', short: '东莞', abbr: '莞', en: 'Dongguan',
    courtCodes: ['粤1971', '粤1972', '粤1973'], courtAuthority: 'gd-court-dg', customs: '埔关', customsArea: '4419',
  })],
  [10, place({
    divisionCodes: ['440600', '440604', '440605', '440606'], name: '佛山市', short: '佛山', abbr: '佛', en: 'Foshan',
    courtCodes: ['粤0604', '粤0605', '粤0606'], courtAuthority: 'gd-court-fs', customs: '穗关', customsArea: '4406',
  })],
  [5, place({
    divisionCodes: ['441300', '441302', '441303'], name: '惠州市', short: '惠州', abbr: '惠', en: 'Huizhou',
    courtCodes: ['粤1302', '粤1303'], courtAuthority: 'gd-court-hz', customs: '埔关', customsArea: '4413',
  })],
  [5, place({
    divisionCodes: ['442000'], name: '中山市', short: '中山', abbr: '中', en: 'Zhongshan',
    courtCodes: ['粤2071', '粤2072'], courtAuthority: 'gd-court-zs', customs: '拱关', customsArea: '4420',
  })],
  [5, place({
    divisionCodes: ['440400', '440402', '440403'], name: '珠海市', short: '珠海', abbr: '珠', en: 'Zhuhai',
    courtCodes: ['粤0402', '粤0403'], courtAuthority: 'gd-court-zh', customs: '拱关', customsArea: '4404',
  })],
  [4, place({
    divisionCodes: ['440700', '440703', '440704'], name: '江门市', short: '江门', abbr: '江', en: 'Jiangmen',
    courtCodes: ['粤0703', '粤0704'], courtAuthority: 'gd-court-jm', customs: '江关', customsArea: '4407',
  })],
  [3, place({
    divisionCodes: ['441200', '441202'], name: '肇庆市', short: '肇庆', abbr: '肇', en: 'Zhaoqing',
    courtCodes: ['粤1202'], courtAuthority: 'gd-court-zq', customs: '江关', customsArea: '4412',
  })],
  [3, place({
    divisionCodes: ['440000'], name: '广东', short: '广东', abbr: '粤', en: 'Guangdong',
    courtCodes: GUANGZHOU.courtCodes, courtAuthority: GUANGZHOU.courtAuthority, customs: '穗关', customsArea: '4401',
  })],
];

/** The places a branch may sit in: the cities, not the province. */
export const GD_BRANCH_CITIES: readonly GdPlace[] = GD_PLACES.map(([, p]) => p).filter((p) => p.abbr !== '粤');
