/** Reading a record back one feature at a time, and the read-only array view over records. */
import type { Feature, Geometry, Position } from 'geojson';
import { type PackedFeatureRecord, isPackedGeometry, utf8Decoder } from './packed-record';
import { concatRecords, segmentOf } from './packed-slices';

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

export const recordsOfView = new WeakMap<object, readonly PackedFeatureRecord[]>();

export function readOnly(): never {
  throw new TypeError('A packed feature array is read-only; copy it (e.g. [...view]) to change it');
}

/** The index a property key names, or -1 if it is not a canonical array index below `count`. */
export function indexOf(key: string | symbol, count: number): number {
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
