/** Fetching and loading the built index (/search-index.json): the worker's one way to get it. */
import type { SearchIndexFile } from './index-file';
import { SearchIndex } from './query';

/**
 * @param url absolute URL of the index file on the site's own origin
 * @example await loadSearchIndexFrom('http://localhost:4173/search-index.json')
 */
export async function loadSearchIndexFrom(url: string): Promise<SearchIndex> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  return SearchIndex.load((await response.json()) as SearchIndexFile);
}
