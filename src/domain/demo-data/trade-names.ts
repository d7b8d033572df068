import type { Random } from './random.js';

/** One character used in trade names (字号), with its readings for each jurisdiction's romanised names. */
interface TradeCharacter {
  readonly hans: string;
  readonly hant: string;
  /** Hanyu Pinyin, as Mainland firms spell their self-translated English names. */
  readonly pinyin: string;
  /** Hong Kong Cantonese romanisation. */
  readonly hk: string;
  /** Macau Cantonese romanisation (Portuguese-influenced spelling). */
  readonly mo: string;
}

const c = (hans: string, hant: string, pinyin: string, hk: string, mo: string): TradeCharacter => ({ hans, hant, pinyin, hk, mo });

const CHARACTERS: readonly TradeCharacter[] = [
  c('华', '華', 'hua', 'Wah', 'Va'), c('信', '信', 'xin', 'Shun', 'Son'), c('达', '達', 'da', 'Tat', 'Tat'),
  c('瑞', '瑞', 'rui', 'Sui', 'Soi'), c('恒', '恆', 'heng', 'Hang', 'Hang'), c('泰', '泰', 'tai', 'Tai', 'Tai'),
  c('宏', '宏', 'hong', 'Wang', 'Vang'), c('盛', '盛', 'sheng', 'Shing', 'Seng'), c('鑫', '鑫', 'xin', 'Yam', 'Iam'),
  c('源', '源', 'yuan', 'Yuen', 'Un'), c('丰', '豐', 'feng', 'Fung', 'Fong'), c('德', '德', 'de', 'Tak', 'Tak'),
  c('嘉', '嘉', 'jia', 'Ka', 'Ka'), c('鸿', '鴻', 'hong', 'Hung', 'Hong'), c('利', '利', 'li', 'Lee', 'Lei'),
  c('通', '通', 'tong', 'Tung', 'Tong'), c('安', '安', 'an', 'On', 'On'), c('康', '康', 'kang', 'Hong', 'Hong'),
  c('联', '聯', 'lian', 'Luen', 'Lun'), c('创', '創', 'chuang', 'Chong', 'Chong'), c('智', '智', 'zhi', 'Chi', 'Chi'),
  c('新', '新', 'xin', 'Sun', 'San'), c('博', '博', 'bo', 'Pok', 'Pok'), c('海', '海', 'hai', 'Hoi', 'Hoi'),
  c('天', '天', 'tian', 'Tin', 'Tin'), c('金', '金', 'jin', 'Kam', 'Kam'), c('宝', '寶', 'bao', 'Po', 'Pou'),
  c('兴', '興', 'xing', 'Hing', 'Heng'), c('隆', '隆', 'long', 'Lung', 'Long'), c('发', '發', 'fa', 'Fat', 'Fat'),
  c('永', '永', 'yong', 'Wing', 'Veng'), c('益', '益', 'yi', 'Yick', 'Iek'), c('昌', '昌', 'chang', 'Cheong', 'Cheong'),
  c('福', '福', 'fu', 'Fook', 'Fok'), c('祥', '祥', 'xiang', 'Cheung', 'Cheong'), c('和', '和', 'he', 'Wo', 'Wo'),
  c('美', '美', 'mei', 'Mei', 'Mei'), c('富', '富', 'fu', 'Fu', 'Fu'), c('荣', '榮', 'rong', 'Wing', 'Weng'),
  c('威', '威', 'wei', 'Wai', 'Wai'), c('明', '明', 'ming', 'Ming', 'Meng'), c('光', '光', 'guang', 'Kwong', 'Kuong'),
  c('高', '高', 'gao', 'Ko', 'Kou'), c('东', '東', 'dong', 'Tung', 'Tong'), c('南', '南', 'nan', 'Nam', 'Nam'),
  c('星', '星', 'xing', 'Sing', 'Seng'), c('辉', '輝', 'hui', 'Fai', 'Fai'), c('锦', '錦', 'jin', 'Kam', 'Kam'),
  c('润', '潤', 'run', 'Yun', 'Ion'), c('捷', '捷', 'jie', 'Chit', 'Chit'), c('俊', '俊', 'jun', 'Chun', 'Chon'),
  c('峰', '峰', 'feng', 'Fung', 'Fong'), c('建', '建', 'jian', 'Kin', 'Kin'), c('国', '國', 'guo', 'Kwok', 'Kuok'),
  c('振', '振', 'zhen', 'Chun', 'Chan'), c('伟', '偉', 'wei', 'Wai', 'Wai'), c('立', '立', 'li', 'Lap', 'Lap'),
  c('思', '思', 'si', 'Sze', 'Si'), c('远', '遠', 'yuan', 'Yuen', 'Un'), c('凯', '凱', 'kai', 'Hoi', 'Hoi'),
  c('蓝', '藍', 'lan', 'Lam', 'Lam'), c('鹏', '鵬', 'peng', 'Pang', 'Pang'), c('卓', '卓', 'zhuo', 'Cheuk', 'Cheok'),
  c('睿', '睿', 'rui', 'Yui', 'Ioi'), c('晟', '晟', 'sheng', 'Shing', 'Seng'), c('骏', '駿', 'jun', 'Chun', 'Chon'),
  c('汇', '匯', 'hui', 'Wui', 'Ui'), c('洋', '洋', 'yang', 'Yeung', 'Ieong'), c('力', '力', 'li', 'Lik', 'Lek'),
  c('悦', '悅', 'yue', 'Yuet', 'Ut'), c('万', '萬', 'wan', 'Man', 'Man'), c('佳', '佳', 'jia', 'Kai', 'Kai'),
];

/** A trade name (字号) in every script and romanisation the three jurisdictions use. */
export interface TradeName {
  readonly hans: string;
  readonly hant: string;
  /** e.g. `Huaxin` */
  readonly pinyin: string;
  /** e.g. `Wah Shun` */
  readonly hk: string;
  /** e.g. `Va Son` */
  readonly mo: string;
}

/** Draws a trade name of `length` distinct-neighbour characters. */
export function drawTradeName(rng: Random, length: number): TradeName {
  let hans = '';
  let hant = '';
  let pinyin = '';
  let hk = '';
  let mo = '';
  let previous: TradeCharacter | undefined;
  for (let i = 0; i < length; i++) {
    let ch = rng.pick(CHARACTERS);
    if (ch === previous) ch = CHARACTERS[(CHARACTERS.indexOf(ch) + 1) % CHARACTERS.length] as TradeCharacter;
    previous = ch;
    hans += ch.hans;
    hant += ch.hant;
    pinyin += i === 0 ? ch.pinyin.charAt(0).toUpperCase() + ch.pinyin.slice(1) : ch.pinyin;
    hk += i === 0 ? ch.hk : ` ${ch.hk}`;
    mo += i === 0 ? ch.mo : ` ${ch.mo}`;
  }
  return { hans, hant, pinyin, hk, mo };
}

const TRADE_NAME_LENGTHS = [
  [60, 2],
  [30, 3],
  [10, 4],
] as const;

/** The usual trade-name length: mostly two characters, sometimes three or four. */
export function drawTradeNameLength(rng: Random): number {
  return rng.weighted(TRADE_NAME_LENGTHS);
}
