/**
 * Numbers of the tile engine (packed-tiles.ts): tile units, Web-Mercator "world" units (the unit
 * square, x east, y south), tolerances per zoom, and the Douglas-Peucker importance per vertex
 * that geojson-vt 6 computes, stored as float32 so that it rounds the same way.
 */
import { USER_TILE_MAX_ZOOM } from './user-tiles-format';

export const utf8 = new TextDecoder();

/**
 * Tile units per tile side: MapLibre's own (it rescales any other). At z14 near Jinzhou (41.1°N)
 * this is a grid of ~0.22 m, so a vertex moves at most ~0.11 m — under a pixel up to z19 — and
 * neighbouring parcels' shared vertices land on the same grid point, so no slivers open between
 * them.
 */
export const TILE_EXTENT = 8192;

/**
 * Tile units each tile reaches beyond its edges: 8 px on a 512 px tile, wider than half the
 * 2.5 px outline and the 6.5 px point circles of src/lib/style/imported-style.ts, so clipped
 * edges stay off-screen.
 */
export const TILE_BUFFER = 128;

/**
 * Simplification tolerance in tile units: 0.375 px on a 512 px tile, what MapLibre's own GeoJSON
 * source uses. Tiles at USER_TILE_MAX_ZOOM (14) are not simplified at all; MapLibre overzooms them.
 */
export const TILE_TOLERANCE = 6;

/** Pass as `label` to keep every property of every feature (small layers, tests). */
export const ALL_PROPERTIES: unique symbol = Symbol('all properties');

/** Tile-feature shapes of the clipping stage. */
export const SHAPE_POINT = 0; // a single point: clipped by its bbox alone, as geojson-vt's 'Point'
export const SHAPE_POINTS = 1;
export const SHAPE_LINES = 2;
export const SHAPE_POLYGONS = 3;

/** Squared tolerance (world units²) geojson-vt simplifies with at maxZoom, when it converts. */
export const CONVERT_SQ_TOLERANCE = Math.pow(
  TILE_TOLERANCE / ((1 << USER_TILE_MAX_ZOOM) * TILE_EXTENT),
  2
);

/** Tolerance (world units) of a tile at zoom z, computed as geojson-vt's createTile does. */
export function toleranceAt(z: number): number {
  return z === USER_TILE_MAX_ZOOM ? 0 : TILE_TOLERANCE / ((1 << z) * TILE_EXTENT);
}

export const SQ_TOLERANCES = Array.from({ length: USER_TILE_MAX_ZOOM }, (_, z) => {
  const tolerance = toleranceAt(z);
  return tolerance * tolerance;
});

/** Longitude (°) → world x, as geojson-vt projects. */
export function projectX(lon: number): number {
  return lon / 360 + 0.5;
}

/** Latitude (°) → world y (clamped to 0…1), as geojson-vt projects. */
export function projectY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

export const float32 = new Float32Array(1);
export const float32Bits = new Uint32Array(float32.buffer);

/** The float32 next to `value` (a float32, > 0) upwards or downwards. */
export function float32Step(value: number, up: boolean): number {
  float32[0] = value;
  float32Bits[0] += up ? 1 : -1;
  return float32[0];
}

/**
 * `importance` rounded to a float32 that compares with every zoom's squared tolerance as the
 * float64 does, so keeping `stored > tolerance²` keeps exactly geojson-vt's vertices.
 */
export function storedImportance(importance: number): number {
  let stored = Math.fround(importance);
  for (const threshold of SQ_TOLERANCES) {
    const above = importance > threshold;
    if (above === stored > threshold) continue;
    const near = Math.fround(threshold);
    if (above) stored = near > threshold ? near : float32Step(near, true);
    else stored = near <= threshold ? near : float32Step(near, false);
  }
  return stored;
}

/** Squared distance from p to segment a–b, as geojson-vt's simplify.js computes it. */
export function squareSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number
): number {
  let x = ax;
  let y = ay;
  let dx = bx - x;
  let dy = by - y;
  if (dx !== 0 || dy !== 0) {
    const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
    if (t > 1) {
      x = bx;
      y = by;
    } else if (t > 0) {
      x += dx * t;
      y += dy * t;
    }
  }
  dx = px - x;
  dy = py - y;
  return dx * dx + dy * dy;
}

/**
 * Douglas-Peucker importance of a ring's vertices, as geojson-vt's simplify(): `xy` holds the
 * projected vertices [x0, y0, x1, y1, …], `importance[k]` receives vertex k's squared distance
 * (world units²) when it splits a segment, else stays 0. Indices are kept in geojson-vt's
 * stride of 3 so ties pick the same vertex.
 */
export function simplifyRing(
  xy: Float64Array,
  importance: Float64Array,
  count: number,
  stack: number[]
): void {
  stack.length = 0;
  stack.push(0, 3 * (count - 1));
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    let maxSquareDistance = CONVERT_SQ_TOLERANCE;
    const mid = first + ((last - first) >> 1);
    let minToMid = last - first;
    let index = -1;
    const ax = xy[(first / 3) * 2];
    const ay = xy[(first / 3) * 2 + 1];
    const bx = xy[(last / 3) * 2];
    const by = xy[(last / 3) * 2 + 1];
    for (let i = first + 3; i < last; i += 3) {
      const k = (i / 3) * 2;
      const distance = squareSegmentDistance(xy[k], xy[k + 1], ax, ay, bx, by);
      if (distance > maxSquareDistance) {
        index = i;
        maxSquareDistance = distance;
      } else if (distance === maxSquareDistance) {
        const toMid = Math.abs(i - mid);
        if (toMid < minToMid) {
          index = i;
          minToMid = toMid;
        }
      }
    }
    if (maxSquareDistance > CONVERT_SQ_TOLERANCE) {
      importance[index / 3] = maxSquareDistance;
      if (index - first > 3) stack.push(first, index);
      if (last - index > 3) stack.push(index, last);
    }
  }
}
