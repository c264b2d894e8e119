/**
 * Vector tiles of one imported user layer, cut straight from its packed record by
 * PackedTileIndex (packed-tiles.ts; the same tiles @maplibre/geojson-vt would make, without its
 * projected copy of the layer) and written as Mapbox Vector Tiles by mvt-writer.ts (the bytes
 * @maplibre/vt-pbf would write, without its per-point arrays). Runs in the user-tile worker
 * (user-tiles-worker.ts); pure and DOM-free so Node tests can decode what it makes.
 *
 * Tiles carry geometry, the feature's position in the layer as id, and only the properties the
 * page hands over (the one the map labels the layer with): the page keeps the stored features
 * and looks a clicked one up by that id.
 *
 * Why these tiling choices (see packed-tiles.ts for the numbers):
 * - maxZoom 14 (USER_TILE_MAX_ZOOM): full detail, unsimplified, at z14; a z14 tile near Jinzhou
 *   is ~1.8 km across, a few thousand parcels at most, and MapLibre slices it further for z15+
 *   instead of us caching more levels.
 * - tolerance 6 of extent 8192: 0.375 px on a 512 px tile, what MapLibre's own GeoJSON source
 *   uses — simplification below z14 never shows.
 * - buffer 128 (USER_TILE_BUFFER): smaller than MapLibre's GeoJSON default (128 px, meant for
 *   labels) because these layers have no labels.
 */
import type { Feature } from 'geojson';
import { packFeatures, type PackedFeatureRecord } from '$lib/storage/packed-features';
import {
  ALL_PROPERTIES,
  isTileCoordinate,
  PackedTileIndex,
  TILE_BUFFER,
  TILE_EXTENT
} from './packed-tiles';
import {
  RASTER_TILE_SIZE,
  RasterTileWriter,
  type RasterContext,
  type RasterPaint
} from './raster-tile-writer';
import { USER_TILE_LAYER, USER_TILE_MAX_ZOOM } from './user-tiles-format';

export { isTileCoordinate, USER_TILE_LAYER, USER_TILE_MAX_ZOOM };

/** A canvas to paint an overview tile on (an OffscreenCanvas; tests pass a fake). */
export interface RasterCanvas {
  getContext(type: '2d'): RasterContext | null;
  convertToBlob(options: { type: string }): Promise<Blob>;
}

/** Makes a square canvas `size` pixels wide. */
export type MakeRasterCanvas = (size: number) => RasterCanvas;

/** Tile units per tile side (see packed-tiles.ts TILE_EXTENT). */
export const USER_TILE_EXTENT = TILE_EXTENT;

/** Tile units each tile reaches beyond its edges (see packed-tiles.ts TILE_BUFFER). */
export const USER_TILE_BUFFER = TILE_BUFFER;

/**
 * Builds one layer's tile index from its features, handed over in slices and in order, then
 * serves tiles as MVT bytes with one layer, USER_TILE_LAYER.
 *
 * Each tile feature's id is the feature's position in the whole layer (0-based, counting across
 * slices); a feature with a null geometry is left out but still takes its position. Plain
 * features (add) are packed as each slice arrives, their properties kept as given (the page sends
 * at most its label); packed records (addPacked) are kept as they are, with only their label.
 * The index holds the records' typed arrays, a few small typed arrays of its own (packed-tiles.ts)
 * and the bytes of the tiles handed out (a few MB per zoom level for 100 000 parcels).
 *
 * @example
 * const index = new UserTileIndex();
 * index.add(features.slice(0, 2500)); // ids 0…2499
 * index.add(features.slice(2500));    // ids 2500…
 * index.finish();
 * const bytes = index.tile(14, 13704, 6136); // Uint8Array (an MVT), or null: nothing there
 */
export class UserTileIndex {
  #tiles = new PackedTileIndex();
  /** Tiles handed out so far, by "z/x/y"; null: nothing there. */
  #encoded = new Map<string, Uint8Array<ArrayBuffer> | null>();

  /** How many features (null geometries included) have been added. */
  get featureCount(): number {
    return this.#tiles.featureCount;
  }

