/**
 * The MiniSearch options of the two indexes (places, plan text). The build and the browser must
 * use the same ones — `MiniSearch.loadJS` needs the options the index was built with — so both
 * take them from here.
 */
import type { Options } from 'minisearch';
import type { ParagraphDocument, PlaceDocument } from './documents';
import { isWordTerm, tokenizeDocument, tokenizeQuery, type Fold } from './text';

const same = (term: string) => term;

/** Words (pinyin, English, numbers) match as prefixes; Han terms exactly. */
const prefix = (term: string) => isWordTerm(term);

/** One typo in a word of eight letters or more (`industral`). */
const fuzzy = (term: string) => (isWordTerm(term) && term.length >= 8 ? 1 : false);

/**
 * Among places that match equally, those on the map and those the plan mentions more come first
 * (紫荆产业园, on the map and in 8 paragraphs, before 紫荆药业, named once).
 */
export function placeWeight(stored: Record<string, unknown> | undefined): number {
  const located = stored?.located === true ? 1.5 : 1;
  const mentions = typeof stored?.mentions === 'number' ? stored.mentions : 0;
  return located * (1 + Math.log2(1 + mentions) / 4);
}

export function placeIndexOptions(fold?: Fold): Options<PlaceDocument> {
  return {
    idField: 'key',
    fields: ['name', 'aliases', 'nameEn', 'pinyin', 'initials', 'aliasPinyin', 'aliasInitials'],
    storeFields: ['origin', 'name', 'nameEn', 'labels', 'located', 'mentions', 'point'],
    tokenize: (text) => tokenizeDocument(text, fold),
    processTerm: same,
    searchOptions: {
      tokenize: (text) => tokenizeQuery(text, fold),
      processTerm: same,
      combineWith: 'AND',
      boost: {
        name: 3,
        aliases: 2,
        nameEn: 1.5,
        pinyin: 1,
        initials: 1,
        aliasPinyin: 0.5,
        aliasInitials: 0.5
      },
      prefix,
      fuzzy,
      boostDocument: (_id, _term, stored) => placeWeight(stored)
    }
  };
}

export function paragraphIndexOptions(fold?: Fold): Options<ParagraphDocument> {
  return {
    idField: 'id',
    fields: ['text'],
    storeFields: ['kind', 'label', 'text'],
    tokenize: (text) => tokenizeDocument(text, fold),
    processTerm: same,
    searchOptions: {
      tokenize: (text) => tokenizeQuery(text, fold),
      processTerm: same,
      combineWith: 'AND',
      prefix,
      // A heading that matches is a better answer than one of the paragraphs under it.
      boostDocument: (_id, _term, stored) => (stored?.kind === 'heading' ? 1.5 : 1)
    }
  };
}
