/**
 * Vector tiles of one imported user layer, cut by @maplibre/geojson-vt and encoded as Mapbox
 * Vector Tiles by @maplibre/vt-pbf. Runs in the user-tile worker (user-tiles-worker.ts); pure and
 * DOM-free so Node tests can decode what it makes.
 *
 * Tiles carry geometry, the feature's position in the layer as id, and only the properties the
 * page hands over (the one the map labels the layer with): the page keeps the stored features
 * and looks a clicked one up by that id.
 */
import { GeoJSONVT, type GeoJSONVTOptions } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { GEOMETRY_TYPES } from '$lib/geo/geometry-types.js';
import { packedFeatureArray, PackedFeatureBuilder } from '$lib/import/packed-features';
import { USER_TILE_LAYER, USER_TILE_MAX_ZOOM } from './user-tiles-format';

export { USER_TILE_LAYER, USER_TILE_MAX_ZOOM };

/**
 * Tile units per tile side: MapLibre's own (it rescales any other). At z14 near Jinzhou (41.1°N)
 * this is a grid of ~0.22 m, so a vertex moves at most ~0.11 m — under a pixel up to z19 — and
 * neighbouring parcels' shared vertices land on the same grid point, so no slivers open between
 * them. Measured: tiles are no bigger than with 4096 (100 000 parcels: 341 against 340 KB per
 * z13 tile).
 */
export const USER_TILE_EXTENT = 8192;

/**
 * Tile units each tile reaches beyond its edges: 8 px on a 512 px tile, wider than half the
 * 2.5 px outline and the 6.5 px point circles of src/lib/style/imported-style.ts, so clipped
 * edges stay off-screen; smaller than MapLibre's GeoJSON default (128 px, meant for labels)
 * because these layers have no labels.
 */
export const USER_TILE_BUFFER = 128;

/**
 * Why these geojson-vt options:
 * - maxZoom 14 (see USER_TILE_MAX_ZOOM): full detail, unsimplified, at z14 (geojson-vt skips
 *   simplification at maxZoom); a z14 tile near Jinzhou is ~1.8 km across, a few thousand
 *   parcels at most, and MapLibre slices it further for z15+ instead of us caching more levels.
 * - tolerance 6 (of 8192): 0.375 px on a 512 px tile, what MapLibre's own GeoJSON source uses —
 *   simplification below z14 never shows.
 * - buffer: see USER_TILE_BUFFER.
 * - indexMaxZoom 5 / indexMaxPoints 100 000 (defaults): finish() pre-cuts only down to z5. Tiles
 *   below are cut on first request, drilling down from z5; a district-sized layer is one tile
 *   per level until ~z10, so pre-cutting deeper only moves that work before the layer shows.
 *   Measured with 100 000 parcels: indexMaxZoom 11 made finish() 0.67 s instead of 0.45 s and
 *   the first z13 tile 0.17 s instead of 0.37 s, the same total.
 * - generateId off: ids are set here (position in the layer), so null geometries keep theirs.
 * - updateable off: no second, simplified copy of the data is kept.
 */
const TILE_OPTIONS: GeoJSONVTOptions = {
  maxZoom: USER_TILE_MAX_ZOOM,
  extent: USER_TILE_EXTENT,
  tolerance: 6,
  buffer: USER_TILE_BUFFER,
  indexMaxZoom: 5,
  indexMaxPoints: 100_000,
  generateId: false,
  updateable: false
};

/**
 * Builds one layer's tile index from its features, handed over in slices and in order, then
 * serves tiles as MVT bytes with one layer, USER_TILE_LAYER.
 *
 * Each tile feature's id is the feature's position in the whole layer (0-based, counting across
 * slices); a feature with a null geometry is left out but still takes its position. Its
 * properties go into the tiles as given (the page sends at most its label). Geometries are packed
 * as each slice is added, and finish() lets go of them: after it, the index holds only
 * geojson-vt's projected copy, the parts of it cut for tiles so far, and the bytes of the tiles
 * handed out (a few MB per zoom level for 100 000 parcels).
 *
 * @example
 * const index = new UserTileIndex();
 * index.add(features.slice(0, 2500)); // ids 0…2499
 * index.add(features.slice(2500));    // ids 2500…
 * index.finish();
 * const bytes = index.tile(14, 13704, 6136); // Uint8Array (an MVT), or null: nothing there
 */
