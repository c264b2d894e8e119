/**
 * The rules of the land-figure audit, written once for every caller: the /audit page
 * (src/lib/plan/figure-audit.ts), the import and the layer list (src/lib/import/), and the
 * `linghe-audit` command (src/lib/geo/measure-file.js). Which geometry has an area or a length,
 * what it measures for a figure, and whether a difference is within the tolerance.
 *
 * A GeometryCollection is areal when one of its members is (its area is the sum of its
 * polygons), linear when one of its members is: the same answer on the page and on the command line.
 */
import { ellipsoidalArea, turfArea } from './area.js';
import { geodesicLength, turfLength } from './length.js';

/** @typedef {import('geojson').Geometry} Geometry */
/** @typedef {'area' | 'length'} Quantity */

/**
 * True for a geometry with an area: a Polygon, a MultiPolygon, or a GeometryCollection with one
 * among its members (at any depth).
 * @param {Geometry | null | undefined} geometry
 * @returns {boolean}
 * @example isAreal({ type: 'GeometryCollection', geometries: [point, polygon] }) // true
 */
export function isAreal(geometry) {
  if (!geometry) return false;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(isAreal);
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

/**
 * True for a geometry with a length: a LineString, a MultiLineString, or a GeometryCollection with
 * one among its members (at any depth). A polygon's outline is its perimeter, not a length.
 * @param {Geometry | null | undefined} geometry
 * @returns {boolean}
 */
export function isLinear(geometry) {
  if (!geometry) return false;
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(isLinear);
  return geometry.type === 'LineString' || geometry.type === 'MultiLineString';
}

/**
 * True when a geometry can measure this quantity (areas need an areal geometry, lengths a linear one).
 * @param {Geometry | null | undefined} geometry
 * @param {Quantity} quantity
 */
export function canMeasure(geometry, quantity) {
  return quantity === 'area' ? isAreal(geometry) : isLinear(geometry);
}

/**
 * What a geometry measures for a figure of this quantity, in m² or m: on the CGCS2000 ellipsoid
 * (the audit's figure) and on Turf's sphere (shown beside it); null when it cannot measure it.
 * Coordinates in WGS-84 / CGCS2000 degrees.
 * @param {Geometry | null | undefined} geometry
 * @param {Quantity} quantity
 * @returns {{ ellipsoidal: number, turf: number } | null}
 */
export function measureFor(geometry, quantity) {
  if (!geometry || !canMeasure(geometry, quantity)) return null;
  return quantity === 'area'
    ? { ellipsoidal: ellipsoidalArea(geometry), turf: turfArea(geometry) }
    : { ellipsoidal: geodesicLength(geometry), turf: turfLength(geometry) };
}

/**
 * (measured − stated) / stated, in percent.
 * @param {number} measured
 * @param {number} stated non-zero
 * @example deltaPercent(1.01, 1) // 1.0000000000000009 — see withinTolerance
 */
export function deltaPercent(measured, stated) {
  return ((measured - stated) / stated) * 100;
}

/**
 * Relative slack on the tolerance, so that a difference exactly at the tolerance is not lost to
 * floating-point rounding: (1.01 − 1) / 1 × 100 is 1.0000000000000009, not 1.
 */
export const TOLERANCE_SLACK = 1e-12;

/**
 * True when a difference of `deltaPct` percent agrees with the figure under a tolerance of
 * `tolerancePct` percent: |Δ%| ≤ tolerance, a difference exactly at the tolerance included.
 * @param {number} deltaPct
 * @param {number} tolerancePct ≥ 0
 * @example withinTolerance(-1, 1) // true; withinTolerance(1.001, 1) // false
 */
export function withinTolerance(deltaPct, tolerancePct) {
  return Math.abs(deltaPct) <= tolerancePct * (1 + TOLERANCE_SLACK);
}
