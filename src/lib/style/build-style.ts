/**
 * The MapLibre style, built by pure functions over the layer registry and a theme (the way
 * protomaps/basemaps builds its styles), so tests can validate it without a browser.
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { LayerDeclaration } from '$lib/layers/registry';
import type { Theme } from './theme';
import { isLine, isPoint, isPolygon } from './geometry-filters';
import { fillPaint, isNotSchematic, isSchematic, pointPaint, withAlpha } from './shared-paint';

/** Name of the hatch image drawn over schematic areas (added at runtime by src/lib/style/hatch.ts). */
export const HATCH_IMAGE = 'schematic-hatch';
/** CJK and Latin are drawn from local system fonts; the stack name is only a key. */
export const LABEL_FONT = ['Noto Sans Regular'];

type Visibility = 'visible' | 'none';

/** The latitude the uncertainty halos are scaled at: the middle of 凌河区. */
const HALO_LATITUDE = 41.12;
/** Pixels per metre at zoom 0 there: a 512-px world over the equator, shrunk by cos(latitude). */
const PX_PER_METRE_Z0 = 512 / (40075016.686 * Math.cos((HALO_LATITUDE * Math.PI) / 180));

/**
 * A circle radius of `uncertaintyM` metres on the ground, at every zoom (the radius doubles
 * with each zoom level, so an exponential interpolation between two stops is exact).
 */
export const uncertaintyRadius: ExpressionSpecification = [
  'interpolate',
  ['exponential', 2],
  ['zoom'],
  0,
  ['*', ['get', 'uncertaintyM'], PX_PER_METRE_Z0],
  22,
  ['*', ['get', 'uncertaintyM'], PX_PER_METRE_Z0 * 2 ** 22]
];

const hasUncertainty: ExpressionSpecification = ['has', 'uncertaintyM'];

/** A halo around the points that carry an `uncertaintyM`, in a layer's colour. */
function uncertaintyLayer(
  id: string,
  source: string,
  colour: string,
  theme: Theme,
  visible: boolean
): LayerSpecification {
  return {
    id,
    type: 'circle',
    source,
    filter: ['all', isPoint, hasUncertainty],
    layout: { visibility: visibility(visible) },
    paint: {
      'circle-radius': uncertaintyRadius,
      'circle-color': colour,
      'circle-opacity': theme.uncertainty.fillOpacity,
      'circle-stroke-color': colour,
      'circle-stroke-width': 1,
      'circle-stroke-opacity': theme.uncertainty.strokeOpacity,
      'circle-pitch-alignment': 'map'
    }
  };
}

function visibility(visible: boolean): Visibility {
  return visible ? 'visible' : 'none';
}

/** The colours a plan layer is drawn with, by its role. */
function planColours(declaration: LayerDeclaration, theme: Theme) {
  switch (declaration.role) {
    case 'structure':
      return {
        fill: theme.structure.fill,
        line: theme.structure.line,
        point: theme.structure.line
      };
    case 'water':
      return { fill: theme.water.fill, line: theme.water.line, point: theme.water.line };
    case 'green':
      return { fill: theme.green.fill, line: theme.green.line, point: theme.green.line };
    default:
      return { fill: theme.project.fill, line: theme.project.line, point: theme.project.point };
  }
}

/** What every label of the registry's layers shows: the feature's name. */
const LABEL_TEXT: ExpressionSpecification = ['get', 'name'];

/**
 * The texts the registry's labels show (LABEL_TEXT of every located feature), e.g. for drawing
 * their glyphs ahead of the map's own request (src/lib/glyphs/worker-glyphs.ts).
 *
 * @example labelTextsOf(layerRegistry) // ['凌河区', '太和区', …]
 */
export function labelTextsOf(registry: readonly LayerDeclaration[]): string[] {
  return registry.flatMap((declaration) =>
    declaration.data.features
      .filter((feature) => feature.geometry && typeof feature.properties?.name === 'string')
      .map((feature) => String(feature.properties?.name))
  );
}

function labelLayer(
  id: string,
  source: string,
  theme: Theme,
  visible: boolean,
  field: ExpressionSpecification,
  options: { size: number; color: string; placement?: 'point' | 'line' }
): LayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    layout: {
      visibility: visibility(visible),
      'text-field': field,
      'text-font': LABEL_FONT,
      'text-size': options.size,
      'symbol-placement': options.placement ?? 'point',
      'text-max-width': 8,
      'text-offset': options.placement === 'line' ? [0, 0] : [0, 0.9],
      'text-anchor': options.placement === 'line' ? 'center' : 'top',
      'text-optional': true
    },
    paint: {
      'text-color': options.color,
      'text-halo-color': theme.label.halo,
      'text-halo-width': 1.5
    }
  };
}

