/**
 * The packed record (packed-features.ts tells the whole contract): its format, its arrays and
 * kinds, and the checks a record read back from storage or a message must pass.
 */

export const PACKED_FEATURES_FORMAT = 'packed-features/2';
/** The first layout: `text` a string, `textOffsets` in UTF-16 code units (upgradePackedRecord). */
export const PACKED_FEATURES_FORMAT_1 = 'packed-features/1';

export interface PackedFeatureRecord {
  /** Marks the record (and its layout version), e.g. 'packed-features/2'. */
  format: 'packed-features/2';
  count: number;
  /**
   * Per feature: 0 null geometry, 1 Point, 2 MultiPoint, 3 LineString, 4 MultiLineString,
   * 5 Polygon, 6 MultiPolygon, 7 geometry kept whole in the text (also: no geometry member).
   */
  kinds: Uint8Array;
  /** Per feature: numbers per position (2, 3, …) for kinds 1–6; 0 if it has no positions. */
  dimensions: Uint8Array;
  /** count + 1 offsets into `coordinates` (in numbers) */
  coordinateOffsets: Uint32Array;
  /** count + 1 offsets into `structure` */
  structureOffsets: Uint32Array;
  coordinates: Float64Array;
  /**
   * The part counts, per feature: Point none; MultiPoint, LineString: positions;
   * MultiLineString, Polygon: parts, then each part's positions; MultiPolygon: polygons, then
   * per polygon its rings followed by each ring's positions.
   */
  structure: Uint32Array;
  /**
   * Every feature's JSON text without its packed geometry, in UTF-8, concatenated: bytes, so the
   * text is no string on the JavaScript heap and moves (postMessage transfer) with the arrays.
   */
  text: Uint8Array;
  /** count + 1 offsets into `text` (bytes) */
  textOffsets: Uint32Array;
}

/** A record's typed arrays, by name. */
export type PackedArrays = Pick<
  PackedFeatureRecord,
  | 'kinds'
  | 'dimensions'
  | 'coordinateOffsets'
  | 'structureOffsets'
  | 'textOffsets'
  | 'structure'
  | 'coordinates'
  | 'text'
>;

/**
 * A record's typed arrays with their names, in the order a packed Blob lays them out
 * (packed-blob.ts): the small per-feature ones first, the text last.
 *
 * @example for (const [name, array] of packedArraysOf(record)) console.log(name, array.byteLength);
 */
export function packedArraysOf(
  record: PackedArrays
): [keyof PackedArrays, PackedArrays[keyof PackedArrays]][] {
  return [
    ['kinds', record.kinds],
    ['dimensions', record.dimensions],
    ['coordinateOffsets', record.coordinateOffsets],
    ['structureOffsets', record.structureOffsets],
    ['textOffsets', record.textOffsets],
    ['structure', record.structure],
    ['coordinates', record.coordinates],
    ['text', record.text]
  ];
}

/** The values of PackedFeatureRecord.kinds. */
export const PackedKind = {
  Null: 0,
  Point: 1,
  MultiPoint: 2,
  LineString: 3,
  MultiLineString: 4,
  Polygon: 5,
  MultiPolygon: 6,
  /** The geometry is kept whole in the feature's text. */
  Text: 7
} as const;

/** Whether a feature of this kind has its geometry in the typed arrays (kinds 1–6). */
export function isPackedGeometry(kind: number): boolean {
  return kind >= PackedKind.Point && kind <= PackedKind.MultiPolygon;
}

export const KIND_NULL = PackedKind.Null;
export const KIND_TEXT = PackedKind.Text;
/** Geometry type → kind (1–6). */
export const KIND_OF: Readonly<Record<string, number>> = {
  Point: PackedKind.Point,
  MultiPoint: PackedKind.MultiPoint,
  LineString: PackedKind.LineString,
  MultiLineString: PackedKind.MultiLineString,
  Polygon: PackedKind.Polygon,
  MultiPolygon: PackedKind.MultiPolygon
};
export const MAX_DIMENSION = 255;
export const utf8Encoder = new TextEncoder();
export const utf8Decoder = new TextDecoder();

/**
 * A feature's own JSON text in UTF-8 — bytes[start, end) — and where its geometry's value is in
 * it, bytes[geometryStart, geometryEnd): what a reader that cut the feature from a file knows
 * (read-geojson.ts). Packing copies it with the geometry replaced by `null`.
 */
export interface FeatureSourceText {
  bytes: Uint8Array;
  start: number;
  geometryStart: number;
  geometryEnd: number;
  end: number;
}

