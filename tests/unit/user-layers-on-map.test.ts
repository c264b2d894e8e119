/**
 * UserLayersOnMap against a fake map and a fake tile server: imported layers get a source and
 * their style layers under the plan's labels, hidden layers are switched off, deleted ones
 * removed without a trace, and big layers are drawn from tiles once the tile worker has them.
 */
import { describe, expect, test } from 'vitest';
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StoredLayer } from '$lib/storage/types';
import type { FeatureList } from '$lib/storage/feature-list';
import {
  FEATURES_PER_GEOJSON_SOURCE,
  OVERVIEW_PICK_PIXELS,
  UserLayersOnMap,
  type MapLike,
  type TileServerLike
} from '$lib/layers/user-layers-on-map';
import { userOverviewUrl, userTileUrl } from '$lib/tiles/user-tiles-client';
import { USER_TILE_LAYER, type RasterPaint } from '$lib/tiles/user-tiles-format';
import {
  importedOverviewPaint,
  importedOverviewSource,
  importedOverviewSourceId,
  importedSourceId,
  importedStyleLayerIds
} from '$lib/style/imported-style';
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

/** Records what it is asked; each load finishes a task later (or fails, if told to). */
class FakeTiles implements TileServerLike {
  loads: {
    layerId: string;
    features: FeatureList;
    label: string | null;
    overview?: RasterPaint;
  }[] = [];
  dropped: string[] = [];
  failing = false;
  /** featureAt's answer per layer id (null: nothing there), and the questions asked. */
  featuresAt = new Map<string, number | null>();
  asked: { layerId: string; lon: number; lat: number; radius: number }[] = [];
  async featureAt(layerId: string, lon: number, lat: number, radius: number) {
    this.asked.push({ layerId, lon, lat, radius });
    return this.featuresAt.get(layerId) ?? null;
  }
  async load(
    layerId: string,
    features: FeatureList,
    label: string | null = null,
    overview?: RasterPaint
  ) {
    this.loads.push({ layerId, features, label, overview });
    await new Promise((resolve) => setTimeout(resolve));
    if (this.failing) throw new Error('cannot index');
  }
  drop(layerId: string) {
    this.dropped.push(layerId);
  }
}

/** A layer's style layer ids but its overview's (Node has no OffscreenCanvas: no overviews). */
const vectorStyleIds = (layerId: string) =>
  importedStyleLayerIds(layerId).filter((id) => id !== importedOverviewSourceId(layerId));

const onMapOf = (map: FakeMap, tiles = new FakeTiles()) =>
  new UserLayersOnMap(map, defaultTheme, tiles);

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
    const onMap = onMapOf(map);
    const a = layer('a');
    onMap.sync([a], new Set());
    const source = map.getSource(importedSourceId('a')) as { data: { features: unknown[] } };
    // A plain copy: MapLibre clones it (a packed layer's PackedFeatures could not be cloned).
    expect(source.data.features).toEqual(a.features);
    expect(source.data.features).not.toBe(a.features);
    expect(map.getLayersOrder()).toEqual([
      'background',
      'parks-fill',
      ...vectorStyleIds('a'),
      'parks-label'
    ]);
    expect(onMap.interactiveLayerIds()).toEqual(vectorStyleIds('a'));
    expect(onMap.layerOf('a')).toBe(a);
  });

  test('hides, shows and removes layers; nothing is added twice', () => {
    const map = new FakeMap();
    const onMap = onMapOf(map);
    const [a, b] = [layer('a'), layer('b')];
    onMap.sync([a, b], new Set(['b']));
    expect(visibilityOf(map, vectorStyleIds('b')[0])).toBe('none');
    expect(onMap.interactiveLayerIds()).toEqual(vectorStyleIds('a'));

    onMap.sync([a, b], new Set(['a']));
    expect(visibilityOf(map, vectorStyleIds('a')[1])).toBe('none');
    expect(visibilityOf(map, vectorStyleIds('b')[1])).toBe('visible');
    onMap.sync([a, b], new Set(['a']));
    // Fill, outline, point and label (the features have a name) for each of the two.
    expect(map.layers.filter((l) => l.id.startsWith('user-'))).toHaveLength(8);

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
    const onMap = onMapOf(map);
    onMap.sync([layer('a')], new Set());
    const replaced = { ...layer('a'), features: [] };
    onMap.sync([replaced], new Set());
    const source = map.getSource(importedSourceId('a')) as { data: { features: unknown[] } };
    expect(source.data.features).toEqual([]);
    expect(onMap.layerOf('a')).toBe(replaced);
  });
});

