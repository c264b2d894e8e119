/**
 * Messages between the page (user-tiles-client.ts) and the user-tile worker
 * (user-tiles-worker.ts), and the worker-side handler — kept apart from the worker entry so Node
 * tests can drive it without a Worker.
 */
import type { Feature } from 'geojson';
import type { PackedFeatureRecord } from '$lib/storage/packed-features';
import type { RasterPaint } from './user-tiles-format';
import { UserTileIndex, type MakeRasterCanvas } from './user-tiles';

/** An OffscreenCanvas where there is one (workers of today's browsers; not Node). */
const offscreenCanvas: MakeRasterCanvas | null =
  typeof OffscreenCanvas === 'undefined' ? null : (size) => new OffscreenCanvas(size, size);

export type ToTileWorker =
  /** The next slice of a layer's features, in order (ids count on from the slice before). */
  | { type: 'add'; layerId: string; features: (Feature | null)[] }
  /**
   * A packed layer's next features (packed-features.ts), ids counting on as with `add`; `label`
   * names the one property the tiles keep (text or number values, as tileFeature).
   */
  | { type: 'add-packed'; layerId: string; record: PackedFeatureRecord; label: string | null }
  /** Build the layer's index; answered by `ready` or `error`, exactly once per `finish`. */
  | { type: 'finish'; layerId: string }
  | { type: 'tile'; requestId: number; layerId: string; z: number; x: number; y: number }
  /** A tile of the layer's overview (user-tiles.ts UserTileIndex.raster), answered by `tile`. */
  | {
      type: 'raster';
      requestId: number;
      layerId: string;
      z: number;
      x: number;
      y: number;
      paint: RasterPaint;
      pixelRatio: number;
    }
  /**
   * Which feature is drawn on top at lon/lat (UserTileIndex.featureAt; `radius` in world
   * units), answered by `feature-at`.
   */
  | {
      type: 'feature-at';
      requestId: number;
      layerId: string;
      lon: number;
      lat: number;
      radius: number;
    }
  /** Forget the layer (a later `add` with the same id starts a new one). */
  | { type: 'drop'; layerId: string };

export type FromTileWorker =
  | { type: 'ready'; layerId: string }
  | { type: 'error'; layerId: string; message: string }
  /**
   * A tile's MVT bytes, or an overview tile's PNG bytes (transferred, not copied), or null:
   * nothing there, or the layer is unknown or not finished. `error` says why a tile could not be
   * made (data is then null).
   */
  | { type: 'tile'; requestId: number; data: ArrayBuffer | null; error?: string }
  /** The feature's id, or null: none there, or the layer is unknown or not finished. */
  | { type: 'feature-at'; requestId: number; id: number | null; error?: string };

export type PostFromTileWorker = (message: FromTileWorker, transfer?: Transferable[]) => void;

/** A layer being built or built; a failed `add` is kept as its message until `finish`. */
type LayerState = { index: UserTileIndex } | { failed: string };

/**
 * Handles ToTileWorker messages, posting FromTileWorker messages through `post` (with a tile's
 * ArrayBuffer in the transfer list). Synchronous: one message is handled at a time, in order;
 * only a `raster` answer comes later, once its tile is encoded. `makeCanvas` paints overview
 * tiles (an OffscreenCanvas by default; without one, they are answered with an error).
 *
 * @example
 * const handle = createUserTileHandler((message, transfer) =>
 *   self.postMessage(message, { transfer }));
 * self.addEventListener('message', (event) => handle(event.data)); // in user-tiles-worker.ts
 */
