import type { LngLatBoundsLike } from 'maplibre-gl';

/** 凌河区 in WGS-84 (the GCJ-02 outline from the gazetteer, shifted ~470 m west, ~225 m south). */
export const LINGHE_BOUNDS: LngLatBoundsLike = [
  [121.124, 41.093],
  [121.25, 41.157]
];

/** Local fonts that draw Chinese labels, so no glyph server is needed (the site works offline). */
export const LOCAL_CJK_FONTS =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";
