/**
 * Main-thread side of the user-tile worker: hands a big imported layer's features to the worker
 * (UserTileServer.load), asks it for vector tiles (UserTileServer.tile) and for the overview's
 * painted tiles (UserTileServer.overviewTile). The worker is called through comlink: each call is
 * a method of UserTileWorkerApi (user-tiles-protocol.ts), answered in order. user-tiles-scheme.ts
 * serves the tiles to MapLibre under the `linghe-user://` scheme, so a vector source with
 * `tiles: [userTileUrl(layerId)]` draws the layer without MapLibre ever holding its GeoJSON.
 *
 * This module imports only types from the worker side, so the tile cutter (packed-tiles.ts,
 * mvt-writer.ts) stays out of the page's bundle.
 */
import { transfer, wrap, type Endpoint, type Remote } from 'comlink';
import type { Feature } from 'geojson';
import {
  packedRecordsOf,
  sliceRecord,
  transferablesOf,
  type FeatureList,
  type PackedFeatureRecord
} from '$lib/storage/packed-features';
import type { UserTileWorkerApi } from './user-tiles-protocol';
import { tileFeature, type RasterPaint } from './user-tiles-format';

export {
  USER_TILE_SCHEME,
  userTileUrl,
  userOverviewUrl,
  parseUserTileUrl,
  registerUserTileProtocol
} from './user-tiles-scheme';
export type { UserTileLoader, UserTileSource } from './user-tiles-scheme';

/**
 * Features per `add` call: ~2500 parcels take ~15 ms to clone to a worker (as measured for
 * MapLibre's updateData in user-layers-on-map.ts), so 100 000 go in ~40 short tasks.
 */
export const FEATURES_PER_TILE_SLICE = 2500;

/** The part of the Worker interface the server uses: comlink's endpoint, `error`, terminate. */
export interface TileWorkerLike extends Endpoint {
  terminate(): void;
}

function startWorker(): TileWorkerLike {
  return new Worker(new URL('./user-tiles-worker.ts', import.meta.url), { type: 'module' });
}

/** Lets the page breathe between slices (a macrotask, so rendering and input get their turn). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const ignore = () => undefined;

/** A layer's load: `stop()` (a drop) resolves `stopped`, and with it the load, quietly. */
interface Load {
  readonly stopped: Promise<void>;
  stop(): void;
}

function startLoad(): Load {
  let stop: () => void = ignore;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  return { stopped, stop: () => stop() };
}

/** [start, end) of a packed record, or of plain features (record null), sent in one call. */
interface Slice {
  record: PackedFeatureRecord | null;
  start: number;
  end: number;
}

/** The layer's slices: FEATURES_PER_TILE_SLICE features each, record by record if packed. */
function slicesOf(features: FeatureList): Slice[] {
  const slices: Slice[] = [];
  const sliceUp = (record: PackedFeatureRecord | null, count: number) => {
    for (let start = 0; start < count; start += FEATURES_PER_TILE_SLICE) {
      slices.push({ record, start, end: Math.min(start + FEATURES_PER_TILE_SLICE, count) });
    }
  };
  const records = packedRecordsOf(features);
  if (records) for (const record of records) sliceUp(record, record.count);
  else sliceUp(null, features.length);
  return slices;
}

/**
 * Owns the user-tile worker (started on first use) and the layers loaded into it.
 *
 * @example
 * const server = new UserTileServer();
 * const unregister = registerUserTileProtocol(server, maplibregl.addProtocol,
 *   maplibregl.removeProtocol);
 * await server.load(layer.id, layer.features);
 * map.addSource(id, { type: 'vector', tiles: [userTileUrl(layer.id)], maxzoom: 14 });
 * // style layers: 'source-layer': USER_TILE_LAYER; feature ids are positions in layer.features
 */
export class UserTileServer {
  readonly #createWorker: () => TileWorkerLike;
  #worker: TileWorkerLike | null = null;
  #api: Remote<UserTileWorkerApi> | null = null;
  /** Set by terminate() or a worker crash: every later call rejects with it. */
  #closed: Error | null = null;
  /** The calls waiting for the worker's answer: rejected on close (comlink's would never end). */
  #pending = new Set<(reason: Error) => void>();
  /** The latest load of each layer id (loading or loaded); a load stops once replaced. */
  #loads = new Map<string, Load>();
  /** How each loaded layer's overview is painted (given to load). */
  #overviewPaints = new Map<string, RasterPaint>();

  constructor(createWorker: () => TileWorkerLike = startWorker) {
    this.#createWorker = createWorker;
  }

