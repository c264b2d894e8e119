/**
 * Imported layers in a PACKED form: coordinates in typed arrays, everything else as JSON text,
 * read back one feature at a time. 100 000 parcels held as GeoJSON objects cost ~150 MB of heap
 * and long GC pauses on the page (a small array object per position); packed they are one
 * Float64Array plus a few small arrays and one string, which structured clone copies cheaply,
 * postMessage can transfer (transferablesOf) and IndexedDB stores as is.
 *
 * Exactness is the contract: `unpackFeature(packFeatures(features), i)` deep-equals
 * `features[i]` and serialises to the same JSON text (same key order) for every feature of a
 * GeoJSON file (plain objects and arrays as JSON.parse gives them; for -0 see below). Only a
 * geometry whose own keys are exactly
 * `type`, `coordinates` (in that order), whose type is one of the six coordinate types, whose
 * nesting is right for that type and whose positions all have the same length (2…255) of finite
 * numbers goes into the typed arrays; any other geometry (GeometryCollection, extra members such
 * as a geometry bbox, another key order, mixed dimensions, bad data) stays whole in the text.
 *
 * What JSON text cannot carry comes back as JSON would give it — only in the text part: `-0` in
 * properties, ids or a geometry kept in the text comes back as `0`; `undefined` members are
 * dropped (in arrays: `null`); NaN and ±Infinity become `null`; a Date becomes its ISO string.
 * Coordinates in the typed arrays are exact Float64 values, `-0` included.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { GrowingArray } from './growing-array';

export const PACKED_FEATURES_FORMAT = 'packed-features/2';
/** The first layout: `text` a string, `textOffsets` in UTF-16 code units (upgradePackedRecord). */
const PACKED_FEATURES_FORMAT_1 = 'packed-features/1';

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

const KIND_NULL = PackedKind.Null;
const KIND_TEXT = PackedKind.Text;
/** Geometry type → kind (1–6). */
const KIND_OF: Readonly<Record<string, number>> = {
  Point: PackedKind.Point,
  MultiPoint: PackedKind.MultiPoint,
  LineString: PackedKind.LineString,
  MultiLineString: PackedKind.MultiLineString,
  Polygon: PackedKind.Polygon,
  MultiPolygon: PackedKind.MultiPolygon
};
const MAX_DIMENSION = 255;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Array nesting below `coordinates` down to the numbers, minus one (positions are depth 0). */
const DEPTH_OF_KIND = [0, 0, 1, 1, 2, 2, 3];

/**
 * The kind a feature's geometry may be packed as, from its members alone: 0 null geometry,
 * 1–6 a candidate (own keys exactly `type`, `coordinates`; a coordinate type), else 7.
 */
function candidateKind(feature: unknown): number {
  if (
    !isPlainObject(feature) ||
    !Object.hasOwn(feature, 'geometry') ||
    typeof feature.toJSON === 'function'
  ) {
    return KIND_TEXT;
  }
  const geometry = feature.geometry;
  if (geometry === null) return KIND_NULL;
  if (!isPlainObject(geometry)) return KIND_TEXT;
  const keys = Object.keys(geometry);
  if (keys.length !== 2 || keys[0] !== 'type' || keys[1] !== 'coordinates') return KIND_TEXT;
  const type = geometry.type;
  return typeof type === 'string' && Object.hasOwn(KIND_OF, type) ? KIND_OF[type] : KIND_TEXT;
}

/**
 * Adds up the numbers and part counts a candidate geometry would take — exact when it packs, more
 * when it does not — so the typed arrays are allocated once: growing a 30 MB array by doubling
 * allocates 60 MB more and brings on full GCs of the (large) live feature graph.
 */
class SizeCounter {
  numbers = 0;
  counts = 0;
  add(value: unknown, depth: number): void {
    if (!Array.isArray(value)) return;
    if (depth === 0) {
      this.numbers += value.length;
      return;
    }
    this.counts++;
    if (depth === 1) {
      for (const position of value as unknown[]) {
        if (Array.isArray(position)) this.numbers += position.length;
      }
      return;
    }
    for (const part of value as unknown[]) this.add(part, depth - 1);
  }
}

/** The `coordinates` member of a candidate's geometry. */
function coordinatesOf(feature: Feature<Geometry | null>): unknown {
  return (feature.geometry as { coordinates: unknown }).coordinates;
}

