/**
 * What the user-tile worker does for the page: UserTileWorkerApi, the object the worker exposes
 * through comlink (user-tiles-worker.ts) and the page calls (user-tiles-client.ts) — each call a
 * request answered in order, an error thrown here rejecting the page's call with its message.
 * Kept apart from the worker entry so Node tests can call it directly, or through a
 * MessageChannel as the page does.
 */
import { transfer } from 'comlink';
import type { Feature } from 'geojson';
import type { PackedFeatureRecord } from '$lib/storage/packed-features';
import type { RasterPaint } from './user-tiles-format';
import { UserTileIndex, type MakeRasterCanvas } from './user-tiles';

/** An OffscreenCanvas where there is one (workers of today's browsers; not Node). */
const offscreenCanvas: MakeRasterCanvas | null =
  typeof OffscreenCanvas === 'undefined' ? null : (size) => new OffscreenCanvas(size, size);

/** A layer being built or built; a failed `add` is kept as its message until `finish`. */
type LayerState = { index: UserTileIndex } | { failed: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Bytes handed over to the page (transferred with comlink: moved, not copied). */
const handedOver = (data: ArrayBuffer | null) => (data ? transfer(data, [data]) : null);

/**
 * The layers the worker holds, and what the page asks of them. Tile ids are positions in the
 * layer: they count on across the `add`/`addPacked` calls before its `finish`. `makeCanvas`
 * paints overview tiles (an OffscreenCanvas by default; without one, `raster` throws).
 *
 * @example
 * expose(new UserTileWorkerApi()); // in user-tiles-worker.ts
 * const api = new UserTileWorkerApi(); // or directly, in a test
 * api.add('a', [parcel]);
 * api.finish('a');
 * api.tile('a', 14, 13611, 6178); // MVT bytes, or null
 */
export class UserTileWorkerApi {
  readonly #layers = new Map<string, LayerState>();
  readonly #makeCanvas: MakeRasterCanvas | null;

  constructor(makeCanvas: MakeRasterCanvas | null = offscreenCanvas) {
    this.#makeCanvas = makeCanvas;
  }

  /**
   * The next slice of a layer's features, in order (null: no geometry, its position kept). A
   * failure is kept and thrown by the layer's `finish`, so the page need not wait for each slice.
   */
  add(layerId: string, features: (Feature | null)[]): void {
    this.#adding(layerId, (index) => index.add(features));
  }

  /**
   * A packed layer's next features (packed-features.ts), as they are: the record's arrays become
   * the index's (never unpacked). `label` names the one property the tiles keep.
   */
  addPacked(layerId: string, record: PackedFeatureRecord, label: string | null): void {
    this.#adding(layerId, (index) => index.addPacked(record, label));
  }

  /**
   * Builds the layer's index (a layer never added to is an empty one). Throws, and forgets the
   * layer, when it cannot be built or an `add` of it failed.
   */
  finish(layerId: string): void {
    const state = this.#layers.get(layerId) ?? { index: new UserTileIndex() };
    if ('failed' in state) {
      this.#layers.delete(layerId);
      throw new Error(state.failed);
    }
    try {
      if (!state.index.finished) state.index.finish();
      this.#layers.set(layerId, state);
    } catch (error) {
      this.#layers.delete(layerId);
      throw new Error(`Layer ${layerId}: ${messageOf(error)}`);
    }
  }

  /**
   * The layer's tile z/x/y as MVT bytes (transferred), or null: nothing there, or the layer is
   * unknown or not finished. Throws, saying which tile, when it cannot be cut.
   */
  tile(layerId: string, z: number, x: number, y: number): ArrayBuffer | null {
    const index = this.#built(layerId);
    if (!index) return null;
    try {
      return handedOver(index.tile(z, x, y)?.buffer ?? null);
    } catch (error) {
      throw new Error(`Tile ${z}/${x}/${y} of layer ${layerId}: ${messageOf(error)}`);
    }
  }

  /**
   * The layer's overview tile z/x/y (UserTileIndex.raster) as PNG bytes (transferred), or null
   * as for `tile`. Other calls are answered while it is painted and encoded.
   */
  async raster(
    layerId: string,
    z: number,
    x: number,
    y: number,
    paint: RasterPaint,
    pixelRatio: number
  ): Promise<ArrayBuffer | null> {
    const index = this.#built(layerId);
    if (!index) return null;
    try {
      if (!this.#makeCanvas) throw new Error('this browser has no OffscreenCanvas to paint it on');
      return handedOver(await index.raster(z, x, y, paint, pixelRatio, this.#makeCanvas));
    } catch (error) {
      throw new Error(`Overview tile ${z}/${x}/${y} of layer ${layerId}: ${messageOf(error)}`);
    }
  }

  /**
   * The id of the feature drawn on top at lon/lat (UserTileIndex.featureAt; `radius` in world
   * units), or null: none there, or the layer is unknown or not finished.
   */
  featureAt(layerId: string, lon: number, lat: number, radius: number): number | null {
    const index = this.#built(layerId);
    if (!index) return null;
    try {
      return index.featureAt(lon, lat, radius);
    } catch (error) {
      throw new Error(`Feature at ${lon}, ${lat} of layer ${layerId}: ${messageOf(error)}`);
    }
  }

  /** Forgets the layer (a later `add` with the same id starts a new one). */
  drop(layerId: string): void {
    this.#layers.delete(layerId);
  }

  /** Runs `add` on the layer's index; a failure (or a finished layer) marks the layer failed. */
  #adding(layerId: string, add: (index: UserTileIndex) => void): void {
    let state = this.#layers.get(layerId);
    if (!state) this.#layers.set(layerId, (state = { index: new UserTileIndex() }));
    if ('failed' in state) return;
    if (state.index.finished) {
      this.#layers.set(layerId, {
        failed: `Layer ${layerId} was already finished; drop it before loading it again`
      });
      return;
    }
    try {
      add(state.index);
    } catch (error) {
      this.#layers.set(layerId, { failed: `Layer ${layerId}: ${messageOf(error)}` });
    }
  }

  /** The layer's index once it is built; null while it is unknown, failed or unfinished. */
  #built(layerId: string): UserTileIndex | null {
    const state = this.#layers.get(layerId);
    return state && !('failed' in state) && state.index.finished ? state.index : null;
  }
}
