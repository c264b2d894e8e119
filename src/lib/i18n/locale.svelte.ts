/**
 * The language the UI shows: Chinese by default, English by the header's switch, by `?lang=en`
 * in a link, or as this browser last chose. One language at a time; files and exports keep both.
 */
import type { Bilingual, Locale } from './types';
import {
  DEFAULT_LOCALE,
  LOCALE_STORAGE_KEY,
  htmlLangOf,
  initialLocale,
  localeInSearch
} from './locale-choice';

/** Reactive: components that read `locale.current` (or call `t`) follow a switch at once. */
class LocaleState {
  current = $state<Locale>(DEFAULT_LOCALE);

  /** Switches the UI, remembers the choice and keeps `<html lang>` in step. */
  set(next: Locale, { remember = true }: { remember?: boolean } = {}): void {
    this.current = next;
    const html = typeof document !== 'undefined' ? document.documentElement : null;
    const lang = htmlLangOf(next);
    // Set only when it changes: setting `lang` restyles the whole page, even to the same value.
    if (html && html.lang !== lang) html.lang = lang;
    if (remember && typeof localStorage !== 'undefined') {
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Storage can be refused (private mode, quota); the switch still applies to this visit.
      }
    }
  }

  /** Reads `?lang=` and the remembered choice; called once when the app starts in the browser. */
  start(): void {
    let remembered: string | null = null;
    try {
      remembered = localStorage.getItem(LOCALE_STORAGE_KEY);
    } catch {
      remembered = null;
    }
    const search = window.location.search;
    this.set(initialLocale(search, remembered), { remember: localeInSearch(search) !== null });
  }

  /** The chosen language's half of a bilingual text (plan layers, import messages …). */
  pick(text: Bilingual): string {
    return text[this.current];
  }
}

export const locale = new LocaleState();