/**
 * Appends one geometry's positions and counts, or reports that it cannot be packed.
 *
 * Arrays are read with for…of, not `array[k]`: once an indexed read site has seen an array of
 * mixed values (bad data such as `[121, "41"]`), V8's optimised code converts every array of
 * doubles read there to boxed numbers — measured: +58 MB of heap kept by the caller's 100 000
 * parcels and a pack several times slower. for…of reads do not convert.
 */
class GeometryWriter {
  readonly coordinates: GrowingArray<Float64Array>;
  readonly structure: GrowingArray<Uint32Array>;
  /** Numbers per position of the geometry being written; 0 until its first position. */
  dimension = 0;

  constructor(numbers: number, counts: number) {
    this.coordinates = new GrowingArray(new Float64Array(numbers), (n) => new Float64Array(n));
    this.structure = new GrowingArray(new Uint32Array(counts), (n) => new Uint32Array(n));
  }

  /**
   * Writes the coordinates of a candidate of `kind` (1–6) and returns true, or returns false and
   * writes nothing when the nesting or a position is wrong (the geometry stays in the text).
   */
  write(coordinates: unknown, kind: number): boolean {
    const coordinateStart = this.coordinates.length;
    const structureStart = this.structure.length;
    this.dimension = 0;
    let ok: boolean;
    switch (kind) {
      case 1:
        ok = this.position(coordinates);
        break;
      case 2:
      case 3:
        ok = this.positions(coordinates);
        break;
      case 4:
      case 5:
        ok = this.parts(coordinates);
        break;
      default:
        ok = this.polygons(coordinates);
    }
    if (ok) return true;
    this.coordinates.length = coordinateStart;
    this.structure.length = structureStart;
    return false;
  }

  private position(value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    const length = value.length;
    if (this.dimension === 0) {
      if (length < 2 || length > MAX_DIMENSION) return false;
      this.dimension = length;
    } else if (length !== this.dimension) {
      return false;
    }
    const target = this.coordinates;
    target.reserve(length);
    const array = target.array;
    let at = target.length;
    for (const number of value as unknown[]) {
      // typeof first: holes and non-numbers are refused without a conversion; x - x is NaN
      // for NaN and ±Infinity.
      if (typeof number !== 'number' || number - number !== 0) return false;
      array[at++] = number;
    }
    target.length = at;
    return true;
  }

  private positions(value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    this.structure.push(value.length);
    if (this.dimension === 0 && value.length > 0) {
      const first: unknown = value[0];
      if (!Array.isArray(first) || first.length < 2 || first.length > MAX_DIMENSION) return false;
      this.dimension = first.length;
    }
    if (this.dimension !== 2) {
      for (const position of value as unknown[]) if (!this.position(position)) return false;
      return true;
    }
    // Two numbers per position, as almost every file has: written without a call per position.
    const target = this.coordinates;
    target.reserve(2 * value.length);
    const array = target.array;
    let at = target.length;
    for (const position of value as unknown[]) {
      if (!Array.isArray(position) || position.length !== 2) return false;
      const x: unknown = position[0];
      const y: unknown = position[1];
      // typeof first: holes and non-numbers are refused without a conversion; x - x is NaN
      // for NaN and ±Infinity.
      if (typeof x !== 'number' || typeof y !== 'number' || x - x !== 0 || y - y !== 0) {
        return false;
      }
      array[at] = x;
      array[at + 1] = y;
      at += 2;
    }
    target.length = at;
    return true;
  }

  private parts(value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    this.structure.push(value.length);
    for (const part of value as unknown[]) if (!this.positions(part)) return false;
    return true;
  }

  private polygons(value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    this.structure.push(value.length);
    for (const polygon of value as unknown[]) if (!this.parts(polygon)) return false;
    return true;
  }
}

function jsonText(value: unknown, index: number): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(
      `Feature #${index} cannot be written as JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error }
    );
  }
  if (text === undefined) throw new TypeError(`Feature #${index} cannot be written as JSON`);
  return text;
}

/**
 * Writes features one by one into the arrays of one record — the per-feature half of
 * packFeatures (arrays sized exactly beforehand) and of PackedFeatureBuilder (arrays sized for a
 * segment, trimmed when it ends).
 */