/**
 * A record in the current layout from one read back from storage: returned as it is if it is
 * one (isPackedFeatureRecord), converted if it is in the first layout ('packed-features/1': text
 * a string, offsets in UTF-16 code units — layers saved before the text became bytes), else null.
 */
export function upgradePackedRecord(value: unknown): PackedFeatureRecord | null {
  if (isPackedFeatureRecord(value)) return value;
  if (typeof value !== 'object' || value === null) return null;
  const old = value as Omit<PackedFeatureRecord, 'format' | 'text'> & {
    format: unknown;
    text: unknown;
  };
  if (old.format !== PACKED_FEATURES_FORMAT_1 || typeof old.text !== 'string') return null;
  const oldText = old.text;
  const pieces: Uint8Array[] = [];
  const textOffsets = new Uint32Array(old.count + 1);
  let bytes = 0;
  for (let k = 0; k < old.count; k++) {
    const piece = utf8Encoder.encode(
      oldText.slice(old.textOffsets?.[k] ?? 0, old.textOffsets?.[k + 1] ?? 0)
    );
    pieces.push(piece);
    bytes += piece.length;
    textOffsets[k + 1] = bytes;
  }
  const text = new Uint8Array(bytes);
  for (let k = 0; k < pieces.length; k++) text.set(pieces[k], textOffsets[k]);
  const upgraded = { ...old, format: PACKED_FEATURES_FORMAT, text, textOffsets };
  return isPackedFeatureRecord(upgraded) ? upgraded : null;
}

/** True for a value with the tag of a typed array of that name (also across realms). */
export function isTyped(value: unknown, name: string): boolean {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${name}]`;
}

/** Offsets start at 0, never decrease and end at `end`. */
export function offsetsFit(offsets: Uint32Array, end: number): boolean {
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== end) return false;
  for (let k = 1; k < offsets.length; k++) if (offsets[k] < offsets[k - 1]) return false;
  return true;
}

/**
 * Whether `value` has the shape of a PackedFeatureRecord (e.g. read back from IndexedDB):
 * format tag, array types, lengths, offsets that fit, kinds 0–7 and coordinate spans that are
 * whole positions. It does not parse the text.
 */
export function isPackedFeatureRecord(value: unknown): value is PackedFeatureRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const count = r.count;
  if (r.format !== PACKED_FEATURES_FORMAT) return false;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return false;
  if (!hasRecordArrays(r)) return false;
  const record = value as PackedFeatureRecord;
  if (!arraysFit(record, count)) return false;
  return kindsFit(record, count);
}

/** The record's arrays have the types of a PackedFeatureRecord's. */
function hasRecordArrays(r: Record<string, unknown>): boolean {
  return (
    isTyped(r.kinds, 'Uint8Array') &&
    isTyped(r.dimensions, 'Uint8Array') &&
    isTyped(r.coordinateOffsets, 'Uint32Array') &&
    isTyped(r.structureOffsets, 'Uint32Array') &&
    isTyped(r.coordinates, 'Float64Array') &&
    isTyped(r.structure, 'Uint32Array') &&
    isTyped(r.text, 'Uint8Array') &&
    isTyped(r.textOffsets, 'Uint32Array')
  );
}

/** The arrays' lengths fit `count` features and their offsets fit the arrays they point into. */
function arraysFit(record: PackedFeatureRecord, count: number): boolean {
  return (
    record.kinds.length === count &&
    record.dimensions.length === count &&
    record.coordinateOffsets.length === count + 1 &&
    record.structureOffsets.length === count + 1 &&
    record.textOffsets.length === count + 1 &&
    offsetsFit(record.coordinateOffsets, record.coordinates.length) &&
    offsetsFit(record.structureOffsets, record.structure.length) &&
    offsetsFit(record.textOffsets, record.text.length)
  );
}

/** Kinds 0–7, and coordinate spans of whole positions (none for null and text geometries). */
function kindsFit(record: PackedFeatureRecord, count: number): boolean {
  for (let k = 0; k < count; k++) {
    const kind = record.kinds[k];
    if (kind > KIND_TEXT) return false;
    const numbers = record.coordinateOffsets[k + 1] - record.coordinateOffsets[k];
    const dimension = record.dimensions[k];
    if (kind === KIND_NULL || kind === KIND_TEXT) {
      if (numbers !== 0 || record.structureOffsets[k + 1] !== record.structureOffsets[k]) {
        return false;
      }
    } else if (numbers > 0 && (dimension < 2 || numbers % dimension !== 0)) {
      return false;
    }
  }
  return true;
}
