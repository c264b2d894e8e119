/**
 * Builds the search index file at build time (the prerendered /search-index.json): place and
 * plan-text documents, pinyin and the 繁→简 table computed here so the browser needs neither
 * pinyin-pro nor OpenCC, only MiniSearch to load the result.
 */
import MiniSearch from 'minisearch';
import { paragraphDocuments, placeDocument, type PlaceSource } from './documents';
import { foldPairs } from './fold';
import { foldOf, SEARCH_INDEX_VERSION, type SearchIndexFile } from './index-file';
import { paragraphIndexOptions, placeIndexOptions } from './index-options';
import { pinyinUnits } from './pinyin';
import type { Plan } from '$lib/plan/types';

export interface SearchSources {
  /** Plan features and landmarks (see placesFromFeatures, placesFromLandmarks). */
  places: PlaceSource[];
  plan: Plan;
  locationLabel: (id: string) => string | undefined;
}

export function buildSearchIndex({ places, plan, locationLabel }: SearchSources): SearchIndexFile {
  const placeDocs = [
    ...new Map(
      places.map((place) => placeDocument(place, pinyinUnits)).map((doc) => [doc.key, doc])
    ).values()
  ];
  const paragraphDocs = paragraphDocuments(plan, locationLabel);
  const fold = foldPairs([
    ...placeDocs.flatMap((doc) => [doc.name, doc.aliases]),
    ...paragraphDocs.map((doc) => doc.text)
  ]);
  const placeIndex = new MiniSearch(placeIndexOptions(foldOf(fold)));
  placeIndex.addAll(placeDocs);
  const paragraphIndex = new MiniSearch(paragraphIndexOptions(foldOf(fold)));
  paragraphIndex.addAll(paragraphDocs);
  return {
    version: SEARCH_INDEX_VERSION,
    fold,
    places: placeIndex.toJSON(),
    paragraphs: paragraphIndex.toJSON()
  };
}
