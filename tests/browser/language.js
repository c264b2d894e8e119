// What the browser tests check about the one-language UI: `<html lang>` follows the choice, and a
// page in one language shows no text of the other outside the places marked for it — Chinese
// plan text and feature names carry lang="zh-CN", the header's language switch lang="en".

/** Latin words that are names, not English UI text: file formats, libraries, the plan's own. */
export const LATIN_NAMES = new Set([
  'APP',
  'SK',
  'CBD',
  'AAA',
  'CSV',
  'JSON',
  'GeoJSON',
  'KML',
  'KMZ',
  'Shapefile',
  'Turf',
  'CGCS2000',
  'WGS',
  'GCJ',
  'BD',
  'EPSG',
  'OpenStreetMap',
  'OSM',
  'km',
  'ha',
  'vs'
]);

const LANG_TIMEOUT_MS = 10_000;

/**
 * Waits until the app has applied the language (`<html lang>`), i.e. hydrated and read ?lang=.
 * @param {import('playwright-core').Page} page
 * @param {'zh-CN' | 'en'} lang
 * @returns {Promise<string>} the `lang` attribute found (may differ after the timeout)
 */
export async function waitForLang(page, lang) {
  await page
    .waitForFunction((expected) => document.documentElement.lang === expected, lang, {
      timeout: LANG_TIMEOUT_MS
    })
    .catch(() => undefined);
  return page.evaluate(() => document.documentElement.lang);
}

/**
 * Text in the other language than the page's: in Chinese, Latin words (text, aria-label, title,
 * placeholder) outside lang="en" elements that are not in LATIN_NAMES; in English, Han
 * characters in text outside lang="zh…" elements. Each item names the text and where it is.
 * @param {import('playwright-core').Page} page
 * @param {'zh' | 'en'} locale
 * @returns {Promise<string[]>}
 */
export function strayText(page, locale) {
  return page.evaluate(
    ({ locale, names }) => {
      const known = new Set(names);
      /** @param {Element | null} element */
      const langOf = (element) => element?.closest('[lang]')?.getAttribute('lang') ?? '';
      /** @param {string} text */
      const stray = (text) =>
        locale === 'zh'
          ? (text.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).some((word) => !known.has(word))
          : /\p{Script=Han}/u.test(text);
      /** @param {Element | null} element */
      const exempt = (element) =>
        locale === 'zh' ? langOf(element).startsWith('en') : langOf(element).startsWith('zh');
      /** @param {Element} element */
      const where = (element) =>
        element.tagName.toLowerCase() + (element.className ? `.${element.className}` : '');
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, noscript')) continue;
        const text = node.textContent?.trim() ?? '';
        if (text && stray(text) && !exempt(parent)) found.push(`${where(parent)}: "${text}"`);
      }
      if (locale === 'zh') {
        for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
          for (const name of ['aria-label', 'title', 'placeholder']) {
            const value = element.getAttribute(name);
            if (value && stray(value) && !exempt(element))
              found.push(`${where(element)}[${name}]: "${value}"`);
          }
        }
      }
      return found;
    },
    { locale, names: [...LATIN_NAMES] }
  );
}
