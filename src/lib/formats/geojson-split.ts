/**
 * Finds where the features of a GeoJSON FeatureCollection are in its UTF-8 bytes, in one pass
 * and without building any value, so they can be parsed in batches: one JSON.parse of a 63 MB
 * file needs the bytes, a two-byte string of twice their size and every object at once.
 *
 * The scan checks the grammar of everything outside the ranges it reports (the top-level object,
 * its keys, colons and commas, the features array's commas, whitespace, nothing after the
 * object) and only finds the extent of each value inside them. So for any bytes it returns a
 * layout for, the whole text is valid JSON exactly when every reported range parses, and the
 * ranges are then exactly the values JSON.parse of the whole text would give. A repeated
 * top-level key (escaped spellings included) gives null: JSON.parse would keep only the last
 * value, and an earlier one, never parsed, could hide an error.
 *
 * Truncation rule: a layout is returned only when the top-level object's closing brace was found
 * and nothing but whitespace follows it. A file cut anywhere before that brace gives null; a cut
 * in the whitespace after it leaves a complete document, whose layout is that of the whole file.
 */

import { GrowingArray } from '../storage/growing-array';

export interface FeatureCollectionLayout {
  /** Byte ranges of the elements of the top-level "features" array, as pairs [start0, end0, start1, end1, …] (end exclusive), trimmed of whitespace. */
  featureRanges: Uint32Array;
  /** Byte ranges of every OTHER top-level member's value, by key (e.g. type, crs, name, bbox), end exclusive. */
  members: Map<string, [number, number]>;
  /**
   * Per feature, the byte range of its "geometry" member's value, as pairs like featureRanges;
   * both NO_GEOMETRY_RANGE when it is not plainly there: no such member, twice, a key with an
   * escape (which might spell "geometry"), or the feature is not an object.
   */
  geometryRanges: Uint32Array;
}

/** In FeatureCollectionLayout.geometryRanges: the feature's geometry could not be located. */
export const NO_GEOMETRY_RANGE = 0xffffffff;

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LETTER_F = 0x66; // false
const LETTER_N = 0x6e; // null
const LETTER_T = 0x74; // true
/** A closing bracket's code minus 2 is its opening bracket's: ] 0x5d → [ 0x5b, } 0x7d → { 0x7b. */
const CLOSE_TO_OPEN = 2;

/** The largest offset a Uint32Array range can hold. */
const MAX_BYTES = 0xffffffff;

/** JSON's four whitespace bytes: space, tab, line feed, carriage return. */
function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function skipWhitespace(bytes: Uint8Array, position: number): number {
  const length = bytes.length;
  while (position < length && isWhitespace(bytes[position])) position++;
  return position;
}

/**
 * Open brackets of the container being skipped, one byte per level, grown on demand: nesting is
 * followed with this explicit stack rather than recursion, so no depth overflows the call stack.
 * Module-level because scanning is synchronous and never re-entered.
 */
let openBrackets = new Uint8Array(256);

/**
 * End (exclusive) of the string whose opening quote is at `position`, or -1 if the bytes end
 * first. Escapes are skipped as a backslash and one byte: `\uXXXX`'s hex digits are neither
 * quotes nor backslashes, and whether an escape is valid is for JSON.parse of the range to say.
 */
function skipString(bytes: Uint8Array, position: number): number {
  const length = bytes.length;
  let i = position + 1;
  while (i < length) {
    const byte = bytes[i];
    if (byte === QUOTE) return i + 1;
    i += byte === BACKSLASH ? 2 : 1;
  }
  return -1;
}

/**
 * End (exclusive) of the array or object that opens at `position`, or -1 if it is cut off or a
 * bracket closes the wrong kind of container. This is the hot loop: almost every byte of a
 * GeoJSON file is inside a feature, and most of those are coordinates — digits, '.', ',', '-',
 * '[' and ']' — so runs of bytes below '[' other than a quote are skipped by a tight inner loop
 * of two comparisons per byte.
 */
