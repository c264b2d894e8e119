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
 *
 * The jobs are in modules of their own: packed-record.ts (the format and its checks),
 * pack-features.ts, unpack-features.ts (and PackedFeatures, the list over records; feature-list.ts
 * names what it shares with a plain array), packed-slices.ts, packed-builder.ts.
 */
export {
  PACKED_FEATURES_FORMAT,
  packedArraysOf,
  PackedKind,
  isPackedGeometry,
  upgradePackedRecord,
  isPackedFeatureRecord
} from './packed-record';
export type { PackedFeatureRecord, PackedArrays, FeatureSourceText } from './packed-record';
export { packFeatures } from './pack-features';
export { unpackFeature, PackedFeatures, packedRecordsOf, packedRecordOf } from './unpack-features';
export { featureArray, featureAt } from './feature-list';
export type { FeatureList } from './feature-list';
export { transferablesOf, sliceRecord, concatRecords, segmentOf } from './packed-slices';
export { PackedFeatureBuilder } from './packed-builder';
export type { SegmentShelf } from './packed-builder';
