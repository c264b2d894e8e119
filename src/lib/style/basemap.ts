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
export const BASEMAP_STORAGE_KEY = 'linghe-plan-map:basemap';

export interface BasemapConfig {
  /** XYZ template with {z}, {x} and {y}, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  url: string;
  /** Credit line the tile provider requires. */
  attribution: string;
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

/**
 * Checks a tile URL template the user typed.
 *
 * @example checkBasemap('https://tile.openstreetmap.org/{z}/{x}/{y}.png', '© OSM').ok === true
 */
export function checkBasemap(url: string, attribution: string): BasemapCheck {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed.replace(/\{(z|x|y|key)\}/g, '0'));
  } catch {
    return {
      ok: false,
      zh: '底图地址不是有效的网址。',
      en: 'The basemap address is not a valid URL.'
    };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return {
      ok: false,
      zh: '底图地址须以 https:// 或 http:// 开头。',
      en: 'The basemap address must start with https:// or http://.'
    };
  }
  if (!['{z}', '{x}', '{y}'].every((token) => trimmed.includes(token))) {
    return {
      ok: false,
      zh: '底图地址须包含 {z}、{x} 和 {y}。',
      en: 'The basemap address must contain {z}, {x} and {y}.'
    };
  }
  if (trimmed.includes('{key}')) {
    return {
      ok: false,
      zh: '请把地址中的 {key} 换成您自己的密钥。',
      en: 'Replace {key} in the address with your own key.'
    };
  }
  if (OFFSET_TILE_HOSTS.some((host) => host.test(parsed.hostname))) {
    return {
      ok: false,
      zh: '高德、腾讯、百度的瓦片使用 GCJ-02/BD-09 偏移坐标，会与本图数据错开约 500 米，不能使用。',
      en: 'AMap, Tencent and Baidu tiles are in offset GCJ-02/BD-09 coordinates and would sit ~500 m off this map’s data.'
    };
  }
  return { ok: true, config: { url: trimmed, attribution: attribution.trim() } };
}

/** The raster source and layer of a basemap, to add below every data layer. */
export function basemapStyle(config: BasemapConfig): {
  source: RasterSourceSpecification;
  layer: LayerSpecification;
} {
  return {
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

/** Reads a saved basemap; anything malformed counts as none (the map stays offline). */
export function parseSavedBasemap(saved: string | null): BasemapConfig | null {
  if (!saved) return null;
  try {
    const value = JSON.parse(saved) as Partial<BasemapConfig>;
    if (typeof value.url !== 'string' || typeof value.attribution !== 'string') return null;
    const check = checkBasemap(value.url, value.attribution);
    return check.ok ? check.config : null;
  } catch {
    return null;
  }
}
