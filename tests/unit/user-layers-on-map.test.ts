/**
 * UserLayersOnMap against a fake map: imported layers get a source and their style layers under
 * the plan's labels, hidden layers are switched off, deleted ones removed without a trace.
 */
import { describe, expect, test } from 'vitest';
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StoredLayer } from '$lib/import/store';
import { UserLayersOnMap, type MapLike } from '$lib/layers/user-layers-on-map';
import { importedSourceId, importedStyleLayerIds } from '$lib/style/imported-style';
import { defaultTheme } from '$lib/style/theme';

class FakeMap implements MapLike {
  sources = new Map<string, SourceSpecification>();
  layers: LayerSpecification[] = [
    { id: 'background', type: 'background' },
    { id: 'parks-fill', type: 'fill', source: 'parks' },
    { id: 'parks-label', type: 'symbol', source: 'parks' }
  ];
  addSource(id: string, source: SourceSpecification) {
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.sources.set(id, source);
  }
  removeSource(id: string) {
    if (this.layers.some((l) => 'source' in l && l.source === id)) throw new Error('in use');
    this.sources.delete(id);
  }
  getSource(id: string) {
    return this.sources.get(id);
  }
  addLayer(layer: LayerSpecification, beforeId?: string) {
    const at = beforeId ? this.layers.findIndex((l) => l.id === beforeId) : -1;
    if (at < 0) this.layers.push(layer);
    else this.layers.splice(at, 0, layer);
  }
  removeLayer(id: string) {
    this.layers = this.layers.filter((l) => l.id !== id);
  }
  getLayer(id: string) {
    return this.layers.find((l) => l.id === id);
  }
  getLayersOrder() {
    return this.layers.map((l) => l.id);
  }
  setLayoutProperty(id: string, name: string, value: unknown) {
    const layer = this.getLayer(id)!;
    layer.layout = { ...layer.layout, [name]: value } as never;
  }
}

function layer(id: string): StoredLayer {
  return {
    id,
    name: `${id}.geojson`,
    sourceFile: `${id}.geojson`,
    format: 'geojson',
    crs: 'wgs84',
    importedAt: '2024-05-01T08:00:00.000Z',
    features: [
      {
        type: 'Feature',
        properties: { name: id },
        geometry: { type: 'Point', coordinates: [121, 41] }
      }
    ]
  };
}

const visibilityOf = (map: FakeMap, id: string) =>
  (map.getLayer(id)?.layout as { visibility?: string } | undefined)?.visibility;

describe('UserLayersOnMap', () => {
  test('adds a source and its layers below the plan labels', () => {
    const map = new FakeMap();
    const onMap = new UserLayersOnMap(map, defaultTheme);
    const a = layer('a');
    onMap.sync([a], new Set());
    const source = map.getSource(importedSourceId('a')) as { data: { features: unknown[] } };
    expect(source.data.features).toBe(a.features);
    expect(map.getLayersOrder()).toEqual([
      'background',
      'parks-fill',
      ...importedStyleLayerIds('a'),
      'parks-label'
    ]);
    expect(onMap.interactiveLayerIds()).toEqual(importedStyleLayerIds('a'));
    expect(onMap.layerOf('a')).toBe(a);
  });

  test('hides, shows and removes layers; nothing is added twice', () => {
    const map = new FakeMap();
    const onMap = new UserLayersOnMap(map, defaultTheme);
    const [a, b] = [layer('a'), layer('b')];
    onMap.sync([a, b], new Set(['b']));
    expect(visibilityOf(map, importedStyleLayerIds('b')[0])).toBe('none');
    expect(onMap.interactiveLayerIds()).toEqual(importedStyleLayerIds('a'));

    onMap.sync([a, b], new Set(['a']));
    expect(visibilityOf(map, importedStyleLayerIds('a')[1])).toBe('none');
    expect(visibilityOf(map, importedStyleLayerIds('b')[1])).toBe('visible');
    onMap.sync([a, b], new Set(['a']));
    expect(map.layers.filter((l) => l.id.startsWith('user-'))).toHaveLength(6);

    onMap.sync([b], new Set());
    expect(map.getSource(importedSourceId('a'))).toBeUndefined();
    expect(map.getLayersOrder().some((id) => id.includes('-a-') || id.endsWith('-a'))).toBe(false);
    expect(onMap.layerOf('a')).toBeUndefined();

    onMap.clear();
    expect(map.getLayersOrder()).toEqual(['background', 'parks-fill', 'parks-label']);
    expect(map.sources.size).toBe(0);
  });

  test('redraws a layer whose stored object was replaced', () => {
    const map = new FakeMap();
    const onMap = new UserLayersOnMap(map, defaultTheme);
    onMap.sync([layer('a')], new Set());
    const replaced = { ...layer('a'), features: [] };
    onMap.sync([replaced], new Set());
    const source = map.getSource(importedSourceId('a')) as { data: { features: unknown[] } };
    expect(source.data.features).toEqual([]);
    expect(onMap.layerOf('a')).toBe(replaced);
  });
});