  /**
   * Sends a layer's features to the worker, FEATURES_PER_TILE_SLICE per task, and has it build
   * the layer's tile index. Tile ids are positions in `features`; tile features carry one
   * property, `label` (the one the map labels the layer with), when given. Resolves when the layer's
   * tiles can be asked for; rejects when the worker cannot build them, or on terminate().
   *
   * `overview`: how to paint the layer's overview tiles (overviewTile), if it has an overview.
   *
   * A drop(layerId) meanwhile — or loading the same id again, which drops the earlier load —
   * stops the posting and RESOLVES this promise quietly: the caller should check that it still
   * wants the layer before showing it.
   */
  async load(
    layerId: string,
    features: FeatureList,
    label: string | null = null,
    overview?: RasterPaint
  ): Promise<void> {
    this.#throwIfClosed();
    if (this.#loads.has(layerId)) this.drop(layerId);
    const load = startLoad();
    this.#loads.set(layerId, load);
    if (overview) this.#overviewPaints.set(layerId, overview);
    const api = this.#ensureApi();
    for (const [k, slice] of slicesOf(features).entries()) {
      if (k > 0) await nextTask();
      this.#throwIfClosed();
      if (this.#loads.get(layerId) !== load) return;
      // Not awaited: the worker keeps a failed slice's reason for `finish`.
      this.#send(api, layerId, features, slice, label).catch(ignore);
    }
    try {
      await Promise.race([this.#call(() => api.finish(layerId)), load.stopped]);
    } catch (error) {
      // The worker forgot the failed layer; so does the page.
      if (this.#loads.get(layerId) === load) this.#loads.delete(layerId);
      throw error;
    }
  }

  /**
   * Sends one slice: a packed layer's as a slice of its record, a copy whose buffers are then
   * moved (not copied again) to the worker, which cuts tiles from them as they are; other
   * features made into tile features here.
   */
  #send(
    api: Remote<UserTileWorkerApi>,
    layerId: string,
    features: FeatureList,
    { record, start, end }: Slice,
    label: string | null
  ): Promise<void> {
    if (record) {
      const slice = sliceRecord(record, start, end);
      return api.addPacked(layerId, transfer(slice, transferablesOf(slice)), label);
    }
    const slice: (Feature | null)[] = [];
    for (let index = start; index < end; index++)
      slice.push(tileFeature(features.at(index), label));
    return api.add(layerId, slice);
  }

  /**
   * The layer's tile z/x/y as MVT bytes, or null when it has nothing there or the layer is not
   * (yet) loaded. Rejects with the signal's reason when `signal` aborts first.
   */
  tile(
    layerId: string,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal
  ): Promise<ArrayBuffer | null> {
    return this.#request(layerId, signal, (api) => api.tile(layerId, z, x, y));
  }

  /**
   * The layer's overview tile z/x/y as PNG bytes (painted as load's `overview` says, for this
   * screen's pixel ratio), or null when the layer is not (yet) loaded or has no overview.
   * Rejects as tile() does, and when the worker cannot paint it.
   */
  overviewTile(
    layerId: string,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal
  ): Promise<ArrayBuffer | null> {
    const paint = this.#overviewPaints.get(layerId);
    if (!paint && !this.#closed) return Promise.resolve(null);
    const pixelRatio = globalThis.devicePixelRatio ?? 1;
    return this.#request(layerId, signal, (api) =>
      api.raster(layerId, z, x, y, paint as RasterPaint, pixelRatio)
    );
  }

  /**
   * The id (position in the layer) of the layer's feature drawn on top at lon/lat, or null:
   * none there, or the layer is not (yet) loaded. `radius`: how near a point or line must be,
   * in world units (pixels / (512 · 2^zoom)). Rejects when the worker cannot say (the reason).
   */
  featureAt(layerId: string, lon: number, lat: number, radius: number): Promise<number | null> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (!this.#loads.has(layerId)) return Promise.resolve(null);
    const api = this.#ensureApi();
    return this.#call(() => api.featureAt(layerId, lon, lat, radius));
  }

  /** Asks the worker for one of a loaded layer's tiles; `signal` stops the waiting. */
  #request(
    layerId: string,
    signal: AbortSignal | undefined,
    ask: (api: Remote<UserTileWorkerApi>) => Promise<ArrayBuffer | null>
  ): Promise<ArrayBuffer | null> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    // A layer never loaded has no tiles: no need to start the worker or ask it.
    if (!this.#loads.has(layerId)) return Promise.resolve(null);
    const api = this.#ensureApi();
    const answer = this.#call(() => ask(api));
    if (!signal) return answer;
    // comlink cannot take a call back: an aborted request's late answer is let go.
    return new Promise<ArrayBuffer | null>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answer
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort))
        .catch(ignore);
    });
  }

  /** Forgets a layer in the worker; a load of it still under way resolves quietly (see load). */
  drop(layerId: string): void {
    this.#loads.get(layerId)?.stop();
    this.#loads.delete(layerId);
    this.#overviewPaints.delete(layerId);
    this.#api?.drop(layerId).catch(ignore);
  }

  /** Stops the worker for good; pending loads and tiles, and any later call, reject. */
  terminate(): void {
    this.#close(new Error('UserTileServer was terminated: its worker and layers are gone'));
  }

  #throwIfClosed(): void {
    if (this.#closed) throw this.#closed;
  }

  /** A call to the worker, rejected with the reason should the worker be closed first. */
  #call<T>(ask: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(this.#closed);
    return new Promise<T>((resolve, reject) => {
      this.#pending.add(reject);
      ask()
        .then(resolve, reject)
        .finally(() => this.#pending.delete(reject))
        .catch(ignore);
    });
  }

  #ensureApi(): Remote<UserTileWorkerApi> {
    if (this.#api) return this.#api;
    const worker = this.#createWorker();
    worker.addEventListener('error', (event) => {
      if (this.#worker !== worker) return;
      this.#close(new Error(`User tile worker failed: ${(event as ErrorEvent).message}`));
    });
    this.#worker = worker;
    this.#api = wrap<UserTileWorkerApi>(worker);
    return this.#api;
  }

  #close(reason: Error): void {
    if (this.#closed) return;
    this.#closed = reason;
    for (const reject of this.#pending) reject(reason);
    this.#pending.clear();
    this.#worker?.terminate();
    this.#worker = null;
    this.#api = null;
    this.#loads.clear();
    this.#overviewPaints.clear();
  }
}

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The tile request was aborted.', 'AbortError');
