/**
 * Reads GeoJSON bytes into candidate features. Failures of the file as a whole (not UTF-8, not
 * JSON, cut off, TopoJSON, …) throw an ImportFileError naming what is wrong and where; problems
 * with single features are left to validate.ts.
 */
import { crsFromName, type DeclaredCrs } from './crs-names';
import { ImportFileError } from './file-error';
import { locateJsonError } from './json-syntax';
import { featureProblem, notice, quote } from '../import/messages';
import { findRepeatedMembers, type RepeatedMember } from './repeated-members';
import { releaseBuffer } from '../storage/release-buffer';
import { candidatesOf, type SourceData } from './source-data';
import { decodeUtf8OrThrow, decodeUtf8Strict, looksLikeGbk } from './text-encoding';
import { GEOMETRY_TYPES } from '../geo/geometry-types.js';
import {
  NO_GEOMETRY_RANGE,
  parseFeatureBatch,
  splitFeatureCollection,
  type FeatureCollectionLayout
} from './geojson-split';
import type { FeatureSourceText } from '../storage/packed-features';
import type { BilingualMessage, ImportProblem } from '../import/types';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const located = locateJsonError(text);
    if (located?.truncated) throw new ImportFileError('truncated');
    if (!located) {
      // The engine refused what our validator accepts (e.g. it ran out of memory): say so.
      const message = error instanceof Error ? error.message : String(error);
      throw new ImportFileError('json-syntax', {
        line: '?',
        column: '?',
        detail: message,
        detailEn: message
      });
    }
    const { line, column } = lineAndColumn(text, located.offset);
    throw new ImportFileError('json-syntax', {
      line,
      column,
      detail: located.zh,
      detailEn: located.en
    });
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function declaredCrsOf(root: Record<string, unknown>): DeclaredCrs | null {
  const member = root.crs as { type?: unknown; properties?: Record<string, unknown> } | undefined;
  if (!member || typeof member !== 'object') return null;
  const properties = member.properties ?? {};
  if (typeof properties.name === 'string') return crsFromName(properties.name);
  if (member.type === 'EPSG' && properties.code !== undefined) {
    return crsFromName(`EPSG:${String(properties.code)}`);
  }
  return { crs: null, name: quote(member) };
}

/** Top-level strings that describe the data (name, title, description, source, …). */
function metadataOf(root: Record<string, unknown>): string[] {
  const texts: string[] = [];
  for (const [key, value] of Object.entries(root)) {
    if (key === 'features' || key === 'geometry' || key === 'coordinates') continue;
    if (typeof value === 'string') texts.push(`${key}: ${value}`);
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const json = JSON.stringify(value);
      if (json.length < 2000) texts.push(`${key}: ${json}`);
    }
  }
  return texts;
}

/**
 * Bytes of features parsed at a time from a split FeatureCollection (at least one feature). Small
 * on purpose: the batch's text, up to twice this size as a two-byte string, stays below V8's
 * large-object size (128 KB), so it and the batch's objects die young in the nursery instead of
 * piling up as garbage until a full collection — a 63 MB file's peak memory depends on it, and
 * scavenging small batches is cheaper too (measured in Node: 1000-feature batches of ~640 KB
 * 1.45× JSON.parse, ~64 KB batches 1.34×).
 */
export const BATCH_BYTES = 48 * 1024;

/**
 * Thrown while reading a split FeatureCollection's features when a batch does not parse (bad
 * JSON or bytes that are not UTF-8): the caller then reads the file whole (readGeoJson with
 * `split: false`), which names the problem and where it is exactly.
 */
export class SplitBatchError extends Error {
  constructor(cause: unknown) {
    super(`A batch of features does not parse: ${String(cause)}`, { cause });
    this.name = 'SplitBatchError';
  }
}

/**
 * Bytes of a file read into memory at a time when its features are read back from the file
 * (readGeoJsonFile): 1 MB, about 1500 parcels, in ~60 reads for a 63 MB file.
 */
export const WINDOW_BYTES = 1 << 20;

/** Batches are decoded so that bytes that are not UTF-8 throw (and the file is read whole). */
const UTF8_OR_THROW = { decode: decodeUtf8OrThrow };

/** Part of the file in memory: its bytes from byte `start` on. */
interface ByteWindow {
  bytes: Uint8Array;
  start: number;
}

/**
 * featureCount and featureAt over a split FeatureCollection: a batch (BATCH_BYTES) is parsed
 * when one of its features is asked for and kept until another batch is, so read in order (as the
 * import does) every feature is parsed once and the file never exists as one string or one
 * object tree. The batches are cut from `window`, the bytes in memory.
 */
