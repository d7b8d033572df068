/**
 * The four languages of the app, how the starting one is chosen (remembered choice, else the browser's
 * languages, else English) and the pure helpers that depend on the language: message formatting and the
 * choice of an entity's name in the reader's script.
 */
import { en, type MessageKey, type Messages } from './en.js';
import { pt } from './pt.js';
import { zhHans } from './zh-hans.js';
import { zhHant } from './zh-hant.js';

export const LOCALES = ['zh-Hant', 'zh-Hans', 'en', 'pt'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文', en: 'English', pt: 'Português' };

export const CATALOGUES: Record<Locale, Messages> = { 'zh-Hant': zhHant, 'zh-Hans': zhHans, en, pt };

export const LOCALE_STORAGE_KEY = 'credence.locale';

/**
 * The app language for a browser language tag, or undefined when none fits. Chinese without a script goes
 * by region: Hong Kong, Macau and Taiwan read Traditional, elsewhere Simplified; an explicit script wins.
 *
 * @example localeFor('zh-HK') // 'zh-Hant'; localeFor('pt-BR') // 'pt'; localeFor('de') // undefined
 */
export function localeFor(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) {
    if (/-hans\b/.test(lower)) return 'zh-Hans';
    if (/-hant\b/.test(lower) || /-(hk|mo|tw)\b/.test(lower)) return 'zh-Hant';
    return 'zh-Hans';
  }
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'pt' || lower.startsWith('pt-')) return 'pt';
  return undefined;
}

/** The remembered choice if valid, else the first browser language the app speaks, else English. */
export function initialLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (stored !== null && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  for (const tag of browserLanguages) {
    const locale = localeFor(tag);
    if (locale !== undefined) return locale;
  }
  return 'en';
}

/** Whether `key` names a message, for labels built from vocabulary values the catalogue may not know yet. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message `key` in `messages` with `{name}` placeholders filled from `values`. */
export function formatMessage(messages: Messages, key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface EntityName {
  value: string;
  lang?: string;
  kind?: string;
  validTo?: string;
}

/** Which name languages stand in for the reader's, best first: the other Chinese script before Latin ones. */
const NAME_FALLBACKS: Record<Locale, readonly string[]> = {
  'zh-Hant': ['zh-Hant', 'zh-Hans', 'en', 'pt'],
  'zh-Hans': ['zh-Hans', 'zh-Hant', 'en', 'pt'],
  en: ['en', 'pt', 'zh-Hant', 'zh-Hans'],
  pt: ['pt', 'en', 'zh-Hant', 'zh-Hans'],
};

/**
 * The name to show a reader of `locale`: a current name (no end of validity) in the reader's script if the
 * entity has one, legal before trade names, else the nearest script by `NAME_FALLBACKS`, else the first name.
 */
export function displayName(names: readonly EntityName[], locale: Locale): string | undefined {
  const current = names.filter((name) => name.validTo === undefined);
  const pool = current.length > 0 ? current : names;
  const kindRank = (name: EntityName) => (name.kind === undefined || name.kind === 'legal' ? 0 : name.kind === 'trade' ? 1 : 2);
  for (const lang of NAME_FALLBACKS[locale]) {
    const inLang = pool.filter((name) => name.lang === lang).sort((a, b) => kindRank(a) - kindRank(b));
    if (inLang[0] !== undefined) return inLang[0].value;
  }
  return pool[0]?.value;
}
