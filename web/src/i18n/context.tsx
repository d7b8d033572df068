/**
 * The chosen language for the whole app: a React context with `t` for messages and Intl formatters for
 * dates and numbers. The choice is remembered in localStorage and mirrored on `<html lang>`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en.js';
import { CATALOGUES, LOCALE_STORAGE_KEY, formatMessage, initialLocale, isMessageKey, type Locale } from './locales.js';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The message `prefix.value` for a vocabulary value (status, list kind…), or the value itself when the catalogue does not know it yet. */
  label(prefix: string, value: string): string;
  /** A calendar date `YYYY-MM-DD` (a day, no time zone) in the locale's format. */
  formatDay(day: string): string;
  /** An instant (ISO 8601) as date and time in the locale's format, in the Greater Bay Area's time zone. */
  formatInstant(instant: string): string;
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null; // storage disabled: fall back to the browser's languages
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(readStoredLocale(), navigator.languages ?? [navigator.language]));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[locale];
    const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const instantFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Asia/Hong_Kong' });
    return {
      locale,
      setLocale,
      t: (key, values) => formatMessage(messages, key, values),
      label: (prefix, value) => {
        const key = `${prefix}.${value}`;
        return isMessageKey(key) ? formatMessage(messages, key) : value;
      },
      formatDay: (day) => {
        const date = new Date(`${day}T00:00:00Z`);
        return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
      },
      formatInstant: (instant) => {
        const date = new Date(instant);
        return Number.isNaN(date.getTime()) ? instant : instantFormat.format(date);
      },
      formatNumber: (n, options) => new Intl.NumberFormat(locale, options).format(n),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