class RecordWriter {
  readonly geometries: GeometryWriter;
  readonly kinds: GrowingArray<Uint8Array>;
  readonly dimensions: GrowingArray<Uint8Array>;
  readonly coordinateOffsets: GrowingArray<Uint32Array>;
  readonly structureOffsets: GrowingArray<Uint32Array>;
  readonly textOffsets: GrowingArray<Uint32Array>;
  readonly text: GrowingArray<Uint8Array>;
  count = 0;

  /** Room for `features` features, `numbers` coordinates, `counts` part counts, `textBytes`. */
  constructor(features: number, numbers: number, counts: number, textBytes: number) {
    this.geometries = new GeometryWriter(numbers, counts);
    const bytes = (n: number) => new Uint8Array(n);
    const offsets = (n: number) => new Uint32Array(n);
    this.kinds = new GrowingArray(bytes(features), bytes);
    this.dimensions = new GrowingArray(bytes(features), bytes);
    this.coordinateOffsets = new GrowingArray(offsets(features + 1), offsets);
    this.structureOffsets = new GrowingArray(offsets(features + 1), offsets);
    this.textOffsets = new GrowingArray(offsets(features + 1), offsets);
    this.text = new GrowingArray(bytes(textBytes), bytes);
    this.coordinateOffsets.push(0);
    this.structureOffsets.push(0);
    this.textOffsets.push(0);
  }

  /** Coordinates written so far. */
  get numbers(): number {
    return this.geometries.coordinates.length;
  }

  /**
   * Appends a feature whose candidateKind is `candidate`; throws a TypeError naming feature
   * `index` if it cannot be written as JSON. `source`, when given, holds the feature's own JSON
   * text in UTF-8 with where its geometry's value is: if the geometry packs, that text with the
   * value replaced by `null` is copied instead of writing the feature out again.
   */
  add(
    feature: Feature<Geometry | null>,
    index: number,
    candidate: number,
    source?: FeatureSourceText
  ): void {
    const writer = this.geometries;
    let kind = candidate;
    if (isPackedGeometry(kind) && !writer.write(coordinatesOf(feature), kind)) kind = KIND_TEXT;
    if (isPackedGeometry(kind)) {
      if (source) this.#copyWithoutGeometry(source);
      // A shallow copy keeps the key order; `geometry` keeps its place, now null.
      else this.#writeText(jsonText({ ...feature, geometry: null }, index));
      this.dimensions.push(writer.dimension);
    } else {
      this.#writeText(jsonText(feature, index));
      this.dimensions.push(0);
    }
    this.kinds.push(kind);
    this.coordinateOffsets.push(writer.coordinates.length);
    this.structureOffsets.push(writer.structure.length);
    this.textOffsets.push(this.text.length);
    this.count++;
  }

  #writeText(text: string): void {
    const target = this.text;
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    target.reserve(3 * text.length);
    target.length += utf8Encoder.encodeInto(text, target.array.subarray(target.length)).written;
  }

  #copyWithoutGeometry({ bytes, start, geometryStart, geometryEnd, end }: FeatureSourceText) {
    const target = this.text;
    target.reserve(geometryStart - start + 4 + end - geometryEnd);
    const array = target.array;
    let at = target.length;
    // Byte by byte: a feature's text is short, and subarray + set would make two views each.
    for (let k = start; k < geometryStart; k++) array[at++] = bytes[k];
    array[at++] = 0x6e; // n
    array[at++] = 0x75; // u
    array[at++] = 0x6c; // l
    array[at++] = 0x6c; // l
    for (let k = geometryEnd; k < end; k++) array[at++] = bytes[k];
    target.length = at;
  }

  /** The record of everything added, each array trimmed to its contents (once: it ends here). */
  record(): PackedFeatureRecord {
    return {
      format: PACKED_FEATURES_FORMAT,
      count: this.count,
      kinds: this.kinds.trimmed(),
      dimensions: this.dimensions.trimmed(),
      coordinateOffsets: this.coordinateOffsets.trimmed(),
      structureOffsets: this.structureOffsets.trimmed(),
      coordinates: this.geometries.coordinates.trimmed(),
      structure: this.geometries.structure.trimmed(),
      text: this.text.trimmed(),
      textOffsets: this.textOffsets.trimmed()
    };
  }
}

/**
 * Packs features (e.g. an import's usable features) into a record. The features are not
 * changed. Throws a TypeError naming the feature if one cannot be written as JSON at all
 * (undefined, a cycle, a BigInt).
 *
 * @example
 * const record = packFeatures(result.features);
 * worker.postMessage({ record }, transferablesOf(record));
 */
