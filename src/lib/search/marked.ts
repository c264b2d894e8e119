/**
 * A text with the ranges of it to highlight, and its cutting into plain and marked parts: all
 * the search box needs on the page (the ranges are found in the search worker, ./highlight.ts).
 *
 * @example parts({ text: '紫荆产业园', ranges: [[0, 2]] })
 *   // [{ text: '紫荆', mark: true }, { text: '产业园', mark: false }]
 */

/** `[start, end)` in UTF-16 offsets of the original text. */
export type Range = readonly [number, number];

/** A text with the ranges to highlight in it. */
export interface Marked {
  text: string;
  ranges: Range[];
}

/** `text` cut into parts, each marked or not, for rendering as text. */
export function parts(marked: Marked): { text: string; mark: boolean }[] {
  const out: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of marked.ranges) {
    if (start > at) out.push({ text: marked.text.slice(at, start), mark: false });
    out.push({ text: marked.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < marked.text.length) out.push({ text: marked.text.slice(at), mark: false });
  return out;
}
