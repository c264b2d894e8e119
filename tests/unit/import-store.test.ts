/**
 * Browser persistence of imported layers, assignments and drawings (issue #5), on fake-indexeddb:
 * CRUD, the exact export/import round trip, and storage-full errors that lose nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openDB } from 'idb';
import { looksLikeBackupFile, restoreBackupFile } from '../../src/lib/storage/backup-file';
import { importFile } from '../../src/lib/import/import-file';
import {
  isPackedFeatureRecord,
  PackedFeatures,
  packedRecordOf,
  packFeatures
} from '../../src/lib/storage/packed-features';
import { readPackedRecordBlob } from '../../src/lib/storage/packed-blob';
import { firstLayoutOf } from './support/packed-first-layout';
import { summarizeLayer } from '../../src/lib/storage/user-layers';
import {
  BACKUP_MEMBER,
  openImportStore,
  type Assignment,
  type Drawing,
  type ImportStore,
  type StoredLayer
} from '../../src/lib/storage/store';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
let databaseCount = 0;
const opened: ImportStore[] = [];

async function freshStore(): Promise<ImportStore> {
  const store = await openImportStore({
    name: `test-${++databaseCount}`,
    now: () => new Date('2024-05-01T08:00:00Z')
  });
  opened.push(store);
  return store;
}

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

async function layerFrom(file: string, id: string, importedAt: string): Promise<StoredLayer> {
  const result = await importFile(new Uint8Array(readFileSync(join(DIR, file))), file);
  expect(result.status).toBe('ok');
  return {
    id,
    name: file,
    sourceFile: file,
    format: result.format,
    crs: result.usedCrs as string,
    importedAt,
    features: result.features
  };
}

const assignment: Assignment = {
  planFeatureId: 'zijing-industrial-park',
  source: { type: 'layer', layerId: 'shp', featureIndex: 0 },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [121.2, 41.12],
        [121.21, 41.12],
        [121.21, 41.13],
        [121.2, 41.12]
      ]
    ]
  },
  assignedAt: '2024-05-01T09:00:00.000Z'
};

const drawing: Drawing = {
  id: 'draw-1',
  feature: {
    type: 'Feature',
    id: 'draw-1',
    properties: { mode: 'polygon', note: '规划范围草图' },
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.1, 41.1],
        [121.2, 41.15]
      ]
    }
  },
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:05:00.000Z'
};

async function filledStore(): Promise<{ store: ImportStore; layers: StoredLayer[] }> {
  const store = await freshStore();
  const layers = [
    await layerFrom('good-shapefile-gk-gbk-cpg.zip', 'shp', '2024-05-01T08:00:00.000Z'),
    await layerFrom('good.kml', 'kml', '2024-05-01T08:30:00.000Z'),
    await layerFrom('good-wgs84.geojson', 'geojson', '2024-05-01T08:15:00.000Z')
  ];
  for (const layer of layers) expect(await store.saveLayer(layer)).toEqual({ ok: true });
  expect(await store.assign(assignment)).toEqual({ ok: true });
  expect(
    await store.assign({
      ...assignment,
      planFeatureId: 'linghe-park',
      source: { type: 'drawing', drawingId: 'draw-1' }
    })
  ).toEqual({ ok: true });
  expect(await store.saveDrawing(drawing)).toEqual({ ok: true });
  return { store, layers };
}

describe('layers, assignments, drawings', () => {
  test('are saved, listed in a stable order, and deleted', async () => {
    const { store, layers } = await filledStore();
    expect((await store.listLayers()).map((l) => l.id)).toEqual(['shp', 'geojson', 'kml']);
    expect(await store.getLayer('shp')).toEqual(layers[0]);
    expect((await store.listAssignments()).map((a) => a.planFeatureId)).toEqual([
      'linghe-park',
      'zijing-industrial-park'
    ]);
    expect(await store.getAssignment('zijing-industrial-park')).toEqual(assignment);
    expect(await store.listDrawings()).toEqual([drawing]);

    expect(await store.deleteLayer('kml')).toEqual({ ok: true });
    expect(await store.unassign('linghe-park')).toEqual({ ok: true });
    expect(await store.deleteDrawing('draw-1')).toEqual({ ok: true });
    expect((await store.listLayers()).map((l) => l.id)).toEqual(['shp', 'geojson']);
    expect(await store.listAssignments()).toEqual([assignment]);
    expect(await store.listDrawings()).toEqual([]);
  });

  test('layers are stored packed in a Blob; layers saved as a record or before packing still read', async () => {
    const { store, layers } = await filledStore();
    const name = store.name!;
    const raw = await openDB(name);
    const record = await raw.get('layers', 'shp');
    // One Blob of typed arrays and text, not an array of feature objects nor the record itself.
    expect(record.features).toEqual([]);
    expect(record.packed).toBeUndefined();
    expect(record.packedBlob).toBeInstanceOf(Blob);
    const fromBlob = await readPackedRecordBlob(record.packedBlob);
    expect(fromBlob.length).toBeGreaterThan(0);
    expect(fromBlob.every(isPackedFeatureRecord)).toBe(true);
    expect([...new PackedFeatures(fromBlob)]).toEqual([...layers[0].features]);
    // A record saved before Blobs keeps `packed` (in the first layout: text a string) and reads.
    await raw.put('layers', {
      ...layers[2],
      features: [],
      packed: firstLayoutOf(packFeatures([...layers[2].features])),
      id: 'packed',
      importedAt: '2020-01-02T00:00:00.000Z'
    });
    // An older one keeps its features array and is read as it is.
    await raw.put('layers', {
      ...layers[1],
      features: [...layers[1].features],
      id: 'old',
      importedAt: '2020-01-01T00:00:00.000Z'
    });
    raw.close();
    const old = await store.getLayer('old');
    expect(old?.features).toEqual(layers[1].features);
    expect(packedRecordOf(old!.features)).toBeNull();
    expect([...(await store.getLayer('packed'))!.features]).toEqual([...layers[2].features]);
    expect((await store.listLayers()).map((l) => l.id)).toEqual([
      'old',
      'packed',
      'shp',
      'geojson',
      'kml'
    ]);
    // Read back, a saved layer's features are a PackedFeatures over its record.
    expect(packedRecordOf((await store.getLayer('shp'))!.features)?.count).toBe(
      layers[0].features.length
    );
  });

  test('a damaged Blob gives its layer no features and leaves the others readable', async () => {
    const { store, layers } = await filledStore();
    const raw = await openDB(store.name!);
    const record = await raw.get('layers', 'shp');
    await raw.put('layers', { ...record, packedBlob: new Blob(['00000099{not a header']) });
    raw.close();
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const listed = await store.listLayers();
      expect(listed.find((l) => l.id === 'shp')?.features).toEqual([]);
      expect([...listed.find((l) => l.id === 'geojson')!.features]).toEqual([
        ...layers[2].features
      ]);
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).toMatch(/Layer shp: PackedBlobError: Not a packed layer/);
  });

  test('survive closing and reopening the database', async () => {
    const store = await openImportStore({ name: 'reopen' });
    await store.saveDrawing(drawing);
    store.close();
    const again = await openImportStore({ name: 'reopen' });
    expect(await again.listDrawings()).toEqual([drawing]);
    again.close();
  });
});

describe('export and import', () => {
  test('the export is a GeoJSON FeatureCollection of every record', async () => {
    const { store } = await filledStore();
    const backup = await store.exportAll();
    expect(backup.type).toBe('FeatureCollection');
    expect(backup[BACKUP_MEMBER]).toMatchObject({
      version: 1,
      exportedAt: '2024-05-01T08:00:00.000Z'
    });
    expect(backup[BACKUP_MEMBER].layers.map((l) => l.id)).toEqual(['shp', 'geojson', 'kml']);
    const records = backup.features.map((f) => f[BACKUP_MEMBER].record);
    expect(records.filter((r) => r === 'layer-feature')).toHaveLength(3 + 5 + 3);
    expect(records.slice(-3)).toEqual(['assignment', 'assignment', 'drawing']);
    // Layer features keep their own properties and ids untouched.
    expect(backup.features[0].properties?.NAME).toBe('紫荆产业园地块');
  });

  test('round trip through JSON text is exact', async () => {
    const { store, layers } = await filledStore();
    const first = await store.exportAll();
    const text = JSON.stringify(first);

    const other = await freshStore();
    const imported = await other.importAll(JSON.parse(text));
    expect(imported).toEqual({ ok: true, layers: 3, assignments: 2, drawings: 1 });
    expect(JSON.stringify(await other.exportAll())).toBe(text);
    // Restored layers come with their summary, measured once while restoring.
    expect(await other.getLayer('kml')).toEqual({
      ...layers[1],
      summary: summarizeLayer(layers[1])
    });
    expect(await other.listAssignments()).toEqual(await store.listAssignments());
    expect(await other.listDrawings()).toEqual([drawing]);
  });

  test('replace empties first; merge keeps other records', async () => {
    const { store } = await filledStore();
    const backup = await store.exportAll();
    const target = await freshStore();
    await target.saveDrawing({ ...drawing, id: 'mine' });
    expect(await target.importAll(backup, 'merge')).toMatchObject({ ok: true });
    expect((await target.listDrawings()).map((d) => d.id)).toEqual(['draw-1', 'mine']);
    expect(await target.importAll(backup, 'replace')).toMatchObject({ ok: true });
    expect((await target.listDrawings()).map((d) => d.id)).toEqual(['draw-1']);
  });

  test('plain GeoJSON or a damaged backup is refused without touching the store', async () => {
    const { store } = await filledStore();
    const before = await store.exportAll();
    const plain = JSON.parse(readFileSync(join(DIR, 'good-wgs84.geojson'), 'utf8'));
    const refused = await store.importAll(plain);
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup-invalid' } });
    if (!refused.ok) expect(refused.error.zh).toContain('不是凌河规划地图的备份文件');
    const orphan = structuredClone(before);
    orphan[BACKUP_MEMBER].layers.pop();
    const orphanResult = await store.importAll(orphan);
    expect(orphanResult.ok).toBe(false);
    if (!orphanResult.ok) expect(orphanResult.error.en).toContain('unknown layer kml');
    expect(
      await store.importAll({
        ...before,
        [BACKUP_MEMBER]: { ...before[BACKUP_MEMBER], version: 99 }
      })
    ).toMatchObject({ ok: false });
    expect(await store.exportAll()).toEqual(before);
  });
});

describe('hostile backups (issue #16): checked like any import, nothing restored, the feature named', () => {
  const BACKUPS = join(import.meta.dirname, '..', 'fixtures', 'backup');
  const cases: [string, string, string][] = [
    [
      'garbage-geometry.geojson',
      'a feature in layer "地块" is not valid — Feature #2: coordinate value "x" is not a number.',
      '备份没有恢复'
    ],
    [
      'infinite-assignment.geojson',
      'a feature assigned as the boundary of plan feature "zijing-industrial-park" is not valid — Feature #1: coordinate value Infinity is out of numeric range',
      '规划要素 "zijing-industrial-park" 的边界中'
    ],
    [
      'drawing-out-of-range.geojson',
      'a feature in drawing "d1" is not valid — Feature #1: position',
      '超出经纬度范围'
    ],
    ['null-feature.geojson', 'feature #1 is not an object', '第 1 个要素不是对象'],
    ['fake-member.geojson', 'layer entry 1 has no text id', '第 1 个图层信息的 id 不是文本']
  ];

  test.each(cases)('%s', async (name, en, zh) => {
    const bytes = new Uint8Array(readFileSync(join(BACKUPS, name)));
    expect(await looksLikeBackupFile(new Blob([bytes]))).toBe(true);
    const { store } = await filledStore();
    const before = await store.exportAll();
    for (const mode of ['merge', 'replace'] as const) {
      const outcome = await restoreBackupFile(bytes, store, mode);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.en).toContain(en);
      expect(outcome.error.zh).toContain(zh);
      expect(outcome.error.en).not.toMatch(/TypeError|RangeError/);
    }
    expect(await store.exportAll()).toEqual(before);
  });

  test('an exported backup still restores exactly', async () => {
    const { store } = await filledStore();
    const backup = await store.exportAll();
    const target = await freshStore();
    expect(await target.importAll(JSON.parse(JSON.stringify(backup)))).toMatchObject({ ok: true });
    expect(await target.exportAll()).toEqual({ ...backup, [BACKUP_MEMBER]: expect.anything() });
  });
});

describe('storage full', () => {
  /** Makes IDBObjectStore.put throw QuotaExceededError after `allowed` successful calls. */
  function exhaustQuotaAfter(allowed: number): () => void {
    const prototype = globalThis.IDBObjectStore.prototype;
    const original = prototype.put;
    let calls = 0;
    prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++calls > allowed)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
    return () => {
      prototype.put = original;
    };
  }

  test('saving a layer reports the quota error in both languages and keeps what was saved', async () => {
    const { store } = await filledStore();
    const before = await store.exportAll();
    const restore = exhaustQuotaAfter(0);
    try {
      const result = await store.saveLayer({ ...(await store.getLayer('shp'))!, id: 'big' });
      expect(result).toMatchObject({ ok: false, error: { code: 'storage-quota' } });
      if (!result.ok) {
        expect(result.error.zh).toContain('存储空间已满');
        expect(result.error.en).toContain('everything saved before is still there');
      }
    } finally {
      restore();
    }
    expect(await store.exportAll()).toEqual(before);
    expect(await store.getLayer('big')).toBeUndefined();
  });

  test('a restore that runs out of space half way is rolled back entirely', async () => {
    const { store } = await filledStore();
    const backup = await store.exportAll();
    const target = await freshStore();
    await target.saveDrawing({ ...drawing, id: 'keep-me' });
    const before = await target.exportAll();
    const restore = exhaustQuotaAfter(3); // the first layers go in, then storage is full
    try {
      const result = await target.importAll(backup, 'replace');
      expect(result).toMatchObject({ ok: false, error: { code: 'storage-quota' } });
    } finally {
      restore();
    }
    // The clear() and the puts that succeeded were in the same transaction: all undone.
    expect(await target.exportAll()).toEqual(before);
  });

  test('other failures are reported as such', async () => {
    const store = await freshStore();
    const result = await store.saveDrawing({
      ...drawing,
      feature: { ...drawing.feature, properties: { fn: () => 1 } }
    } as unknown as Drawing);
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await store.listDrawings()).toEqual([]);
  });
});

describe('countLayers', () => {
  test('counts saved layers without reading them', async () => {
    const store = await openImportStore({ name: `count-${Math.random()}` });
    expect(await store.countLayers()).toBe(0);
    await store.saveLayer({
      id: 'one',
      name: 'one.geojson',
      sourceFile: 'one.geojson',
      format: 'geojson',
      crs: 'wgs84',
      importedAt: '2026-01-01T00:00:00.000Z',
      features: []
    });
    expect(await store.countLayers()).toBe(1);
    store.close();
  });
});
