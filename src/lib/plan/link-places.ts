/**
 * Splits plan text into plain and linked segments where it names a mapped place (issue #3).
 * The reader renders the segments as text nodes and anchors, never as HTML.
 */

/** A plain run of text, or a run naming the feature `featureId`. */
export type TextSegment = { text: string } | { text: string; featureId: string };

/** A feature as far as linking is concerned: its id and every spelling of its name. */
export interface PlaceName {
  featureId: string;
  names: readonly string[];
}

/**
 * Names shorter than this are not linked: a single character (“河”) would match everywhere
 * in Chinese text, which has no word boundaries to stop it.
 */
export const MIN_PLACE_NAME_CHARS = 2;

/** Name and alias spellings of features, in the shape {@link linkPlaces} takes. */
export function placeNamesOf(
  features: readonly { properties: { id: string; name: string; aliases?: string[] } }[]
): PlaceName[] {
  return features.map(({ properties }) => ({
    featureId: properties.id,
    names: [properties.name, ...(properties.aliases ?? [])]
  }));
}

/**
 * Splits `text` into segments, linking every occurrence of a place name.
 *
 * Longest names claim text first, so `小凌河畔` links `小凌河`, not `凌河`; a shorter name is
 * only linked where no longer name already covers it, so links never overlap. Equal-length
 * names keep the order of `places` (the first feature wins a spelling two features share).
 * Joining the segments' `text` always gives back `text`.
 *
 * @example
 * linkPlaces('建设紫荆产业园', [{ featureId: 'zijing', names: ['紫荆产业园'] }])
 * // [{ text: '建设' }, { text: '紫荆产业园', featureId: 'zijing' }]
 */
export function linkPlaces(text: string, places: readonly PlaceName[]): TextSegment[] {
  const candidates = places
    .flatMap((place, order) =>
      place.names.map((name) => ({ name: name.trim(), featureId: place.featureId, order }))
    )
    .filter((c) => [...c.name].length >= MIN_PLACE_NAME_CHARS)
    .sort((a, b) => b.name.length - a.name.length || a.order - b.order);

  /** featureId of the link covering each UTF-16 index, or undefined. */
  const claimedBy: (string | undefined)[] = new Array(text.length);
  const links: { start: number; end: number; featureId: string }[] = [];

  for (const { name, featureId } of candidates) {
    for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
      const end = start + name.length;
      let free = true;
      for (let i = start; i < end && free; i++) free = claimedBy[i] === undefined;
      if (!free) continue;
      claimedBy.fill(featureId, start, end);
      links.push({ start, end, featureId });
    }
  }

  links.sort((a, b) => a.start - b.start);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const link of links) {
    if (link.start > cursor) segments.push({ text: text.slice(cursor, link.start) });
    segments.push({ text: text.slice(link.start, link.end), featureId: link.featureId });
    cursor = link.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
