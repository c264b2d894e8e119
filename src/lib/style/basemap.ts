/**
 * An optional online basemap, configured by the user. The map is offline by default; a basemap is
 * the one thing that may make it fetch from another origin, and only after the user asks for it.
 *
 * Only tiles in Web Mercator aligned with WGS-84 line up with the map's data. Tiles from AMap
 * (高德), Tencent or Baidu are drawn in GCJ-02/BD-09 and would sit ~500 m off, so they are refused.
 */
import type {
  LayerSpecification,
  RasterSourceSpecification
} from '@maplibre/maplibre-gl-style-spec';

export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_LAYER = 'basemap';
/** A second raster drawn over the basemap, e.g. 天地图's annotation (cva_w): names of places. */
export const BASEMAP_OVERLAY_SOURCE = 'basemap-overlay';
export const BASEMAP_OVERLAY_LAYER = 'basemap-overlay';
export const BASEMAP_STORAGE_KEY = 'linghe-plan-map:basemap';

export interface BasemapConfig {
  /** XYZ template with {z}, {x} and {y}, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  url: string;
  /** Credit line the tile provider requires. */
  attribution: string;
  /** XYZ template of a layer drawn on top of it (天地图's vec_w has no names without cva_w). */
  overlayUrl?: string;
}

export interface BasemapPreset extends BasemapConfig {
  id: string;
  zh: string;
  en: string;
  /** Set for providers that need a personal key in the URL (replace `{key}`). */
  needsKey?: boolean;
}

export const BASEMAP_PRESETS: readonly BasemapPreset[] = [
  {
    id: 'osm',
    zh: 'OpenStreetMap 标准图',
    en: 'OpenStreetMap standard',
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: '© OpenStreetMap contributors'
  },
  {
    id: 'tianditu-vec',
    zh: '天地图 矢量底图（需密钥）',
    en: 'Tianditu vector (needs a key)',
    url: 'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
    // The vector base has no names: its annotation layer (cva_w, 中文注记) goes on top.
    overlayUrl:
      'https://t0.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
    attribution: '© 天地图 Tianditu',
    needsKey: true
  }
];

export type BasemapCheck =
  { ok: true; config: BasemapConfig } | { ok: false; zh: string; en: string };

/** Hosts whose tiles are in GCJ-02 or BD-09 and cannot line up with WGS-84 data. */
const OFFSET_TILE_HOSTS = [
  /(^|\.)amap\.com$/,
  /(^|\.)autonavi\.com$/,
  /(^|\.)gtimg\.com$/,
  /(^|\.)map\.qq\.com$/,
  /(^|\.)bdimg\.com$/,
  /(^|\.)baidu\.com$/
];

/** Why one tile URL template cannot be used, or null when it can. */
function templateProblem(trimmed: string): { zh: string; en: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(trimmed.replace(/\{(z|x|y|key)\}/g, '0'));
  } catch {
    return { zh: '底图地址不是有效的网址。', en: 'The basemap address is not a valid URL.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      zh: '底图地址须以 https:// 或 http:// 开头。',
      en: 'The basemap address must start with https:// or http://.'
    };
  }
  if (!['{z}', '{x}', '{y}'].every((token) => trimmed.includes(token))) {
    return {
      zh: '底图地址须包含 {z}、{x} 和 {y}。',
      en: 'The basemap address must contain {z}, {x} and {y}.'
    };
  }
  if (trimmed.includes('{key}')) {
    return {
      zh: '请填写您的密钥（或把地址中的 {key} 换成密钥）。',
      en: 'Enter your key (or replace {key} in the address with it).'
    };
  }
  if (OFFSET_TILE_HOSTS.some((host) => host.test(parsed.hostname))) {
    return {
      zh: '高德、腾讯、百度的瓦片使用 GCJ-02/BD-09 偏移坐标，会与本图数据错开约 500 米，不能使用。',
      en: 'AMap, Tencent and Baidu tiles are in offset GCJ-02/BD-09 coordinates and would sit ~500 m off this map’s data.'
    };
  }
  return null;
}