function skipContainer(bytes: Uint8Array, position: number): number {
  const length = bytes.length;
  let stack = openBrackets;
  let depth = 0;
  for (let i = position; i < length; i++) {
    let byte = bytes[i];
    while (byte < OPEN_ARRAY && byte !== QUOTE) {
      if (++i === length) return -1;
      byte = bytes[i];
    }
    if (byte === QUOTE) {
      // A string: brackets, braces and quotes inside it are text.
      i++;
      while (i < length) {
        const inner = bytes[i];
        if (inner === QUOTE) break;
        i += inner === BACKSLASH ? 2 : 1;
      }
      if (i >= length) return -1;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (depth === stack.length) {
        const grown = new Uint8Array(stack.length * 2);
        grown.set(stack);
        stack = openBrackets = grown;
      }
      stack[depth++] = byte;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      if (stack[--depth] !== byte - CLOSE_TO_OPEN) return -1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * End (exclusive) of the JSON value starting at `position` (its first byte, not whitespace), or
 * -1 if none starts there or it is cut off. A number or literal runs to the next whitespace,
 * comma or closing bracket; its spelling is left to JSON.parse of the range.
 */
function skipValue(bytes: Uint8Array, position: number): number {
  const first = bytes[position];
  if (first === QUOTE) return skipString(bytes, position);
  if (first === OPEN_ARRAY || first === OPEN_OBJECT) return skipContainer(bytes, position);
  const startsScalar =
    first === MINUS ||
    (first >= DIGIT_0 && first <= DIGIT_9) ||
    first === LETTER_T ||
    first === LETTER_F ||
    first === LETTER_N;
  if (!startsScalar) return -1;
  const length = bytes.length;
  let i = position + 1;
  while (i < length) {
    const byte = bytes[i];
    if (isWhitespace(byte) || byte === COMMA || byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      break;
    }
    i++;
  }
  return i;
}

const keyDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A top-level key (its bytes, quotes included) as JSON.parse reads it — escapes and all, so
 * "feat\u0075res" is "features" — or null if it is not a valid JSON string in UTF-8.
 */
function decodeKey(bytes: Uint8Array, start: number, end: number): string | null {
  try {
    const key: unknown = JSON.parse(keyDecoder.decode(bytes.subarray(start, end)));
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}

/** Byte ranges collected as pairs [start, end, …] in a Uint32Array that grows as needed. */
type RangeList = GrowingArray<Uint32Array>;

function rangeList(): RangeList {
  return new GrowingArray(new Uint32Array(2048), (n) => new Uint32Array(n));
}

/** The bytes of `"geometry"`, quotes included. */
const GEOMETRY_KEY = [0x22, 0x67, 0x65, 0x6f, 0x6d, 0x65, 0x74, 0x72, 0x79, 0x22];

function isGeometryKey(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== GEOMETRY_KEY.length) return false;
  for (let k = 0; k < GEOMETRY_KEY.length; k++)
    if (bytes[start + k] !== GEOMETRY_KEY[k]) return false;
  return true;
}

function hasBackslash(bytes: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (bytes[k] === BACKSLASH) return true;
  return false;
}

/** Where scanFeatureObject found the geometry's value: [start, end) in bytes, or -1. */
let geometryStart = -1;
let geometryEnd = -1;

/**
 * End (exclusive) of the feature object whose '{' is at `position`, or -1, like skipContainer;
 * walks its members so as to find the "geometry" value (geometryStart/End). Anything it does not
 * expect makes it skip the object as skipContainer does, geometry not located.
 */
function scanFeatureObject(bytes: Uint8Array, position: number): number {
  geometryStart = geometryEnd = -1;
  let plain = true;
  let i = skipWhitespace(bytes, position + 1);
  if (bytes[i] === CLOSE_OBJECT) return i + 1;
  for (;;) {
    if (bytes[i] !== QUOTE) break;
    const keyEnd = skipString(bytes, i);
    if (keyEnd < 0) break;
    const isGeometry = isGeometryKey(bytes, i, keyEnd);
    // An escaped key might spell "geometry" too; a second geometry would be the one JSON.parse keeps.
    if ((!isGeometry && hasBackslash(bytes, i, keyEnd)) || (isGeometry && geometryStart >= 0)) {
      plain = false;
    }
    i = skipWhitespace(bytes, keyEnd);
    if (bytes[i] !== COLON) break;
    i = skipWhitespace(bytes, i + 1);
    const valueEnd = skipValue(bytes, i);
    if (valueEnd < 0) break;
    if (isGeometry) {
      geometryStart = i;
      geometryEnd = valueEnd;
    }
    i = skipWhitespace(bytes, valueEnd);
    if (bytes[i] === CLOSE_OBJECT) {
      if (!plain) geometryStart = geometryEnd = -1;
      return i + 1;
    }
    if (bytes[i] !== COMMA) break;
    i = skipWhitespace(bytes, i + 1);
  }
  // Not what a feature usually looks like: skipped whole, as any other value.
  geometryStart = geometryEnd = -1;
  return skipContainer(bytes, position);
}

/**
 * Reads the features array whose '[' is at `position` into `ranges`; returns the position after
 * its ']' or -1 if it is malformed (a missing or doubled comma, a trailing comma, cut off, …).
 */
function scanFeatures(
  bytes: Uint8Array,
  position: number,
  ranges: RangeList,
  geometries: RangeList
): number {
  let i = skipWhitespace(bytes, position + 1);
  if (bytes[i] === CLOSE_ARRAY) return i + 1;
  for (;;) {
    let end: number;
    if (bytes[i] === OPEN_OBJECT) end = scanFeatureObject(bytes, i);
    else {
      geometryStart = geometryEnd = -1;
      end = skipValue(bytes, i);
    }
    if (end < 0) return -1;
    ranges.push(i);
    ranges.push(end);
    geometries.push(geometryStart >= 0 ? geometryStart : NO_GEOMETRY_RANGE);
    geometries.push(geometryStart >= 0 ? geometryEnd : NO_GEOMETRY_RANGE);
    i = skipWhitespace(bytes, end);
    const separator = bytes[i];
    if (separator === CLOSE_ARRAY) return i + 1;
    if (separator !== COMMA) return -1;
    i = skipWhitespace(bytes, i + 1);
  }
}

/** The layout of a GeoJSON FeatureCollection in UTF-8 bytes (optional BOM), found in one pass without building any value, or null when the bytes are not plainly a JSON object with a "features" array at the top level (then the caller parses the whole text as today, which gives the exact error messages). */
export function splitFeatureCollection(bytes: Uint8Array): FeatureCollectionLayout | null {
  const length = bytes.length;
  if (length > MAX_BYTES) return null;
  const hasBom = length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let i = skipWhitespace(bytes, hasBom ? 3 : 0);
  if (bytes[i] !== OPEN_OBJECT) return null;
  i = skipWhitespace(bytes, i + 1);
  // An empty object has no features array: null, below.
  const objectIsEmpty = bytes[i] === CLOSE_OBJECT;
  if (objectIsEmpty) i++;

  const ranges = rangeList();
  const geometries = rangeList();
  const members = new Map<string, [number, number]>();
  let sawFeatures = false;
  while (!objectIsEmpty) {
    if (bytes[i] !== QUOTE) return null;
    const keyEnd = skipString(bytes, i);
    if (keyEnd < 0) return null;
    const key = decodeKey(bytes, i, keyEnd);
    if (key === null) return null;
    i = skipWhitespace(bytes, keyEnd);
    if (bytes[i] !== COLON) return null;
    i = skipWhitespace(bytes, i + 1);
    if (key === 'features') {
      // Two "features" members: JSON.parse keeps the last, but which one the writer meant is
      // anyone's guess — leave the file to the whole parse.
      if (sawFeatures || bytes[i] !== OPEN_ARRAY) return null;
      sawFeatures = true;
      i = scanFeatures(bytes, i, ranges, geometries);
    } else {
      // A repeated member: JSON.parse keeps the last, so the earlier value would never be
      // parsed and its errors would go unseen; rare enough to leave to the whole parse.
      if (members.has(key)) return null;
      const valueStart = i;
      i = skipValue(bytes, i);
      if (i >= 0) members.set(key, [valueStart, i]);
    }
    if (i < 0) return null;
    i = skipWhitespace(bytes, i);
    const separator = bytes[i];
    if (separator === CLOSE_OBJECT) {
      i++;
      break;
    }
    if (separator !== COMMA) return null;
    i = skipWhitespace(bytes, i + 1);
  }
  if (!sawFeatures || skipWhitespace(bytes, i) !== length) return null;
  return { featureRanges: ranges.trimmed(), members, geometryRanges: geometries.trimmed() };
}

/** A batch's bytes between [ and ], reused from batch to batch (up to this size). */
const REUSED_BATCH_BYTES = 1 << 20;
const batchBytes = new Uint8Array(REUSED_BATCH_BYTES);

/**
 * The text of features [from, to) as one JSON array: their bytes from featureRanges[2*from] to
 * featureRanges[2*(to-1)+1] (the commas and whitespace between features are valid inside an
 * array) wrapped in [ ] and decoded. `bytes` may be a part of the file the layout describes,
 * starting at byte `offset` of it. Throws a RangeError if the features are not all in `bytes`,
 * and whatever `decoder` throws.
 */
export function decodeFeatureBatch(
  bytes: Uint8Array,
  layout: FeatureCollectionLayout,
  from: number,
  to: number,
  // Fatal, so bytes that are not UTF-8 throw (a TypeError) instead of turning into U+FFFD
  // unnoticed — the whole-file import rejects them too.
  decoder: { decode(bytes: Uint8Array): string } = new TextDecoder('utf-8', {
    fatal: true,
    ignoreBOM: true
  }),
  offset = 0
): string {
  const count = layout.featureRanges.length / 2;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > count || from > to) {
    throw new RangeError(`feature batch [${from}, ${to}) is outside the ${count} features`);
  }
  if (from === to) return '[]';
  const start = layout.featureRanges[2 * from] - offset;
  const end = layout.featureRanges[2 * (to - 1) + 1] - offset;
  if (start < 0 || end > bytes.length) {
    throw new RangeError(
      `feature batch [${from}, ${to}) is outside bytes ${offset}…${offset + bytes.length}`
    );
  }
  // The brackets go around the bytes rather than the decoded text: '[' + text + ']' would copy
  // the batch's (two-byte, if it has any Chinese) text once more when JSON.parse flattens it.
  const length = end - start + 2;
  // A batch of one huge feature gets a buffer of its own, not kept for later.
  const target = length <= REUSED_BATCH_BYTES ? batchBytes : new Uint8Array(length);
  target[0] = OPEN_ARRAY;
  target.set(bytes.subarray(start, end), 1);
  target[length - 1] = CLOSE_ARRAY;
  return decoder.decode(target.subarray(0, length));
}

/**
 * Features [from, to) parsed with ONE JSON.parse of decodeFeatureBatch's text (same arguments).
 * Throws the JSON.parse SyntaxError if those bytes are not valid JSON.
 */
export function parseFeatureBatch(...args: Parameters<typeof decodeFeatureBatch>): unknown[] {
  return JSON.parse(decodeFeatureBatch(...args)) as unknown[];
}
