/** Writing a clipped feature into a tile: world units to tile integers, winding, too-small parts. */
import { MvtGeometry, type MvtGeometryType, type TileFeatureSink } from './mvt-writer';
import { TILE_EXTENT } from './tile-math';
import { type Source } from './tile-source';

/**
 * Whether the flat ring ring[0 … length) ([x, y, …], world units) must be reversed to wind as
 * asked for: tile.js's rewind(), whose reversal is of the whole point order.
 */
export function needsReversal(ring: Float64Array, length: number, clockwise: boolean): boolean {
  let area = 0;
  for (let i = 0, j = length - 2; i < length; j = i, i += 2) {
    area += (ring[i] - ring[j]) * (ring[i + 1] + ring[j + 1]);
  }
  return area > 0 === clockwise;
}

/** Where a tile is and how it is simplified, for turning world units into its integers. */
export interface TileFrame {
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
export function addTilePoint(geometry: MvtGeometry, x: number, y: number, frame: TileFrame): void {
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
export function addTileRing(
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
export function tooSmall(size: number, isPolygon: boolean, frame: TileFrame): boolean {
  return frame.tolerance > 0 && size < (isPolygon ? frame.squareTolerance : frame.tolerance);
}

/**
 * Writes feature i of `source` with its geometry and tags: the label (in tiles that carry it) or
 * the properties, or none.
 */
export function writeTileFeature(
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
