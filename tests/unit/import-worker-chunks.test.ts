/**
 * The import worker hands big results to the page in slices, saves layers itself and reads saved
 * layers back in slices (issue #5: no long main-thread task for 100 000 features), driven
 * in-process on fake-indexeddb; and big layers reach MapLibre in `updateData` batches.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import type { Feature } from 'geojson';
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import { importInWorker, loadLayersInWorker, type WorkerLike } from '../../src/lib/import/client';
import { importFile } from '../../src/lib/import/import-file';
import { openImportStore, type StoredLayer, type StoreResult } from '../../src/lib/import/store';
import { UserData } from '../../src/lib/import/user-data.svelte';
import { summarizeLayer } from '../../src/lib/import/user-layers';
import {
  createImportHandler,
  FEATURES_PER_MESSAGE,
  type FromWorker,
  type ToWorker
} from '../../src/lib/import/worker-protocol';
import {
  FEATURES_PER_UPDATE,
  UserLayersOnMap,
  type MapLike
} from '../../src/lib/layers/user-layers-on-map';
import { importedSourceId, importedStyleLayerIds } from '../../src/lib/style/imported-style';
import { defaultTheme } from '../../src/lib/style/theme';

/** A Worker stand-in that clones every message, as postMessage does, and records what it sent. */
class InProcessWorker implements WorkerLike {
  readonly sent: FromWorker[] = [];
  terminated = false;
  private readonly listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  private readonly handle = createImportHandler((message) => {
    const copy = structuredClone(message);
    this.sent.push(copy);
    setTimeout(() => {
      if (this.terminated) return;
      for (const listener of this.listeners) listener({ data: copy } as MessageEvent<FromWorker>);
    });
  });
  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    setTimeout(() => void this.handle(copy));
  }
  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    if (type === 'message') this.listeners.push(listener as (e: MessageEvent<FromWorker>) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** Small squares, so every feature is a polygon with an area. */
function squares(count: number): Uint8Array {
  const features = Array.from({ length: count }, (_, i) => {
    const [x, y] = [121 + (i % 100) * 1e-3, 41 + Math.floor(i / 100) * 1e-3];
    const ring = [
      [x, y],
      [x + 5e-4, y],
      [x + 5e-4, y + 5e-4],
      [x, y + 5e-4],
      [x, y]
    ];
    return {
      type: 'Feature',
      properties: { n: i },
      geometry: { type: 'Polygon', coordinates: [ring] }
    };
  });
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

let databases = 0;
const COUNT = 2 * FEATURES_PER_MESSAGE + 1;

describe('the import worker, in slices', () => {
  test('a big result arrives in slices and is put back together exactly', async () => {
    let worker: InProcessWorker | undefined;
    const bytes = squares(COUNT);
    const result = await importInWorker(bytes, 's.geojson', {
      createWorker: () => (worker = new InProcessWorker())
    }).promise;
    const slices = worker!.sent.filter((m) => m.type === 'features');
    expect(slices.map((m) => m.type === 'features' && m.features.length)).toEqual([
      FEATURES_PER_MESSAGE,
      FEATURES_PER_MESSAGE,
      1
    ]);
    const last = worker!.sent.at(-1);
    expect(last?.type === 'result' && last.result.features).toEqual([]);
    const direct = await importFile(bytes, 's.geojson');
    expect({ ...result, stats: { ...result.stats, elapsedMs: 0 } }).toEqual({
      ...direct,
      stats: { ...direct.stats, elapsedMs: 0 }
    });
  });

  test('the worker saves the layer itself when asked, with the import’s summary', async () => {
    const databaseName = `chunks-${++databases}`;
    const saved: StoreResult[] = [];
    const result = await importInWorker(squares(COUNT), 's.geojson', {
      saveAs: { databaseName, layerId: 'big', importedAt: '2024-05-01T08:00:00.000Z' },
      onSaved: (outcome) => saved.push(outcome),
      createWorker: () => new InProcessWorker()
    }).promise;
    expect(saved).toEqual([{ ok: true }]);
    const store = await openImportStore({ name: databaseName });
    const [layer] = await store.listLayers();
    store.close();
    expect(layer).toMatchObject({ id: 'big', name: 's.geojson', crs: 'wgs84' });
    expect(layer.features).toEqual(result.features);
    // The summary the import measured is the one the layer list would measure itself.
    const measured = summarizeLayer({ ...layer, summary: undefined });
    expect(layer.summary?.featureCount).toBe(COUNT);
    expect(layer.summary?.polygonCount).toBe(COUNT);
    expect(layer.summary?.areaM2).toBeCloseTo(measured.areaM2, 3);
    expect(layer.summary?.bbox).toEqual(measured.bbox);
    expect(summarizeLayer(layer)).toBe(layer.summary);
  });

  test('a failed import saves nothing and reports no save', async () => {
    const databaseName = `chunks-${++databases}`;
    const saved: StoreResult[] = [];
    const result = await importInWorker(new TextEncoder().encode('{"type":'), 'x.geojson', {
      saveAs: { databaseName, layerId: 'x', importedAt: '' },
      onSaved: (outcome) => saved.push(outcome),
      createWorker: () => new InProcessWorker()
    }).promise;
    expect(result.status).toBe('failed');
    expect(saved).toEqual([]);
    const store = await openImportStore({ name: databaseName });
    expect(await store.listLayers()).toEqual([]);
    store.close();
  });

  test('saved layers are read back in slices, oldest first, as listLayers gives them', async () => {
    const databaseName = `chunks-${++databases}`;
    const store = await openImportStore({ name: databaseName });
    const big = await importFile(squares(COUNT), 'big.geojson');
    const layer = (id: string, importedAt: string, features: StoredLayer['features']) => ({
      id,
      name: `${id}.geojson`,
      sourceFile: `${id}.geojson`,
      format: 'geojson',
      crs: 'wgs84' as const,
      importedAt,
      features
    });
    await store.saveLayer(layer('b', '2024-05-02T00:00:00.000Z', big.features));
    await store.saveLayer(layer('a', '2024-05-01T00:00:00.000Z', big.features.slice(0, 3)));
    const expected = await store.listLayers();
    store.close();

    let worker: InProcessWorker | undefined;
    const loaded = await loadLayersInWorker(databaseName, {
      createWorker: () => (worker = new InProcessWorker())
    });
    expect(loaded).toEqual(expected);
    expect(loaded.map((l) => l.id)).toEqual(['a', 'b']);
    expect(worker!.sent.filter((m) => m.type === 'features').length).toBe(4);
    expect(worker!.terminated).toBe(true);

    const userData = new UserData();
    await userData.load(
      () => openImportStore({ name: databaseName }),
      (opened) => loadLayersInWorker(opened.name!, { createWorker: () => new InProcessWorker() })
    );
    expect(userData.layers).toEqual(expected);
    expect(userData.storageError).toBeNull();
  });
});

/** A map whose GeoJSON sources take `updateData` batches, each resolved a task later. */
class FakeMap implements MapLike {
  sources = new Map<string, SourceSpecification & { batches: Feature[][] }>();
  layers: LayerSpecification[] = [{ id: 'labels', type: 'symbol', source: 'plan' }];
  addSource(id: string, spec: SourceSpecification) {
    const source = {
      ...spec,
      batches: [] as Feature[][],
      updateData: (diff: { add: Feature[] }) => {
        source.batches.push(diff.add);
        return new Promise<void>((resolve) => setTimeout(resolve));
      }
    };
    this.sources.set(id, source);
  }
  removeSource(id: string) {
    this.sources.delete(id);
  }
  getSource(id: string) {
    return this.sources.get(id);
  }
  addLayer(layer: LayerSpecification) {
    this.layers.unshift(layer);
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
  visibility(id: string) {
    return (this.getLayer(id)?.layout as { visibility?: string } | undefined)?.visibility;
  }
}

function bigLayer(count: number): StoredLayer {
  return {
    id: 'big',
    name: 'big.geojson',
    sourceFile: 'big.geojson',
    format: 'geojson',
    crs: 'wgs84',
    importedAt: '2024-05-01T08:00:00.000Z',
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      id: `parcel-${i}`,
      properties: { n: i },
      geometry: { type: 'Point', coordinates: [121, 41] }
    }))
  };
}

