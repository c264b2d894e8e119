/**
 * What a layer's features are to the code that reads them: a read-only list, by position or in
 * order. A plain array is one; so is a PackedFeatures (unpack-features.ts), which rebuilds each
 * feature from its packed record when it is read, so a 100 000-feature layer is never held as
 * objects. Only what both have is named here: to change the features, or hand them to code
 * that wants an Array, copy them (featureArray) — and mind what that costs for a big layer.
 *
 * A leaf module (types and two small functions), so every folder can name it.
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';

/**
 * A read-only list of features: `length`, `at(i)` (Array.prototype.at: a negative index counts
 * from the end) and iteration (for…of, spread, Array.from). Reading a PackedFeatures makes each
 * feature anew: read a feature once and keep it rather than calling `at(i)` in a loop.
 *
 * @example
 * const list: FeatureList = layer.features; // an Array, or a PackedFeatures
 * for (const feature of list) console.log(feature.properties?.name);
 */
export interface FeatureList<F = Feature<Geometry, GeoJsonProperties>> {
  readonly length: number;
  at(index: number): F | undefined;
  [Symbol.iterator](): Iterator<F>;
}

/**
 * The feature at position `index` (0 ≤ index < length, an integer), or undefined — unlike `at`,
 * a negative index is no position: this is what `array[index]` gave.
 *
 * @example featureAt(layer.features, clickedId) // undefined for -1 or past the end
 */
export function featureAt<F>(list: FeatureList<F>, index: number): F | undefined {
  return Number.isInteger(index) && index >= 0 && index < list.length ? list.at(index) : undefined;
}

/**
 * The features as a new Array of their own (made from a PackedFeatures: every feature unpacked,
 * held at once — for the small layers or the few places that need an Array).
 *
 * @example featureArray(layer.features).filter(isPolygonal)
 */
export function featureArray<F>(list: FeatureList<F>): F[] {
  return Array.from(list);
}
