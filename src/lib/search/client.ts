/**
 * The page's side of search: queries go to the search worker (./search-worker.ts), which fetches
 * this site's own /search-index.json with the first query (the search box's first focus, or a
 * `?q=`) and keeps it for the page's life. In a worker so that neither loading the index nor a
 * query waits for the map, whose first frames keep the main thread busy (issue #17).
 */
import { resolve } from '$app/paths';
import type { SearchLimits, SearchResults } from './query';
import type { SearchReply, SearchRequest } from './search-protocol';

export const SEARCH_INDEX_PATH = '/search-index.json' as const;

let worker: Worker | null = null;
let lastId = 0;
const waiting = new Map<number, { done: (r: SearchResults) => void; fail: (e: Error) => void }>();

function searchWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = ({ data }: MessageEvent<SearchReply>) => {
    const request = waiting.get(data.id);
    waiting.delete(data.id);
    if (!request) return;
    if ('error' in data) request.fail(new Error(data.error));
    else request.done(data.results);
  };
  started.onerror = (event) => {
    // The worker itself failed (its script did not load): fail what waits, start anew next time.
    event.preventDefault();
    for (const request of waiting.values())
      request.fail(new Error(event.message || 'search worker failed'));
    waiting.clear();
    worker = null;
  };
  worker = started;
  return started;
}

/**
 * Places and plan text matching `query` (see SearchIndex.search); rejects when the index cannot
 * be loaded (the next call tries again). An empty query loads the index and answers nothing.
 */
export function search(query: string, limits?: SearchLimits): Promise<SearchResults> {
  const id = ++lastId;
  const indexUrl = new URL(resolve(SEARCH_INDEX_PATH), location.href).href;
  const request: SearchRequest = { id, indexUrl, query, limits };
  return new Promise((done, fail) => {
    waiting.set(id, { done, fail });
    searchWorker().postMessage(request);
  });
}
