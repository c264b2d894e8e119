/** Sutherland–Hodgman clipping of tile features, level by level, as geojson-vt clips them. */
import {
  SHAPE_LINES,
  SHAPE_POINT,
  SHAPE_POINTS,
  SHAPE_POLYGONS,
  TILE_BUFFER,
  TILE_EXTENT
} from './tile-math';

/** A line or ring being clipped: [x, y, importance, …] in world units; size as in Source. */
export interface ClipLine {
  points: number[];
  size: number;
}

/**
 * A feature on its way through the levels of clipping, as geojson-vt holds one: points as
 * [x, y, importance, …], lines as one list, polygons as lists of rings (outer first); its bbox
 * is that of all points/lines, or of the polygons' outer rings.
 */
export interface ClipFeature {
  shape: number;
  points: number[];
  polygons: ClipLine[][];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A clip feature of `shape` with nothing in it yet. */
export function emptyClipFeature(shape: number): ClipFeature {
  return { shape, points: [], polygons: [], minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

export function setBbox(feature: ClipFeature): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extend = (points: number[]) => {
    for (let k = 0; k < points.length; k += 3) {
      minX = Math.min(minX, points[k]);
      minY = Math.min(minY, points[k + 1]);
      maxX = Math.max(maxX, points[k]);
      maxY = Math.max(maxY, points[k + 1]);
    }
  };
  if (feature.shape <= SHAPE_POINTS) extend(feature.points);
  else if (feature.shape === SHAPE_LINES)
    for (const line of feature.polygons[0]) extend(line.points);
  else for (const polygon of feature.polygons) extend(polygon[0].points);
  feature.minX = minX;
  feature.minY = minY;
  feature.maxX = maxX;
  feature.maxY = maxY;
}

/** geojson-vt's clipLine (lineMetrics off) on one axis (0: x, 1: y) between start and end. */
export function clipLine(
  line: ClipLine,
  out: ClipLine[],
  start: number,
  end: number,
  axis: number,
  isPolygon: boolean
): void {
  const points = line.points;
  let slice: number[] = [];
  const intersect = (ax: number, ay: number, bx: number, by: number, edge: number) => {
    if (axis === 0) slice.push(edge, ay + (by - ay) * ((edge - ax) / (bx - ax)), 1);
    else slice.push(ax + (bx - ax) * ((edge - ay) / (by - ay)), edge, 1);
  };
  for (let i = 0; i < points.length - 3; i += 3) {
    const ax = points[i];
    const ay = points[i + 1];
    const az = points[i + 2];
    const bx = points[i + 3];
    const by = points[i + 4];
    const a = axis === 0 ? ax : ay;
    const b = axis === 0 ? bx : by;
    let exited = false;
    if (a < start) {
      if (b >= start) intersect(ax, ay, bx, by, start);
    } else if (a > end) {
      if (b <= end) intersect(ax, ay, bx, by, end);
    } else {
      slice.push(ax, ay, az);
    }
    if (b < start && a >= start) {
      intersect(ax, ay, bx, by, start);
      exited = true;
    }
    if (b > end && a <= end) {
      intersect(ax, ay, bx, by, end);
      exited = true;
    }
    if (!isPolygon && exited) {
      out.push({ points: slice, size: line.size });
      slice = [];
    }
  }
  const last = points.length - 3;
  const a = points[last + axis];
  if (a >= start && a <= end) slice.push(points[last], points[last + 1], points[last + 2]);
  const closing = slice.length - 3;
  if (
    isPolygon &&
    closing >= 3 &&
    (slice[closing] !== slice[0] || slice[closing + 1] !== slice[1])
  ) {
    slice.push(slice[0], slice[1], slice[2]);
  }
  if (slice.length > 0) out.push({ points: slice, size: line.size });
}

/**
 * geojson-vt's clip() of one feature on one axis (0: x, 1: y) to [start, end): the feature
 * itself when its bbox is inside, null when outside or when nothing is left, else a new one.
 */
export function clipFeature(
  feature: ClipFeature,
  start: number,
  end: number,
  axis: number
): ClipFeature | null {
  const min = axis === 0 ? feature.minX : feature.minY;
  const max = axis === 0 ? feature.maxX : feature.maxY;
  if (min >= start && max < end) return feature;
  if (max < start || min >= end) return null;
  // A single point is always one or the other; geojson-vt's clip() drops it otherwise too.
  if (feature.shape === SHAPE_POINT) return null;
  const clipped = emptyClipFeature(feature.shape);
  if (feature.shape === SHAPE_POINTS) {
    const points = feature.points;
    for (let k = 0; k < points.length; k += 3) {
      const a = points[k + axis];
      if (a >= start && a <= end) clipped.points.push(points[k], points[k + 1], points[k + 2]);
    }
    if (clipped.points.length === 0) return null;
    if (clipped.points.length === 3) clipped.shape = SHAPE_POINT;
  } else {
    const isPolygon = feature.shape === SHAPE_POLYGONS;
    for (const polygon of feature.polygons) {
      const out: ClipLine[] = [];
      for (const line of polygon) clipLine(line, out, start, end, axis, isPolygon);
      if (out.length > 0) clipped.polygons.push(out);
    }
    if (clipped.polygons.length === 0) return null;
  }
  setBbox(clipped);
  return clipped;
}

/** The clip range [start, end) of one tile on one axis, as geojson-vt's splitTile computes it. */
export function clipRange(z: number, index: number): [number, number] {
  const scale = 1 << (z - 1);
  const parent = index >> 1;
  const k1 = (0.5 * TILE_BUFFER) / TILE_EXTENT;
  // The same sums in the same order as geojson-vt (k2 = 0.5 - k1, k3 = 0.5 + k1, k4 = 1 + k1).
  if ((index & 1) === 0) return [(parent - k1) / scale, (parent + (0.5 + k1)) / scale];
  return [(parent + (0.5 - k1)) / scale, (parent + (1 + k1)) / scale];
}