describe('UserLayersOnMap with a big layer', () => {
  test('starts the source empty and adds the features in batches, ids = positions', async () => {
    const map = new FakeMap();
    const onMap = new UserLayersOnMap(map, defaultTheme);
    const layer = bigLayer(2 * FEATURES_PER_UPDATE + 1);
    onMap.sync([layer], new Set());
    const source = map.sources.get(importedSourceId('big'))!;
    expect(source).toMatchObject({ generateId: false, data: { features: [] } });
    expect(map.getLayersOrder().slice(0, 3).sort()).toEqual(importedStyleLayerIds('big').sort());
    // Off while being fed (MapLibre would redraw after every batch), on once complete.
    const styleIds = importedStyleLayerIds('big');
    expect(styleIds.map((id) => map.visibility(id))).toEqual(['none', 'none', 'none']);
    await onMap.fed();
    expect(styleIds.map((id) => map.visibility(id))).toEqual(['visible', 'visible', 'visible']);
    expect(source.batches.map((b) => b.length)).toEqual([
      FEATURES_PER_UPDATE,
      FEATURES_PER_UPDATE,
      1
    ]);
    const added = source.batches.flat();
    expect(added.map((f) => f.id)).toEqual(layer.features.map((_, i) => i));
    expect(added[7].properties).toEqual({ n: 7 });
    // The stored features keep their own ids.
    expect(layer.features[7].id).toBe('parcel-7');
  });

  test('a layer hidden while being fed stays hidden', async () => {
    const map = new FakeMap();
    const onMap = new UserLayersOnMap(map, defaultTheme);
    const layer = bigLayer(FEATURES_PER_UPDATE + 1);
    onMap.sync([layer], new Set());
    onMap.sync([layer], new Set(['big']));
    await onMap.fed();
    expect(importedStyleLayerIds('big').map((id) => map.visibility(id))).toEqual([
      'none',
      'none',
      'none'
    ]);
    onMap.sync([layer], new Set());
    expect(map.visibility(importedStyleLayerIds('big')[0])).toBe('visible');
  });

  test('stops feeding a layer removed meanwhile', async () => {
    const map = new FakeMap();
    const onMap = new UserLayersOnMap(map, defaultTheme);
    onMap.sync([bigLayer(3 * FEATURES_PER_UPDATE)], new Set());
    const source = map.sources.get(importedSourceId('big'))!;
    onMap.sync([], new Set());
    await onMap.fed();
    expect(source.batches).toEqual([]);
    expect(map.sources.size).toBe(0);
  });
});