export function packFeatures(features: readonly Feature<Geometry | null>[]): PackedFeatureRecord {
  const count = features.length;
  const kinds = new Uint8Array(count);
  // First pass: which geometries may pack, and how much room they take, so the arrays are
  // allocated once: growing a 30 MB array by doubling allocates 60 MB more.
  const size = new SizeCounter();
  for (let index = 0; index < count; index++) {
    const kind = candidateKind(features[index]);
    kinds[index] = kind;
    if (isPackedGeometry(kind)) size.add(coordinatesOf(features[index]), DEPTH_OF_KIND[kind]);
  }
  // Text: a guess (grown if short, trimmed at the end): ~120 bytes a feature.
  const writer = new RecordWriter(count, size.numbers, size.counts, 128 * count);
  for (let index = 0; index < count; index++) writer.add(features[index], index, kinds[index]);
  return writer.record();
}

/** Rebuilds a packed geometry from its numbers and counts. */
function rebuildGeometry(record: PackedFeatureRecord, index: number, kind: number): Geometry {
  const values = record.coordinates;
  const counts = record.structure;
  const dimension = record.dimensions[index];
  let at = record.coordinateOffsets[index];
  let countAt = record.structureOffsets[index];
  const position = (): Position => {
    const start = at;
    at += dimension;
    if (dimension === 2) return [values[start], values[start + 1]];
    if (dimension === 3) return [values[start], values[start + 1], values[start + 2]];
    return Array.from(values.subarray(start, at));
  };
  const positions = (): Position[] => {
    const list: Position[] = new Array(counts[countAt++]);
    for (let k = 0; k < list.length; k++) list[k] = position();
    return list;
  };
  const parts = (): Position[][] => {
    const list: Position[][] = new Array(counts[countAt++]);
    for (let k = 0; k < list.length; k++) list[k] = positions();
    return list;
  };
  switch (kind) {
    case 1:
      return { type: 'Point', coordinates: position() };
    case 2:
      return { type: 'MultiPoint', coordinates: positions() };
    case 3:
      return { type: 'LineString', coordinates: positions() };
    case 4:
      return { type: 'MultiLineString', coordinates: parts() };
    case 5:
      return { type: 'Polygon', coordinates: parts() };
    default: {
      const polygons: Position[][][] = new Array(counts[countAt++]);
      for (let k = 0; k < polygons.length; k++) polygons[k] = parts();
      return { type: 'MultiPolygon', coordinates: polygons };
    }
  }
}

/**
 * The feature at `index`, rebuilt — a new object on every call, in O(its size).
 *
 * @example
 * unpackFeature(packFeatures([parcel]), 0); // deep-equals parcel, same JSON text
 */
export function unpackFeature(record: PackedFeatureRecord, index: number): Feature {
  if (!Number.isInteger(index) || index < 0 || index >= record.count) {
    throw new RangeError(`No feature #${index} in a packed record of ${record.count}`);
  }
  const feature = JSON.parse(
    utf8Decoder.decode(
      record.text.subarray(record.textOffsets[index], record.textOffsets[index + 1])
    )
  ) as Feature;
  const kind = record.kinds[index];
  if (isPackedGeometry(kind)) feature.geometry = rebuildGeometry(record, index, kind);
  return feature;
}

const recordsOfView = new WeakMap<object, readonly PackedFeatureRecord[]>();

function readOnly(): never {
  throw new TypeError('A packed feature array is read-only; copy it (e.g. [...view]) to change it');
}

/** The index a property key names, or -1 if it is not a canonical array index below `count`. */
function indexOf(key: string | symbol, count: number): number {
  if (typeof key !== 'string') return -1;
  const code = key.charCodeAt(0);
  if (!(code >= 48 && code <= 57)) return -1; // not a digit: '', 'length', 'map', …
  const index = Number(key);
  return Number.isInteger(index) && index < count && String(index) === key ? index : -1;
}

/**
 * A read-only, lazy array over a record, or over consecutive records read as one: `length` is
 * the count, reading index i unpacks feature i (a new object each read, nothing kept), writes
 * throw a TypeError. It is a real array to Array.isArray, so map/forEach/slice/filter/find/some,
 * for…of, spread and JSON.stringify work; structuredClone/postMessage of the view throw
 * DataCloneError — send its records instead (packedRecordsOf).
 *
 * @example
 * const features = packedFeatureArray(record); // or packedFeatureArray([record1, record2])
 * features.length; // record.count
 * features.map((f) => f.properties?.name);
 */