  /** Whether finish() has run, so tile() can be asked. */
  get finished(): boolean {
    return this.#tiles.finished;
  }

  /**
   * Adds the next slice of the layer's features, their properties kept as given. Throws
   * (naming the feature's position, adding nothing) on a geometry type that cannot be tiled,
   * and when called after finish().
   */
  add(features: readonly (Feature | null | undefined)[]): void {
    if (this.finished) throw new Error('UserTileIndex.add() called after finish()');
    // Packed at once, so the slice's GeoJSON objects can go as soon as the caller lets them.
    const record = packFeatures(
      features.map((feature) => ({
        type: 'Feature' as const,
        geometry: feature?.geometry ?? null,
        properties: feature?.properties ?? null
      }))
    );
    this.#tiles.addRecord(record, ALL_PROPERTIES);
  }

  /**
   * Adds the next features as a packed record, kept as it is (not copied, never unpacked);
   * `label` names the one property the tiles keep (text or number values), null for none.
   * Throws as add() does.
   */
  addPacked(record: PackedFeatureRecord, label: string | null): void {
    if (this.finished) throw new Error('UserTileIndex.add() called after finish()');
    this.#tiles.addRecord(record, label);
  }

  /**
   * Builds the index (per feature a bbox, per vertex its simplification importance: ~0.2 s for
   * 100 000 parcels). Throws when called twice.
   */
  finish(): void {
    if (this.finished) throw new Error('UserTileIndex.finish() called twice');
    this.#tiles.finish();
  }

  /**
   * The tile z/x/y as MVT bytes whose buffer is exactly the tile and is the caller's own (so it
   * can be transferred), or null when no feature reaches it. Throws before finish() and on
   * coordinates outside the grid; deeper than USER_TILE_MAX_ZOOM is always null.
   */
  tile(z: number, x: number, y: number): Uint8Array<ArrayBuffer> | null {
    if (!this.finished) throw new Error('UserTileIndex.tile() called before finish()');
    if (!isTileCoordinate(z, x, y)) throw new RangeError(`No tile ${z}/${x}/${y}`);
    const key = `${z}/${x}/${y}`;
    let bytes = this.#encoded.get(key);
    if (bytes === undefined) {
      bytes = this.#tiles.tile(z, x, y);
      this.#encoded.set(key, bytes);
    }
    return bytes && bytes.slice();
  }

  /**
   * The id (position in the layer) of the feature drawn on top at lon/lat, or null (see
   * PackedTileIndex.featureAt: `radius` in world units). Throws before finish().
   */
  featureAt(lon: number, lat: number, radius: number): number | null {
    if (!this.finished) throw new Error('UserTileIndex.featureAt() called before finish()');
    return this.#tiles.featureAt(lon, lat, radius);
  }

  /**
   * The tile z/x/y of the layer's overview as PNG bytes (a buffer of their own): its features
   * painted with `paint` (raster-tile-writer.ts) on a canvas `pixelRatio` × RASTER_TILE_SIZE
   * pixels wide (1 to 2), transparent between them; null when no feature reaches the tile.
   * Throws as tile() does; rejects when the canvas cannot be made or encoded.
   */
  async raster(
    z: number,
    x: number,
    y: number,
    paint: RasterPaint,
    pixelRatio: number,
    makeCanvas: MakeRasterCanvas
  ): Promise<ArrayBuffer | null> {
    if (!this.finished) throw new Error('UserTileIndex.raster() called before finish()');
    if (!isTileCoordinate(z, x, y)) throw new RangeError(`No tile ${z}/${x}/${y}`);
    const size = Math.round(RASTER_TILE_SIZE * Math.min(Math.max(pixelRatio, 1), 2));
    const canvas = makeCanvas(size);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas to paint the overview on');
    const writer = new RasterTileWriter(context, paint, size);
    this.#tiles.cut(z, x, y, writer);
    if (writer.featureCount === 0) return null;
    writer.finish();
    const png = await canvas.convertToBlob({ type: 'image/png' });
    return png.arrayBuffer();
  }
}