export class UserTileIndex {
  /**
   * The features added so far (geometry, position in the layer as id, the properties given),
   * packed as they arrive, so a slice's GeoJSON objects can go at once; null once finished.
   */
  #pending: PackedFeatureBuilder | null = new PackedFeatureBuilder();
  #count = 0;
  #index: GeoJSONVT | null = null;
  /** Tiles handed out so far, by "z/x/y" (see #encode); null: nothing there. */
  #encoded = new Map<string, Uint8Array<ArrayBuffer> | null>();

  /** How many features (null geometries included) have been added. */
  get featureCount(): number {
    return this.#count;
  }

  /** Whether finish() has run, so tile() can be asked. */
  get finished(): boolean {
    return this.#index !== null;
  }

  /**
   * Adds the next slice of the layer's features. Throws (naming the feature's position) on a
   * geometry type geojson-vt cannot cut, and when called after finish().
   */
  add(features: readonly (Feature | null | undefined)[]): void {
    const pending = this.#pending;
    if (!pending) throw new Error('UserTileIndex.add() called after finish()');
    for (const feature of features) {
      const id = this.#count++;
      const geometry = feature?.geometry;
      if (!geometry) continue;
      if (!GEOMETRY_TYPES.has(geometry.type)) {
        throw new Error(
          `要素 #${id} 的几何类型“${String(geometry.type)}”无法切片 / ` +
            `Feature #${id} has geometry type "${String(geometry.type)}", which cannot be tiled`
        );
      }
      pending.add({ type: 'Feature', id, geometry, properties: feature?.properties ?? null });
    }
  }

  /**
   * Builds the index (the long step: ~0.4 s for 100 000 parcels) and drops the input. geojson-vt
   * reads its input once, feature by feature, into its own arrays; it reads the packed features
   * through their lazy view (packed-features.ts), which makes each as it is read, so the whole
   * layer never exists as GeoJSON objects here.
   */
  finish(): void {
    const pending = this.#pending;
    if (!pending) throw new Error('UserTileIndex.finish() called twice');
    this.#pending = null;
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: packedFeatureArray(pending.record())
    };
    this.#index = new GeoJSONVT(collection, TILE_OPTIONS);
  }

  /**
   * The tile z/x/y as MVT bytes whose buffer is exactly the tile and is the caller's own (so it
   * can be transferred), or null when no feature reaches it. Throws before finish() and on
   * coordinates outside the grid; deeper than USER_TILE_MAX_ZOOM is always null.
   */
  tile(z: number, x: number, y: number): Uint8Array<ArrayBuffer> | null {
    const index = this.#index;
    if (!index) throw new Error('UserTileIndex.tile() called before finish()');
    if (!isTileCoordinate(z, x, y)) throw new RangeError(`No tile ${z}/${x}/${y}`);
    const key = `${z}/${x}/${y}`;
    let bytes = this.#encoded.get(key);
    if (bytes === undefined) {
      bytes = this.#encode(index, z, x, y);
      this.#encoded.set(key, bytes);
    }
    return bytes && bytes.slice();
  }

  /**
   * Cuts and encodes a tile, then empties geojson-vt's cached copy of it. geojson-vt keeps every
   * tile it hands out, with each point as its own [x, y] array — ~10 MB per z13 tile of 100 000
   * parcels — and only ever reads that copy to hand the same tile out again, which #encoded now
   * does from the bytes (~0.3 MB). Cutting deeper tiles uses the tile's `source`, left alone.
   * Measured with 100 000 parcels, after fetching the z10–z14 tiles over them: 175 MB of heap
   * instead of 660 MB.
   */
  #encode(index: GeoJSONVT, z: number, x: number, y: number): Uint8Array<ArrayBuffer> | null {
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    const bytes = fromGeojsonVt(
      { [USER_TILE_LAYER]: tile },
      { version: 2, extent: USER_TILE_EXTENT }
    ).slice(); // the encoder's buffer is larger than the tile
    tile.features = [];
    return bytes;
  }
}

/** Whether z/x/y names a tile of the web-mercator grid (0 ≤ z ≤ 24). */
export function isTileCoordinate(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || z < 0 || z > 24) return false;
  const size = 2 ** z;
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < size && y < size;
}
