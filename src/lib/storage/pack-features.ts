/** Packing features into a record: coordinates into typed arrays, the rest as JSON text. */
import type { Feature, Geometry } from 'geojson';
import { GrowingArray } from './growing-array';
import {
  type FeatureSourceText,
  KIND_NULL,
  KIND_OF,
  KIND_TEXT,
  MAX_DIMENSION,
  PACKED_FEATURES_FORMAT,
  type PackedFeatureRecord,
  isPackedGeometry,
  utf8Encoder
} from './packed-record';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Array nesting below `coordinates` down to the numbers, minus one (positions are depth 0). */
export const DEPTH_OF_KIND = [0, 0, 1, 1, 2, 2, 3];

/**
 * The kind a feature's geometry may be packed as, from its members alone: 0 null geometry,
 * 1–6 a candidate (own keys exactly `type`, `coordinates`; a coordinate type), else 7.
 */
export function candidateKind(feature: unknown): number {
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
export class SizeCounter {
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
export function coordinatesOf(feature: Feature<Geometry | null>): unknown {
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
export class GeometryWriter {
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

export function jsonText(value: unknown, index: number): string {
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
export class RecordWriter {
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