export function packedFeatureArray(
  records: PackedFeatureRecord | readonly PackedFeatureRecord[]
): Feature[] {
  const list: readonly PackedFeatureRecord[] = Array.isArray(records)
    ? [...(records as readonly PackedFeatureRecord[])]
    : [records as PackedFeatureRecord];
  const starts = new Float64Array(list.length);
  let count = 0;
  list.forEach((record, k) => {
    starts[k] = count;
    count += record.count;
  });
  const only = list.length === 1 ? list[0] : null;
  const unpack = (index: number): Feature => {
    if (only) return unpackFeature(only, index);
    const segment = segmentOf(starts, index);
    return unpackFeature(list[segment], index - starts[segment]);
  };
  const handler: ProxyHandler<Feature[]> = {
    get(target, key, receiver) {
      if (key === 'length') return count;
      const index = indexOf(key, count);
      if (index >= 0) return unpack(index);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      return key === 'length' || indexOf(key, count) >= 0 || Reflect.has(target, key);
    },
    ownKeys(target) {
      const keys: (string | symbol)[] = new Array(count);
      for (let k = 0; k < count; k++) keys[k] = String(k);
      return keys.concat(Reflect.ownKeys(target));
    },
    getOwnPropertyDescriptor(target, key) {
      if (key === 'length') {
        // The target's length is non-configurable and writable: the report must agree.
        return { value: count, writable: true, enumerable: false, configurable: false };
      }
      const index = indexOf(key, count);
      if (index >= 0) {
        return { value: unpack(index), writable: false, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
    setPrototypeOf: readOnly,
    preventExtensions: readOnly
  };
  const view = new Proxy<Feature[]>([], handler);
  recordsOfView.set(view, list);
  return view;
}

/** The records behind an array made by packedFeatureArray, in order; null for any other array. */
export function packedRecordsOf(features: readonly unknown[]): PackedFeatureRecord[] | null {
  const records = recordsOfView.get(features);
  return records ? [...records] : null;
}

/**
 * The record behind an array made by packedFeatureArray — joined into one (a copy) if the view
 * is over several; null for any other array.
 */
export function packedRecordOf(features: readonly unknown[]): PackedFeatureRecord | null {
  const records = recordsOfView.get(features);
  if (!records) return null;
  return records.length === 1 ? records[0] : concatRecords(records);
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
function isTyped(value: unknown, name: string): boolean {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${name}]`;
}

/** Offsets start at 0, never decrease and end at `end`. */
function offsetsFit(offsets: Uint32Array, end: number): boolean {
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
  if (
    !isTyped(r.kinds, 'Uint8Array') ||
    !isTyped(r.dimensions, 'Uint8Array') ||
    !isTyped(r.coordinateOffsets, 'Uint32Array') ||
    !isTyped(r.structureOffsets, 'Uint32Array') ||
    !isTyped(r.coordinates, 'Float64Array') ||
    !isTyped(r.structure, 'Uint32Array') ||
    !isTyped(r.text, 'Uint8Array') ||
    !isTyped(r.textOffsets, 'Uint32Array')
  ) {
    return false;
  }
  const record = value as PackedFeatureRecord;
  if (
    record.kinds.length !== count ||
    record.dimensions.length !== count ||
    record.coordinateOffsets.length !== count + 1 ||
    record.structureOffsets.length !== count + 1 ||
    record.textOffsets.length !== count + 1 ||
    !offsetsFit(record.coordinateOffsets, record.coordinates.length) ||
    !offsetsFit(record.structureOffsets, record.structure.length) ||
    !offsetsFit(record.textOffsets, record.text.length)
  ) {
    return false;
  }
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

/**
 * Bytes a buffer shared by a record's arrays may hold besides them: the record's header in the
 * Blob it was read from (packed-blob.ts: 8 digits and at most 4 096 bytes of JSON).
 */
const SHARED_BUFFER_HEADER_BYTES = 8 + 4096;

/**
 * The buffers of the records' typed arrays, to transfer with postMessage (the sender's records
 * are unusable afterwards). Arrays may own a buffer each or share one (as readPackedRecordBlob
 * makes them, for all the records of a Blob), but every buffer must hold nothing but the records'
 * arrays (and at most 7 bytes of padding after each, and each record's header when shared):
 * otherwise a TypeError, as transferring it would move memory that is not the records'.
 *
 * @example
 * worker.postMessage({ record }, transferablesOf(record)); // or of a list of records
 */
export function transferablesOf(
  records: PackedFeatureRecord | readonly PackedFeatureRecord[]
): ArrayBuffer[] {
  const list: readonly PackedFeatureRecord[] = Array.isArray(records) ? records : [records];
  const onBuffer = new Map<ArrayBuffer, { bytes: number; arrays: number; records: number }>();
  for (const record of list) {
    const buffersOfRecord = new Set<ArrayBuffer>();
    for (const [name, array] of packedArraysOf(record)) {
      const buffer = array.buffer;
      if (!(buffer instanceof ArrayBuffer)) {
        throw new TypeError(`Packed record: ${name} is not on an ArrayBuffer`);
      }
      const seen = onBuffer.get(buffer) ?? { bytes: 0, arrays: 0, records: 0 };
      const firstOfRecord = !buffersOfRecord.has(buffer);
      buffersOfRecord.add(buffer);
      onBuffer.set(buffer, {
        bytes: seen.bytes + array.byteLength,
        arrays: seen.arrays + 1,
        records: seen.records + (firstOfRecord ? 1 : 0)
      });
    }
  }
  for (const [buffer, { bytes, arrays: count, records: sharing }] of onBuffer) {
    // An array alone on its buffer must fill it; arrays sharing one may be padded (alignment).
    const slack = count === 1 ? 0 : 7 * count + SHARED_BUFFER_HEADER_BYTES * sharing;
    if (buffer.byteLength > bytes + slack) {
      throw new TypeError(
        `Packed record: an array is a view of a bigger ArrayBuffer (${buffer.byteLength} bytes, the record's arrays ${bytes}); copy it (slice()) before transferring`
      );
    }
  }
  return [...onBuffer.keys()];
}

/**
 * Features [start, end) of a record as a record of their own, every array a copy of just that
 * part (structured cloning a view would copy its whole buffer): for sending a big layer in slices.
 *
 * @example for (let s = 0; s < r.count; s += 2500) post(sliceRecord(r, s, Math.min(s + 2500, r.count)));
 */
export function sliceRecord(
  record: PackedFeatureRecord,
  start: number,
  end: number
): PackedFeatureRecord {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) {
    throw new RangeError(`No slice ${start}…${end} of a record of ${record.count} features`);
  }
  if (end > record.count) {
    throw new RangeError(`No slice ${start}…${end} of a record of ${record.count} features`);
  }
  /** offsets[start…end] made to start at 0, and the span of the data they index. */
  const rebased = (offsets: Uint32Array) => {
    const from = offsets[start];
    const part = offsets.slice(start, end + 1);
    for (let i = 0; i < part.length; i++) part[i] -= from;
    return { part, from, to: offsets[end] };
  };
  const coordinates = rebased(record.coordinateOffsets);
  const structure = rebased(record.structureOffsets);
  const text = rebased(record.textOffsets);
  return {
    format: record.format,
    count: end - start,
    kinds: record.kinds.slice(start, end),
    dimensions: record.dimensions.slice(start, end),
    coordinateOffsets: coordinates.part,
    structureOffsets: structure.part,
    coordinates: record.coordinates.slice(coordinates.from, coordinates.to),
    structure: record.structure.slice(structure.from, structure.to),
    text: record.text.slice(text.from, text.to),
    textOffsets: text.part
  };
}

