import { describe, expect, it } from 'vitest';
import { analyseName } from './analyse.js';
import { cjkTokens } from './cjk-tokens.js';
import { foldCharacters } from './fold.js';

describe('foldCharacters', () => {
  it.each([
    ['ＡＢＣ　１２３', 'abc 123'], // full-width letters, digits, ideographic space
    ['騰訊科技（深圳）', '腾讯科技(深圳)'], // Traditional → Simplified, full-width brackets
    ['【香港】', '(香港)'],
    ['恆生', '恒生'],
    ['峯景', '峰景'],
    ['匯豐', '汇丰'],
    ['滙豐', '汇丰'],
    ['綫', '线'],
    ['鑛業', '矿业'],
    ['Águas', 'aguas'],
    ['Construção', 'construcao'],
    ['Electrónica', 'electronica'],
    ['Sociedade Anónima', 'sociedade anonima'],
  ])('%s → %s', (input, expected) => {
    expect(foldCharacters(input)).toBe(expected);
  });
});

type Row = [input: string, core: string, form: string | null, region: string | null];

describe('analyseName: Chinese names', () => {
  it.each<Row>([
    ['腾讯科技（深圳）有限公司', '腾讯科技', '有限公司', '深圳/bracket'],
    ['腾讯科技(深圳)有限公司', '腾讯科技', '有限公司', '深圳/bracket'],
    ['騰訊科技（深圳）有限公司', '腾讯科技', '有限公司', '深圳/bracket'],
    ['腾讯科技（深圳市）有限公司', '腾讯科技', '有限公司', '深圳/bracket'],
    ['深圳市腾讯计算机系统有限公司', '腾讯计算机系统', '有限公司', '深圳/prefix'],
    ['深圳腾讯计算机系统有限公司', '腾讯计算机系统', '有限公司', '深圳/prefix'],
    ['广东省深圳市华为技术有限公司', '华为技术', '有限公司', '深圳/prefix'],
    ['广州市天河区某某贸易有限公司', '天河区某某贸易', '有限公司', '广州/prefix'],
    ['招商银行股份有限公司', '招商银行', '股份有限公司', null],
    ['中兴通讯股份公司', '中兴通讯', '股份公司', null],
    ['小米科技有限责任公司', '小米科技', '有限责任公司', null],
    ['小米科技有限責任公司', '小米科技', '有限责任公司', null],
    ['恆生銀行有限公司', '恒生银行', '有限公司', null],
    ['香港中華煤氣有限公司', '中华煤气', '有限公司', '香港/prefix'],
    ['某某投资合伙企业（有限合伙）', '某某投资', '合伙企业', null],
    ['某某咨询中心（普通合伙）', '某某咨询中心', '普通合伙', null],
    ['某某种植农民专业合作社', '某某种植', '农民专业合作社', null],
    ['某某餐饮个人独资企业', '某某餐饮', '个人独资企业', null],
    ['澳門某某一人有限公司', '某某', '一人有限公司', '澳门/prefix'],
    ['可口可乐（中国）饮料有限公司', '可口可乐饮料', '有限公司', '中国/bracket'],
    ['广州有限公司', '广州', '有限公司', null], // a place alone stays the core
    ['招商银行', '招商银行', null, null],
  ])('%s → core %s, form %s, region %s', (input, core, form, region) => {
    const a = analyseName(input);
    expect(a.script).toBe('cjk');
    expect(a.core).toBe(core);
    expect(a.legalForm?.text ?? null).toBe(form);
    expect(a.region ? `${a.region.name}/${a.region.form}` : null).toBe(region);
  });

  it.each([
    ['長江實業（集團）有限公司', '长江实业', ['集团']],
    ['华润集团有限公司', '华润', ['集团']],
    ['腾讯控股有限公司', '腾讯', ['控股']],
    ['某某控股集团股份有限公司', '某某', ['控股', '集团']],
  ])('%s keeps weak words apart', (input, core, weak) => {
    const a = analyseName(input);
    expect(a.core).toBe(core);
    expect(a.weak).toEqual(weak);
  });

  it.each([
    ['中国银行股份有限公司广州分行', '中国银行广州', '分行'],
    ['中国银行股份有限公司深圳福田支行', '中国银行深圳福田', '支行'],
    ['腾讯科技（深圳）有限公司上海分公司', '腾讯科技上海', '分公司'],
    ['招商银行深圳分行', '招商银行深圳', '分行'],
  ])('%s is a branch: core %s, marker %s', (input, core, marker) => {
    const a = analyseName(input);
    expect(a.core).toBe(core);
    expect(a.branch).toBe(marker);
  });

  it('gives bigrams and unigrams so 招商银行 shares 招商 and 银行', () => {
    expect(cjkTokens(analyseName('招商银行有限公司').core)).toEqual(['招商', '商银', '银行', '招', '商', '银', '行']);
  });

  it('keeps the original', () => {
    expect(analyseName('騰訊科技（深圳）有限公司', 'zh-Hant')).toMatchObject({ original: '騰訊科技（深圳）有限公司', lang: 'zh-Hant' });
  });
});

