import { describe, expect, it } from 'vitest';
import { analyseName } from './analyse.js';
import { editDistance } from './edit-distance.js';
import { nameKeys, typoVariants } from './keys.js';
import { NAME_MATCH_THRESHOLD, scoreName } from './similarity.js';

const score = (q: string, c: string) => scoreName(analyseName(q), analyseName(c));

describe('editDistance', () => {
  it.each([
    ['tencent', 'tencent', 2, 0],
    ['tencnet', 'tencent', 2, 1], // transposition counts once
    ['tencent', 'tencen', 2, 1],
    ['tencent', 'tenxent', 2, 1],
    ['development', 'developement', 2, 1],
    ['abcdef', 'ghijkl', 2, 3], // gives up at max + 1
    ['ab', 'abcdef', 2, 3],
  ])('%s ~ %s (max %i) = %i', (a, b, max, d) => {
    expect(editDistance(a, b, max)).toBe(d);
  });
});

describe('scoreName: same entity, different writing', () => {
  it.each([
    ['腾讯科技（深圳）有限公司', '腾讯科技(深圳)有限公司', 'core equal'],
    ['騰訊科技（深圳）有限公司', '腾讯科技（深圳）有限公司', 'core equal'],
    ['深圳市腾讯科技有限公司', '腾讯科技（深圳）有限公司', 'matches bracket region'],
    ['恒生银行', '恆生銀行有限公司', 'core equal'],
    ['汇丰', '滙豐有限公司', 'core equal'],
    ['招商银行', '招商银行股份有限公司', 'legal form missing'],
    ['Wing Hing Trading Ltd', 'Wing Hing Trading Company Limited', 'legal form differs: ltd vs company limited (ignored)'],
    ['wing hing trading', 'WING HING TRADING LIMITED', 'core equal'],
    ['The Hongkong & Shanghai Banking Corporation', 'Hong Kong and Shanghai Banking Corporation Limited', 'core equal'],
    ['Aguas de Macau Lda', 'Águas de Macau, Limitada', 'core equal'],
    ['FE Consortium', 'Far East Consortium Limited', 'core equal'],
    ['CK Hutchison', 'C.K. Hutchison Holdings Limited', 'weak word'],
  ])('%s = %s', (q, c, note) => {
    const r = score(q, c);
    expect(r.score).toBeGreaterThanOrEqual(0.95);
    expect(r.explanation.join('; ')).toContain(note);
  });

  it.each([
    ['Tencnet Holdings', 'Tencent Holdings Limited', '1 typo in "tencnet"'],
    ['Wing Hing Developement', 'Wing Hing Development Limited', '1 typo in "developement"'],
    ['Golden Dargon Trading', 'Golden Dragon Trading Limited', '1 typo in "dargon"'],
    ['Internatonal Trading', 'International Trading Limited', '1 typo'],
    ['Hutchinson Whampoa', 'Hutchison Whampoa Limited', '1 typo'],
    ['HutchisonWhampoa', 'Hutchison Whampoa Limited', 'spaced differently'],
    ['HSBC', 'The Hongkong and Shanghai Banking Corporation Limited', 'abbreviation'],
    ['MTR', 'Mass Transit Railway Corporation', 'abbreviation'],
    ['中国银行股份有限公司广州分行', '中國銀行股份有限公司廣州分行', 'core equal'],
  ])('%s ≈ %s (%s)', (q, c, note) => {
    const r = score(q, c);
    expect(r.score).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
    expect(r.explanation.join('; ')).toContain(note);
  });

  it('explains region, legal form and branch differences', () => {
    expect(score('腾讯科技（深圳）有限公司', '腾讯科技（上海）有限公司').explanation).toContain('region differs: 深圳 vs 上海');
    expect(score('某某有限公司', '某某股份有限公司').explanation.join()).toContain('legal form differs: 有限公司 (limited) vs 股份有限公司 (joint-stock)');
    expect(score('中国银行', '中国银行股份有限公司广州分行').explanation).toContain('candidate is a branch (分行)');
  });

  it('gives 0 across scripts and for empty names', () => {
    expect(score('Tencent', '腾讯').score).toBe(0);
    expect(score('', 'Tencent').score).toBe(0);
  });

  it('stays within [0, 1]', () => {
    for (const [q, c] of [['a', 'b'], ['招', '招商'], ['Limited', 'Ltd'], ['x y z', 'z y x']] as const) {
      const s = score(q, c).score;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });
});

/** Each row: a query, its true match, and distractors that must all rank below it. */
describe('scoreName ranks true matches above hard distractors', () => {
  it.each([
    ['招商银行', '招商银行股份有限公司', ['招商证券股份有限公司', '招商局集团有限公司', '招商银行信用卡中心', '平安银行股份有限公司']],
    ['腾讯科技（深圳）有限公司', '深圳市腾讯科技有限公司', ['腾讯科技（上海）有限公司', '腾讯音乐娱乐科技（深圳）有限公司', '深圳市腾讯计算机系统有限公司']],
    ['腾讯科技有限公司', '腾讯科技（深圳）有限公司', ['腾讯音乐科技有限公司', '腾迅科技有限公司', '腾讯云计算有限公司']],
    ['永興貿易有限公司', '永兴贸易有限公司', ['永兴发展有限公司', '永兴工程有限公司', '永发贸易有限公司', '兴永贸易有限公司']],
    ['中国银行股份有限公司', '中国银行股份有限公司', ['中国银行股份有限公司广州分行', '中国建设银行股份有限公司', '中国银河证券股份有限公司']],
    ['中国银行广州分行', '中国银行股份有限公司广州分行', ['中国银行股份有限公司深圳分行', '中国银行股份有限公司', '中国建设银行股份有限公司广州分行']],
    ['华润集团', '华润（集团）有限公司', ['华润置地有限公司', '华润万家有限公司']],
    ['Golden Dragon Trading', 'Golden Dragon Trading Limited', ['Dragon Golden Trading Limited', 'Golden Dragon Ocean Trading Limited', 'Golden Dragon Development Limited', 'Golden Phoenix Trading Limited']],
    ['Wing Hing Trading Co Ltd', 'Wing Hing Trading Company Limited', ['Wing Hang Trading Limited', 'Hing Wing Trading Limited', 'Wing Hing Shipping Limited', 'Wing Hing Fat Trading Limited']],
    ['Tencnet Holdings', 'Tencent Holdings Limited', ['Tencent Music Entertainment Group', 'Tenpay Holdings Limited']],
    ['Pacific Harbour Investment', 'Pacific Harbour Investment Limited', ['Pacific Harbour Investment (China) Limited', 'Harbour Pacific Investment Limited', 'Pacific Investment Limited']],
    ['Companhia de Comercio Wing Hing', 'Companhia de Comércio Wing Hing, Limitada', ['Companhia de Comércio Wing Fat, Limitada', 'Wing Hing Investimento, Limitada', 'Companhia de Comércio Hing Wing, Limitada']],
    ['HSBC', 'The Hongkong and Shanghai Banking Corporation Limited', ['HSB Limited', 'Hang Seng Bank Limited']],
  ])('%s → %s', (query, truth, distractors) => {
    const q = analyseName(query);
    const best = scoreName(q, analyseName(truth)).score;
    for (const d of distractors) {
      expect(scoreName(q, analyseName(d)).score, `${d} must rank below ${truth}`).toBeLessThan(best);
    }
  });

  it.each([
    ['招商银行', '招商证券股份有限公司'],
    ['永兴贸易有限公司', '永发贸易有限公司'],
    ['Wing Hing Trading Limited', 'Wing Hang Trading Limited'],
    ['Wing Hing Trading Limited', 'Wing Fat Trading Limited'],
    ['Golden Dragon Trading Limited', 'Golden Phoenix Trading Limited'],
    ['Zenith Aurora Trading Limited', 'Golden Dragon Trading Limited'],
  ])('%s is not a match for %s', (q, c) => {
    expect(score(q, c).score).toBeLessThan(NAME_MATCH_THRESHOLD);
  });
});

describe('nameKeys', () => {
  const shared = (a: string, b: string) => {
    const keys = new Set(nameKeys(analyseName(a)));
    return nameKeys(analyseName(b)).filter((k) => keys.has(k));
  };

  it.each([
    ['腾讯科技（深圳）有限公司', '深圳市騰訊科技有限公司', 'c:腾讯科技'],
    ['招商银行', '招商银行股份有限公司', 'c:招商银行'],
    ['招商', '招商银行股份有限公司', 'b:招商'],
    ['腾迅科技', '腾讯科技有限公司', 'b:科技'],
    ['Wing Hing', 'Wing Hing Trading Limited', 'w:wing'],
    ['HutchisonWhampoa', 'Hutchison Whampoa Limited', 'c:hutchisonwhampoa'],
    ['HSBC', 'The Hongkong and Shanghai Banking Corporation Limited', 'a:hsbc'],
  ])('%s and %s share %s', (a, b, key) => {
    expect(shared(a, b)).toContain(key);
  });

  it.each([
    ['tencnet', 'tencent', 'tencet'], // a transposition
    ['developement', 'development', 'development'], // an extra letter
    ['tecnology', 'technology', 'tecnology'], // a missing letter
  ])('%s and %s share the typo variant %s', (a, b, variant) => {
    expect(typoVariants(a)).toContain(variant);
    expect(typoVariants(b)).toContain(variant);
  });

  it('gives no typo variants for words too short to carry a typo', () => {
    expect(typoVariants('wing')).toEqual([]);
  });

  it('gives a handful of keys, none for an empty name', () => {
    expect(nameKeys(analyseName('腾讯科技（深圳）有限公司'))).toEqual(['c:腾讯科技', 'b:腾讯', 'b:讯科', 'b:科技']);
    expect(nameKeys(analyseName('  '))).toEqual([]);
  });
});
