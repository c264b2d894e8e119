/**
 * Lengths of GeoJSON lines on the CGCS2000 ellipsoid (GeographicLib's geodesic inverse problem,
 * accurate to ~15 nm per segment) and on Turf's sphere, for comparison.
 */
import { length as turfLengthOf } from '@turf/turf';
import { DISTANCE_ONLY, cgcs2000Geodesic } from './ellipsoid.js';

/** @typedef {import('geojson').Position} Position */
/** @typedef {import('geojson').Geometry} Geometry */

/**
 * Geodesic length of a path of [longitude, latitude] positions, in metres.
 * @param {Position[]} path
 * @returns {number} m
 */
function pathLength(path) {
  const geodesic = cgcs2000Geodesic();
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const [lon1, lat1] = path[i - 1];
    const [lon2, lat2] = path[i];
    total += geodesic.Inverse(lat1, lon1, lat2, lon2, DISTANCE_ONLY).s12 ?? 0;
  }
  if (!Number.isFinite(total)) {
    throw new TypeError('line has a coordinate that is not a finite number');
  }
  return total;
}

/**
 * Length on the CGCS2000 ellipsoid of a LineString or MultiLineString (a GeometryCollection sums
 * its lines), in metres. Polygons and points give 0: use `geodesicPerimeter` for polygons.
 * @param {Geometry | null | undefined} geometry
 * @returns {number} m
 * @example geodesicLength({ type: 'LineString', coordinates: [[0, 0], [1, 0]] }) // 111 319.49 m
 */
export function geodesicLength(geometry) {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'LineString':
      return pathLength(geometry.coordinates);
    case 'MultiLineString':
      return geometry.coordinates.reduce((sum, line) => sum + pathLength(line), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, member) => sum + geodesicLength(member), 0);
    default:
      return 0;
  }
}

/**
 * Perimeter on the CGCS2000 ellipsoid of a Polygon or MultiPolygon, in metres — every ring,
 * holes included (the length of fence the shape needs). Lines and points give 0.
 * @param {Geometry | null | undefined} geometry
 * @returns {number} m
 * @example geodesicPerimeter({ type: 'Polygon', coordinates: [[[121.2, 41.1], [121.21, 41.1],
 *   [121.21, 41.11], [121.2, 41.11], [121.2, 41.1]]] }) // ≈ 3 901 m
 */
export function geodesicPerimeter(geometry) {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.reduce((sum, ring) => sum + closedRingLength(ring), 0);
    case 'MultiPolygon':
      return geometry.coordinates.reduce(
        (sum, rings) => sum + rings.reduce((ringSum, ring) => ringSum + closedRingLength(ring), 0),
        0
      );
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, member) => sum + geodesicPerimeter(member), 0);
    default:
      return 0;
  }
}

/** @param {Position[]} ring a ring, closed (GeoJSON) or not */
function closedRingLength(ring) {
  if (ring.length < 2) return 0;
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = first[0] === last[0] && first[1] === last[1];
  return pathLength(closed ? ring : [...ring, first]);
}

/**
 * Turf's length (@turf/length, haversine on a sphere of radius 6 371 008.8 m) of a LineString or
 * MultiLineString, in metres; 0 for other geometries. For comparison with `geodesicLength`.
 * @param {Geometry | null | undefined} geometry
 * @returns {number} m
 * @example turfLength({ type: 'LineString', coordinates: [[0, 0], [1, 0]] }) // 111 195.08 m
 */
export function turfLength(geometry) {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'LineString':
    case 'MultiLineString':
      // Turf's typings take a Feature, not a bare line.
      return (
        turfLengthOf({ type: 'Feature', properties: {}, geometry }, { units: 'kilometers' }) * 1000
      );
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, member) => sum + turfLength(member), 0);
    default:
      return 0;
  }
}
