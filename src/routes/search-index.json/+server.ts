// /search-index.json: the search box's index, built once at build time and served as a static
// file (prerendered), so searching needs nothing from any other origin.
import { json } from '@sveltejs/kit';
import { buildSearchIndex } from '$lib/search/build';
import { searchSources } from '$lib/search/sources';

export const prerender = true;

export function GET(): Response {
  return json(buildSearchIndex(searchSources));
}