/**
 * Checks a tile URL template the user typed, and the overlay template that goes with it (天地图's
 * annotation layer). A key the user gives replaces `{key}` in both; it is kept only in this
 * browser (localStorage), with the rest of the choice.
 *
 * @example checkBasemap('https://tile.openstreetmap.org/{z}/{x}/{y}.png', '© OSM').ok === true
 * @example checkBasemap(tianditu.url, '© 天地图', { overlayUrl: tianditu.overlayUrl, key: 'abc' })
 */
export function checkBasemap(
  url: string,
  attribution: string,
  options: { overlayUrl?: string; key?: string } = {}
): BasemapCheck {
  const key = options.key?.trim() ?? '';
  const withKey = (template: string) =>
    key ? template.trim().replaceAll('{key}', encodeURIComponent(key)) : template.trim();
  const base = withKey(url);
  const problem = templateProblem(base);
  if (problem) return { ok: false, ...problem };
  const overlay = options.overlayUrl?.trim() ? withKey(options.overlayUrl) : undefined;
  if (overlay) {
    const overlayProblem = templateProblem(overlay);
    if (overlayProblem) return { ok: false, ...overlayProblem };
  }
  return {
    ok: true,
    config: {
      url: base,
      attribution: attribution.trim(),
      ...(overlay ? { overlayUrl: overlay } : {})
    }
  };
}

/**
 * The raster source and layer of a basemap, to add below every data layer, and its overlay's,
 * to add just above the basemap's dimming (so its names stay legible).
 */
export function basemapStyle(config: BasemapConfig): {
  source: RasterSourceSpecification;
  layer: LayerSpecification;
  overlay?: { source: RasterSourceSpecification; layer: LayerSpecification };
} {
  const overlay = config.overlayUrl
    ? {
        source: {
          type: 'raster' as const,
          tiles: [config.overlayUrl],
          tileSize: 256,
          maxzoom: 18,
          attribution: config.attribution
        },
        layer: {
          id: BASEMAP_OVERLAY_LAYER,
          type: 'raster' as const,
          source: BASEMAP_OVERLAY_SOURCE
        }
      }
    : undefined;
  return {
    ...(overlay ? { overlay } : {}),
    source: {
      type: 'raster',
      tiles: [config.url],
      tileSize: 256,
      maxzoom: 18,
      attribution: config.attribution
    },
    layer: {
      id: BASEMAP_LAYER,
      type: 'raster',
      source: BASEMAP_SOURCE,
      paint: { 'raster-opacity': 0.85 }
    }
  };
}

/** Opacity of the context layer's fill while a basemap is drawn under it. */
export const DIMMED_CONTEXT_OPACITY = 0.3;

const dimmedFor = new WeakMap<object, Set<string>>();

/**
 * Dims the context layer's opaque fill while any basemap (online, or the local basemap.pmtiles)
 * is drawn under it, and restores it when none is: one rule for both.
 * @param map anything with setPaintProperty (a MapLibre map)
 * @param layerId the context fill (contextFillLayerId), or null when there is none
 * @param reason which basemap asks, e.g. 'online' or 'local-basemap'
 */
export function setContextDimmed(
  map: { setPaintProperty(layer: string, name: string, value: unknown): unknown },
  layerId: string | null,
  reason: string,
  on: boolean
): void {
  const reasons = dimmedFor.get(map) ?? new Set<string>();
  dimmedFor.set(map, reasons);
  if (on) reasons.add(reason);
  else reasons.delete(reason);
  if (layerId) {
    map.setPaintProperty(layerId, 'fill-opacity', reasons.size ? DIMMED_CONTEXT_OPACITY : 1);
  }
}

/** Reads a saved basemap; anything malformed counts as none (the map stays offline). */
export function parseSavedBasemap(saved: string | null): BasemapConfig | null {
  if (!saved) return null;
  try {
    const value = JSON.parse(saved) as Partial<BasemapConfig>;
    if (typeof value.url !== 'string' || typeof value.attribution !== 'string') return null;
    if (value.overlayUrl !== undefined && typeof value.overlayUrl !== 'string') return null;
    const check = checkBasemap(value.url, value.attribution, { overlayUrl: value.overlayUrl });
    return check.ok ? check.config : null;
  } catch {
    return null;
  }
}
