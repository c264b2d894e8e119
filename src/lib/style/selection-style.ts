/**
 * The selected feature's look: a source of its own and three layers in the highlight colour,
 * drawn over every fill and line and under the labels. They are added with the first selection
 * (components/MapView.svelte), not in the first view's style: even an empty source costs the
 * map a stencil pass on every frame it draws (issue #17).
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Theme } from './theme';
import { isLine, isPoint, isPolygon } from './geometry-filters';

/** Source that holds the selected feature. */
export const SELECTION_SOURCE = 'selection';

/** Layers that draw the selected feature. */
export function selectionLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'selection-fill',
      type: 'fill',
      source: SELECTION_SOURCE,
      filter: isPolygon,
      paint: { 'fill-color': theme.highlight, 'fill-opacity': 0.15, 'fill-antialias': false }
    },
    {
      id: 'selection-line',
      type: 'line',
      source: SELECTION_SOURCE,
      filter: ['any', isPolygon, isLine],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.highlight, 'line-width': 4, 'line-opacity': 0.9 }
    },
    {
      id: 'selection-point',
      type: 'circle',
      source: SELECTION_SOURCE,
      filter: isPoint,
      paint: {
        'circle-radius': 10,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': theme.highlight,
        'circle-stroke-width': 3
      }
    }
  ];
}

/**
 * The layer the selection's layers go before: the first label, so labels stay readable over
 * the highlight; undefined (on top) when the style has none.
 * @example map.addLayer(layer, selectionBeforeId(map.getStyle().layers))
 */
export function selectionBeforeId(
  layers: readonly { id: string; type: string }[]
): string | undefined {
  return layers.find((layer) => layer.type === 'symbol')?.id;
}
