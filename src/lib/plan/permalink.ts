/** Links to one place in the plan reader: `/plan#c5s1p4` (issue #2). */

/**
 * The absolute URL of a paragraph or heading: the page URL with its hash replaced by the id.
 * @example paragraphUrl('https://example.org/plan?x=1#c1', 'c5s1p4') // 'https://example.org/plan?x=1#c5s1p4'
 */
export function paragraphUrl(pageUrl: string | URL, id: string): string {
  const url = new URL(pageUrl);
  url.hash = id;
  return url.href;
}

/**
 * The element id a URL hash points at: `#c5s1p4` → `c5s1p4`, `''` → `''`. Percent-escapes are
 * decoded the way browsers match `:target`; a malformed escape is kept as written.
 */
export function idFromHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
