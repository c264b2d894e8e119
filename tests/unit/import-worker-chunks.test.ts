/**
 * The import worker hands big results to the page in slices, saves layers itself and reads saved
 * layers back in slices, and makes and restores backups (issue #5: no long main-thread task for
 * 100 000 features), driven in-process on fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import {
  exportInWorker,
  importInWorker,
  loadLayersInWorker,
  restoreInWorker,
  type WorkerLike
} from '../../src/lib/import/client';
import { importFile } from '../../src/lib/import/import-file';
import { readPackedRecordBlob } from '../../src/lib/storage/packed-blob';
import { openImportStore, type StoredLayer, type StoreResult } from '../../src/lib/storage/store';
import { UserData } from '../../src/lib/storage/user-data.svelte';
import { layerFromImport, summarizeLayer } from '../../src/lib/storage/user-layers';
import {
  createImportHandler,
  type FromWorker,
  type ToWorker
} from '../../src/lib/import/worker-protocol';

/** A Worker stand-in that clones every message, as postMessage does, and records what it sent. */
class InProcessWorker implements WorkerLike {
  readonly sent: FromWorker[] = [];
  terminated = false;
  private readonly listeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  private readonly handle = createImportHandler((message, transfer) => {
    // As postMessage does: transferred buffers move (the sender's copies are detached).
    const copy = structuredClone(message, { transfer: transfer as Transferable[] | undefined });
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
const COUNT = 2001;

/** A layer with its lazily read features made plain, for comparing. */
const plain = (layer: StoredLayer) => ({ ...layer, features: [...layer.features] });

describe('the import worker, packed', () => {
  test('a big result crosses as one message, its features packed in a Blob, and reads back exactly', async () => {
    let worker: InProcessWorker | undefined;
    const bytes = squares(COUNT);
    const result = await importInWorker(bytes, 's.geojson', {
      createWorker: () => (worker = new InProcessWorker())
    }).promise;
    const sent = worker!.sent.filter((m) => m.type !== 'progress');
    expect(sent.map((m) => m.type)).toEqual(['result']);
    const [last] = sent;
    expect(last?.type === 'result' && last.result.features).toEqual([]);
    const blob = last?.type === 'result' ? last.result.packedBlob : undefined;
    expect(blob).toBeInstanceOf(Blob);
    const records = await readPackedRecordBlob(blob as Blob);
    expect(records.reduce((sum, record) => sum + record.count, 0)).toBe(COUNT);
    // The page lets go of the Blob once it has read it.
    expect(result.packedBlob).toBeUndefined();
    const direct = await importFile(bytes, 's.geojson');
    expect([...result.features]).toEqual(direct.features);
    expect(result.featureIndexes).toEqual(direct.featureIndexes);
    // Totals instead of 2001 measurement objects.
    expect(result.measurements).toEqual([]);
    expect(result.summary?.featureCount).toBe(COUNT);
    const without = (r: typeof result) => ({
      ...r,
      features: [],
      measurements: [],
      summary: undefined,
      packedBlob: undefined,
      stats: { ...r.stats, elapsedMs: 0 }
    });
    expect(without(result)).toEqual(without(direct));
  });

  test('a layer the import drops features from at its end is saved as its result, not as packed', async () => {
    // A bow tie passes the structure checks (and is packed with the rest), then is refused for
    // crossing itself: its segment must be cut out of the Blob that is saved.
    const collection = JSON.parse(new TextDecoder().decode(squares(COUNT)));
    collection.features[7].geometry.coordinates = [
      [
        [121, 41],
        [121.001, 41.001],
        [121.001, 41],
        [121, 41.001],
        [121, 41]
      ]
    ];
    const databaseName = `chunks-${++databases}`;
    const result = await importInWorker(
      new TextEncoder().encode(JSON.stringify(collection)),
      'bow.geojson',
      {
        saveAs: { databaseName, layerId: 'bow', importedAt: '2024-05-01T08:00:00.000Z' },
        createWorker: () => new InProcessWorker()
      }
    ).promise;
    expect(result.features).toHaveLength(COUNT - 1);
    expect(result.problems.map((p) => `${p.code}:${p.featureIndex}`)).toContain(
      'self-intersection:7'
    );
    const store = await openImportStore({ name: databaseName });
    const [layer] = await store.listLayers();
    store.close();
    expect([...layer.features]).toEqual([...result.features]);
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
    expect([...layer.features]).toEqual([...result.features]);
    // The summary the import measured is the one the layer list would measure itself.
    const measured = summarizeLayer({ ...layer, summary: undefined });
    expect(layer.summary?.featureCount).toBe(COUNT);
    expect(layer.summary?.polygonCount).toBe(COUNT);
    expect(layer.summary?.areaM2).toBeCloseTo(measured.areaM2, 3);
    expect(layer.summary?.bbox).toEqual(measured.bbox);
    expect(summarizeLayer(layer)).toBe(layer.summary);
  });

  test('imported without measuring, the saved layer has no totals rather than wrong ones', async () => {
    const databaseName = `chunks-${++databases}`;
    const result = await importInWorker(squares(COUNT), 's.geojson', {
      measure: false,
      saveAs: { databaseName, layerId: 'unmeasured', importedAt: '2024-05-01T08:00:00.000Z' },
      createWorker: () => new InProcessWorker()
    }).promise;
    expect(result.summary).toBeUndefined();
    const store = await openImportStore({ name: databaseName });
    const [layer] = await store.listLayers();
    store.close();
    expect(layer.summary).toBeUndefined();
    // The layer list measures it then.
    expect(summarizeLayer(layer)).toMatchObject({ featureCount: COUNT, polygonCount: COUNT });
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

  test('saved layers are read back one packed record each, oldest first, as listLayers gives them', async () => {
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
    await store.saveLayer(layer('a', '2024-05-01T00:00:00.000Z', [...big.features].slice(0, 3)));
    const expected = await store.listLayers();
    store.close();

    let worker: InProcessWorker | undefined;
    const loaded = await loadLayersInWorker(databaseName, {
      createWorker: () => (worker = new InProcessWorker())
    });
    expect(loaded.map(plain)).toEqual(expected.map(plain));
    expect(loaded.map((l) => l.id)).toEqual(['a', 'b']);
    expect(worker!.sent.map((m) => m.type)).toEqual(['layer', 'layer', 'layers-loaded']);
    expect(worker!.terminated).toBe(true);

    const userData = new UserData();
    await userData.load(
      () => openImportStore({ name: databaseName }),
      (opened) => loadLayersInWorker(opened.name!, { createWorker: () => new InProcessWorker() })
    );
    expect(userData.layers.map(plain)).toEqual(expected.map(plain));
    expect(userData.storageError).toBeNull();
  });
});

describe('backups made and restored by the import worker', () => {
  test('a backup made in the worker restores, in the worker, into another database exactly', async () => {
    const from = await openImportStore({ name: `backup-from-${++databases}` });
    const imported = await importFile(squares(30), 's.geojson');
    const layer = layerFromImport(imported, 's.geojson', 'layer-1', '2024-05-01T08:00:00.000Z');
    expect((await from.saveLayer(layer)).ok).toBe(true);
    const file = await exportInWorker(from.name!, { createWorker: () => new InProcessWorker() });
    expect(file.type).toBe('application/geo+json');
    const withoutTime = (backup: { linghePlanMap: { exportedAt?: string } }) => {
      delete backup.linghePlanMap.exportedAt;
      return backup;
    };
    expect(withoutTime(JSON.parse(await file.text()))).toEqual(
      withoutTime(JSON.parse(JSON.stringify(await from.exportAll())))
    );

    const to = await openImportStore({ name: `backup-to-${++databases}` });
    const outcome = await restoreInWorker(file, to.name!, 'merge', {
      createWorker: () => new InProcessWorker()
    });
    expect(outcome).toEqual({ ok: true, layers: 1, assignments: 0, drawings: 0 });
    expect(await to.listLayers()).toEqual([layer]);
    from.close();
    to.close();
  });

  test('a broken backup is refused in both languages and nothing is written', async () => {
    const to = await openImportStore({ name: `backup-broken-${++databases}` });
    const outcome = await restoreInWorker(
      new Blob(['{"type":"FeatureCollection","linghePlanMap":{']),
      to.name!,
      'merge',
      { createWorker: () => new InProcessWorker() }
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('backup-invalid');
      expect(outcome.error.zh).toMatch(/无法读取/);
      expect(outcome.error.en).toMatch(/cannot be read/);
    }
    expect(await to.countLayers()).toBe(0);
    to.close();
  });
});
