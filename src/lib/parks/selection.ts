/**
 * The comparison's selection from its URL (issue #13): `?ids=a,b,c` (or `?ids=a&ids=b`, what a
 * plain HTML form sends). Never throws: unknown, malformed or surplus ids are dropped and listed,
 * cut short, so the page can say so quietly; they are shown as text, never as HTML.
 *
 * @example parseSelection('?ids=a,b,zzz', new Set(['a', 'b']))
 *   // { ids: ['a', 'b'], unknown: ['zzz'], surplus: [] }
 */

export const MAX_COMPARED = 4;
export const MIN_COMPARED = 2;
/** How much of a rejected id is echoed back. */
const ECHO_CHARS = 40;
/** Ids look like feature slugs; anything else is not looked up at all. */
const ID_SHAPE = /^[a-z0-9][a-z0-9-]{0,79}$/;

export interface Selection {
  /** Known ids, deduplicated, in the order given, at most MAX_COMPARED. */
  ids: string[];
  /** Ids that are not carriers (cut to 40 characters). */
  unknown: string[];
  /** Known ids beyond MAX_COMPARED. */
  surplus: string[];
}

export function parseSelection(search: string, known: ReadonlySet<string>): Selection {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { ids: [], unknown: [], surplus: [] };
  }
  const wanted = params
    .getAll('ids')
    .flatMap((value) => value.split(','))
    .map((id) => id.trim())
    .filter((id) => id.length > 0)
    .slice(0, 50);
  const selection: Selection = { ids: [], unknown: [], surplus: [] };
  for (const id of new Set(wanted)) {
    if (!ID_SHAPE.test(id) || !known.has(id)) {
      const echo = [...id].slice(0, ECHO_CHARS).join('');
      selection.unknown.push(echo + (echo.length < id.length ? '…' : ''));
    } else if (selection.ids.length < MAX_COMPARED) selection.ids.push(id);
    else selection.surplus.push(id);
  }
  return selection;
}

/** The query string of a selection: `?ids=a,b` (empty for none). */
export function selectionSearch(ids: readonly string[]): string {
  return ids.length === 0 ? '' : `?ids=${ids.map(encodeURIComponent).join(',')}`;
}