function candidatesInBatches(
  layout: FeatureCollectionLayout,
  window: () => ByteWindow
): Pick<SourceData, 'featureCount' | 'featureAt' | 'sourceTextOf'> {
  const ranges = layout.featureRanges;
  const geometries = layout.geometryRanges;
  const count = ranges.length / 2;
  let first = 0;
  let batch: unknown[] = [];
  return {
    featureCount: count,
    featureAt(index: number): unknown {
      if (index < first || index >= first + batch.length) {
        const { bytes, start } = window();
        // The next batch starts at this feature and takes features while they fit BATCH_BYTES
        // and the window.
        const limit = Math.min(ranges[2 * index] + BATCH_BYTES, start + bytes.length);
        let end = index + 1;
        while (end < count && ranges[2 * end + 1] <= limit) end++;
        first = index;
        try {
          batch = parseFeatureBatch(bytes, layout, first, end, UTF8_OR_THROW, start);
        } catch (error) {
          batch = [];
          if (error instanceof RangeError) throw error; // not read in: the caller's mistake
          throw new SplitBatchError(error);
        }
      }
      return batch[index - first];
    },
    sourceTextOf(index: number, into: FeatureSourceText): boolean {
      if (index < first || index >= first + batch.length) return false;
      if (geometries[2 * index] === NO_GEOMETRY_RANGE) return false;
      const { bytes, start } = window();
      into.bytes = bytes;
      into.start = ranges[2 * index] - start;
      into.geometryStart = geometries[2 * index] - start;
      into.geometryEnd = geometries[2 * index + 1] - start;
      into.end = ranges[2 * index + 1] - start;
      return true;
    }
  };
}

/** The top-level members other than the features, parsed, or null if one does not parse. */
function membersOf(
  bytes: Uint8Array,
  layout: FeatureCollectionLayout
): Record<string, unknown> | null {
  const root: Record<string, unknown> = {};
  try {
    for (const [key, [start, end]] of layout.members) {
      root[key] = JSON.parse(decodeUtf8OrThrow(bytes.subarray(start, end)));
    }
  } catch {
    return null;
  }
  return root.type === 'FeatureCollection' ? root : null;
}

function splitSource(
  root: Record<string, unknown>,
  layout: FeatureCollectionLayout,
  candidates: Pick<SourceData, 'featureCount' | 'featureAt' | 'prepare' | 'sourceTextOf'>,
  problems: ImportProblem[]
): SourceData {
  if (layout.featureRanges.length === 0) throw new ImportFileError('no-features');
  return {
    format: 'geojson',
    ...candidates,
    declaredCrs: declaredCrsOf(root),
    crsFixedByFormat: false,
    notices: [],
    problems,
    metadataText: metadataOf(root)
  };
}

/**
 * A FeatureCollection read by splitting (geojson-split.ts), or null when the bytes are anything
 * else or anything unusual — then readGeoJson parses the whole text, which gives the exact
 * message for every kind of bad file.
 */
function readSplit(bytes: Uint8Array): SourceData | null {
  const layout = splitFeatureCollection(bytes);
  const root = layout && membersOf(bytes, layout);
  if (!layout || !root) return null;
  const whole = { bytes, start: 0 };
  return splitSource(
    root,
    layout,
    candidatesInBatches(layout, () => whole),
    splitRepeats(bytes, layout)
  );
}

/**
 * Reads a GeoJSON file (a Blob) like readGeoJson, but a FeatureCollection's bytes are only held
 * while it is split: its features are then read back from the file a window (WINDOW_BYTES) at a
 * time, so a 63 MB file costs 1 MB of bytes while its features are checked and packed, not 63.
 * The caller awaits `prepare(index)` before reading features from `index` on.
 *
 * @example
 * const source = await readGeoJsonFile(file);
 * for (let i = 0, ready = 0; i < source.featureCount; i++) {
 *   if (i >= ready) ready = await source.prepare!(i);
 *   check(source.featureAt(i));
 * }
 */
