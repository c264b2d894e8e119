/**
 * The map's view in its address, short and readable: `#13.2/41.121/121.183` (zoom/lat/lon, then
 * bearing and pitch when not zero), `?layers=structure,parks` when the visible layers differ from
 * the default, `?feature=<id>`. Reading never throws: a malformed or hostile value is dropped and
 * named, so the page can fall back to the default view with a quiet notice.
 */

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
  bearing: number;
  pitch: number;
}

export interface ViewFromUrl {
  /** null when the hash holds no view (or one that was refused). */
  view: MapView | null;
  /** The visible layers the link asks for; null when it does not say. */
  layers: string[] | null;
  /** What was refused, for the notice: `hash`, `layers`. */
  refused: ('hash' | 'layers')[];
}

const MAX_ZOOM = 22;
const MAX_PITCH = 85;
/** Longer values are not views (a hash is a few dozen characters). */
const MAX_HASH_LENGTH = 100;

function finite(text: string): number | null {
  if (!/^-?\d{1,3}(\.\d{1,12})?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads `#zoom/lat/lon[/bearing[/pitch]]`; null for an empty hash, 'refused' for anything else
 * that is not a view on Earth.
 * @example parseViewHash('#13.2/41.121/121.183') // { zoom: 13.2, lat: 41.121, lon: 121.183, bearing: 0, pitch: 0 }
 */
export function parseViewHash(hash: string): MapView | null | 'refused' {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text === '') return null;
  if (text.length > MAX_HASH_LENGTH) return 'refused';
  const parts = text.split('/');
  if (parts.length < 3 || parts.length > 5) return 'refused';
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts.map(finite);
  if (zoom === null || lat === null || lon === null || bearing === null || pitch === null) {
    return 'refused';
  }
  if (zoom < 0 || zoom > MAX_ZOOM || Math.abs(lat) > 85 || Math.abs(lon) > 180) return 'refused';
  if (Math.abs(bearing) > 360 || pitch < 0 || pitch > MAX_PITCH) return 'refused';
  return { zoom, lat, lon, bearing, pitch };
}

/**
 * The hash for a view, rounded as MapLibre's own hash does (to about half a pixel at that zoom).
 * @example formatViewHash({ zoom: 13.2, lat: 41.121493, lon: 121.183111, bearing: 0, pitch: 0 }) // '#13.2/41.12149/121.18311'
 */
export function formatViewHash(view: MapView): string {
  const decimals = Math.max(
    0,
    Math.ceil((view.zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10)
  );
  // Fixed-point, never String(number): that writes 1e-7 for a latitude just off the equator, which
  // the reader (rightly) refuses. Trailing zeros go, and so does the sign of a rounded zero.
  const round = (value: number, places: number) => {
    const text = value.toFixed(places);
    const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
    return trimmed === '-0' ? '0' : trimmed;
  };
  const parts = [round(view.zoom, 2), round(view.lat, decimals), round(view.lon, decimals)];
  const bearing = Number(view.bearing.toFixed(1));
  const pitch = Number(view.pitch.toFixed(0));
  if (bearing !== 0 || pitch !== 0) parts.push(String(bearing));
  if (pitch !== 0) parts.push(String(pitch));
  return `#${parts.join('/')}`;
}

/**
 * Reads the layers a link asks for (`?layers=a,b`, `?layers=` for none); unknown ids refuse the
 * whole value rather than half-applying it.
 */
export function parseLayers(
  value: string | null,
  known: readonly string[]
): string[] | 'refused' | null {
  if (value === null) return null;
  if (value.length > 200) return 'refused';
  const ids = value.split(',').filter((id) => id !== '');
  if (!ids.every((id) => known.includes(id))) return 'refused';
  return known.filter((id) => ids.includes(id));
}

/**
 * Everything the address says about the view.
 * @param knownLayers the registry's layer ids, in order
 */
export function readViewFromUrl(url: URL, knownLayers: readonly string[]): ViewFromUrl {
  const refused: ViewFromUrl['refused'] = [];
  const view = parseViewHash(url.hash);
  const layers = parseLayers(url.searchParams.get('layers'), knownLayers);
  if (view === 'refused') refused.push('hash');
  if (layers === 'refused') refused.push('layers');
  return {
    view: view === 'refused' ? null : view,
    layers: layers === 'refused' ? null : layers,
    refused
  };
}

/**
 * The address for the view: the hash, and `layers=` only when they differ from the default.
 * Other parameters (feature, lang) are kept as they are.
 */
export function writeViewToUrl(
  url: URL,
  view: MapView,
  visible: readonly string[],
  defaultVisible: readonly string[]
): URL {
  const next = new URL(url);
  next.hash = formatViewHash(view);
  const same =
    visible.length === defaultVisible.length && visible.every((id) => defaultVisible.includes(id));
  if (same) next.searchParams.delete('layers');
  else next.searchParams.set('layers', visible.join(','));
  return next;
}

/** Whether the address asks for the compact map to embed in another site (`?embed=1`). */
export function isEmbed(search: string): boolean {
  return new URLSearchParams(search).get('embed') === '1';
}
