/**
 * Vector tiles cut straight from packed records (src/lib/storage/packed-features.ts), without
 * turning the layer into GeoJSON or into geojson-vt's projected copy of it: the index keeps the
 * records' typed arrays as they are and adds only small typed arrays of its own — a Web-Mercator
 * bbox per feature, a grid over those bboxes, and per vertex its simplification importance.
 *
 * What a tile holds is what @maplibre/geojson-vt 6 (options of user-tiles.ts: maxZoom 14,
 * tolerance 6, extent 8192, buffer 128) would put in it: the same Douglas-Peucker importance per
 * vertex, the same rule for rings and lines too small at a zoom, the same Sutherland–Hodgman
 * clipping, level by level from z1 to the tile (so the cut vertices are the same numbers), the
 * same winding (outer rings clockwise in tile coordinates) and rounding. Left out on purpose:
 * geojson-vt's copies of features across the antimeridian (`wrap`; layers here are near Jinzhou)
 * and the garbage it makes of empty rings, which are skipped here. The bytes are written as
 * @maplibre/vt-pbf writes geojson-vt's tiles (mvt-writer.ts), without its per-vertex objects.
 *
 * Units: input positions are longitude/latitude in degrees; "world" coordinates are Web
 * Mercator scaled to the unit square (x east, y south, 0…1); tile coordinates are integers of
 * TILE_EXTENT units per tile side.
 */
import type { Feature, Geometry } from 'geojson';
import { SIMPLE_GEOMETRY_TYPES } from '$lib/geo/geometry-types.js';
import {
  isPackedGeometry,
  packFeatures,
  PackedKind,
  segmentOf,
  type PackedFeatureRecord
} from '$lib/storage/packed-features';
import {
  MVT_LINESTRING,
  MVT_POINT,
  MVT_POLYGON,
  MvtGeometry,
  MvtLayerWriter,
  type MvtGeometryType,
  type TileFeatureSink
} from './mvt-writer';
import { USER_TILE_LABEL_MIN_ZOOM, USER_TILE_LAYER, USER_TILE_MAX_ZOOM } from './user-tiles-format';

const utf8 = new TextDecoder();

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
const SHAPE_POINT = 0; // a single point: clipped by its bbox alone, as geojson-vt's 'Point'
const SHAPE_POINTS = 1;
const SHAPE_LINES = 2;
const SHAPE_POLYGONS = 3;

/** Squared tolerance (world units²) geojson-vt simplifies with at maxZoom, when it converts. */
const CONVERT_SQ_TOLERANCE = Math.pow(
  TILE_TOLERANCE / ((1 << USER_TILE_MAX_ZOOM) * TILE_EXTENT),
  2
);

/** Tolerance (world units) of a tile at zoom z, computed as geojson-vt's createTile does. */
function toleranceAt(z: number): number {
  return z === USER_TILE_MAX_ZOOM ? 0 : TILE_TOLERANCE / ((1 << z) * TILE_EXTENT);
}

const SQ_TOLERANCES = Array.from({ length: USER_TILE_MAX_ZOOM }, (_, z) => {
  const tolerance = toleranceAt(z);
  return tolerance * tolerance;
});

/** Longitude (°) → world x, as geojson-vt projects. */
function projectX(lon: number): number {
  return lon / 360 + 0.5;
}

/** Latitude (°) → world y (clamped to 0…1), as geojson-vt projects. */
function projectY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

const float32 = new Float32Array(1);
const float32Bits = new Uint32Array(float32.buffer);

/** The float32 next to `value` (a float32, > 0) upwards or downwards. */
function float32Step(value: number, up: boolean): number {
  float32[0] = value;
  float32Bits[0] += up ? 1 : -1;
  return float32[0];
}

/**
 * `importance` rounded to a float32 that compares with every zoom's squared tolerance as the
 * float64 does, so keeping `stored > tolerance²` keeps exactly geojson-vt's vertices.
 */
