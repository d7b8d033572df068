import { describe, expect, it } from 'vitest';
import { branchParentName } from './branch.js';

describe('branchParentName', () => {
  it.each([
    ['中国银行股份有限公司广州分行', '中国银行股份有限公司'],
    ['中国银行股份有限公司深圳福田支行', '中国银行股份有限公司'],
    ['中國銀行股份有限公司廣州分行', '中國銀行股份有限公司'],
    ['腾讯科技（深圳）有限公司上海分公司', '腾讯科技（深圳）有限公司'],
    ['某某建设有限责任公司东莞分公司', '某某建设有限责任公司'],
    ['某某建設有限責任公司東莞分公司', '某某建設有限責任公司'],
    ['某某股份公司珠海分公司', '某某股份公司'],
    ['  华为技术有限公司北京分公司 ', '华为技术有限公司'],
    ['某某有限公司分公司', null], // no location: not a well-formed branch name
    ['招商银行深圳分行', null], // no legal form: the parent's full name cannot be delimited
    ['招商银行股份有限公司', null],
    ['某某分公司管理有限公司', null],
    ['Wing Hing Trading Limited', null],
    ['', null],
  ])('%s → %s', (name, parent) => {
    expect(branchParentName(name)).toBe(parent);
  });
});
