/**
 * Which language a visit starts in, from untrusted text (`?lang=`, localStorage). Pure functions,
 * so they are tested without a browser.
 */
import type { Locale } from './types';

export const LOCALES = ['zh', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'zh';
/** Where this browser remembers the choice (localStorage). */
export const LOCALE_STORAGE_KEY = 'linghe-plan-map:lang';

/** The `lang` attribute for a locale (BCP 47). */
export function htmlLangOf(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/**
 * A locale from untrusted text (`?lang=`, localStorage): only the exact known codes count.
 * @example parseLocale('en') // 'en'; parseLocale('<x>') // null
 */
export function parseLocale(value: string | null | undefined): Locale | null {
  const normalized = value?.trim().toLowerCase();
  if (normalized === 'zh' || normalized === 'zh-cn') return 'zh';
  if (normalized === 'en') return 'en';
  return null;
}

/**
 * The locale a visit starts in: `?lang=` wins (a shared link carries it), then what this browser
 * remembered, then Chinese.
 */
export function initialLocale(search: string, remembered: string | null): Locale {
  return localeInSearch(search) ?? parseLocale(remembered) ?? DEFAULT_LOCALE;
}

/** The locale a query string asks for with `lang=`, if any. */
export function localeInSearch(search: string): Locale | null {
  return parseLocale(new URLSearchParams(search).get('lang'));
}
