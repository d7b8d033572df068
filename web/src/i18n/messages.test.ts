/** The four catalogues have exactly the same keys, none empty, and the same placeholders per key. */
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { CATALOGUES, LOCALES, displayName, initialLocale, localeFor } from './locales.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  for (const locale of LOCALES) {
    it(`${locale} has every key of the reference, and no other`, () => {
      const catalogue = CATALOGUES[locale] as Record<string, string>;
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    });
  }
});

describe('language choice', () => {
  it.each([
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['pt', 'pt'],
    ['de', undefined],
  ])('%s → %s', (tag, expected) => expect(localeFor(tag)).toBe(expected));

  it('prefers the remembered choice, then the browser languages, then English', () => {
    expect(initialLocale('pt', ['zh-HK'])).toBe('pt');
    expect(initialLocale('xx', ['de', 'zh-HK'])).toBe('zh-Hant');
    expect(initialLocale(null, ['de', 'fr'])).toBe('en');
  });
});

describe('displayName', () => {
  const names = [
    { value: '广州市甲有限公司', lang: 'zh-Hans', kind: 'legal' },
    { value: '旧名有限公司', lang: 'zh-Hans', kind: 'former', validTo: '2020-01-01' },
    { value: 'Jia Co Ltd', lang: 'en', kind: 'trade' },
  ];
  it('shows the name in the reader’s script, the other Chinese script before Latin, current names only', () => {
    expect(displayName(names, 'zh-Hans')).toBe('广州市甲有限公司');
    expect(displayName(names, 'zh-Hant')).toBe('广州市甲有限公司');
    expect(displayName(names, 'en')).toBe('Jia Co Ltd');
    expect(displayName(names, 'pt')).toBe('Jia Co Ltd');
    expect(displayName([], 'en')).toBeUndefined();
  });
});