export function createUserTileHandler(
  post: PostFromTileWorker,
  makeCanvas: MakeRasterCanvas | null = offscreenCanvas
) {
  const layers = new Map<string, LayerState>();

  /** The layer's index to add to, or null when it failed or was finished (then marked failed). */
  function indexToAdd(layerId: string): UserTileIndex | null {
    let state = layers.get(layerId);
    if (!state) layers.set(layerId, (state = { index: new UserTileIndex() }));
    if ('failed' in state) return null;
    if (state.index.finished) {
      layers.set(layerId, {
        failed: `Layer ${layerId} was already finished; drop it before loading it again`
      });
      return null;
    }
    return state.index;
  }

  function add(layerId: string, features: (Feature | null)[]): void {
    const index = indexToAdd(layerId);
    try {
      index?.add(features);
    } catch (error) {
      layers.set(layerId, { failed: `Layer ${layerId}: ${messageOf(error)}` });
    }
  }

  /** Adds a packed layer as it is: its record's arrays become the index's (never unpacked). */
  function addPacked(layerId: string, record: PackedFeatureRecord, label: string | null): void {
    const index = indexToAdd(layerId);
    try {
      index?.addPacked(record, label);
    } catch (error) {
      layers.set(layerId, { failed: `Layer ${layerId}: ${messageOf(error)}` });
    }
  }

  function finish(layerId: string): void {
    // A layer with no `add` before its `finish` is an empty one.
    const state = layers.get(layerId) ?? { index: new UserTileIndex() };
    if ('failed' in state) {
      layers.delete(layerId);
      post({ type: 'error', layerId, message: state.failed });
      return;
    }
    try {
      if (!state.index.finished) state.index.finish();
      layers.set(layerId, state);
      post({ type: 'ready', layerId });
    } catch (error) {
      layers.delete(layerId);
      post({ type: 'error', layerId, message: `Layer ${layerId}: ${messageOf(error)}` });
    }
  }

  /** The layer's index once it is built; null while it is unknown, failed or unfinished. */
  function builtIndex(layerId: string): UserTileIndex | null {
    const state = layers.get(layerId);
    return state && !('failed' in state) && state.index.finished ? state.index : null;
  }

  function tile(message: Extract<ToTileWorker, { type: 'tile' }>): void {
    const { requestId, layerId, z, x, y } = message;
    const index = builtIndex(layerId);
    if (!index) {
      post({ type: 'tile', requestId, data: null });
      return;
    }
    try {
      const data = index.tile(z, x, y)?.buffer ?? null;
      if (data) post({ type: 'tile', requestId, data }, [data]);
      else post({ type: 'tile', requestId, data: null });
    } catch (error) {
      post({
        type: 'tile',
        requestId,
        data: null,
        error: `Tile ${z}/${x}/${y} of layer ${layerId}: ${messageOf(error)}`
      });
    }
  }

  /** Answers a `raster` request once its tile is painted and encoded (other messages go on). */
  async function raster(message: Extract<ToTileWorker, { type: 'raster' }>): Promise<void> {
    const { requestId, layerId, z, x, y, paint, pixelRatio } = message;
    const index = builtIndex(layerId);
    if (!index) {
      post({ type: 'tile', requestId, data: null });
      return;
    }
    try {
      if (!makeCanvas) throw new Error('this browser has no OffscreenCanvas to paint it on');
      const data = await index.raster(z, x, y, paint, pixelRatio, makeCanvas);
      post({ type: 'tile', requestId, data }, data ? [data] : []);
    } catch (error) {
      post({
        type: 'tile',
        requestId,
        data: null,
        error: `Overview tile ${z}/${x}/${y} of layer ${layerId}: ${messageOf(error)}`
      });
    }
  }

  /** Answers which feature is drawn on top at a point (a click on the layer's overview). */
  function featureAt(message: Extract<ToTileWorker, { type: 'feature-at' }>): void {
    const { requestId, layerId, lon, lat, radius } = message;
    const index = builtIndex(layerId);
    if (!index) {
      post({ type: 'feature-at', requestId, id: null });
      return;
    }
    try {
      post({ type: 'feature-at', requestId, id: index.featureAt(lon, lat, radius) });
    } catch (error) {
      post({
        type: 'feature-at',
        requestId,
        id: null,
        error: `Feature at ${lon}, ${lat} of layer ${layerId}: ${messageOf(error)}`
      });
    }
  }

  return function handle(message: ToTileWorker): void {
    switch (message.type) {
      case 'add':
        add(message.layerId, message.features);
        return;
      case 'add-packed':
        addPacked(message.layerId, message.record, message.label);
        return;
      case 'finish':
        finish(message.layerId);
        return;
      case 'tile':
        tile(message);
        return;
      case 'raster':
        void raster(message);
        return;
      case 'feature-at':
        featureAt(message);
        return;
      case 'drop':
        layers.delete(message.layerId);
        return;
    }
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
