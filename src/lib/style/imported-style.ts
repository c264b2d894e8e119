/**
 * How layers the user imported are drawn (issue #5): one GeoJSON source per layer and a fill,
 * an outline and a circle layer over it, solid (an imported boundary is not schematic) and in a
 * colour of their own. Pure functions over the theme, like build-style.ts, so tests validate them
 * with the style-spec validator.
 */
import type {
  GeoJSONSourceSpecification,
  LayerSpecification,
  RasterSourceSpecification,
  VectorSourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { RASTER_TILE_SIZE, type RasterPaint } from '$lib/tiles/user-tiles-format';
import type { Theme } from './theme';
import { LABEL_FONT } from './build-style';
import { isLine, isPoint, isPolygon } from './geometry-filters';
import { USER_LAYER_PREFIX } from './user-layer-prefix';

export { USER_LAYER_PREFIX };

/** The source that holds an imported layer's features, e.g. `user-layer-3f2a…`. */
export function importedSourceId(layerId: string): string {
  return `${USER_LAYER_PREFIX}layer-${layerId}`;
}

/** The layer id back from a style layer or source id of an imported layer, or null. */
export function importedLayerIdOf(styleId: string): string | null {
  const match = /^user-layer-(.+?)(?:-(?:fill|outline|point|label|overview))?$/.exec(styleId);
  return match ? match[1] : null;
}

/**
 * A stable colour for a layer: the same id always gets the same palette entry, so a layer keeps
 * its colour across reloads and when others are deleted.
 *
 * @example importedLayerColour('a', defaultTheme) === importedLayerColour('a', defaultTheme)
 */
export function importedLayerColour(layerId: string, theme: Theme): string {
  let hash = 0;
  for (let i = 0; i < layerId.length; i++) hash = (Math.imul(hash, 31) + layerId.charCodeAt(i)) | 0;
  const palette = theme.imported.palette;
  return palette[Math.abs(hash) % palette.length];
}

/**
 * The source of an imported layer. `data` is the GeoJSON object or a URL to it (a same-origin
 * blob: URL). `generateId` numbers the features by their position, which is how a click finds
 * the stored feature (and its unclipped geometry) again.
 */
export function importedSource(
  data: GeoJSONSourceSpecification['data']
): GeoJSONSourceSpecification {
  return { type: 'geojson', data, generateId: true };
}

/**
 * The source of a big imported layer: vector tiles cut from it in a worker of this app and served
 * through maplibre-gl's addProtocol (src/lib/tiles/user-tiles-client.ts), never over the
 * network. Each tile feature's id is its position in the layer, as with `importedSource`.
 *
 * @example importedTileSource(userTileUrl(id), 14)
 */
export function importedTileSource(tilesUrl: string, maxzoom: number): VectorSourceSpecification {
  return { type: 'vector', tiles: [tilesUrl], minzoom: 0, maxzoom };
}

/** The raster source of a big layer's overview, e.g. `user-layer-3f2a…-overview`. */
export function importedOverviewSourceId(layerId: string): string {
  return `${importedSourceId(layerId)}-overview`;
}

/**
 * The source of a big layer's overview: PNG tiles painted in the tile worker
 * (raster-tile-writer.ts, served like its vector tiles), up to the zoom below the theme's
 * `bigLayerDetailMinZoom`; MapLibre scales the last level's tiles up to it.
 *
 * @example importedOverviewSource(userOverviewUrl(id), defaultTheme)
 */
export function importedOverviewSource(tilesUrl: string, theme: Theme): RasterSourceSpecification {
  return {
    type: 'raster',
    tiles: [tilesUrl],
    tileSize: RASTER_TILE_SIZE,
    minzoom: 0,
    maxzoom: theme.imported.bigLayerDetailMinZoom - 1
  };
}

/** Radius and stroke of an imported point, in px. */
const POINT_RADIUS = 5;
const POINT_STROKE_WIDTH = 1.5;

/**
 * How a big layer's overview is painted: as importedLayerStyle draws its fills, lines and points.
 *
 * @example importedOverviewPaint(id, defaultTheme).colour === importedLayerColour(id, defaultTheme)
 */
export function importedOverviewPaint(layerId: string, theme: Theme): RasterPaint {
  return {
    colour: importedLayerColour(layerId, theme),
    fillOpacity: theme.imported.fillOpacity,
    lineWidth: theme.imported.lineWidth,
    pointRadius: POINT_RADIUS,
    pointStroke: theme.imported.pointStroke,
    pointStrokeWidth: POINT_STROKE_WIDTH
  };
}

type Visibility = 'visible' | 'none';

/** Fill and outline for polygons, the line for lines, a circle for points: solid, in `colour`. */
function shapeLayers(
  source: string,
  colour: string,
  visibility: Visibility,
  theme: Theme
): LayerSpecification[] {
  return [
    {
      id: `${source}-fill`,
      type: 'fill',
      source,
      filter: isPolygon,
      layout: { visibility },
      paint: { 'fill-color': colour, 'fill-opacity': theme.imported.fillOpacity }
    },
    {
      id: `${source}-outline`,
      type: 'line',
      source,
      filter: ['any', isPolygon, isLine],
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': colour, 'line-width': theme.imported.lineWidth }
    },
    {
      id: `${source}-point`,
      type: 'circle',
      source,
      filter: isPoint,
      layout: { visibility },
      paint: {
        'circle-radius': POINT_RADIUS,
        'circle-color': colour,
        'circle-stroke-color': theme.imported.pointStroke,
        'circle-stroke-width': POINT_STROKE_WIDTH
      }
    }
  ];
}

/** The features' labels: the `label` property's value as text. */
function labelLayer(
  source: string,
  colour: string,
  visibility: Visibility,
  theme: Theme,
  label: string
): LayerSpecification {
  return {
    id: `${source}-label`,
    type: 'symbol',
    source,
    layout: {
      visibility,
      'text-field': ['to-string', ['get', label]],
      'text-font': LABEL_FONT,
      'text-size': 11,
      'text-max-width': 8,
      'text-optional': true
    },
    paint: { 'text-color': colour, 'text-halo-color': theme.label.halo, 'text-halo-width': 1.5 }
  };
}

/**
 * The layers for an importedTileSource: each names its tile layer, and outlines, labels (and,
 * with an overview, everything) start at the theme's zooms; with `big.overview`, one raster
 * layer over the importedOverviewSource draws the layer below that.
 */
function forTileSource(
  layers: LayerSpecification[],
  layerId: string,
  visibility: Visibility,
  theme: Theme,
  big: { sourceLayer: string; overview?: boolean }
): LayerSpecification[] {
  const detail = theme.imported.bigLayerDetailMinZoom;
  const minzoom: Partial<Record<LayerSpecification['type'], number>> = {
    line: detail,
    symbol: theme.imported.bigLayerLabelMinZoom,
    ...(big.overview ? { fill: detail, circle: detail } : {})
  };
  const vectorLayers = layers.map((layer) => {
    const from = minzoom[layer.type];
    return {
      ...layer,
      'source-layer': big.sourceLayer,
      ...(from === undefined ? {} : { minzoom: from })
    } as LayerSpecification;
  });
  if (!big.overview) return vectorLayers;
  const overview: LayerSpecification = {
    id: importedOverviewSourceId(layerId),
    type: 'raster',
    source: importedOverviewSourceId(layerId),
    maxzoom: detail,
    layout: { visibility },
    // No cross-fade between levels: each picture shows as soon as it is painted.
    paint: { 'raster-fade-duration': 0 }
  };
  return [overview, ...vectorLayers];
}

/**
 * The style layers of one imported layer: fill and outline for polygons, the line for lines, a
 * circle for points — all solid, in the layer's colour — and, when `label` names a property, the
 * features' labels. `big`: the source is an importedTileSource, whose tile layer each style layer
 * names; outlines start at the theme's `bigLayerDetailMinZoom`, labels at `bigLayerLabelMinZoom`.
 * With `big.overview`, the layer is drawn below `bigLayerDetailMinZoom` by one raster layer over
 * its importedOverviewSource instead, and its vector layers start there.
 *
 * @example map.addSource(importedSourceId(id), importedSource(url));
 *          for (const layer of importedLayerStyle(id, defaultTheme)) map.addLayer(layer);
 */
export function importedLayerStyle(
  layerId: string,
  theme: Theme,
  options: {
    visible?: boolean;
    big?: { sourceLayer: string; overview?: boolean };
    label?: string | null;
  } = {}
): LayerSpecification[] {
  const source = importedSourceId(layerId);
  const colour = importedLayerColour(layerId, theme);
  const visibility: Visibility = options.visible === false ? 'none' : 'visible';
  const layers = shapeLayers(source, colour, visibility, theme);
  const { big, label } = options;
  if (label) layers.push(labelLayer(source, colour, visibility, theme, label));
  return big ? forTileSource(layers, layerId, visibility, theme, big) : layers;
}

/**
 * The ids `importedLayerStyle(layerId, …)` may use (the label's only with a label), for
 * visibility, clicks and removal: callers skip ids that are not on the map.
 */
export function importedStyleLayerIds(layerId: string): string[] {
  const source = importedSourceId(layerId);
  return [
    `${source}-fill`,
    `${source}-outline`,
    `${source}-point`,
    `${source}-label`,
    importedOverviewSourceId(layerId)
  ];
}
