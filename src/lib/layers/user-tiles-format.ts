/**
 * What the page and the user-tile worker must agree on about user tiles, in a module of its own
 * so the page does not bundle the tile cutter (user-tiles.ts) to read two constants.
 */

/** The name of the one layer in every user tile (the style's `source-layer`). */
export const USER_TILE_LAYER = 'features';

/**
 * The deepest zoom tiles are cut at; the map's vector source must say `maxzoom` 14 too, so that
 * MapLibre overzooms z14 tiles beyond it (geojson-vt answers null for deeper tiles).
 */
export const USER_TILE_MAX_ZOOM = 14;
