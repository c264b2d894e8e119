/** The messages between the page (./client.ts) and the search worker (./search-worker.ts). */
import type { SearchLimits, SearchResults } from './query';

export interface SearchRequest {
  id: number;
  /** Absolute URL of /search-index.json (the worker cannot resolve the app's base path). */
  indexUrl: string;
  query: string;
  limits?: SearchLimits;
}

export type SearchReply = { id: number; results: SearchResults } | { id: number; error: string };
