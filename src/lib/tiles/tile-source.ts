/**
 * A packed record as the tile engine reads it (a Source: its geometry arrays, ids and label),
 * walking its lines and rings, and hit-testing a feature at a point.
 */
import type { Geometry } from 'geojson';
import { POSITION_DEPTH, SIMPLE_GEOMETRY_TYPES } from '$lib/geo/geometry-types.js';
import { PackedKind, type PackedFeatureRecord } from '$lib/storage/packed-features';
import { projectX, projectY, squareSegmentDistance } from './tile-math';

/** The geometry arrays of a record (its text is not kept). */
export interface Source extends Pick<
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
export interface RingVisitor {
  /** vertex: index of its first vertex in the source; outer: first ring of its polygon. */
  (vertex: number, vertexCount: number, outer: boolean): void;
}

/**
 * Calls `visit` for every non-empty part of feature i (kinds 1–6): each point of a (Multi)Point
 * as one part of one vertex, each line, each ring — in the record's order.
 */
export function walkRings(
  source: Source,
  i: number,
  vertexStart: number,
  visit: RingVisitor
): void {
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
export function hits(
  source: Source,
  i: number,
  x: number,
  y: number,
  radius: number,
  rank: number
) {
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

/** A simple GeoJSON geometry read from a record's text, with its positions made [x, y]. */
export type SimpleGeometry = Exclude<Geometry, { type: 'GeometryCollection' }>;

/** Positions made [lon, lat] (numbers beyond the second dropped), or null if one is not. */
export function flatPositions(value: unknown, depth: number): unknown {
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
export function simpleGeometries(geometry: unknown, id: number, out: SimpleGeometry[]): void {
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
    POSITION_DEPTH[type]
  );
  if (coordinates === null) throw badGeometry(id, type);
  out.push({ type, coordinates } as SimpleGeometry);
}

export function badGeometry(id: number, type: string): Error {
  return new Error(
    `要素 #${id} 的 ${type} 几何坐标无法读取，无法切片 / ` +
      `Feature #${id} has a ${type} geometry whose coordinates cannot be read, so it cannot be tiled`
  );
}

/** The geometry arrays of `record`, as a Source without its finish()-time arrays yet. */
export function sourceOf(
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