/**
 * One record of the features of `records`, in order (each array a fresh copy): for putting a
 * layer packed in batches back together.
 *
 * @example concatRecords([sliceRecord(r, 0, 10), sliceRecord(r, 20, 30)]).count // 20
 */
export function concatRecords(records: readonly PackedFeatureRecord[]): PackedFeatureRecord {
  let count = 0;
  let coordinateCount = 0;
  let structureCount = 0;
  let textCount = 0;
  for (const record of records) {
    count += record.count;
    coordinateCount += record.coordinates.length;
    structureCount += record.structure.length;
    textCount += record.text.length;
  }
  const kinds = new Uint8Array(count);
  const dimensions = new Uint8Array(count);
  const coordinateOffsets = new Uint32Array(count + 1);
  const structureOffsets = new Uint32Array(count + 1);
  const textOffsets = new Uint32Array(count + 1);
  const coordinates = new Float64Array(coordinateCount);
  const structure = new Uint32Array(structureCount);
  const text = new Uint8Array(textCount);
  let at = 0;
  let coordinateBase = 0;
  let structureBase = 0;
  let textBase = 0;
  for (const record of records) {
    kinds.set(record.kinds, at);
    dimensions.set(record.dimensions, at);
    coordinates.set(record.coordinates, coordinateBase);
    structure.set(record.structure, structureBase);
    text.set(record.text, textBase);
    for (let i = 1; i <= record.count; i++) {
      coordinateOffsets[at + i] = coordinateBase + record.coordinateOffsets[i];
      structureOffsets[at + i] = structureBase + record.structureOffsets[i];
      textOffsets[at + i] = textBase + record.textOffsets[i];
    }
    at += record.count;
    coordinateBase += record.coordinates.length;
    structureBase += record.structure.length;
    textBase += record.text.length;
  }
  return {
    format: PACKED_FEATURES_FORMAT,
    count,
    kinds,
    dimensions,
    coordinateOffsets,
    structureOffsets,
    coordinates,
    structure,
    text,
    textOffsets
  };
}

