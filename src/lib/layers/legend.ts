/**
 * What the legend shows for each layer, read from the layer registry and the theme: the map's
 * layer panel and the printed sheet's legend both draw from here, so they cannot disagree.
 */
import type { Theme } from '$lib/style/theme';
import type { LayerDeclaration, StyleRole } from './registry';

/** How a layer's features look, reduced to what a legend can draw. */
export interface LegendSwatch {
  shape: 'fill' | 'line' | 'point';
  color: string;
  /** Outline colour of fills and points. */
  stroke: string;
}

/**
 * @example legendSwatch('water', defaultTheme) // { shape: 'line', color: '#3b82c4', … }
 */
export function legendSwatch(role: StyleRole, theme: Theme): LegendSwatch {
  switch (role) {
    case 'context':
      return { shape: 'line', color: theme.context.lingheLine, stroke: theme.context.lingheLine };
    case 'landmark':
      return { shape: 'point', color: theme.landmark.point, stroke: theme.landmark.stroke };
    case 'structure':
      return { shape: 'fill', color: theme.structure.fill, stroke: theme.structure.line };
    case 'water':
      return { shape: 'line', color: theme.water.line, stroke: theme.water.line };
    case 'green':
      return { shape: 'fill', color: theme.green.fill, stroke: theme.green.line };
    case 'project':
      return { shape: 'point', color: theme.project.point, stroke: theme.project.pointStroke };
  }
}

export interface LegendEntry {
  id: LayerDeclaration['id'];
  label: { zh: string; en: string };
  legend: { zh: string; en: string };
  swatch: LegendSwatch;
}

/**
 * The legend of the layers that are on, in drawing order.
 * @example legendEntries(layerRegistry, { structure: true }, defaultTheme)[0].id // 'structure'
 */
export function legendEntries(
  registry: readonly LayerDeclaration[],
  visible: Readonly<Record<string, boolean>>,
  theme: Theme
): LegendEntry[] {
  return registry
    .filter((layer) => visible[layer.id])
    .map((layer) => ({
      id: layer.id,
      label: layer.label,
      legend: layer.legend,
      swatch: legendSwatch(layer.role, theme)
    }));
}
