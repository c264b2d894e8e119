/**
 * The messages loaded so far, by key: the first view's parts (added by messages.ts) and each
 * later part of src/lib/i18n/catalog/, which adds itself when the code that shows it loads.
 * A leaf module, so that the parts and messages.ts do not import each other.
 */
import type { Bilingual } from './types';

export type Entry = Bilingual | ((params: never) => Bilingual);

const loaded: Record<string, Entry> = {};

/** Adds a part of the catalogue; returns it, so a part can be written `addMessages({…})`. */
export function addMessages<Part extends Record<string, Entry>>(part: Part): Part {
  Object.assign(loaded, part);
  return part;
}

/** The entry of a key, if its part has loaded. */
export function entryOf(key: string): Entry | undefined {
  return loaded[key];
}
