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
import type { Feature } from 'geojson';
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
  type TileFeatureSink
} from './mvt-writer';
import {
  type ClipFeature,
  type ClipLine,
  clipFeature,
  clipRange,
  emptyClipFeature,
  setBbox
} from './tile-clip';
import {
  type TileFrame,
  addTilePoint,
  addTileRing,
  tooSmall,
  writeTileFeature
} from './tile-frame';
import {
  ALL_PROPERTIES,
  SHAPE_LINES,
  SHAPE_POINT,
  SHAPE_POINTS,
  SHAPE_POLYGONS,
  TILE_EXTENT,
  projectX,
  projectY,
  toleranceAt,
  utf8
} from './tile-math';
import {
  type SimpleGeometry,
  type Source,
  hits,
  simpleGeometries,
  sourceOf,
  walkRings
} from './tile-source';
import { USER_TILE_LABEL_MIN_ZOOM, USER_TILE_LAYER, USER_TILE_MAX_ZOOM } from './user-tiles-format';

import { FeatureGrid } from './feature-grid';
import { prepareSource, PrepareScratch } from './tile-prepare';

export { ALL_PROPERTIES, TILE_BUFFER, TILE_EXTENT, TILE_TOLERANCE } from './tile-math';

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
    const scratch = new PrepareScratch();
    for (const source of this.#sources) prepareSource(source, bboxes, scratch);
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
