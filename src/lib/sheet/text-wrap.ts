/**
 * Breaking text into lines that fit a width on paper: Chinese may break between any two
 * characters, other text between words, and a word longer than the line (a link) anywhere.
 * Measuring is passed in, so the PNG (canvas) and the PDF (the embedded font) each wrap with the
 * widths they will draw with.
 */

/** The width of `text` set at `sizePt` points, in mm. */
export type Measure = (text: string, sizePt: number) => number;

/** Characters that may stand alone on either side of a line break. */
const CJK = '\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef';
/** Closing punctuation never starts a line, opening punctuation never ends one (禁则). */
const CLOSING = ')\\]}>,.;:!?%）】》」』〕，。、；：！？”’·…';
const OPENING = '(\\[{<（【《「『〔“‘';
const TOKEN = new RegExp(`[${OPENING}]*[${CJK}][${CLOSING}]*|[^\\s${CJK}]+\\s*|\\s+`, 'gu');

/**
 * @example wrapText('规划示意图 plan sketch', 20, 10, measure) // ['规划示意图 plan', 'sketch']
 */
export function wrapText(text: string, maxMm: number, sizePt: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of pieces(text, maxMm, sizePt, measure)) {
    const candidate = line + token;
    if (line !== '' && measure(candidate.trimEnd(), sizePt) > maxMm) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/** Tokens, with any token too wide for a line cut into pieces that fit. */
function* pieces(text: string, maxMm: number, sizePt: number, measure: Measure) {
  for (const token of text.replace(/\s+/g, ' ').trim().match(TOKEN) ?? []) {
    if (measure(token.trimEnd(), sizePt) <= maxMm) {
      yield token;
      continue;
    }
    let piece = '';
    for (const character of token) {
      if (piece !== '' && measure(piece + character, sizePt) > maxMm) {
        yield piece;
        piece = '';
      }
      piece += character;
    }
    if (piece !== '') yield piece;
  }
}