/**
 * Numbers of coordinates per segment of a PackedFeatureBuilder (4 MB): big enough that a layer
 * has few segments, small enough that growing and trimming one copies little.
 */
const SEGMENT_NUMBERS = 1 << 19;

/**
 * Where a PackedFeatureBuilder can keep its finished segments instead of in memory (packed-blob.ts
 * has one that keeps them as Blobs, outside the tab). `put` takes the segment over: its arrays
 * may be released. `take` gives it back.
 */
export interface SegmentShelf<Shelved> {
  put(segment: PackedFeatureRecord): Shelved;
  take(shelved: Shelved): Promise<PackedFeatureRecord>;
}

/**
 * Packs features added one at a time, each at once (none is kept as an object), into segments:
 * consecutive records of about `segmentNumbers` coordinates each. A segment's arrays are
 * allocated for its size when it starts and trimmed when it ends, so a big layer is never one
 * array grown by copying, nor joined into one record unless asked (record()). Any added feature
 * can be read back (get).
 *
 * Given a shelf, each segment goes onto it as it ends, and the builder holds none of them: then
 * `ready(index)` must come before `get(index)` (it takes back the feature's segment, one at a
 * time), and `shelvedSelection` gives the result.
 *
 * @example
 * const packed = new PackedFeatureBuilder();
 * for (const feature of features) packed.add(feature);
 * packedFeatureArray(packed.records()); // or packed.record(): one record
 */
export class PackedFeatureBuilder<Shelved = never> {
  #segments: (PackedFeatureRecord | { shelved: Shelved })[] = [];
  /** Index of the first feature of each segment. */
  #starts: number[] = [];
  #writer: RecordWriter | null = null;
  #count = 0;
  /** The one shelved segment taken back, by its number. */
  #taken: { segment: number; record: PackedFeatureRecord } | null = null;

  /**
   * @param segmentNumbers coordinates per segment (a segment ends once it has this many)
   * @param shelf where segments go as they end (see the class's comment)
   */
  constructor(
    readonly segmentNumbers = SEGMENT_NUMBERS,
    private readonly shelf?: SegmentShelf<Shelved>
  ) {}

  get count(): number {
    return this.#count;
  }

  /**
   * Adds a feature. `source`: its own JSON text, when the caller has it (cut from the file it
   * was parsed from: see read-geojson.ts); it must parse to the feature as it is. It spares
   * writing the feature out again: the text is copied, its geometry's value replaced by null.
   */
  add(feature: Feature<Geometry | null>, source?: FeatureSourceText): void {
    // Room for a segment's numbers and a little over (the feature that fills it), and for as many
    // features and part counts as small parcels would need; arrays grow past that if they must.
    const numbers = this.segmentNumbers;
    const features = Math.min(numbers >> 4, 1 << 16);
    const writer = (this.#writer ??= new RecordWriter(
      features,
      numbers + (numbers >> 3),
      numbers >> 3,
      128 * features
    ));
    writer.add(feature, this.#count++, candidateKind(feature), source);
    if (writer.numbers >= numbers) this.#endSegment();
  }