/** Style layers of the context (districts) layer. */
export function contextLayers(
  declaration: LayerDeclaration,
  theme: Theme,
  visible: boolean
): LayerSpecification[] {
  const source = MAP_SOURCE;
  const id = declaration.id;
  const isLinghe: ExpressionSpecification = ['==', ['get', 'isLinghe'], true];
  return [
    {
      id: `${id}-fill`,
      type: 'fill',
      source,
      layout: { visibility: visibility(visible) },
      paint: fillPaint(['case', isLinghe, theme.context.lingheFill, theme.context.fill])
    },
    {
      id: `${id}-line`,
      type: 'line',
      source,
      layout: { visibility: visibility(visible) },
      paint: { 'line-color': theme.context.line, 'line-width': 0.8 }
    },
    {
      id: `${id}-linghe-line`,
      type: 'line',
      source,
      filter: isLinghe,
      layout: { visibility: visibility(visible), 'line-join': 'round' },
      paint: { 'line-color': theme.context.lingheLine, 'line-width': 2.5 }
    },
    labelLayer(`${id}-label`, source, theme, visible, LABEL_TEXT, {
      size: 13,
      color: theme.context.label
    })
  ];
}

/**
 * All registry layers share one source (MAP_SOURCE): MapLibre then cuts, lays out and masks one
 * set of tiles rather than one per layer, draws each frame with fewer stencil passes, and has all
 * the first view's tiles (and labels) at once rather than source by source, each arrival costing
 * a frame more — what the first view costs under software GL (issue #17). Each style layer keeps
 * to its own features by their `layer` property (buildStyle sets it on every feature).
 */
export const MAP_SOURCE = 'map';

/** A registry layer's style layers, each filtered to that layer's own features. */
function ownFeaturesOnly(
  declaration: LayerDeclaration,
  layers: LayerSpecification[]
): LayerSpecification[] {
  const ofThisLayer: ExpressionSpecification = ['==', ['get', 'layer'], declaration.id];
  return layers.map((layer) => {
    const own = 'filter' in layer ? layer.filter : undefined;
    return {
      ...layer,
      filter: own ? ['all', ofThisLayer, own as ExpressionSpecification] : ofThisLayer
    };
  }) as LayerSpecification[];
}

/**
 * Style layers of a plan layer. Schematic geometry gets a hatched, faint fill and a dashed
 * outline, so nobody mistakes it for a survey; derived and boundary geometry is drawn solid.
 */
export function planLayers(
  declaration: LayerDeclaration,
  theme: Theme,
  visible: boolean
): LayerSpecification[] {
  const source = MAP_SOURCE;
  const id = declaration.id;
  const colours = planColours(declaration, theme);
  const lineWidth = declaration.role === 'water' ? 3 : 2;
  const shown = visibility(visible);
  return [
    {
      id: `${id}-fill`,
      type: 'fill',
      source,
      filter: isPolygon,
      layout: { visibility: shown },
      paint: fillPaint([
        'case',
        isSchematic,
        withAlpha(colours.fill, theme.schematicFillOpacity),
        withAlpha(colours.fill, 0.35)
      ])
    },
    {
      id: `${id}-hatch`,
      type: 'fill',
      source,
      filter: ['all', isPolygon, isSchematic],
      layout: { visibility: shown },
      paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.5, 'fill-antialias': false }
    },
    {
      id: `${id}-outline`,
      type: 'line',
      source,
      filter: ['all', ['any', isPolygon, isLine], isNotSchematic],
      layout: { visibility: shown, 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': colours.line, 'line-width': lineWidth }
    },
    {
      id: `${id}-outline-schematic`,
      type: 'line',
      source,
      filter: ['all', ['any', isPolygon, isLine], isSchematic],
      layout: { visibility: shown, 'line-join': 'round' },
      paint: {
        'line-color': colours.line,
        'line-width': lineWidth,
        'line-dasharray': theme.schematicDash
      }
    },
    uncertaintyLayer(`${id}-uncertainty`, source, colours.point, theme, visible),
    {
      id: `${id}-point`,
      type: 'circle',
      source,
      filter: isPoint,
      layout: { visibility: shown },
      paint: pointPaint({
        radius: 6,
        colour: colours.point,
        stroke: theme.project.pointStroke,
        strokeWidth: 2
      })
    },
    labelLayer(`${id}-label`, source, theme, visible, LABEL_TEXT, {
      size: 12,
      color: theme.label.color
    })
  ];
}