export async function readGeoJsonFile(file: Blob, { split = true } = {}): Promise<SourceData> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const layout = split ? splitFeatureCollection(bytes) : null;
  const root = layout && membersOf(bytes, layout);
  if (!layout || !root) return readGeoJson(bytes, { split: false });
  const repeats = splitRepeats(bytes, layout);
  // The whole file's bytes go now: its features are read back from the file.
  releaseBuffer(bytes.buffer);
  const ranges = layout.featureRanges;
  const count = ranges.length / 2;
  let window: ByteWindow = { bytes: new Uint8Array(0), start: 0 };
  const candidates = candidatesInBatches(layout, () => window);
  return splitSource(
    root,
    layout,
    {
      ...candidates,
      async prepare(index: number): Promise<number> {
        // From this feature, as many as fit the window (at least this one, however big).
        const start = ranges[2 * index];
        let end = index + 1;
        while (end < count && ranges[2 * end + 1] - start <= WINDOW_BYTES) end++;
        // The last window goes before the next is read (every feature in it has been read).
        releaseBuffer(window.bytes.buffer);
        window = { bytes: new Uint8Array(0), start };
        window = {
          bytes: new Uint8Array(await file.slice(start, ranges[2 * end - 1]).arrayBuffer()),
          start
        };
        return end;
      }
    },
    repeats
  );
}

/**
 * Parses GeoJSON bytes (UTF-8, optional BOM). A FeatureCollection is split and its features
 * parsed in batches as they are read (unless `split` is false; a batch that does not parse
 * throws SplitBatchError); anything else is parsed whole.
 *
 * @example readGeoJson(bytes).featureCount // number of candidate features
 */
export function readGeoJson(bytes: Uint8Array, { split = true } = {}): SourceData {
  const splitSource = split ? readSplit(bytes) : null;
  if (splitSource) return splitSource;
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) {
    throw new ImportFileError('encoding-not-utf8', {
      offset: decoded.offset,
      gbk: looksLikeGbk(bytes) ? 1 : undefined
    });
  }
  const text = decoded.text.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') throw new ImportFileError('blank-file', { bytes: bytes.length });
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    throw new ImportFileError('not-json', { start: quote(trimmed.slice(0, 20)) });
  }

  const root = parseJson(text);
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    throw new ImportFileError('not-geojson', { type: kindOf(root) });
  }
  const object = root as Record<string, unknown>;
  const type = object.type;

  let features: unknown[];
  if (type === 'FeatureCollection') {
    if (!Array.isArray(object.features)) {
      throw new ImportFileError('features-not-array', { actual: kindOf(object.features) });
    }
    features = object.features;
  } else if (type === 'Feature') {
    features = [object];
  } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    features = [{ type: 'Feature', properties: {}, geometry: object }];
  } else if (type === 'Topology') {
    throw new ImportFileError('topojson');
  } else {
    throw new ImportFileError('not-geojson', { type: type === undefined ? '(none)' : quote(type) });
  }
  if (features.length === 0) throw new ImportFileError('no-features');

  const { notices, problems } = repeatsOf(findRepeatedMembers(text, 3), type === 'Feature');
  return {
    format: 'geojson',
    ...candidatesOf(features),
    declaredCrs: declaredCrsOf(object),
    crsFixedByFormat: false,
    notices,
    problems,
    metadataText: metadataOf(object)
  };
}

/**
 * Repeated members (JSON.parse kept the last of each) as remarks: of a feature (or its
 * geometry), a warning on that feature; anywhere else, a notice. `single`: the text is one
 * Feature (its top-level members are the feature's).
 */
function repeatsOf(
  repeats: RepeatedMember[],
  single: boolean
): { notices: BilingualMessage[]; problems: ImportProblem[] } {
  const notices: BilingualMessage[] = [];
  const problems: ImportProblem[] = [];
  for (const { path, key } of repeats) {
    const inFeature = single ? 0 : path[0] === 'features' && typeof path[1] === 'number' ? 2 : -1;
    if (inFeature >= 0) {
      const index = single ? 0 : (path[1] as number);
      const member = [...path.slice(inFeature), key].join('.');
      problems.push(featureProblem('repeated-member', index, undefined, { member }));
    } else {
      notices.push(notice('json-repeated-member', { member: [...path, key].join('.') }));
    }
  }
  return { notices, problems };
}

/** Remarks for the repeated members of split features whose geometry could not be located. */
function splitRepeats(bytes: Uint8Array, layout: FeatureCollectionLayout): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const ranges = layout.featureRanges;
  for (let index = 0; index < ranges.length / 2; index++) {
    if (layout.geometryRanges[2 * index] !== NO_GEOMETRY_RANGE) continue;
    let text: string;
    try {
      text = decodeUtf8OrThrow(bytes.subarray(ranges[2 * index], ranges[2 * index + 1]));
      JSON.parse(text);
    } catch {
      continue; // the batch parse reports it
    }
    for (const { path, key } of findRepeatedMembers(text, 2)) {
      const member = [...path, key].join('.');
      problems.push(featureProblem('repeated-member', index, undefined, { member }));
    }
  }
  return problems;
}