  /** With a shelf: takes back the segment of feature `index`, so that get(index) can read it. */
  async ready(index: number): Promise<void> {
    this.#checkIndex(index);
    this.#endSegment();
    const segment = segmentOf(this.#starts, index);
    const stored = this.#segments[segment];
    if (!('shelved' in stored) || this.#taken?.segment === segment) return;
    this.#taken = null;
    this.#taken = {
      segment,
      record: await (this.shelf as SegmentShelf<Shelved>).take(stored.shelved)
    };
  }

  /** Feature `index` (0-based, in the order added), unpacked. */
  get(index: number): Feature {
    this.#checkIndex(index);
    this.#endSegment();
    const segment = segmentOf(this.#starts, index);
    return unpackFeature(this.#record(segment), index - this.#starts[segment]);
  }

  /** Everything added, as consecutive records (the builder's own; do not change them). */
  records(): PackedFeatureRecord[] {
    this.#endSegment();
    return this.#segments.map((_, segment) => this.#record(segment));
  }

  /** Everything added, as one record. */
  record(): PackedFeatureRecord {
    const records = this.records();
    return records.length === 1 ? records[0] : concatRecords(records);
  }

  /**
   * The features whose `keep` entry is true, as consecutive records: a segment kept whole is
   * passed on as it is, one kept in part is sliced (copied). Never unpacks a feature.
   */
  select(keep: ArrayLike<boolean | number>): PackedFeatureRecord[] {
    this.#endSegment();
    return this.#segments.flatMap((_, segment) =>
      keptParts(this.#record(segment), keep, this.#starts[segment])
    );
  }

  /**
   * With a shelf: select's features, shelved. A segment kept whole stays as it is on the shelf;
   * one kept in part is taken back, sliced, and the slices shelved.
   */
  async shelvedSelection(keep: ArrayLike<boolean | number>): Promise<Shelved[]> {
    const shelf = this.shelf;
    if (!shelf) throw new Error('PackedFeatureBuilder.shelvedSelection needs a shelf');
    this.#endSegment();
    const selection: Shelved[] = [];
    for (let segment = 0; segment < this.#segments.length; segment++) {
      const stored = this.#segments[segment] as { shelved: Shelved };
      const first = this.#starts[segment];
      const end = this.#starts[segment + 1] ?? this.#count;
      let kept = 0;
      for (let i = first; i < end; i++) if (keep[i]) kept++;
      if (kept === end - first) selection.push(stored.shelved);
      else if (kept > 0) {
        const parts = keptParts(await shelf.take(stored.shelved), keep, first);
        for (const part of parts) selection.push(shelf.put(part));
      }
    }
    return selection;
  }

  #checkIndex(index: number): void {
    if (!(Number.isInteger(index) && index >= 0 && index < this.#count)) {
      throw new RangeError(`No feature #${index} among ${this.#count}`);
    }
  }

  /** Segment `segment` in memory: its own, or the shelved one taken back by ready(). */
  #record(segment: number): PackedFeatureRecord {
    const stored = this.#segments[segment];
    if (!('shelved' in stored)) return stored;
    if (this.#taken?.segment === segment) return this.#taken.record;
    throw new Error(`PackedFeatureBuilder: segment ${segment} is shelved; await ready() first`);
  }

  #endSegment(): void {
    const writer = this.#writer;
    if (!writer || writer.count === 0) return;
    this.#writer = null;
    this.#starts.push(this.#count - writer.count);
    const segment = writer.record();
    this.#segments.push(this.shelf ? { shelved: this.shelf.put(segment) } : segment);
  }
}

/** The runs of `record`'s features whose `keep` entry (from `base`) is true, as records. */
function keptParts(
  record: PackedFeatureRecord,
  keep: ArrayLike<boolean | number>,
  base: number
): PackedFeatureRecord[] {
  const parts: PackedFeatureRecord[] = [];
  let start = -1;
  for (let i = 0; i <= record.count; i++) {
    const kept = i < record.count && Boolean(keep[base + i]);
    if (kept && start < 0) start = i;
    if (!kept && start >= 0) {
      parts.push(start === 0 && i === record.count ? record : sliceRecord(record, start, i));
      start = -1;
    }
  }
  return parts;
}

/**
 * The segment holding item `index`, given each segment's first index (ascending, the first 0):
 * the last segment that starts at or before it. Binary search.
 *
 * @example segmentOf([0, 10, 25], 12) // 1
 */
export function segmentOf(starts: ArrayLike<number>, index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}
