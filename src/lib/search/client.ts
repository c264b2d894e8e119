/**
 * The browser's copy of the search index: fetched from this site's own /search-index.json the
 * first time something asks (the search box's first focus), then kept for the page's life.
 */
import { resolve } from '$app/paths';
import type { SearchIndexFile } from './index-file';
import { SearchIndex } from './query';

export const SEARCH_INDEX_PATH = '/search-index.json' as const;

let loading: Promise<SearchIndex> | null = null;

/** The loaded index; a failed load is retried on the next call. */
export function loadSearchIndex(): Promise<SearchIndex> {
  loading ??= fetch(resolve(SEARCH_INDEX_PATH))
    .then((response) => {
      if (!response.ok) throw new Error(`${SEARCH_INDEX_PATH}: HTTP ${response.status}`);
      return response.json() as Promise<SearchIndexFile>;
    })
    .then((file) => SearchIndex.load(file))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
