/**
 * Coarse, honest shapes for the plan layers: squares drawn at the plan's stated area on the
 * WGS-84 ellipsoid, parts of the district polygon, and chains of its edge. Every output is
 * rounded to 6 decimals, and sizes are checked after rounding.
 */
import * as turf from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import { roundCoordinate } from './geojson-io.js';

const { Geodesic } = geographiclib;
const WGS84 = Geodesic.WGS84;

/** @typedef {[number, number]} Position */

/** 1 亩 in m² (a 亩 is 1/15 公顷). */
export const SQUARE_METRES_PER_MU = 10000 / 15;

/**
 * Ellipsoidal (WGS-84) area of a simple ring, the way China's land surveys measure parcels.
 * @example ellipsoidalRingArea([[121, 41], [121.01, 41], [121.01, 41.01], [121, 41.01], [121, 41]]) // ≈ 936,700 m²
 * @param {Position[]} ring closed ring of [lon, lat] in degrees
 * @returns {number} m², always positive
 */
export function ellipsoidalRingArea(ring) {
  const polygon = WGS84.Polygon(false);
  for (const [lon, lat] of ring.slice(0, -1)) polygon.AddPoint(lat, lon);
  const { area } = polygon.Compute(false, true);
  if (area === undefined) throw new Error('geographiclib returned no area');
  return Math.abs(area);
}

/**
 * Geodesic distance on WGS-84.
 * @param {Position} from [lon, lat] in degrees
 * @param {Position} to [lon, lat] in degrees
 * @returns {number} metres
 */
function geodesicDistance([lon1, lat1], [lon2, lat2]) {
  const { s12 } = WGS84.Inverse(lat1, lon1, lat2, lon2);
  if (s12 === undefined) throw new Error('geographiclib returned no distance');
  return s12;
}

/**
 * The axis-aligned (north-up) square of a given ellipsoidal area centred on a point, with its
 * corners rounded to 6 decimals. The side is refined until the rounded square's area is within
 * 1e-5 of the target, so a schematic park is drawn at the plan's true size.
 * @example squareOfArea([121.2, 41.12], 835 * SQUARE_METRES_PER_MU) // 835亩 ≈ 747 m × 747 m
 * @param {Position} centre [lon, lat] in degrees
 * @param {number} targetArea m²
 * @returns {{ type: 'Polygon', coordinates: Position[][] }}
 */