function bigLayer(count: number): StoredLayer {
  return {
    ...layer('big'),
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      id: `parcel-${i}`,
      properties: { name: `地块 ${i}`, n: i },
      geometry: { type: 'Point', coordinates: [121, 41] }
    }))
  };
}

describe('labels of imported layers', () => {
  test('a layer with names is labelled with them at every zoom; one without gets no label', () => {
    const map = new FakeMap();
    const onMap = onMapOf(map);
    const unnamed: StoredLayer = {
      ...layer('u'),
      features: [{ ...layer('u').features.at(0)!, properties: { area: 3 } }]
    };
    onMap.sync([layer('a'), unnamed], new Set());
    const label = map.getLayer(vectorStyleIds('a')[3]);
    expect(label).toMatchObject({
      type: 'symbol',
      layout: { 'text-field': ['to-string', ['get', 'name']] }
    });
    expect(label?.minzoom).toBeUndefined();
    expect(map.getLayer(vectorStyleIds('u')[3])).toBeUndefined();
    // Only style layers on the map are clicked, hidden and shown.
    expect(onMap.interactiveLayerIds()).toEqual([
      ...vectorStyleIds('a'),
      ...vectorStyleIds('u').slice(0, 3)
    ]);
    onMap.sync([layer('a'), unnamed], new Set(['u']));
    expect(visibilityOf(map, vectorStyleIds('u')[0])).toBe('none');
  });
});

describe('UserLayersOnMap with a big layer', () => {
  const styleIds = vectorStyleIds('big');

  test('draws it from the tile worker, switched on once the tiles are ready', async () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    const onMap = onMapOf(map, tiles);
    const big = bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1);
    onMap.sync([big], new Set());
    expect(map.getSource(importedSourceId('big'))).toEqual({
      type: 'vector',
      tiles: [userTileUrl('big')],
      minzoom: 0,
      maxzoom: 14
    });
    for (const id of styleIds)
      expect(map.getLayer(id)).toMatchObject({ 'source-layer': USER_TILE_LAYER });
    expect(tiles.loads).toHaveLength(1);
    expect(tiles.loads[0].layerId).toBe('big');
    // Tiles carry the name the layer is labelled with; labels and outlines start zoomed in.
    expect(tiles.loads[0].label).toBe('name');
    expect(styleIds.map((id) => map.getLayer(id)?.minzoom)).toEqual([
      undefined,
      defaultTheme.imported.bigLayerDetailMinZoom,
      undefined,
      defaultTheme.imported.bigLayerLabelMinZoom
    ]);
    // The stored features themselves: tile ids are their positions.
    expect(tiles.loads[0].features).toBe(big.features);
    expect(styleIds.map((id) => visibilityOf(map, id))).toEqual(['none', 'none', 'none', 'none']);
    await onMap.fed();
    expect(styleIds.map((id) => visibilityOf(map, id))).toEqual([
      'visible',
      'visible',
      'visible',
      'visible'
    ]);
  });

  test('a small layer stays a GeoJSON source and never reaches the tile worker', () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    onMapOf(map, tiles).sync([bigLayer(FEATURES_PER_GEOJSON_SOURCE)], new Set());
    expect(map.getSource(importedSourceId('big'))).toMatchObject({ type: 'geojson' });
    expect(tiles.loads).toEqual([]);
  });

  test('a layer hidden while its tiles are prepared stays hidden', async () => {
    const map = new FakeMap();
    const onMap = onMapOf(map);
    const big = bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1);
    onMap.sync([big], new Set());
    onMap.sync([big], new Set(['big']));
    await onMap.fed();
    expect(styleIds.map((id) => visibilityOf(map, id))).toEqual(['none', 'none', 'none', 'none']);
    onMap.sync([big], new Set());
    expect(visibilityOf(map, styleIds[0])).toBe('visible');
  });

  test('a layer removed meanwhile is dropped from the tile worker and never switched on', async () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    const onMap = onMapOf(map, tiles);
    onMap.sync([bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1)], new Set());
    onMap.sync([], new Set());
    await onMap.fed();
    expect(tiles.dropped).toEqual(['big']);
    expect(map.sources.size).toBe(0);
    expect(map.getLayersOrder()).toEqual(['background', 'parks-fill', 'parks-label']);
  });

  test('a layer the worker cannot index stays off, and the reason is told', async () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    tiles.failing = true;
    const failures: [string, string][] = [];
    const onMap = new UserLayersOnMap(map, defaultTheme, tiles, (id, reason) =>
      failures.push([id, reason])
    );
    onMap.sync([bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1)], new Set());
    await onMap.fed();
    expect(styleIds.map((id) => visibilityOf(map, id))).toEqual(['none', 'none', 'none', 'none']);
    expect(failures).toEqual([['big', 'cannot index']]);
  });
});

