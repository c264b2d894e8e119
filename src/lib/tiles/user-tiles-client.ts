/**
 * Main-thread side of the user-tile worker: hands a big imported layer's features to the worker
 * (UserTileServer.load), asks it for vector tiles (UserTileServer.tile) and for the overview's
 * painted tiles (UserTileServer.overviewTile), and serves those to MapLibre under the
 * `linghe-user://` scheme (registerUserTileProtocol), so a vector source with
 * `tiles: [userTileUrl(layerId)]` (and a raster source with `tiles: [userOverviewUrl(layerId)]`)
 * draws the layer without MapLibre ever holding its GeoJSON.
 *
 * This module imports only types from the worker side, so the tile cutter (packed-tiles.ts,
 * mvt-writer.ts) stays out of the page's bundle.
 */
import type { Feature } from 'geojson';
import {
  packedRecordsOf,
  sliceRecord,
  transferablesOf,
  type FeatureList,
  type PackedFeatureRecord
} from '$lib/storage/packed-features';
import type { FromTileWorker, ToTileWorker } from './user-tiles-protocol';
import { tileFeature, type RasterPaint } from './user-tiles-format';

/** The URL scheme user tiles are served under (see userTileUrl). */
export const USER_TILE_SCHEME = 'linghe-user';

/**
 * Features per `add` message: ~2500 parcels take ~15 ms to clone to a worker (as measured for
 * MapLibre's updateData in user-layers-on-map.ts), so 100 000 go in ~40 short tasks.
 */
export const FEATURES_PER_TILE_SLICE = 2500;

