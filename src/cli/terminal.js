/**
 * Text for a terminal. Names, ids and messages of `linghe-audit` come from the file it reads, and
 * a file can hold escape sequences that clear the screen, move the cursor or overwrite a line
 * (a carriage return, then a fake "✓ OK" over the real verdict). Every such character is shown
 * as an escape instead (`\x1b`, `\r`, `\u202e`), in every output: table, --json, --csv, stderr.
 */

/**
 * C0 controls (tab and line feeds included: a name is one line), DEL, C1 controls (U+0080–U+009F:
 * U+009B is a CSI on many terminals), and the characters that reorder or hide text: bidirectional
 * embeddings, overrides and isolates, and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves as it is of CONTROL (C0 controls it escapes itself, as \u001b). */
const CONTROL_LEFT_BY_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED = /** @type {Record<string, string>} */ ({
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r'
});

/**
 * The text with every control character written as an escape, e.g. ESC as `\x1b`.
 * @param {string} text
 * @returns {string}
 * @example escapeControls('a\u001b[2Jb') // 'a\\x1b[2Jb'
 */
export function escapeControls(text) {
  return text.replace(CONTROL, (character) => {
    const code = /** @type {number} */ (character.codePointAt(0));
    if (NAMED[character]) return NAMED[character];
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls itself but writes C1 and bidirectional
 * controls as they are; here they become \u escapes too, so the text parses to the same value.
 * @param {unknown} value
 * @returns {string}
 */
export function terminalJson(value) {
  return JSON.stringify(value, null, 2).replace(
    CONTROL_LEFT_BY_JSON,
    (character) =>
      `\\u${/** @type {number} */ (character.codePointAt(0)).toString(16).padStart(4, '0')}`
  );
}

/**
 * How many terminal columns a string takes (CJK and full-width characters take two).
 * @param {string} text
 */
export function displayWidth(text) {
  let width = 0;
  for (const character of text) {
    const code = /** @type {number} */ (character.codePointAt(0));
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * @param {string} text
 * @param {number} width
 */
export function truncate(text, width) {
  if (displayWidth(text) <= width) return text;
  let result = '';
  for (const character of text) {
    if (displayWidth(`${result}${character}…`) > width) break;
    result += character;
  }
  return `${result}…`;
}

/**
 * @param {string} text
 * @param {number} width
 * @param {'left' | 'right'} align
 */
export function pad(text, width, align) {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}
