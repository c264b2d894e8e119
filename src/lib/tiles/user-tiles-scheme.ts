/**
 * The `linghe-user://` URL scheme user tiles are served under: a layer's vector tiles
 * (userTileUrl) and overview tiles (userOverviewUrl), and the MapLibre protocol handler that
 * answers them from a UserTileServer (registerUserTileProtocol). No worker code here.
 */
/** What the protocol asks of the tile server (user-tiles-client.ts UserTileServer). */
export interface UserTileSource {
  tile(
    layerId: string,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal
  ): Promise<ArrayBuffer | null>;
  overviewTile(
    layerId: string,
    z: number,
    x: number,
    y: number,
    signal?: AbortSignal
  ): Promise<ArrayBuffer | null>;
}

/** The URL scheme user tiles are served under (see userTileUrl). */
export const USER_TILE_SCHEME = 'linghe-user';

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
  server: UserTileSource,
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