export function squareOfArea(centre, targetArea) {
  const [lon, lat] = centre;
  // Metres per degree of latitude and of longitude at the centre, from short geodesics.
  const metresPerDegreeLat = geodesicDistance([lon, lat - 0.005], [lon, lat + 0.005]) / 0.01;
  const metresPerDegreeLon = geodesicDistance([lon - 0.005, lat], [lon + 0.005, lat]) / 0.01;
  let halfSide = Math.sqrt(targetArea) / 2;
  /** @type {Position[]} */
  let ring = [];
  for (let iteration = 0; iteration < 20; iteration++) {
    const dLat = halfSide / metresPerDegreeLat;
    const dLon = halfSide / metresPerDegreeLon;
    ring = /** @type {Position[]} */ ([
      [lon - dLon, lat - dLat],
      [lon + dLon, lat - dLat],
      [lon + dLon, lat + dLat],
      [lon - dLon, lat + dLat],
      [lon - dLon, lat - dLat]
    ]).map(([x, y]) => /** @type {Position} */ ([roundCoordinate(x), roundCoordinate(y)]));
    const area = ellipsoidalRingArea(ring);
    if (Math.abs(area / targetArea - 1) < 1e-5) break;
    halfSide *= Math.sqrt(targetArea / area);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * Orients a geometry's polygon rings by RFC 7946's right-hand rule (exterior rings
 * counter-clockwise, holes clockwise); other geometries are returned unchanged.
 * @template {import('geojson').Geometry} G
 * @param {G} geometry
 * @returns {G}
 */
export function windRightHand(geometry) {
  /** @param {Position[][]} rings */
  const wind = (rings) =>
    rings.map((ring, i) => (turf.booleanClockwise(ring) === (i === 0) ? [...ring].reverse() : ring));
  if (geometry.type === 'Polygon') {
    return /** @type {G} */ ({ ...geometry, coordinates: wind(/** @type {any} */ (geometry.coordinates)) });
  }
  if (geometry.type === 'MultiPolygon') {
    return /** @type {G} */ ({ ...geometry, coordinates: geometry.coordinates.map((p) => wind(/** @type {any} */ (p))) });
  }
  return geometry;
}

/**
 * Rounds every position of a geometry to 6 decimals.
 * @template {import('geojson').Geometry} G
 * @param {G} geometry
 * @returns {G}
 */
export function roundGeometry(geometry) {
  /** @param {any} value @returns {any} */
  const round = (value) =>
    typeof value[0] === 'number' ? value.map((/** @type {number} */ v) => roundCoordinate(v)) : value.map(round);
  return /** @type {G} */ ({ type: geometry.type, coordinates: round(/** @type {any} */ (geometry).coordinates) });
}

/**
 * The part of a polygon inside a lon/lat box, simplified to about the source's accuracy so the
 * drawing stays coarse. The quantised district ring touches and crosses itself at a narrow
 * neck near 121.157 °E 41.145 °N (vertices snapped to the ~100 m grid), so it is first split
 * into simple pieces and only the largest is used; the result is checked to be free of
 * self-intersections.
 * @param {import('geojson').Feature<import('geojson').Polygon>} polygon
 * @param {[number, number, number, number]} box [west, south, east, north] in degrees
 * @param {number} tolerance Douglas–Peucker tolerance in degrees (0.0008° ≈ 70–90 m here)
 * @returns {import('geojson').Polygon}
 */
export function clipPolygon(polygon, box, tolerance) {
  const pieces = splitAtRepeatedVertices(
    /** @type {Position[]} */ (polygon.geometry.coordinates[0])
  ).flatMap(
    (ring) => turf.unkinkPolygon(turf.polygon([ring])).features
  );
  const largest = pieces.reduce((a, b) => (turf.area(b) > turf.area(a) ? b : a));
  const clipped = turf.bboxClip(largest, box);
  const simplified = turf.simplify(clipped, { tolerance, highQuality: true });
  const rings = simplified.geometry.coordinates.filter((ring) => ring.length >= 4);
  /** @type {import('geojson').Polygon} */
  const result = roundGeometry({ type: 'Polygon', coordinates: /** @type {any} */ (rings) });
  if (rings.length !== 1 || turf.kinks(result).features.length > 0) {
    throw new Error(`clipping to ${box} gave ${rings.length} rings or a self-intersection`);
  }
  return result;
}

/**
 * Splits a closed ring that passes twice through the same vertex into simple closed rings:
 * the loop between the two visits becomes its own ring.
 * @example splitAtRepeatedVertices([a, b, c, b, d, a]) // [[b, c, b], [a, b, d, a]] (as closed rings)
 * @param {Position[]} ring closed ring
 * @returns {Position[][]} closed rings
 */
export function splitAtRepeatedVertices(ring) {
  const open = ring.slice(0, -1);
  /** @type {Map<string, number>} */
  const firstVisit = new Map();
  for (let j = 0; j < open.length; j++) {
    const key = open[j].join(',');
    const i = firstVisit.get(key);
    if (i !== undefined) {
      const loop = open.slice(i, j);
      const rest = [...open.slice(0, i), ...open.slice(j)];
      return [
        ...splitAtRepeatedVertices([...loop, loop[0]]),
        ...splitAtRepeatedVertices([...rest, rest[0]])
      ];
    }
    firstVisit.set(key, j);
  }
  return open.length >= 3 ? [ring] : [];
}

/**
 * The run of a ring's vertices that it shares with another polygon (a common border), between
 * two longitudes, simplified. Both files come from one source with shared vertices, so a
 * shared border is exactly the vertices both rings contain.
 * @param {Position[]} ring the district's exterior ring
 * @param {Set<string>} neighbourVertices `lon,lat` keys of the neighbour's vertices
 * @param {(p: Position) => boolean} keep which shared vertices to keep
 * @param {number} tolerance Douglas–Peucker tolerance in degrees
 * @returns {{ type: 'LineString', coordinates: Position[] }}
 */
export function sharedBorder(ring, neighbourVertices, keep, tolerance) {
  const open = ring.slice(0, -1);
  const shared = open.map((p) => neighbourVertices.has(p.join(',')) && keep(p));
  // Start the walk at a vertex that is not on the border, so the run is not split in two.
  const start = shared.indexOf(false);
  /** @type {Position[][]} */
  const runs = [];
  /** @type {Position[]} */
  let run = [];
  for (let k = 1; k <= open.length; k++) {
    const i = (start + k) % open.length;
    if (shared[i]) run.push(open[i]);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), /** @type {Position[]} */ ([]));
  const line = turf.simplify(turf.lineString(longest), { tolerance, highQuality: true });
  return roundGeometry({ type: 'LineString', coordinates: /** @type {Position[]} */ (line.geometry.coordinates) });
}

/**
 * A schematic band of a given half-width around a line, with few vertices.
 * @param {Position[]} line [lon, lat] positions
 * @param {number} halfWidthMetres
 * @param {number} tolerance Douglas–Peucker tolerance in degrees
 * @returns {import('geojson').Polygon}
 */
export function bandAround(line, halfWidthMetres, tolerance) {
  const band = turf.buffer(turf.lineString(line), halfWidthMetres / 1000, {
    units: 'kilometers',
    steps: 4
  });
  if (!band || band.geometry.type !== 'Polygon') throw new Error('band is not a polygon');
  const simplified = turf.simplify(band, { tolerance, highQuality: true });
  return roundGeometry(/** @type {import('geojson').Polygon} */ (simplified.geometry));
}