/** The part of the Worker interface the server uses (tests pass a fake). */
export interface TileWorkerLike {
  postMessage(message: ToTileWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromTileWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

function startWorker(): TileWorkerLike {
  return new Worker(new URL('./user-tiles-worker.ts', import.meta.url), {
    type: 'module'
  }) as TileWorkerLike;
}

/** Lets the page breathe between slices (a macrotask, so rendering and input get their turn). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A load waiting for the worker's answer to its `finish`. */
interface FinishWaiter {
  load: object;
  resolve(): void;
  reject(error: Error): void;
  /** Dropped meanwhile: already resolved, its answer is ignored. */
  dropped: boolean;
}

interface PendingTile {
  resolve(data: ArrayBuffer | null): void;
  reject(error: unknown): void;
}

interface PendingLookup {
  resolve(id: number | null): void;
  reject(error: unknown): void;
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
  /** Set by terminate() or a worker crash: every later call rejects with it. */
  #closed: Error | null = null;
  /** The latest load of each layer id (loading or loaded); a load stops once replaced. */
  #loads = new Map<string, object>();
  /** Per layer, the loads whose `finish` awaits its answer — the worker answers in order. */
  #finishing = new Map<string, FinishWaiter[]>();
  #tiles = new Map<number, PendingTile>();
  /** featureAt() questions waiting for their answer, by request id. */
  #lookups = new Map<number, PendingLookup>();
  #nextRequestId = 1;
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
    const load = {};
    this.#loads.set(layerId, load);
    if (overview) this.#overviewPaints.set(layerId, overview);
    const worker = this.#ensureWorker();
    // A packed layer (packed-features.ts) goes over as slices of its records, each a copy whose
    // buffers are then moved (not copied again) to the worker, which cuts tiles from them as
    // they are; other features are made into tile features here.
    const records = packedRecordsOf(features);
    /** [start, end) of a record, or of `features` when it is not packed (record null). */
    const slices: { record: PackedFeatureRecord | null; start: number; end: number }[] = [];
    const sliceUp = (record: PackedFeatureRecord | null, count: number) => {
      for (let start = 0; start < count; start += FEATURES_PER_TILE_SLICE) {
        slices.push({ record, start, end: Math.min(start + FEATURES_PER_TILE_SLICE, count) });
      }
    };
    if (records) for (const record of records) sliceUp(record, record.count);
    else sliceUp(null, features.length);
    for (const [k, { record, start, end }] of slices.entries()) {
      if (k > 0) await nextTask();
      this.#throwIfClosed();
      if (this.#loads.get(layerId) !== load) return;
      if (record) {
        const slice = sliceRecord(record, start, end);
        worker.postMessage(
          { type: 'add-packed', layerId, record: slice, label },
          transferablesOf(slice)
        );
        continue;
      }
      const slice: (Feature | null)[] = [];
      for (let index = start; index < end; index++)
        slice.push(tileFeature(features.at(index), label));
      worker.postMessage({ type: 'add', layerId, features: slice });
    }
    return new Promise<void>((resolve, reject) => {
      const waiters = this.#finishing.get(layerId) ?? [];
      waiters.push({ load, resolve, reject, dropped: false });
      this.#finishing.set(layerId, waiters);
      worker.postMessage({ type: 'finish', layerId });
    });
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
    return this.#request(layerId, signal, (requestId) => ({
      type: 'tile',
      requestId,
      layerId,
      z,
      x,
      y
    }));
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
    return this.#request(layerId, signal, (requestId) => ({
      type: 'raster',
      requestId,
      layerId,
      z,
      x,
      y,
      paint: paint as RasterPaint,
      pixelRatio
    }));
  }

  /**
   * The id (position in the layer) of the layer's feature drawn on top at lon/lat, or null:
   * none there, or the layer is not (yet) loaded. `radius`: how near a point or line must be,
   * in world units (pixels / (512 · 2^zoom)). Rejects when the worker cannot say (the reason).
   */
  featureAt(layerId: string, lon: number, lat: number, radius: number): Promise<number | null> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (!this.#loads.has(layerId)) return Promise.resolve(null);
    const worker = this.#ensureWorker();
    const requestId = this.#nextRequestId++;
    return new Promise<number | null>((resolve, reject) => {
      this.#lookups.set(requestId, { resolve, reject });
      worker.postMessage({ type: 'feature-at', requestId, layerId, lon, lat, radius });
    });
  }

  /** Asks the worker for one of a loaded layer's tiles (`message`), answered by a `tile`. */
  #request(
    layerId: string,
    signal: AbortSignal | undefined,
    message: (requestId: number) => Extract<ToTileWorker, { type: 'tile' | 'raster' }>
  ): Promise<ArrayBuffer | null> {
    if (this.#closed) return Promise.reject(this.#closed);
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    // A layer never loaded has no tiles: no need to start the worker or ask it.
    if (!this.#loads.has(layerId)) return Promise.resolve(null);
    const worker = this.#ensureWorker();
    const requestId = this.#nextRequestId++;
    return new Promise<ArrayBuffer | null>((resolve, reject) => {
      const onAbort = () => {
        this.#tiles.delete(requestId);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#tiles.set(requestId, {
        resolve: (data) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(data);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        }
      });
      worker.postMessage(message(requestId));
    });
  }

  /** Forgets a layer in the worker; a load of it still under way resolves quietly (see load). */
  drop(layerId: string): void {
    this.#loads.delete(layerId);
    this.#overviewPaints.delete(layerId);
    for (const waiter of this.#finishing.get(layerId) ?? []) {
      if (waiter.dropped) continue;
      waiter.dropped = true;
      waiter.resolve();
    }
    this.#worker?.postMessage({ type: 'drop', layerId });
  }

  /** Stops the worker for good; pending loads and tiles, and any later call, reject. */
  terminate(): void {
    this.#close(new Error('UserTileServer was terminated: its worker and layers are gone'));
  }

  #throwIfClosed(): void {
    if (this.#closed) throw this.#closed;
  }

  #ensureWorker(): TileWorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    worker.addEventListener('message', (event) => {
      if (this.#worker === worker) this.#receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (this.#worker !== worker) return;
      this.#close(new Error(`User tile worker failed: ${event.message}`));
    });
    this.#worker = worker;
    return worker;
  }

  #receive(message: FromTileWorker): void {
    if (message.type === 'feature-at') {
      const pending = this.#lookups.get(message.requestId);
      this.#lookups.delete(message.requestId);
      if (message.error) pending?.reject(new Error(message.error));
      else pending?.resolve(message.id);
      return;
    }
    if (message.type === 'tile') {
      const pending = this.#tiles.get(message.requestId);
      if (!pending) return; // aborted meanwhile
      this.#tiles.delete(message.requestId);
      if (message.error) pending.reject(new Error(message.error));
      else pending.resolve(message.data);
      return;
    }
    const waiters = this.#finishing.get(message.layerId);
    const waiter = waiters?.shift();
    if (waiters?.length === 0) this.#finishing.delete(message.layerId);
    if (!waiter || waiter.dropped) return;
    if (message.type === 'ready') {
      waiter.resolve();
      return;
    }
    // The worker forgot the failed layer; so does the page.
    if (this.#loads.get(message.layerId) === waiter.load) this.#loads.delete(message.layerId);
    waiter.reject(new Error(message.message));
  }

  #close(reason: Error): void {
    if (this.#closed) return;
    this.#closed = reason;
    this.#worker?.terminate();
    this.#worker = null;
    for (const waiters of this.#finishing.values()) {
      for (const waiter of waiters) if (!waiter.dropped) waiter.reject(reason);
    }
    for (const pending of this.#tiles.values()) pending.reject(reason);
    for (const pending of this.#lookups.values()) pending.reject(reason);
    this.#lookups.clear();
    this.#finishing.clear();
    this.#tiles.clear();
    this.#loads.clear();
    this.#overviewPaints.clear();
  }
}

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The tile request was aborted.', 'AbortError');

/**
 * The `tiles` URL template of a layer's vector source.
 *
 * @example userTileUrl('a b') // 'linghe-user://a%20b/{z}/{x}/{y}'
 */
export function userTileUrl(layerId: string): string {
  return `${USER_TILE_SCHEME}://${encodeURIComponent(layerId)}/{z}/{x}/{y}`;
}

/**
 * The `tiles` URL template of a layer's overview (a raster source of PNG tiles).
 *
 * @example userOverviewUrl('a b') // 'linghe-user://a%20b/{z}/{x}/{y}.png'
 */
export function userOverviewUrl(layerId: string): string {
  return `${userTileUrl(layerId)}.png`;
}

/**
 * The layer and tile a user-tile URL names (`overview` for an overview tile's), or null when it
 * is not one.
 */
export function parseUserTileUrl(
  url: string
): { layerId: string; z: number; x: number; y: number; overview: boolean } | null {
  const match = /^linghe-user:\/\/([^/?#]+)\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(\.png)?$/.exec(url);
  if (!match) return null;
  let layerId: string;
  try {
    layerId = decodeURIComponent(match[1]);
  } catch {
    return null; // a malformed %-escape
  }
  const [z, x, y] = [match[2], match[3], match[4]].map(Number);
  const size = 2 ** z;
  if (z > 24 || x >= size || y >= size) return null;
  return { layerId, z, x, y, overview: match[5] !== undefined };
}

/** A 1 × 1 transparent PNG: an overview tile with nothing to show. */
const EMPTY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR4nGNgAAIAAAUAAXpeqz8AAAAASUVORK5CYII=';

function emptyPng(): ArrayBuffer {
  return Uint8Array.from(atob(EMPTY_PNG_BASE64), (c) => c.charCodeAt(0)).buffer;
}

/** What a protocol handler gets and gives (a structural subset of maplibre-gl's types). */
export type UserTileLoader = (
  request: { url: string },
  abortController: AbortController
) => Promise<{ data: ArrayBuffer }>;

/**
 * Serves `linghe-user://` tiles from `server` through MapLibre's protocol hook. An empty tile is
 * an empty ArrayBuffer (what MapLibre itself substitutes for a missing one: no layers, nothing
 * drawn); an empty overview tile a 1 × 1 transparent PNG. An aborted request rejects with the signal's reason, an AbortError, as MapLibre's own
 * fetches do (MapLibre has already stopped waiting by then). A URL that is not a user tile's
 * rejects with an Error naming it. Returns a function that unregisters the scheme (when
 * `removeProtocol` is given).
 *
 * @example
 * import { addProtocol, removeProtocol } from 'maplibre-gl';
 * const unregister = registerUserTileProtocol(server, addProtocol, removeProtocol);
 */
export function registerUserTileProtocol(
  server: Pick<UserTileServer, 'tile' | 'overviewTile'>,
  addProtocol: (scheme: string, load: UserTileLoader) => void,
  removeProtocol?: (scheme: string) => void
): () => void {
  addProtocol(USER_TILE_SCHEME, async (request, abortController) => {
    const address = parseUserTileUrl(request.url);
    if (!address) {
      throw new Error(
        `Not a user tile URL: "${request.url}" (expected ${USER_TILE_SCHEME}://<layer id>/<z>/<x>/<y>)`
      );
    }
    const { layerId, z, x, y, overview } = address;
    if (overview) {
      const png = await server.overviewTile(layerId, z, x, y, abortController.signal);
      return { data: png ?? emptyPng() };
    }
    const data = await server.tile(layerId, z, x, y, abortController.signal);
    return { data: data ?? new ArrayBuffer(0) };
  });
  return () => removeProtocol?.(USER_TILE_SCHEME);
}
