/** The shape of /search-index.json, written at build time and read by the browser. */
import type { AsPlainObject } from 'minisearch';
import type { Fold } from './text';

export const SEARCH_INDEX_VERSION = 1;

export interface SearchIndexFile {
  version: typeof SEARCH_INDEX_VERSION;
  /** Traditional → simplified pairs, concatenated: `國国產产…` (see ./fold.ts). */
  fold: string;
  places: AsPlainObject;
  paragraphs: AsPlainObject;
}

/** The fold table of an index file. */
export function foldOf(pairs: string): Fold {
  const chars = Array.from(pairs);
  const fold = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) fold.set(chars[i], chars[i + 1]);
  return fold;
}
