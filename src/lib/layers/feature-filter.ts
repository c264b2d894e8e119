/**
 * The map's industry and theme filter (issue #13), as pure functions: which plan features a choice
 * keeps, and the style filter that shows only those. The facets come from /parks/facets.json
 * (built from the plan text by src/lib/parks/facets.ts).
 *
 * @example matchingIds({ a: { industries: ['pharma'], themes: [] } }, { industry: 'pharma', theme: null })
 *   // Set { 'a' }
 */
import type { FilterSpecification } from 'maplibre-gl';

export interface FacetChoice {
  /** An industry id of src/lib/parks/industries.ts, or null for any. */
  industry: string | null;
  /** A theme id of src/lib/parks/themes.ts, or null for any. */
  theme: string | null;
}

export type FacetTable = Readonly<
  Record<string, { readonly industries: readonly string[]; readonly themes: readonly string[] }>
>;

/** Ids of the features the choice keeps; null when the choice keeps everything. */
export function matchingIds(facets: FacetTable, choice: FacetChoice): Set<string> | null {
  if (choice.industry === null && choice.theme === null) return null;
  const kept = new Set<string>();
  for (const [id, facet] of Object.entries(facets)) {
    if (choice.industry !== null && !facet.industries.includes(choice.industry)) continue;
    if (choice.theme !== null && !facet.themes.includes(choice.theme)) continue;
    kept.add(id);
  }
  return kept;
}

/**
 * A style layer's filter with the choice applied: its own filter (geometry type, accuracy …) and
 * “the feature's `id` is kept”; the layer's own filter alone when nothing is filtered.
 */
export function withKeptIds(
  base: FilterSpecification | undefined,
  kept: ReadonlySet<string> | null
): FilterSpecification | null {
  if (kept === null) return base ?? null;
  const keep: FilterSpecification = ['in', ['get', 'id'], ['literal', [...kept].sort()]];
  return base ? ['all', base as never, keep] : keep;
}

/**
 * The choice a map URL carries (`/?industry=pharma&theme=industry`): values that are not known
 * ids are left out, so a hand-edited or hostile link filters nothing rather than failing.
 */
export function choiceFromSearch(
  search: string,
  known: { industries: ReadonlySet<string>; themes: ReadonlySet<string> }
): FacetChoice {
  const params = new URLSearchParams(search);
  const pick = (name: string, ids: ReadonlySet<string>) => {
    const value = params.get(name);
    return value !== null && ids.has(value) ? value : null;
  };
  return { industry: pick('industry', known.industries), theme: pick('theme', known.themes) };
}

/**
 * `href` with the choice in its query (`industry`, `theme`), other parameters kept; `href` itself,
 * byte for byte, when it already says so (rewriting a query re-encodes it).
 */
export function hrefWithChoice(href: string, choice: FacetChoice): string {
  const url = new URL(href);
  const wanted = [
    ['industry', choice.industry],
    ['theme', choice.theme]
  ] as const;
  if (wanted.every(([name, value]) => url.searchParams.get(name) === value)) return href;
  for (const [name, value] of wanted) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  return url.href;
}
