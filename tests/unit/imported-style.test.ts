import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { layerRegistry } from '$lib/layers/registry';
import { buildStyle, interactiveLayersOf } from '$lib/style/build-style';
import {
  importedLayerColour,
  importedLayerIdOf,
  importedLayerStyle,
  importedSource,
  importedSourceId,
  importedStyleLayerIds,
  importedTileSource,
  USER_LAYER_PREFIX
} from '$lib/style/imported-style';
import { defaultTheme } from '$lib/style/theme';

const LAYER_ID = '0b7c1e9a-5d7e-4c2f-9a61-2f0d3c4b5a69';

function styleWith(layerId: string, data: unknown, visible = true): StyleSpecification {
  const base = buildStyle(layerRegistry, defaultTheme);
  return {
    ...base,
    sources: { ...base.sources, [importedSourceId(layerId)]: importedSource(data as string) },
    layers: [...base.layers, ...importedLayerStyle(layerId, defaultTheme, { visible })]
  };
}

describe('importedLayerStyle', () => {
  it('passes the style-spec validator with inline data and with a blob: URL', () => {
    const inline = { type: 'FeatureCollection', features: [] };
    expect(validateStyleMin(styleWith(LAYER_ID, inline))).toEqual([]);
    expect(validateStyleMin(styleWith(LAYER_ID, 'blob:http://127.0.0.1/abc'))).toEqual([]);
  });

  it('passes the validator over the vector tiles of a big layer; its outlines start zoomed in', () => {
    const base = buildStyle(layerRegistry, defaultTheme);
    const source = importedTileSource(`linghe-user://${LAYER_ID}/{z}/{x}/{y}`, 14);
    const layers = importedLayerStyle(LAYER_ID, defaultTheme, {
      big: { sourceLayer: 'features' },
      label: '名称'
    });
    const style: StyleSpecification = {
      ...base,
      sources: { ...base.sources, [importedSourceId(LAYER_ID)]: source },
      layers: [...base.layers, ...layers]
    };
    expect(validateStyleMin(style)).toEqual([]);
    expect(source).toMatchObject({ type: 'vector', maxzoom: 14 });
    for (const layer of layers) expect(layer).toMatchObject({ 'source-layer': 'features' });
    // Outlines and labels only once zoomed in; fills and points at every zoom.
    expect(layers.map((layer) => layer.minzoom)).toEqual([
      undefined,
      defaultTheme.imported.bigLayerDetailMinZoom,
      undefined,
      defaultTheme.imported.bigLayerLabelMinZoom
    ]);
    expect(layers[3]).toMatchObject({
      type: 'symbol',
      layout: { 'text-field': ['to-string', ['get', '名称']] }
    });
    for (const layer of importedLayerStyle(LAYER_ID, defaultTheme)) {
      expect(layer).not.toHaveProperty('source-layer');
      expect(layer).not.toHaveProperty('minzoom');
    }
  });

  it('draws fills, outlines and points solid, in the layer colour', () => {
    const colour = importedLayerColour(LAYER_ID, defaultTheme);
    const layers = importedLayerStyle(LAYER_ID, defaultTheme);
    expect(layers.map((layer) => layer.type)).toEqual(['fill', 'line', 'circle']);
    const [fill, outline, point] = layers;
    expect(fill.paint).toMatchObject({ 'fill-color': colour });
    expect(outline.paint).toMatchObject({ 'line-color': colour });
    expect(outline.paint).not.toHaveProperty('line-dasharray');
    expect(fill.paint).not.toHaveProperty('fill-pattern');
    expect(point.paint).toMatchObject({ 'circle-color': colour });
  });

  it('hides every style layer of a hidden layer', () => {
    for (const layer of importedLayerStyle(LAYER_ID, defaultTheme, { visible: false })) {
      expect(layer.layout).toMatchObject({ visibility: 'none' });
    }
  });

  it('names every source and style layer with the user prefix, apart from the plan layers', () => {
    const ids = importedStyleLayerIds(LAYER_ID);
    // The last id is a big layer's overview's.
    expect(importedLayerStyle(LAYER_ID, defaultTheme, { label: 'name' }).map((l) => l.id)).toEqual(
      ids.slice(0, 4)
    );
    // Without a label property, no label layer.
    expect(importedLayerStyle(LAYER_ID, defaultTheme).map((l) => l.id)).toEqual(ids.slice(0, 3));
    for (const id of [...ids, importedSourceId(LAYER_ID)]) {
      expect(id.startsWith(USER_LAYER_PREFIX)).toBe(true);
      expect(importedLayerIdOf(id)).toBe(LAYER_ID);
    }
    const planIds = layerRegistry.flatMap((layer) => interactiveLayersOf(layer, defaultTheme));
    expect(planIds.some((id) => id.startsWith(USER_LAYER_PREFIX))).toBe(false);
    expect(importedLayerIdOf('parks-fill')).toBeNull();
  });

  it('numbers features so a click finds the stored feature again', () => {
    expect(importedSource('blob:x')).toEqual({ type: 'geojson', data: 'blob:x', generateId: true });
  });

  it('keeps a colour per layer id and spreads ids over the palette', () => {
    expect(importedLayerColour('abc', defaultTheme)).toBe(importedLayerColour('abc', defaultTheme));
    const colours = new Set(
      Array.from({ length: 50 }, (_, i) => importedLayerColour(`layer-${i}`, defaultTheme))
    );
    expect(colours.size).toBeGreaterThanOrEqual(defaultTheme.imported.palette.length - 1);
    for (const colour of colours) expect(defaultTheme.imported.palette).toContain(colour);
  });
});