describe('UserLayersOnMap with overviews', () => {
  const overviewId = importedOverviewSourceId('big');

  test('a big layer gets its overview source and layer, painted in its colour; removal takes them', async () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    const onMap = new UserLayersOnMap(map, defaultTheme, tiles, undefined, true);
    const big = bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1);
    onMap.sync([big], new Set());
    expect(map.getSource(overviewId)).toEqual(
      importedOverviewSource(userOverviewUrl('big'), defaultTheme)
    );
    // Under the vector layers, switched on with them once the tiles are ready.
    expect(map.getLayersOrder()).toEqual([
      'background',
      'parks-fill',
      overviewId,
      ...vectorStyleIds('big'),
      'parks-label'
    ]);
    expect(visibilityOf(map, overviewId)).toBe('none');
    await onMap.fed();
    expect(visibilityOf(map, overviewId)).toBe('visible');
    expect(map.getLayer(overviewId)?.type).toBe('raster');
    expect(tiles.loads).toEqual([
      {
        layerId: 'big',
        features: big.features,
        label: 'name',
        overview: importedOverviewPaint('big', defaultTheme)
      }
    ]);
    // A picture cannot be clicked.
    expect(onMap.interactiveLayerIds()).toEqual(vectorStyleIds('big'));
    onMap.sync([big], new Set(['big']));
    expect(visibilityOf(map, overviewId)).toBe('none');
    onMap.sync([], new Set());
    expect(map.sources.size).toBe(0);
    expect(map.getLayersOrder()).toEqual(['background', 'parks-fill', 'parks-label']);
  });

  test('without overviews (no OffscreenCanvas, as in Node) a big layer is vectors at every zoom', async () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    const onMap = onMapOf(map, tiles);
    onMap.sync([bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1)], new Set());
    await onMap.fed();
    expect(map.getSource(overviewId)).toBeUndefined();
    expect(map.getLayer(overviewId)).toBeUndefined();
    expect(map.getLayer(`${importedSourceId('big')}-fill`)?.minzoom).toBeUndefined();
    expect(tiles.loads[0].overview).toBeUndefined();
  });

  test('a click on an overview asks the tile workers, topmost visible layer first', async () => {
    const map = new FakeMap();
    const tiles = new FakeTiles();
    const onMap = new UserLayersOnMap(map, defaultTheme, tiles, undefined, true);
    const layerOf = (id: string) => ({ ...bigLayer(FEATURES_PER_GEOJSON_SOURCE + 1), id });
    const [lower, upper, hidden] = ['lower', 'upper', 'hidden'].map(layerOf);
    onMap.sync([lower, upper, hidden], new Set(['hidden']));
    await onMap.fed();
    tiles.featuresAt.set('lower', 7);
    tiles.featuresAt.set('hidden', 1);
    expect(await onMap.overviewFeatureAt(121.1, 41.1, 12)).toEqual({ layerId: 'lower', id: 7 });
    // The layer added last lies on top, so it was asked first; the hidden one not at all.
    expect(tiles.asked.map((q) => q.layerId)).toEqual(['upper', 'lower']);
    expect(tiles.asked[0]).toEqual({
      layerId: 'upper',
      lon: 121.1,
      lat: 41.1,
      radius: OVERVIEW_PICK_PIXELS / (512 * 2 ** 12)
    });
    tiles.featuresAt.set('upper', 3);
    expect(await onMap.overviewFeatureAt(121.1, 41.1, 10.5)).toEqual({ layerId: 'upper', id: 3 });
    // From the detail zoom on, vectors take clicks: the workers are not asked.
    tiles.asked = [];
    expect(await onMap.overviewFeatureAt(121.1, 41.1, 13)).toBeNull();
    expect(tiles.asked).toEqual([]);
    // Without overviews there is nothing to ask either.
    const vectorsOnly = onMapOf(new FakeMap(), tiles);
    vectorsOnly.sync([layerOf('v')], new Set());
    await vectorsOnly.fed();
    expect(await vectorsOnly.overviewFeatureAt(121.1, 41.1, 10)).toBeNull();
    expect(tiles.asked).toEqual([]);
  });
});