/**
 * Style layers of the reference layer (参考地标): small grey points with their uncertainty halo
 * and a smaller, greyer label than any plan feature's, so the plan stays in front.
 */
export function landmarkLayers(
  declaration: LayerDeclaration,
  theme: Theme,
  visible: boolean
): LayerSpecification[] {
  const source = MAP_SOURCE;
  const id = declaration.id;
  return [
    uncertaintyLayer(`${id}-uncertainty`, source, theme.landmark.point, theme, visible),
    {
      id: `${id}-point`,
      type: 'circle',
      source,
      filter: isPoint,
      layout: { visibility: visibility(visible) },
      paint: pointPaint({
        radius: 3.5,
        colour: theme.landmark.point,
        stroke: theme.landmark.stroke,
        strokeWidth: 1
      })
    },
    labelLayer(`${id}-label`, source, theme, visible, LABEL_TEXT, {
      size: 11,
      color: theme.landmark.label
    })
  ];
}

/** The clickable style layer of the landmarks (it opens a landmark's own popup). */
export function landmarkPointLayerId(registry: readonly LayerDeclaration[]): string | null {
  const declaration = registry.find((layer) => layer.role === 'landmark');
  return declaration ? `${declaration.id}-point` : null;
}

/** Style layer ids that belong to a registry layer (for toggling its visibility). */
export function styleLayersOf(declaration: LayerDeclaration, theme: Theme): string[] {
  return layersFor(declaration, theme, true).map((layer) => layer.id);
}

/** The opaque fill of the context layer, which an online basemap is drawn just below (and dims). */
export function contextFillLayerId(registry: readonly LayerDeclaration[]): string | null {
  const context = registry.find((declaration) => declaration.role === 'context');
  return context ? `${context.id}-fill` : null;
}

/** The clickable style layers of a registry layer. */
export function interactiveLayersOf(declaration: LayerDeclaration, theme: Theme): string[] {
  if (!declaration.interactive) return [];
  return layersFor(declaration, theme, true)
    .filter(
      (layer) =>
        layer.type !== 'symbol' &&
        !layer.id.endsWith('-hatch') &&
        // A halo is where the place may reach, not the feature: a click in it opens nothing.
        !layer.id.endsWith('-uncertainty')
    )
    .map((layer) => layer.id);
}

function layersFor(
  declaration: LayerDeclaration,
  theme: Theme,
  visible: boolean
): LayerSpecification[] {
  const style =
    declaration.role === 'context'
      ? contextLayers
      : declaration.role === 'landmark'
        ? landmarkLayers
        : planLayers;
  return ownFeaturesOnly(declaration, style(declaration, theme, visible));
}

/** The feature with `layer` set to its registry layer (a copy only where it differs). */
function taggedWith(
  declaration: LayerDeclaration,
  feature: Feature<Geometry | null>
): Feature<Geometry | null> {
  if (feature.properties?.layer === declaration.id) return feature;
  return { ...feature, properties: { ...feature.properties, layer: declaration.id } };
}

/**
 * The whole style: one GeoJSON source with every registry layer's features (data inlined, so
 * nothing is fetched, each feature tagged with its `layer`),
 * its style layers in registry order, labels above every fill and line. The selected feature's
 * layers are added on the first selection (style/selection-style.ts).
 *
 * @example buildStyle(layerRegistry, defaultTheme, { visible: { projects: false } })
 */
export function buildStyle(
  registry: readonly LayerDeclaration[],
  theme: Theme,
  options: { visible?: Partial<Record<LayerDeclaration['id'], boolean>> } = {}
): StyleSpecification {
  const features: Feature<Geometry | null>[] = [];
  const attributions = new Set<string>();
  const bodies: LayerSpecification[] = [];
  const labels: LayerSpecification[] = [];
  for (const declaration of registry) {
    for (const feature of declaration.data.features)
      features.push(taggedWith(declaration, feature));
    if (declaration.attribution) attributions.add(declaration.attribution);
    const visible = options.visible?.[declaration.id] ?? declaration.defaultVisible;
    for (const layer of layersFor(declaration, theme, visible)) {
      (layer.type === 'symbol' ? labels : bodies).push(layer);
    }
  }
  const sources: Record<string, SourceSpecification> = {
    [MAP_SOURCE]: {
      type: 'geojson',
      data: { type: 'FeatureCollection', features } as FeatureCollection,
      // As MapLibre joins the attributions of several sources.
      attribution: [...attributions].join(' | ')
    }
  };
  return {
    version: 8,
    name: '凌河规划地图',
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': theme.background } },
      ...bodies,
      ...labels
    ]
  };
}
