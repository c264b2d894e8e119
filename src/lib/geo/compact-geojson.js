/**
 * A lossless, smaller form of a GeoJSON FeatureCollection for shipping inside the app's bundle:
 * coordinates become integers (in units of the file's finest decimal) written as differences
 * from the previous position, so `121.1234,41.1234` turns into `3,-2`. gzip then sends the
 * districts of 锦州 in 11 KB instead of 28 KB, and the page parses a third of the text.
 * Built by the Vite plugin for `*.geojson` imports (vite.config.ts); read back by
 * {@link expandCollection} when the module loads. Plain JS, no DOM (README "Layout").
 *
 * Lossless: a file is compacted only when every coordinate has at most MAX_DECIMALS decimals
 * and two dimensions, and the plugin checks that expanding gives the same JSON text back.
 *
 * @example
 * const compact = compactCollection(districts); // { scale: 10000, collection: {…} } or null
 * expandCollection(compact); // deep-equals districts
 */
import { POSITION_DEPTH } from './geometry-types.js';

/** More decimals than this (0.1 mm) are not worth compacting, and risk integer overflow. */
export const MAX_DECIMALS = 9;

/**
 * Decimals of a number as JavaScript writes it: 0 for 12, 4 for 121.1234, 8 for 1.5e-7
 * (Infinity for 1e+21, which no longitude or latitude is).
 * @param {number} value
 */
function decimalsOf(value) {
  const [mantissa, exponent = '0'] = String(value).split('e');
  const dot = mantissa.indexOf('.');
  const decimals = (dot < 0 ? 0 : mantissa.length - dot - 1) - Number(exponent);
  return Number(exponent) > 0 ? Infinity : decimals;
}

/** @typedef {Exclude<import('geojson').Geometry, import('geojson').GeometryCollection>} Simple */

/**
 * Every geometry of a collection (members of GeometryCollections included), in file order.
 * @param {import('geojson').FeatureCollection} collection
 * @returns {Simple[]}
 */
function geometriesOf(collection) {
  /** @type {Simple[]} */
  const out = [];
  /** @param {import('geojson').Geometry | null} geometry */
  const visit = (geometry) => {
    if (!geometry) return;
    if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(visit);
    else out.push(geometry);
  };
  for (const feature of collection.features) visit(feature.geometry);
  return out;
}

/**
 * The finest decimals of any coordinate, or null when a position is not two finite numbers.
 * @param {Simple[]} geometries
 */
function finestDecimals(geometries) {
  let decimals = 0;
  /** @param {unknown} value @param {number} depth @returns {boolean} */
  const scan = (value, depth) => {
    if (!Array.isArray(value)) return false;
    if (depth === 0) {
      if (value.length !== 2 || !value.every(Number.isFinite)) return false;
      decimals = Math.max(decimals, decimalsOf(value[0]), decimalsOf(value[1]));
      return true;
    }
    return value.every((part) => scan(part, depth - 1));
  };
  for (const geometry of geometries) {
    const depth = POSITION_DEPTH[geometry.type];
    if (depth === undefined || !scan(geometry.coordinates, depth)) return null;
  }
  return decimals;
}

/**
 * The compact form, or null when the collection cannot be compacted without loss.
 * @param {import('geojson').FeatureCollection} collection
 * @returns {{ scale: number, collection: unknown } | null}
 */
export function compactCollection(collection) {
  const decimals = finestDecimals(geometriesOf(collection));
  if (decimals === null || decimals > MAX_DECIMALS) return null;
  const scale = 10 ** decimals;
  const copy = structuredClone(collection);
  let x = 0;
  let y = 0;
  /** @param {any} value @param {number} depth @returns {any} */
  const encode = (value, depth) => {
    if (depth === 0) {
      const [nextX, nextY] = [Math.round(value[0] * scale), Math.round(value[1] * scale)];
      const delta = [nextX - x, nextY - y];
      [x, y] = [nextX, nextY];
      return delta;
    }
    // A list of positions is one flat list of numbers: x, y, x, y …
    if (depth === 1) return value.flatMap((/** @type {any} */ p) => encode(p, 0));
    return value.map((/** @type {any} */ part) => encode(part, depth - 1));
  };
  for (const geometry of geometriesOf(copy)) {
    const depth = POSITION_DEPTH[geometry.type];
    /** @type {any} */ (geometry).coordinates = encode(geometry.coordinates, depth);
  }
  return { scale, collection: copy };
}

/**
 * The FeatureCollection a compact form stands for (its objects are new; it mutates its input).
 * @param {{ scale: number, collection: any }} compact
 * @returns {import('geojson').FeatureCollection}
 */
export function expandCollection({ scale, collection }) {
  let x = 0;
  let y = 0;
  /** @param {any} value @param {number} depth @returns {any} */
  const decode = (value, depth) => {
    if (depth === 0) {
      x += value[0];
      y += value[1];
      return [x / scale, y / scale];
    }
    if (depth === 1) {
      const positions = new Array(value.length / 2);
      for (let i = 0; i < positions.length; i++) {
        x += value[2 * i];
        y += value[2 * i + 1];
        positions[i] = [x / scale, y / scale];
      }
      return positions;
    }
    return value.map((/** @type {any} */ part) => decode(part, depth - 1));
  };
  for (const geometry of geometriesOf(collection)) {
    const depth = POSITION_DEPTH[geometry.type];
    /** @type {any} */ (geometry).coordinates = decode(geometry.coordinates, depth);
  }
  return collection;
}
