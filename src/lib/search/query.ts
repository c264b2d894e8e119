/**
 * Searching the built index in the browser (or a test): places and plan text, ranked, each hit
 * with the ranges that matched, for highlighting. A query is only ever text: it is cut into
 * terms by ./text.ts, and nothing but letters, digits and Han characters reaches the index.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type {
  Label,
  ParagraphDocument,
  PlaceDocument,
  PlaceOrigin,
  PlanTextKind
} from './documents';
import { mergeRanges, phraseRanges, pinyinRanges, snippet, type Marked } from './highlight';
import { foldOf, SEARCH_INDEX_VERSION, type SearchIndexFile } from './index-file';
import { paragraphIndexOptions, placeIndexOptions } from './index-options';
import { queryRuns, type Fold } from './text';

/** Longer queries are cut: nobody types more, and a pasted page must not stall the box. */
export const MAX_QUERY_LENGTH = 100;

export interface PlaceHit {
  id: string;
  origin: PlaceOrigin;
  located: boolean;
  name: Marked;
  nameEn: Marked;
  /** The alias that matched, when the name itself did not. */
  alias: Marked | null;
  /** A landmark's point ([lon, lat], WGS-84) to fly to; null for plan features (use their id). */
  point: [number, number] | null;
}

export interface ParagraphHit {
  id: string;
  kind: PlanTextKind;
  /** `第五章 第一节 第4段` */
  label: string;
  /** A window of the text around the first match. */
  excerpt: Marked;
}

export interface SearchResults {
  /** The query as searched (trimmed, cut to MAX_QUERY_LENGTH). */
  query: string;
  places: PlaceHit[];
  paragraphs: ParagraphHit[];
  /** Every matching paragraph and heading id, also past the limit (for filtering /plan). */
  planIds: ReadonlySet<string>;
}

export interface SearchLimits {
  places?: number;
  paragraphs?: number;
}

type Runs = ReturnType<typeof queryRuns>;

const EMPTY: Omit<SearchResults, 'query'> = { places: [], paragraphs: [], planIds: new Set() };

export class SearchIndex {
  readonly #places: MiniSearch<PlaceDocument>;
  readonly #paragraphs: MiniSearch<ParagraphDocument>;
  readonly #fold: Fold;

  private constructor(
    places: MiniSearch<PlaceDocument>,
    paragraphs: MiniSearch<ParagraphDocument>,
    fold: Fold
  ) {
    this.#places = places;
    this.#paragraphs = paragraphs;
    this.#fold = fold;
  }

  /**
   * Loads a built index file (the parsed /search-index.json). Async: MiniSearch rebuilds its
   * term tree in chunks, so a phone's page stays responsive meanwhile.
   */
  static async load(file: SearchIndexFile): Promise<SearchIndex> {
    if (file?.version !== SEARCH_INDEX_VERSION) {
      throw new Error(
        `search index version ${String(file?.version)}, expected ${SEARCH_INDEX_VERSION}`
      );
    }
    const fold = foldOf(file.fold);
    const [places, paragraphs] = await Promise.all([
      MiniSearch.loadJSAsync(file.places, placeIndexOptions(fold)),
      MiniSearch.loadJSAsync(file.paragraphs, paragraphIndexOptions(fold))
    ]);
    return new SearchIndex(places, paragraphs, fold);
  }

  /** Places and plan text matching every term of `input`, best first. */
  search(input: string, { places = 8, paragraphs = 8 }: SearchLimits = {}): SearchResults {
    const query = input.trim().slice(0, MAX_QUERY_LENGTH);
    const runs = queryRuns(query, this.#fold);
    if (runs.length === 0) return { query, ...EMPTY };
    const placeResults = this.#places.search(query);
    const planResults = this.#paragraphs.search(query);
    return {
      query,
      places: placeResults.slice(0, places).map((r) => this.#placeHit(r, runs)),
      paragraphs: planResults.slice(0, paragraphs).map((r) => this.#paragraphHit(r, runs)),
      planIds: new Set(planResults.map((r) => String(r.id)))
    };
  }

  #marked(label: Label, runs: Runs): Marked {
    const ranges = mergeRanges([
      ...phraseRanges(label.text, runs, this.#fold),
      ...pinyinRanges(
        label.text,
        label.units,
        runs.map((run) => run.phrase)
      )
    ]);
    return { text: label.text, ranges };
  }

  #placeHit(result: SearchResult, runs: Runs): PlaceHit {
    const labels = result.labels as Label[];
    const name = this.#marked(labels[0], runs);
    const nameEn = String(result.nameEn);
    const aliasHit =
      name.ranges.length > 0
        ? undefined
        : labels
            .slice(1)
            .map((label) => this.#marked(label, runs))
            .find((alias) => alias.ranges.length > 0);
    const origin = result.origin as PlaceOrigin;
    return {
      // The index key is `<origin>:<id>` (see placeDocument).
      id: String(result.id).slice(origin.length + 1),
      origin,
      located: result.located === true,
      name,
      nameEn: { text: nameEn, ranges: phraseRanges(nameEn, runs) },
      alias: aliasHit ?? null,
      point: Array.isArray(result.point) ? (result.point as [number, number]) : null
    };
  }

  #paragraphHit(result: SearchResult, runs: Runs): ParagraphHit {
    const text = String(result.text);
    const ranges = phraseRanges(text, runs, this.#fold);
    return {
      id: String(result.id),
      kind: result.kind as PlanTextKind,
      label: String(result.label),
      excerpt: snippet({ text, ranges })
    };
  }
}
