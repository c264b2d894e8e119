/**
 * Where a query's terms are in a text, for highlighting: ranges of UTF-16 offsets into the
 * original (not normalised) text, merged and sorted, so a component can cut the text into
 * plain and <mark> parts without ever treating it as HTML.
 */
import { isWordTerm, normalChars, type Fold, type NormalChar } from './text';

import type { Marked, Range } from './marked';

export { parts, type Marked, type Range } from './marked';

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Code-point indices where `term` starts in `chars` (a word term only at a word's start). */
function occurrences(chars: NormalChar[], term: string): number[] {
  const found: number[] = [];
  const wordTerm = isWordTerm(term);
  for (let i = 0; i < chars.length; i++) {
    if (wordTerm && i > 0 && WORD_CHAR.test(chars[i - 1].text) && !isHanChar(chars[i - 1].text)) {
      continue;
    }
    let matched = '';
    let j = i;
    while (j < chars.length && matched.length < term.length) matched += chars[j++].text;
    if (matched.startsWith(term)) found.push(i, j);
  }
  return found;
}

const isHanChar = (text: string) => /\p{Script=Han}/u.test(text);

/** Ranges of `text` where any of `terms` (query terms, already normal) occurs. */
export function textRanges(text: string, terms: readonly string[], fold?: Fold): Range[] {
  const chars = normalChars(text, fold);
  const ranges: Range[] = [];
  for (const term of terms) {
    const found = occurrences(chars, term);
    for (let k = 0; k < found.length; k += 2) {
      ranges.push([chars[found[k]].start, chars[found[k + 1] - 1].end]);
    }
  }
  return mergeRanges(ranges);
}

/**
 * Ranges of `text` for a query's runs: where a run occurs whole, only there (`打造园区` marks that
 * phrase, not every 打造 of the paragraph); else wherever any of its terms occurs.
 */
export function phraseRanges(
  text: string,
  runs: readonly { phrase: string; terms: readonly string[] }[],
  fold?: Fold
): Range[] {
  return mergeRanges(
    runs.flatMap((run) => {
      const whole = textRanges(text, [run.phrase], fold);
      return whole.length > 0 ? whole : textRanges(text, run.terms, fold);
    })
  );
}

/**
 * How many units from `start` a word term covers as pinyin: whole syllables, the last one
 * possibly begun (`zijingch` covers 紫荆产), or initials (`zjc`); 0 if it does not match there.
 */
function pinyinSpan(units: readonly string[], start: number, term: string): number {
  for (const initialsOnly of [false, true]) {
    let pos = 0;
    let j = start;
    while (pos < term.length && j < units.length) {
      const unit = units[j];
      j++;
      if (unit === '') continue;
      const syllable = initialsOnly ? unit[0] : unit;
      const rest = term.slice(pos);
      if (rest.startsWith(syllable)) pos += syllable.length;
      else if (syllable.startsWith(rest)) pos = term.length;
      else break;
    }
    if (pos === term.length) return j - start;
  }
  return 0;
}

/** Ranges of a label where word terms match its pinyin (`zijing`, `zjcyy` in 紫荆产业园). */
export function pinyinRanges(
  text: string,
  units: readonly string[],
  terms: readonly string[]
): Range[] {
  const chars = normalChars(text);
  if (chars.length !== units.length) return [];
  const ranges: Range[] = [];
  for (const term of terms.filter(isWordTerm)) {
    for (let i = 0; i < units.length; i++) {
      if (units[i] === '' || !isHanChar(chars[i].text)) continue;
      const span = pinyinSpan(units, i, term);
      if (span > 0) ranges.push([chars[i].start, chars[i + span - 1].end]);
    }
  }
  return mergeRanges(ranges);
}

/**
 * A window of about `width` characters of `text` around its first range, with ranges moved
 * into it; `…` marks what was cut.
 */
export function snippet(marked: Marked, width = 80): Marked {
  const { text, ranges } = marked;
  if (text.length <= width) return marked;
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, Math.min(first - Math.floor(width / 4), text.length - width));
  // Never cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start--;
  let end = Math.min(text.length, start + width);
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end++;
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const inside = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): Range => [Math.max(s, start) + shift, Math.min(e, end) + shift]);
  return { text: head + text.slice(start, end) + tail, ranges: inside };
}