describe('analyseName: English and Portuguese names', () => {
  it.each<Row>([
    ['Wing Hing Trading Limited', 'wing hing trading', 'limited', null],
    ['Wing Hing Trading Ltd', 'wing hing trading', 'ltd', null],
    ['Wing Hing Trading Ltd.', 'wing hing trading', 'ltd', null],
    ['WING HING TRADING CO., LTD.', 'wing hing trading', 'co ltd', null],
    ['Wing Hing Trading Company Limited', 'wing hing trading', 'company limited', null],
    ['Wing Hing Trading Co Limited', 'wing hing trading', 'co limited', null],
    ['Wing Hing Trading Corporation', 'wing hing trading', 'corporation', null],
    ['Wing Hing Trading Corp.', 'wing hing trading', 'corp', null],
    ['Wing Hing Trading Inc.', 'wing hing trading', 'inc', null],
    ['Wing Hing Trading Unlimited', 'wing hing trading', 'unlimited', null],
    ['Wing Hing Trading Public Limited Company', 'wing hing trading', 'public limited company', null],
    ['Wing Hing & Company', 'wing hing', 'and company', null],
    ['ＷＩＮＧ　ＨＩＮＧ　ＴＲＡＤＩＮＧ　ＬＩＭＩＴＥＤ', 'wing hing trading', 'limited', null],
    ['The Wing Hing Trading Company Limited', 'wing hing trading', 'company limited', null],
    ['The Hongkong & Shanghai Banking Corporation Limited', 'hk shanghai banking', 'corporation limited', null],
    ['Hong Kong Telecom Limited', 'hk telecom', 'limited', null],
    ['HK Telecom Limited', 'hk telecom', 'limited', null],
    ['Hongkong Telecom Limited', 'hk telecom', 'limited', null],
    ['Far East Consortium Limited', 'fe consortium', 'limited', null],
    ['FE Consortium Limited', 'fe consortium', 'limited', null],
    ['Tencent (Hong Kong) Limited', 'tencent', 'limited', 'hk/bracket'],
    ['C.K. Hutchison Holdings Limited', 'ck hutchison', 'limited', null],
    ['C. K. Hutchison Holdings Limited', 'ck hutchison', 'limited', null],
    ['C K Hutchison Holdings Limited', 'ck hutchison', 'limited', null],
    ['M.T.R. Corporation Limited', 'mtr', 'corporation limited', null],
    ['Golden Dragon Intl Trading Ltd', 'golden dragon international trading', 'ltd', null],
    ["Wing Hing Int'l Trading Ltd", 'wing hing international trading', 'ltd', null],
    // Portuguese (Macau)
    ['Águas de Macau, Limitada', 'aguas macau', 'limitada', null],
    ['Aguas de Macau, Lda.', 'aguas macau', 'lda', null],
    ['Aguas de Macau Lda', 'aguas macau', 'lda', null],
    ['Wing Hing Comércio, Sociedade Unipessoal Limitada', 'wing hing comercio', 'sociedade unipessoal limitada', null],
    ['Wing Hing Comércio, Sociedade Unipessoal Lda.', 'wing hing comercio', 'sociedade unipessoal lda', null],
    ['Wing Hing Comércio, Unipessoal Lda.', 'wing hing comercio', 'unipessoal lda', null],
    ['Banco Nacional Ultramarino, S.A.', 'banco nacional ultramarino', 'sa', null],
    ['Banco Nacional Ultramarino, Sociedade Anónima', 'banco nacional ultramarino', 'sociedade anonima', null],
    ['Águas de Macau, S.A.R.L.', 'aguas macau', 'sarl', null],
    ['Companhia de Electricidade de Macau - CEM, S.A.', 'electricidade macau cem', 'sa', null],
    ['Sociedade de Turismo e Diversões de Macau, S.A.', 'turismo diversoes macau', 'sa', null],
    ["Scholars' Publicações Limitada, Macau", 'scholars publicacoes', 'limitada', 'macau/suffix'],
    ['Scholars Publicacoes Lda, Macao', 'scholars publicacoes', 'lda', 'macau/suffix'],
  ])('%s → core %s, form %s, region %s', (input, core, form, region) => {
    const a = analyseName(input);
    expect(a.script).toBe('latin');
    expect(a.core).toBe(core);
    expect(a.legalForm?.text ?? null).toBe(form);
    expect(a.region ? `${a.region.name}/${a.region.form}` : null).toBe(region);
  });

  it.each([
    ['Limited', 'limited', null], // a name that is only a form keeps it as its core
    ['The Company', 'the', 'company'], // the form is still recognised; the article is all that is left
    ['S.A.', 'sa', null],
  ])('%s keeps something to match on', (input, core, form) => {
    const a = analyseName(input);
    expect(a.core).toBe(core);
    expect(a.legalForm?.text ?? null).toBe(form);
  });

  it.each([
    ['The Hongkong and Shanghai Banking Corporation Limited', ['hsb', 'hsbc', 'hksb', 'hksbc']],
    ['Mass Transit Railway Corporation', ['mtr', 'mtrc']],
    ['China Light & Power Company Limited', ['clp', 'clpc']],
    ['Tencent Limited', []],
  ])('%s has acronyms %j', (input, acronyms) => {
    expect(analyseName(input).acronyms).toEqual(acronyms);
  });

  it('keeps Holdings and Group as weak words', () => {
    expect(analyseName('Tencent Holdings Limited')).toMatchObject({ core: 'tencent', weak: ['holdings'] });
    expect(analyseName('Lai Sun Group Limited')).toMatchObject({ core: 'lai sun', weak: ['group'] });
    expect(analyseName('Companhia de Seguros Fidelidade, S.A.')).toMatchObject({ core: 'seguros fidelidade', weak: ['companhia'] });
  });

  it('treats an empty or punctuation-only name as empty', () => {
    expect(analyseName(' ,. ').script).toBe('empty');
  });
});