function storedImportance(importance: number): number {
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
function squareSegmentDistance(
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
function simplifyRing(
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

/** The geometry arrays of a record (its text is not kept). */
interface Source extends Pick<
  PackedFeatureRecord,
  | 'count'
  | 'kinds'
  | 'dimensions'
  | 'coordinateOffsets'
  | 'structureOffsets'
  | 'coordinates'
  | 'structure'
> {
  /** Global number (in the grid and bbox arrays) of the source's feature 0. */
  first: number;
  /** Layer id (position) of feature i: ids[i], or base + i when ids is null. */
  base: number;
  ids: Uint32Array | null;
  /** The one property kept: its key (null: none, or every property) and value per feature. */
  labelKey: string | null;
  /** Per feature: the label's value, or (ALL_PROPERTIES) the properties object; undefined: none. */
  tagValues: unknown[] | null;
  /** Made by finish(): count + 1 offsets, in vertices, into `importance`. */
  vertexOffsets: Uint32Array;
  /** Per vertex: Douglas-Peucker squared distance (world units²); 1 at line ends; 0 unimportant. */
  importance: Float32Array;
  /** count + 1 offsets into ringSizes. */
  ringOffsets: Uint32Array;
  /** Per non-empty line or ring: its length (world units) or |area| (world units²). */
  ringSizes: Float64Array;
}

/** One line or ring of a feature, as walkRings reports it. */
interface RingVisitor {
  /** vertex: index of its first vertex in the source; outer: first ring of its polygon. */
  (vertex: number, vertexCount: number, outer: boolean): void;
}

/**
 * Calls `visit` for every non-empty part of feature i (kinds 1–6): each point of a (Multi)Point
 * as one part of one vertex, each line, each ring — in the record's order.
 */
function walkRings(source: Source, i: number, vertexStart: number, visit: RingVisitor): void {
  const kind = source.kinds[i];
  const structure = source.structure;
  let at = source.structureOffsets[i];
  let vertex = vertexStart;
  const part = (outer: boolean) => {
    const count = structure[at++];
    if (count > 0) visit(vertex, count, outer);
    vertex += count;
    return count > 0;
  };
  switch (kind) {
    case PackedKind.Point:
      visit(vertex, 1, true);
      return;
    case PackedKind.MultiPoint:
    case PackedKind.LineString:
      part(true);
      return;
    case PackedKind.MultiLineString:
    case PackedKind.Polygon: {
      const parts = structure[at++];
      let outer = true;
      for (let k = 0; k < parts; k++) if (part(outer)) outer = false;
      return;
    }
    case PackedKind.MultiPolygon: {
      const polygons = structure[at++];
      for (let p = 0; p < polygons; p++) {
        const rings = structure[at++];
        let outer = true;
        for (let k = 0; k < rings; k++) if (part(outer)) outer = false;
      }
      return;
    }
  }
}

/**
 * Whether feature i of `source` lies under world point (x, y): for points (rank 2) and lines
 * (rank 1), within `radius` of a point or a segment; for polygons (rank 0), inside one of its
 * polygons by the even-odd rule over its rings (so not in a hole).
 */
function hits(source: Source, i: number, x: number, y: number, radius: number, rank: number) {
  const dimension = source.dimensions[i];
  const coordinates = source.coordinates;
  const coordinateStart = source.coordinateOffsets[i];
  const vertexStart = source.vertexOffsets[i];
  const squareRadius = radius * radius;
  let hit = false;
  let insidePolygon = false;
  walkRings(source, i, vertexStart, (vertex, count, outer) => {
    if (hit) return;
    const at = coordinateStart + (vertex - vertexStart) * dimension;
    const xOf = (k: number) => projectX(coordinates[at + k * dimension]);
    const yOf = (k: number) => projectY(coordinates[at + k * dimension + 1]);
    if (rank === 2) {
      for (let k = 0; k < count && !hit; k++) {
        hit = (xOf(k) - x) ** 2 + (yOf(k) - y) ** 2 <= squareRadius;
      }
    } else if (rank === 1) {
      for (let k = 1; k < count && !hit; k++) {
        hit = squareSegmentDistance(x, y, xOf(k - 1), yOf(k - 1), xOf(k), yOf(k)) <= squareRadius;
      }
    } else {
      // A new polygon starts with its outer ring: the one before is decided by then.
      if (outer) {
        hit = insidePolygon;
        insidePolygon = false;
      }
      for (let k = 0, j = count - 1; k < count; j = k++) {
        const [xk, yk, xj, yj] = [xOf(k), yOf(k), xOf(j), yOf(j)];
        if (yk > y !== yj > y && x < ((xj - xk) * (y - yk)) / (yj - yk) + xk) {
          insidePolygon = !insidePolygon;
        }
      }
    }
  });
  return hit || insidePolygon;
}

/** A line or ring being clipped: [x, y, importance, …] in world units; size as in Source. */
interface ClipLine {
  points: number[];
  size: number;
}

/**
 * A feature on its way through the levels of clipping, as geojson-vt holds one: points as
 * [x, y, importance, …], lines as one list, polygons as lists of rings (outer first); its bbox
 * is that of all points/lines, or of the polygons' outer rings.
 */
interface ClipFeature {
  shape: number;
  points: number[];
  polygons: ClipLine[][];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** A clip feature of `shape` with nothing in it yet. */
function emptyClipFeature(shape: number): ClipFeature {
  return { shape, points: [], polygons: [], minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

function setBbox(feature: ClipFeature): void {
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
function clipLine(
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
function clipFeature(
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
function clipRange(z: number, index: number): [number, number] {
  const scale = 1 << (z - 1);
  const parent = index >> 1;
  const k1 = (0.5 * TILE_BUFFER) / TILE_EXTENT;
  // The same sums in the same order as geojson-vt (k2 = 0.5 - k1, k3 = 0.5 + k1, k4 = 1 + k1).
  if ((index & 1) === 0) return [(parent - k1) / scale, (parent + (0.5 + k1)) / scale];
  return [(parent + (0.5 - k1)) / scale, (parent + (1 + k1)) / scale];
}

/**
 * A uniform grid over the features' bboxes (CSR arrays); features covering many cells are kept
 * in a list of their own, checked on every query.
 */
class FeatureGrid {
  readonly #minX: number;
  readonly #minY: number;
  readonly #cellWidth: number;
  readonly #cellHeight: number;
  readonly #columns: number;
  readonly #rows: number;
  readonly #cellStarts: Uint32Array;
  readonly #cellItems: Uint32Array;
  readonly #large: Uint32Array;
  readonly #seen: Uint32Array;
  #query = 0;

  /** `bboxes`: minX, minY, maxX, maxY per feature (world units); NaN/Infinity: no geometry. */
  constructor(readonly bboxes: Float64Array) {
    const count = bboxes.length / 4;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let widths = 0;
    let heights = 0;
    let located = 0;
    for (let k = 0; k < count; k++) {
      if (!(bboxes[4 * k] <= bboxes[4 * k + 2])) continue;
      minX = Math.min(minX, bboxes[4 * k]);
      minY = Math.min(minY, bboxes[4 * k + 1]);
      maxX = Math.max(maxX, bboxes[4 * k + 2]);
      maxY = Math.max(maxY, bboxes[4 * k + 3]);
      widths += bboxes[4 * k + 2] - bboxes[4 * k];
      heights += bboxes[4 * k + 3] - bboxes[4 * k + 1];
      located++;
    }
    const width = located > 0 ? maxX - minX : 0;
    const height = located > 0 ? maxY - minY : 0;
    // Cells about twice the mean feature size (so most features sit in 1–4 cells), and at most
    // 1024 per side; a point layer gets about 8 features per cell.
    const side = Math.max(1, Math.min(1024, Math.ceil(Math.sqrt(located / 8))));
    this.#cellWidth = Math.max((2 * widths) / Math.max(1, located), width / side, 1e-12);
    this.#cellHeight = Math.max((2 * heights) / Math.max(1, located), height / side, 1e-12);
    this.#columns = Math.max(1, Math.min(1024, Math.ceil(width / this.#cellWidth)));
    this.#rows = Math.max(1, Math.min(1024, Math.ceil(height / this.#cellHeight)));
    this.#minX = located > 0 ? minX : 0;
    this.#minY = located > 0 ? minY : 0;
    this.#seen = new Uint32Array(count);
    const cellCount = this.#columns * this.#rows;
    const counts = new Uint32Array(cellCount + 1);
    const large: number[] = [];
    const eachCell = (k: number, visit: (cell: number) => void) => {
      const [c0, r0, c1, r1] = this.#cellRange(
        bboxes[4 * k],
        bboxes[4 * k + 1],
        bboxes[4 * k + 2],
        bboxes[4 * k + 3]
      );
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) visit(r * this.#columns + c);
    };
    const isLarge = (k: number) => {
      const [c0, r0, c1, r1] = this.#cellRange(
        bboxes[4 * k],
        bboxes[4 * k + 1],
        bboxes[4 * k + 2],
        bboxes[4 * k + 3]
      );
      return (c1 - c0 + 1) * (r1 - r0 + 1) > 16;
    };
    for (let k = 0; k < count; k++) {
      if (!(bboxes[4 * k] <= bboxes[4 * k + 2])) continue;
      if (isLarge(k)) large.push(k);
      else eachCell(k, (cell) => counts[cell + 1]++);
    }
    for (let cell = 0; cell < cellCount; cell++) counts[cell + 1] += counts[cell];
    const items = new Uint32Array(counts[cellCount]);
    const fill = counts.slice(0, cellCount);
    for (let k = 0; k < count; k++) {
      if (!(bboxes[4 * k] <= bboxes[4 * k + 2]) || isLarge(k)) continue;
      eachCell(k, (cell) => (items[fill[cell]++] = k));
    }
    this.#cellStarts = counts;
    this.#cellItems = items;
    this.#large = Uint32Array.from(large);
  }

  /** Columns and rows [c0, r0, c1, r1] a box covers, clamped to the grid. */
  #cellRange(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const column = (x: number) =>
      Math.max(0, Math.min(this.#columns - 1, Math.floor((x - this.#minX) / this.#cellWidth)));
    const row = (y: number) =>
      Math.max(0, Math.min(this.#rows - 1, Math.floor((y - this.#minY) / this.#cellHeight)));
    return [column(minX), row(minY), column(maxX), row(maxY)];
  }

  /**
   * The features whose bbox meets the box [minX, maxX) × [minY, maxY) by geojson-vt's test
   * (not max < min of the box nor min ≥ its max), each once, in no particular order.
   */
  query(minX: number, minY: number, maxX: number, maxY: number): number[] {
    const found: number[] = [];
    const bboxes = this.bboxes;
    const seen = this.#seen;
    const stamp = ++this.#query;
    const consider = (k: number) => {
      if (seen[k] === stamp) return;
      seen[k] = stamp;
      if (
        bboxes[4 * k + 2] < minX ||
        bboxes[4 * k] >= maxX ||
        bboxes[4 * k + 3] < minY ||
        bboxes[4 * k + 1] >= maxY
      ) {
        return;
      }
      found.push(k);
    };
    for (const k of this.#large) consider(k);
    if (this.#cellItems.length === 0) return found;
    const [c0, r0, c1, r1] = this.#cellRange(
      Math.max(minX, -1e9),
      Math.max(minY, -1e9),
      Math.min(maxX, 1e9),
      Math.min(maxY, 1e9)
    );
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.#columns + c;
        for (let at = this.#cellStarts[cell]; at < this.#cellStarts[cell + 1]; at++) {
          consider(this.#cellItems[at]);
        }
      }
    }
    return found;
  }
}

/**
 * Whether the flat ring ring[0 … length) ([x, y, …], world units) must be reversed to wind as
 * asked for: tile.js's rewind(), whose reversal is of the whole point order.
 */
function needsReversal(ring: Float64Array, length: number, clockwise: boolean): boolean {
  let area = 0;
  for (let i = 0, j = length - 2; i < length; j = i, i += 2) {
    area += (ring[i] - ring[j]) * (ring[i + 1] + ring[j + 1]);
  }
  return area > 0 === clockwise;
}

/** Where a tile is and how it is simplified, for turning world units into its integers. */
interface TileFrame {
  z: number;
  x: number;
  y: number;
  scale: number;
  tolerance: number;
  squareTolerance: number;
  /** Whether the tile carries the layer's label (see USER_TILE_LABEL_MIN_ZOOM). */
  labels: boolean;
}

/** Adds world point x, y to `geometry` in the frame's tile units, rounded as tile.js does. */
function addTilePoint(geometry: MvtGeometry, x: number, y: number, frame: TileFrame): void {
  geometry.addPoint(
    Math.round(TILE_EXTENT * (x * frame.scale - frame.x)),
    Math.round(TILE_EXTENT * (y * frame.scale - frame.y))
  );
}

/**
 * Adds the flat ring ring[0 … length) ([x, y, …], world units) to `geometry` as one ring of
 * tile points. polygonOuter: null for a line, else whether the polygon ring is an outer one,
 * which is then wound as tile.js winds it (outer rings clockwise in tile coordinates).
 */
function addTileRing(
  geometry: MvtGeometry,
  ring: Float64Array,
  length: number,
  polygonOuter: boolean | null,
  frame: TileFrame
): void {
  if (polygonOuter !== null && needsReversal(ring, length, polygonOuter)) {
    for (let k = length - 2; k >= 0; k -= 2) addTilePoint(geometry, ring[k], ring[k + 1], frame);
  } else {
    for (let k = 0; k < length; k += 2) addTilePoint(geometry, ring[k], ring[k + 1], frame);
  }
  geometry.endRing();
}

/** Whether a line or ring of `size` is left out of the tile as too small (tile.js addLine). */
function tooSmall(size: number, isPolygon: boolean, frame: TileFrame): boolean {
  return frame.tolerance > 0 && size < (isPolygon ? frame.squareTolerance : frame.tolerance);
}

/**
 * Writes feature i of `source` with its geometry and tags: the label (in tiles that carry it) or
 * the properties, or none.
 */
function writeTileFeature(
  writer: TileFeatureSink,
  source: Source,
  i: number,
  type: MvtGeometryType,
  geometry: MvtGeometry,
  frame: TileFrame
): void {
  const id = source.ids ? source.ids[i] : source.base + i;
  const value = source.tagValues?.[i];
  if (value === undefined) writer.addFeature(id, type, geometry, null);
  else if (source.labelKey === null) {
    writer.addFeature(id, type, geometry, value as Record<string, unknown>);
  } else if (frame.labels) {
    writer.addFeatureWithProperty(id, type, geometry, source.labelKey, value);
  } else writer.addFeature(id, type, geometry, null);
}

/** A simple GeoJSON geometry read from a record's text, with its positions made [x, y]. */
type SimpleGeometry = Exclude<Geometry, { type: 'GeometryCollection' }>;

const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3
};

/** Positions made [lon, lat] (numbers beyond the second dropped), or null if one is not. */
function flatPositions(value: unknown, depth: number): unknown {
  if (!Array.isArray(value)) return null;
  if (depth === 0) {
    const [x, y] = value as unknown[];
    return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x + y) ? [x, y] : null;
  }
  const out: unknown[] = [];
  for (const item of value as unknown[]) {
    const flat = flatPositions(item, depth - 1);
    if (flat === null) return null;
    out.push(flat);
  }
  return out;
}

/**
 * The simple geometries a geometry kept in the text is drawn as (a GeometryCollection's members,
 * nested ones too, in order). Throws naming the feature on a type that cannot be tiled or
 * positions that are not numbers.
 */
function simpleGeometries(geometry: unknown, id: number, out: SimpleGeometry[]): void {
  if (geometry === null || geometry === undefined) return;
  const type = (geometry as { type?: unknown }).type;
  if (type === 'GeometryCollection') {
    const members = (geometry as { geometries?: unknown }).geometries;
    if (!Array.isArray(members)) throw badGeometry(id, 'GeometryCollection');
    for (const member of members as unknown[]) simpleGeometries(member, id, out);
    return;
  }
  if (typeof type !== 'string' || !SIMPLE_GEOMETRY_TYPES.has(type)) {
    throw new Error(
      `要素 #${id} 的几何类型“${String(type)}”无法切片 / ` +
        `Feature #${id} has geometry type "${String(type)}", which cannot be tiled`
    );
  }
  const coordinates = flatPositions(
    (geometry as { coordinates?: unknown }).coordinates,
    DEPTH[type]
  );
  if (coordinates === null) throw badGeometry(id, type);
  out.push({ type, coordinates } as SimpleGeometry);
}

function badGeometry(id: number, type: string): Error {
  return new Error(
    `要素 #${id} 的 ${type} 几何坐标无法读取，无法切片 / ` +
      `Feature #${id} has a ${type} geometry whose coordinates cannot be read, so it cannot be tiled`
  );
}

/** The geometry arrays of `record`, as a Source without its finish()-time arrays yet. */
function sourceOf(
  record: PackedFeatureRecord,
  base: number,
  ids: Uint32Array | null,
  labelKey: string | null,
  tagValues: unknown[] | null
): Source {
  return {
    count: record.count,
    kinds: record.kinds,
    dimensions: record.dimensions,
    coordinateOffsets: record.coordinateOffsets,
    structureOffsets: record.structureOffsets,
    coordinates: record.coordinates,
    structure: record.structure,
    first: 0,
    base,
    ids,
    labelKey,
    tagValues,
    vertexOffsets: new Uint32Array(0),
    importance: new Float32Array(0),
    ringOffsets: new Uint32Array(0),
    ringSizes: new Float64Array(0)
  };
}

/**
 * A tile index over packed records: add the layer's records in order (addRecord), finish(), then
 * ask for tiles as Mapbox Vector Tile bytes (one layer, USER_TILE_LAYER; extent TILE_EXTENT).
 *
 * Each tile feature's id is the feature's position in the whole layer (0-based, counting across
 * records); a null geometry takes its position but is in no tile. Per feature the tiles carry
 * `label`'s value when it is text or a number, read once from the record's text when the record
 * is added — else no properties. Geometries kept whole in the text (kind 7: GeometryCollection,
 * a geometry with a bbox, …) are parsed when added and kept as a small record of their own; a
 * GeometryCollection's members become tile features of the same id, as in geojson-vt.
 *
 * Memory: the records' geometry arrays (not copied; their text is not kept), and per vertex 4
 * bytes of importance, per feature ~40 bytes (bbox, offsets, grid). A tile request writes the
 * MVT bytes (mvt-writer.ts) from reusable typed scratch arrays; only features crossing the
 * tile's clip box get JS arrays (for clipping), and the request lets go of them when it returns.
 *
 * @example
 * const index = new PackedTileIndex();
 * index.addRecord(sliceRecord(record, 0, 2500), 'name'); // ids 0…2499
 * index.addRecord(sliceRecord(record, 2500, record.count), 'name'); // ids 2500…
 * index.finish(); // ~0.2 s for 100 000 parcels of 19 vertices
 * index.tile(14, 13704, 6136); // Uint8Array (an MVT of extent 8192), or null: nothing there
 */
export class PackedTileIndex {
  #sources: Source[] = [];
  #count = 0;
  #grid: FeatureGrid | null = null;
  /** Global feature number → source, via the sources' `first` (sorted). */
  #firsts: number[] = [];
  #hasSideSources = false;
  /** The world coordinates of the ring being written, grown as needed (tile() is synchronous). */
  #worldRing = new Float64Array(256);
  /** The tile geometry of the feature being written. */
  readonly #geometry = new MvtGeometry();

  /** How many features (null geometries included) have been added. */
  get featureCount(): number {
    return this.#count;
  }

  get finished(): boolean {
    return this.#grid !== null;
  }

  /**
   * Adds the layer's next features. `label`: the property to keep per feature (text or number
   * values only), null for none, ALL_PROPERTIES for every property as it is. Throws, adding
   * nothing, on a geometry kept in the text that cannot be tiled (naming the feature's
   * position), and after finish().
   */
  addRecord(record: PackedFeatureRecord, label: string | null | typeof ALL_PROPERTIES): void {
    if (this.#grid) throw new Error('PackedTileIndex.addRecord() called after finish()');
    const base = this.#count;
    const labelKey = typeof label === 'string' ? label : null;
    const tagValues: unknown[] | null = label === null ? null : new Array(record.count);
    const sideGeometries: Feature[] = [];
    const sideIds: number[] = [];
    const sideTags: unknown[] = [];
    for (let i = 0; i < record.count; i++) {
      const kind = record.kinds[i];
      if (label === null && kind !== PackedKind.Text) continue;
      const text = utf8.decode(
        record.text.subarray(record.textOffsets[i], record.textOffsets[i + 1])
      );
      const feature = JSON.parse(text) as { properties?: unknown; geometry?: unknown } | null;
      const properties = feature?.properties;
      let tags: unknown = undefined;
      if (tagValues && typeof properties === 'object' && properties !== null) {
        if (labelKey !== null) {
          const value = (properties as Record<string, unknown>)[labelKey];
          if (typeof value === 'string' || typeof value === 'number') tags = value;
        } else if (Object.keys(properties).length > 0) {
          tags = properties;
        }
        tagValues[i] = tags;
      }
      if (kind !== PackedKind.Text) continue;
      const parts: SimpleGeometry[] = [];
      simpleGeometries(feature?.geometry, base + i, parts);
      for (const geometry of parts) {
        sideGeometries.push({ type: 'Feature', properties: null, geometry });
        sideIds.push(base + i);
        sideTags.push(tags);
      }
    }
    this.#sources.push(sourceOf(record, base, null, labelKey, tagValues));
    if (sideGeometries.length > 0) {
      const side = packFeatures(sideGeometries);
      this.#sources.push(
        sourceOf(side, 0, Uint32Array.from(sideIds), labelKey, tagValues ? sideTags : null)
      );
      this.#hasSideSources = true;
    }
    this.#count += record.count;
  }

  /**
   * Computes what tiles are cut with: per feature its bbox, the grid over them, per line/ring
   * its size and per vertex its importance. Throws when called twice.
   */
  finish(): void {
    if (this.#grid) throw new Error('PackedTileIndex.finish() called twice');
    let total = 0;
    for (const source of this.#sources) {
      source.first = total;
      this.#firsts.push(total);
      total += source.count;
    }
    const bboxes = new Float64Array(4 * total).fill(NaN);
    let scratchXY = new Float64Array(64);
    let scratchImportance = new Float64Array(32);
    const stack: number[] = [];
    for (const source of this.#sources) {
      const { count, kinds, dimensions, coordinateOffsets, coordinates } = source;
      const vertexOffsets = new Uint32Array(count + 1);
      for (let i = 0; i < count; i++) {
        const dimension = dimensions[i];
        const numbers = coordinateOffsets[i + 1] - coordinateOffsets[i];
        const kind = kinds[i];
        const vertices = isPackedGeometry(kind) && dimension > 0 ? numbers / dimension : 0;
        vertexOffsets[i + 1] = vertexOffsets[i] + vertices;
      }
      const importance = new Float32Array(vertexOffsets[count]);
      const ringOffsets = new Uint32Array(count + 1);
      const sizes: number[] = [];
      for (let i = 0; i < count; i++) {
        const kind = kinds[i];
        const dimension = dimensions[i];
        const coordinateStart = coordinateOffsets[i];
        const vertexStart = vertexOffsets[i];
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        const isPolygon = kind === PackedKind.Polygon || kind === PackedKind.MultiPolygon;
        if (isPackedGeometry(kind)) {
          walkRings(source, i, vertexStart, (vertex, vertexCount, outer) => {
            if (scratchXY.length < 2 * vertexCount) {
              scratchXY = new Float64Array(4 * vertexCount);
              scratchImportance = new Float64Array(2 * vertexCount);
            }
            const at = coordinateStart + (vertex - vertexStart) * dimension;
            let size = 0;
            let x0 = 0;
            let y0 = 0;
            for (let k = 0; k < vertexCount; k++) {
              const x = projectX(coordinates[at + k * dimension]);
              const y = projectY(coordinates[at + k * dimension + 1]);
              scratchXY[2 * k] = x;
              scratchXY[2 * k + 1] = y;
              if (outer || !isPolygon) {
                minX = Math.min(minX, x);
                minY = Math.min(minY, y);
                maxX = Math.max(maxX, x);
                maxY = Math.max(maxY, y);
              }
              if (k > 0) {
                if (isPolygon) size += (x0 * y - x * y0) / 2;
                else size += Math.sqrt(Math.pow(x - x0, 2) + Math.pow(y - y0, 2));
              }
              x0 = x;
              y0 = y;
            }
            if (kind <= PackedKind.MultiPoint) return;
            sizes.push(Math.abs(size));
            scratchImportance.fill(0, 0, vertexCount);
            scratchImportance[0] = 1;
            simplifyRing(scratchXY, scratchImportance, vertexCount, stack);
            scratchImportance[vertexCount - 1] = 1;
            for (let k = 0; k < vertexCount; k++) {
              const value = scratchImportance[k];
              importance[vertex + k] = value === 0 || value === 1 ? value : storedImportance(value);
            }
          });
        }
        ringOffsets[i + 1] = sizes.length;
        if (minX <= maxX) {
          const at = 4 * (source.first + i);
          bboxes[at] = minX;
          bboxes[at + 1] = minY;
          bboxes[at + 2] = maxX;
          bboxes[at + 3] = maxY;
        }
      }
      source.vertexOffsets = vertexOffsets;
      source.importance = importance;
      source.ringOffsets = ringOffsets;
      source.ringSizes = Float64Array.from(sizes);
    }
    this.#grid = new FeatureGrid(bboxes);
  }

  /**
   * Tile z/x/y as MVT bytes (a buffer of their own), or null when no feature reaches it or z is
   * deeper than USER_TILE_MAX_ZOOM. Throws before finish() and on coordinates outside the grid.
   * Takes O(features whose bbox meets the tile); a low-zoom tile over a whole big layer some
   * tens of ms.
   */
  tile(z: number, x: number, y: number): Uint8Array<ArrayBuffer> | null {
    const writer = new MvtLayerWriter(USER_TILE_LAYER, TILE_EXTENT);
    this.cut(z, x, y, writer);
    return writer.finish();
  }

  /**
   * Hands tile z/x/y's features to `sink`, in the order and with the geometry (tile units of
   * TILE_EXTENT, clipped with TILE_BUFFER, simplified for z) that tile() writes them with. Nothing
   * deeper than USER_TILE_MAX_ZOOM. Throws as tile() does.
   *
   * @example index.cut(12, 3426, 1533, new RasterTileWriter(context, paint, 512)); // paints it
   */
  cut(z: number, x: number, y: number, sink: TileFeatureSink): void {
    const grid = this.#grid;
    if (!grid) throw new Error('PackedTileIndex: a tile was asked for before finish()');
    if (!isTileCoordinate(z, x, y)) throw new RangeError(`No tile ${z}/${x}/${y}`);
    if (z > USER_TILE_MAX_ZOOM) return;
    // The clip ranges of every level from z1 down to the tile: geojson-vt cuts level by level.
    const levels: [number, number, number, number][] = [];
    for (let level = 1; level <= z; level++) {
      const [startX, endX] = clipRange(level, x >> (z - level));
      const [startY, endY] = clipRange(level, y >> (z - level));
      levels.push([startX, endX, startY, endY]);
    }
    const [minX, maxX, minY, maxY] = levels.at(-1) ?? [-Infinity, Infinity, -Infinity, Infinity];
    const found = grid.query(minX, minY, maxX, maxY);
    const candidates = Uint32Array.from(found).sort();
    if (this.#hasSideSources) {
      candidates.sort((a, b) => this.#idOf(a) - this.#idOf(b) || a - b);
    }
    const tolerance = toleranceAt(z);
    const frame: TileFrame = {
      z,
      x,
      y,
      scale: 1 << z,
      tolerance,
      squareTolerance: tolerance * tolerance,
      labels: z >= USER_TILE_LABEL_MIN_ZOOM
    };
    const bboxes = grid.bboxes;
    for (const global of candidates) {
      const source = this.#sourceOf(global);
      const i = global - source.first;
      const inside =
        bboxes[4 * global] >= minX &&
        bboxes[4 * global + 2] < maxX &&
        bboxes[4 * global + 1] >= minY &&
        bboxes[4 * global + 3] < maxY;
      if (inside) this.#writeTileFeature(sink, source, i, frame);
      else this.#writeClippedTileFeature(sink, source, i, frame, levels);
    }
  }

  /**
   * The id (position in the layer) of the feature drawn on top at lon/lat (degrees), or null:
   * a point or a line within `radius` of it, or a polygon that contains it (not in a hole).
   * `radius` is in world units (1 = the world's width): `pixels / (512 · 2^zoom)` for a map at
   * `zoom`. Points win over lines and lines over polygons, as their style layers lie on top;
   * among equals, the later feature, drawn last. Throws before finish().
   *
   * @example index.featureAt(121.13, 41.1, 6 / (512 * 2 ** 12)) // what a click at z12 hits
   */
  featureAt(lon: number, lat: number, radius: number): number | null {
    const grid = this.#grid;
    if (!grid) throw new Error('PackedTileIndex: a feature was asked for before finish()');
    const x = projectX(lon);
    const y = projectY(lat);
    let best: number | null = null;
    let bestRank = -1;
    for (const global of grid.query(x - radius, y - radius, x + radius, y + radius)) {
      const source = this.#sourceOf(global);
      const i = global - source.first;
      const kind = source.kinds[i];
      // A geometry kept in the text is in a side source, under the same id.
      if (!isPackedGeometry(kind)) continue;
      const rank =
        kind === PackedKind.Point || kind === PackedKind.MultiPoint
          ? 2
          : kind === PackedKind.LineString || kind === PackedKind.MultiLineString
            ? 1
            : 0;
      const id = source.ids ? source.ids[i] : source.base + i;
      if (rank < bestRank || (rank === bestRank && best !== null && id < best)) continue;
      if (!hits(source, i, x, y, radius, rank)) continue;
      best = id;
      bestRank = rank;
    }
    return best;
  }

  #worldRingOf(numbers: number): Float64Array {
    if (this.#worldRing.length < numbers) this.#worldRing = new Float64Array(2 * numbers);
    return this.#worldRing;
  }

  #sourceOf(global: number): Source {
    return this.#sources[segmentOf(this.#firsts, global)];
  }

  #idOf(global: number): number {
    const source = this.#sourceOf(global);
    const i = global - source.first;
    return source.ids ? source.ids[i] : source.base + i;
  }

  /** Writes a feature wholly inside the tile's clip box, read from its record. */
  #writeTileFeature(writer: TileFeatureSink, source: Source, i: number, frame: TileFrame): void {
    const kind = source.kinds[i];
    const dimension = source.dimensions[i];
    const coordinates = source.coordinates;
    const coordinateStart = source.coordinateOffsets[i];
    const vertexStart = source.vertexOffsets[i];
    const geometry = this.#geometry;
    geometry.clear();
    if (kind <= PackedKind.MultiPoint) {
      const count = source.vertexOffsets[i + 1] - vertexStart;
      for (let k = 0; k < count; k++) {
        const at = coordinateStart + k * dimension;
        addTilePoint(geometry, projectX(coordinates[at]), projectY(coordinates[at + 1]), frame);
      }
      geometry.endRing();
      writeTileFeature(writer, source, i, MVT_POINT, geometry, frame);
      return;
    }
    const isPolygon = kind >= PackedKind.Polygon;
    const importance = source.importance;
    const ringSizes = source.ringSizes;
    let ring = source.ringOffsets[i];
    walkRings(source, i, vertexStart, (vertex, vertexCount, outer) => {
      const size = ringSizes[ring++];
      if (tooSmall(size, isPolygon, frame)) return;
      const world = this.#worldRingOf(2 * vertexCount);
      let length = 0;
      const at = coordinateStart + (vertex - vertexStart) * dimension;
      for (let k = 0; k < vertexCount; k++) {
        if (frame.tolerance === 0 || importance[vertex + k] > frame.squareTolerance) {
          const numberAt = at + k * dimension;
          world[length++] = projectX(coordinates[numberAt]);
          world[length++] = projectY(coordinates[numberAt + 1]);
        }
      }
      addTileRing(geometry, world, length, isPolygon ? outer : null, frame);
    });
    if (geometry.ringCount === 0) return;
    writeTileFeature(writer, source, i, isPolygon ? MVT_POLYGON : MVT_LINESTRING, geometry, frame);
  }

  /** Writes a feature crossing the tile's clip box, clipped level by level. */
  #writeClippedTileFeature(
    writer: TileFeatureSink,
    source: Source,
    i: number,
    frame: TileFrame,
    levels: [number, number, number, number][]
  ): void {
    let feature: ClipFeature | null = this.#clipFeatureOf(source, i);
    for (const [startX, endX, startY, endY] of levels) {
      feature = clipFeature(feature, startX, endX, 0);
      if (!feature) return;
      feature = clipFeature(feature, startY, endY, 1);
      if (!feature) return;
    }
    const geometry = this.#geometry;
    geometry.clear();
    if (feature.shape <= SHAPE_POINTS) {
      const points = feature.points;
      for (let k = 0; k < points.length; k += 3) {
        addTilePoint(geometry, points[k], points[k + 1], frame);
      }
      geometry.endRing();
      writeTileFeature(writer, source, i, MVT_POINT, geometry, frame);
      return;
    }
    const isPolygon = feature.shape === SHAPE_POLYGONS;
    for (const polygon of feature.polygons) {
      for (let index = 0; index < polygon.length; index++) {
        const line = polygon[index];
        if (tooSmall(line.size, isPolygon, frame)) continue;
        const points = line.points;
        const world = this.#worldRingOf((2 * points.length) / 3);
        let length = 0;
        for (let k = 0; k < points.length; k += 3) {
          if (frame.tolerance === 0 || points[k + 2] > frame.squareTolerance) {
            world[length++] = points[k];
            world[length++] = points[k + 1];
          }
        }
        addTileRing(geometry, world, length, isPolygon ? index === 0 : null, frame);
      }
    }
    if (geometry.ringCount === 0) return;
    writeTileFeature(writer, source, i, isPolygon ? MVT_POLYGON : MVT_LINESTRING, geometry, frame);
  }

  /** Feature i of a source as geojson-vt's converted feature, for clipping. */
  #clipFeatureOf(source: Source, i: number): ClipFeature {
    const kind = source.kinds[i];
    const dimension = source.dimensions[i];
    const coordinates = source.coordinates;
    const coordinateStart = source.coordinateOffsets[i];
    const vertexStart = source.vertexOffsets[i];
    const importance = source.importance;
    const feature = emptyClipFeature(
      kind === PackedKind.Point
        ? SHAPE_POINT
        : kind === PackedKind.MultiPoint
          ? SHAPE_POINTS
          : kind <= PackedKind.MultiLineString
            ? SHAPE_LINES
            : SHAPE_POLYGONS
    );
    let ring = source.ringOffsets[i];
    walkRings(source, i, vertexStart, (vertex, vertexCount, outer) => {
      const points: number[] = [];
      const at = coordinateStart + (vertex - vertexStart) * dimension;
      for (let k = 0; k < vertexCount; k++) {
        const numberAt = at + k * dimension;
        points.push(
          projectX(coordinates[numberAt]),
          projectY(coordinates[numberAt + 1]),
          feature.shape <= SHAPE_POINTS ? 0 : importance[vertex + k]
        );
      }
      if (feature.shape <= SHAPE_POINTS) {
        feature.points.push(...points);
        return;
      }
      const line: ClipLine = { points, size: source.ringSizes[ring++] };
      if (feature.shape === SHAPE_LINES) {
        if (feature.polygons.length === 0) feature.polygons.push([]);
        feature.polygons[0].push(line);
      } else if (outer) feature.polygons.push([line]);
      else feature.polygons.at(-1)!.push(line);
    });
    setBbox(feature);
    return feature;
  }
}

/** Whether z/x/y names a tile of the web-mercator grid (0 ≤ z ≤ 24). */
export function isTileCoordinate(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || z < 0 || z > 24) return false;
  const size = 2 ** z;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < size && y < size;
}
