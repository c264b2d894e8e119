/// <reference lib="webworker" />
/**
 * The search index in a worker of its own (issue #17): fetching, parsing and rebuilding the
 * index, and every query, run beside the map rather than on the page's main thread, which the
 * map's first frames keep busy. Answers one SearchRequest with one SearchReply.
 */
import { loadSearchIndexFrom } from './load-index';
import type { SearchIndex } from './query';
import type { SearchReply, SearchRequest } from './search-protocol';

let index: Promise<SearchIndex> | null = null;

self.onmessage = async ({ data }: MessageEvent<SearchRequest>) => {
  let reply: SearchReply;
  try {
    index ??= loadSearchIndexFrom(data.indexUrl);
    const loaded = await index;
    reply = { id: data.id, results: loaded.search(data.query, data.limits) };
  } catch (error) {
    // A failed load is tried again by the next request.
    index = null;
    reply = { id: data.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
