import type { LngLatBoundsLike } from 'maplibre-gl';

/** 凌河区 in WGS-84 (the GCJ-02 outline from the gazetteer, shifted ~470 m west, ~225 m south). */
export const LINGHE_BOUNDS: LngLatBoundsLike = [
  [121.124, 41.093],
  [121.25, 41.157]
];

/** The map's container element's id, prerendered: the client hooks look for it (early-worker). */
export const MAP_CONTAINER_ID = 'map';

/** Local fonts that draw Chinese labels, so no glyph server is needed (the site works offline). */
export const LOCAL_CJK_FONTS =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

/**
 * The most device pixels per CSS pixel the map draws at. Phones of 3× (most of them now) pay for
 * 2.25 times the pixels of 2× on every frame, for lines and labels that look the same at arm's
 * length; measured on the phone profile of `npm run bench:load` (README "Performance").
 */
export const MAX_MAP_PIXEL_RATIO = 2;

/**
 * The pixel ratio the map draws at on a screen of `devicePixelRatio`.
 * @example mapPixelRatio(3) // 2
 * @example mapPixelRatio(1.25) // 1.25
 */
export function mapPixelRatio(devicePixelRatio: number): number {
  if (!Number.isFinite(devicePixelRatio) || devicePixelRatio <= 0) return 1;
  return Math.min(devicePixelRatio, MAX_MAP_PIXEL_RATIO);
}
