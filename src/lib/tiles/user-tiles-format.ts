/**
 * What the page and the user-tile worker must agree on about user tiles, in a module of its own
 * so the page does not bundle the tile cutter (user-tiles.ts) to read them.
 */
import type { Feature } from 'geojson';

/** The name of the one layer in every user tile (the style's `source-layer`). */
export const USER_TILE_LAYER = 'features';

/**
 * The deepest zoom tiles are cut at; the map's vector source must say `maxzoom` 14 too, so that
 * MapLibre overzooms z14 tiles beyond it (geojson-vt answers null for deeper tiles).
 */
export const USER_TILE_MAX_ZOOM = 14;

/**
 * The shallowest zoom whose tiles carry a layer's label. A big layer's names show from
 * theme.imported.bigLayerLabelMinZoom (16), drawn from the z14 tiles MapLibre overzooms, so
 * shallower tiles need not carry 100 000 names (MapLibre decodes every value of a tile it loads,
 * and vt-pbf spent most of a z10 tile's time writing them).
 */
export const USER_TILE_LABEL_MIN_ZOOM = USER_TILE_MAX_ZOOM;

/**
 * What of a feature goes into the tiles: its geometry and, when `label` names a property with text
 * or a number, that one property (the map labels the layer with it); null without a geometry.
 *
 * @example tileFeature(parcel, 'name') // { type: 'Feature', geometry, properties: { name: '地块 1' } }
 */
export function tileFeature(
  feature: Feature | null | undefined,
  label: string | null
): Feature | null {
  const geometry = feature?.geometry;
  if (!geometry) return null;
  const text = label === null ? undefined : feature.properties?.[label];
  const properties =
    typeof text === 'string' || typeof text === 'number' ? { [label as string]: text } : null;
  return { type: 'Feature', geometry, properties };
}

/** CSS pixels per side of an overview tile (the raster source's tileSize, as vector tiles'). */
export const RASTER_TILE_SIZE = 512;

/**
 * How a big layer's overview is painted (raster-tile-writer.ts), in CSS pixels of a
 * RASTER_TILE_SIZE tile.
 */
export interface RasterPaint {
  /** Colour of fills, lines and points (CSS). */
  colour: string;
  /** 0–1. */
  fillOpacity: number;
  lineWidth: number;
  pointRadius: number;
  pointStroke: string;
  pointStrokeWidth: number;
}
