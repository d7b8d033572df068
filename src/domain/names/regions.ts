/**
 * Divisions that open Mainland names or stand in their brackets (BRIEF §3.1): every Guangdong
 * prefecture-level city, the provinces and major cities elsewhere, and the two SARs. Simplified and
 * without the 省/市 ending; {@link DIVISION_ENDINGS} are accepted after each.
 */
export const REGION_NAMES: ReadonlySet<string> = new Set([
  // Guangdong and the GBA
  '广东', '广州', '深圳', '珠海', '佛山', '东莞', '中山', '江门', '惠州', '肇庆', '汕头', '湛江', '茂名',
  '揭阳', '梅州', '潮州', '汕尾', '河源', '阳江', '云浮', '清远', '韶关', '横琴', '前海', '南沙', '顺德',
  '香港', '澳门',
  // provinces and autonomous regions
  '北京', '上海', '天津', '重庆', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '江苏', '浙江',
  '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广西', '海南', '四川', '贵州', '云南', '西藏',
  '陕西', '甘肃', '青海', '宁夏', '新疆', '台湾',
  // major cities
  '杭州', '南京', '苏州', '无锡', '宁波', '温州', '厦门', '福州', '泉州', '武汉', '长沙', '成都', '西安',
  '郑州', '济南', '青岛', '大连', '沈阳', '哈尔滨', '长春', '合肥', '南昌', '昆明', '贵阳', '南宁', '海口',
  '三亚', '兰州', '太原', '石家庄', '呼和浩特', '乌鲁木齐', '拉萨', '银川', '西宁',
]);

/** Region names only meaningful in brackets: （中国） marks a foreign-invested enterprise (BRIEF §3.1). */
const BRACKET_ONLY_REGIONS: ReadonlySet<string> = new Set(['中国']);

/** Longest first so that 特别行政区 is tried before 区. */
const DIVISION_ENDINGS = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '新区', '省', '市', '区'];

/** Latin place words that count as a region when bracketed or trailing: `(Hong Kong)`, `, Macau`. */
const LATIN_REGIONS: ReadonlySet<string> = new Set([
  'hk', 'macau', 'china', 'prc', 'shenzhen', 'guangzhou', 'zhuhai', 'foshan', 'dongguan', 'hengqin',
  'guangdong', 'shanghai', 'beijing', 'asia',
]);

const MAX_REGION_LENGTH = 4;

/** Strips a division ending: 深圳市 → 深圳, 广西壮族自治区 → 广西. Leaves other text as it is. */
function withoutEnding(text: string): string {
  for (const ending of DIVISION_ENDINGS) {
    if (text.length > ending.length && text.endsWith(ending)) {
      const stem = text.slice(0, -ending.length);
      if (REGION_NAMES.has(stem)) return stem;
    }
  }
  return text;
}

/**
 * Reads bracketed text as a region when it names one: （深圳）, （深圳市）, （中国）.
 *
 * @example bracketRegion('深圳市') // '深圳'
 */
export function bracketRegion(content: string): string | null {
  const stem = withoutEnding(content);
  return REGION_NAMES.has(stem) || BRACKET_ONLY_REGIONS.has(stem) ? stem : null;
}

/** Reads Latin bracketed or trailing words as a region: `hk`, `macau`, `china`. */
export function latinRegion(words: readonly string[]): string | null {
  return words.length === 1 && words[0] !== undefined && LATIN_REGIONS.has(words[0]) ? words[0] : null;
}

/**
 * Takes the leading divisions off a folded Mainland name, keeping the most specific one:
 * 广东省深圳市腾讯… → region 深圳. A division is taken only when at least two characters remain, so a
 * name that is nothing but a place keeps its place.
 *
 * @example stripRegionPrefix('深圳市腾讯计算机系统') // { rest: '腾讯计算机系统', region: '深圳' }
 */
export function stripRegionPrefix(text: string): { rest: string; region: string | null } {
  let rest = text;
  let region: string | null = null;
  for (;;) {
    const found = leadingRegion(rest);
    if (found === null || rest.length - found.length < 2) return { rest, region };
    region = found.region;
    rest = rest.slice(found.length);
  }
}

function leadingRegion(text: string): { region: string; length: number } | null {
  for (let n = Math.min(MAX_REGION_LENGTH, text.length); n >= 2; n--) {
    const stem = text.slice(0, n);
    if (!REGION_NAMES.has(stem)) continue;
    const after = text.slice(n);
    const ending = DIVISION_ENDINGS.find((e) => after.startsWith(e) && e !== '区' && e !== '新区');
    return { region: stem, length: n + (ending?.length ?? 0) };
  }
  return null;
}
