/** Reading a record back one feature at a time, and PackedFeatures: the read-only list over records. */
import type { Feature, Geometry, Position } from 'geojson';
import { type PackedFeatureRecord, isPackedGeometry, utf8Decoder } from './packed-record';
import { concatRecords, segmentOf } from './packed-slices';
import type { FeatureList } from './feature-list';

/** Rebuilds a packed geometry from its numbers and counts. */
export function rebuildGeometry(
  record: PackedFeatureRecord,
  index: number,
  kind: number
): Geometry {
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

/**
 * The features of a packed record, or of consecutive records read as one: a read-only list
 * (FeatureList) whose every read rebuilds the feature from the records (a new object each
 * time, nothing kept), so a 100 000-feature layer costs its records, not 100 000 objects.
 *
 * It is not an Array and pretends to be none: `length`, `at(i)`, `feature(i)`, for…of and
 * spread read it; `toArray()` (or featureArray) copies it out for code that needs an Array;
 * JSON.stringify gives the features' JSON array. structuredClone or postMessage of it throws a
 * DataCloneError (its `feature` is an own function): send its `records` instead.
 *
 * @example
 * const features = new PackedFeatures(record); // or new PackedFeatures([record1, record2])
 * features.length; // record.count
 * features.feature(0).properties?.name;
 * Array.from(features, (f) => f.properties?.name);
 */
export class PackedFeatures implements FeatureList {
  readonly length: number;
  readonly #records: readonly PackedFeatureRecord[];
  /** Where each record's features start in the list. */
  readonly #starts: Float64Array;

  constructor(records: PackedFeatureRecord | readonly PackedFeatureRecord[]) {
    const list: readonly PackedFeatureRecord[] = Array.isArray(records)
      ? [...(records as readonly PackedFeatureRecord[])]
      : [records as PackedFeatureRecord];
    this.#records = list;
    this.#starts = new Float64Array(list.length);
    let count = 0;
    list.forEach((record, k) => {
      this.#starts[k] = count;
      count += record.count;
    });
    this.length = count;
    Object.freeze(this);
  }

  /**
   * The feature at `index` (0 ≤ index < length), rebuilt; a RangeError for any other index.
   * An own (bound) function, so it can be passed around: `indexes.map(features.feature)`.
   */
  readonly feature = (index: number): Feature => {
    const records = this.#records;
    if (records.length === 1) return unpackFeature(records[0], index);
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`No feature #${index} in packed features of ${this.length}`);
    }
    const segment = segmentOf(this.#starts, index);
    return unpackFeature(records[segment], index - this.#starts[segment]);
  };

  /** As Array.prototype.at: the feature at `index` (negative: from the end), or undefined. */
  at(index: number): Feature | undefined {
    const relative = Math.trunc(index) || 0;
    const position = relative < 0 ? relative + this.length : relative;
    return position >= 0 && position < this.length ? this.feature(position) : undefined;
  }

  *[Symbol.iterator](): IterableIterator<Feature> {
    for (const record of this.#records) {
      for (let k = 0; k < record.count; k++) yield unpackFeature(record, k);
    }
  }

  /** Every feature, unpacked into a new Array (all held at once: mind a big layer). */
  toArray(): Feature[] {
    return Array.from(this);
  }

  /** The features of [start, end) (as Array.prototype.slice counts them), unpacked. */
  slice(start = 0, end = this.length): Feature[] {
    const clamp = (at: number) => {
      const relative = Math.trunc(at) || 0;
      return Math.min(this.length, Math.max(0, relative < 0 ? relative + this.length : relative));
    };
    const from = clamp(start);
    const to = clamp(end);
    const features: Feature[] = [];
    for (let k = from; k < to; k++) features.push(this.feature(k));
    return features;
  }

  /** The records read, in order (a new array of the same records: they are not copied). */
  get records(): PackedFeatureRecord[] {
    return [...this.#records];
  }

  /** JSON.stringify gives the features' JSON array, as for the plain features. */
  toJSON(): Feature[] {
    return this.toArray();
  }
}

/** The records behind a PackedFeatures, in order; null for any other list. */
export function packedRecordsOf(features: FeatureList<unknown>): PackedFeatureRecord[] | null {
  return features instanceof PackedFeatures ? features.records : null;
}

/**
 * The record behind a PackedFeatures — joined into one (a copy) if it reads several; null for
 * any other list.
 */
export function packedRecordOf(features: FeatureList<unknown>): PackedFeatureRecord | null {
  const records = packedRecordsOf(features);
  if (!records) return null;
  return records.length === 1 ? records[0] : concatRecords(records);
}
