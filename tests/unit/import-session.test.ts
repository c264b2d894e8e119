/**
 * The import panel's state machine (issue #5) with the real importer run in-process instead of a
 * Worker and the real store on fake-indexeddb: progress, the CRS question answered, layers saved,
 * cancel, a backup restored instead of imported, and a failing store that loses nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import type { ClientOptions, ImportJob } from '$lib/import/client';
import { importFile } from '$lib/import/import-file';
import { ImportSession, progressOf, type ImportRunner } from '$lib/import/import-session.svelte';
import { openImportStore, type ImportStore } from '$lib/storage/store';
import type { ImportProgress } from '$lib/import/types';
import { UserData } from '$lib/storage/user-data.svelte';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
let databases = 0;

function fileOf(name: string): File {
  return new File([readFileSync(join(DIR, name))], name);
}

/** Runs importFile in-process, recording what it was asked. */
function inProcessRunner(calls: { name: string; crs?: string }[]): ImportRunner {
  return (source, name, options: ClientOptions): ImportJob => {
    calls.push({ name, crs: options.crs });
    const controller = new AbortController();
    const read = async () =>
      source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
    return {
      promise: read().then((bytes) =>
        importFile(bytes, name, {
          crs: options.crs,
          signal: controller.signal,
          onProgress: options.onProgress
        })
      ),
      cancel: () => controller.abort(new DOMException('The import was cancelled.', 'AbortError'))
    };
  };
}

async function loadedUserData(open?: () => Promise<ImportStore>): Promise<UserData> {
  const userData = new UserData();
  await userData.load(open ?? (() => openImportStore({ name: `session-${++databases}` })));
  return userData;
}

let ids = 0;
const newId = () => `layer-${++ids}`;

describe('ImportSession', () => {
  test('imports a good file, reports progress and saves the layer', async () => {
    const userData = await loadedUserData();
    const seen: ImportProgress[] = [];
    const runner = inProcessRunner([]);
    const recording = new ImportSession(
      userData,
      (bytes, name, options) =>
        runner(bytes, name, {
          ...options,
          onProgress: (p) => {
            seen.push(p);
            options.onProgress?.(p);
          }
        }),
      newId
    );
    await recording.open(fileOf('good-wgs84.geojson'));
    expect(recording.phase).toBe('done');
    expect(recording.report?.usableCount).toBe(5);
    expect(seen.map((p) => p.phase)).toContain('convert');
    expect(recording.progress?.phase).toBe('convert');
    expect(userData.layers.map((l) => l.id)).toEqual([recording.layerId]);
    expect(userData.layers[0].features).toHaveLength(5);
    // Saved: a fresh read of the store has it.
    expect((await userData.store!.listLayers()).map((l) => l.name)).toEqual(['good-wgs84.geojson']);
  });

  test('asks for the CRS, then imports with the answer', async () => {
    const userData = await loadedUserData();
    const calls: { name: string; crs?: string }[] = [];
    const session = new ImportSession(userData, inProcessRunner(calls), newId);
    await session.open(fileOf('projected-no-crs.geojson'));
    expect(session.phase).toBe('needs-crs');
    expect(session.report?.crsQuestion?.code).toBe('crs-projected-unknown');
    expect(session.pending?.suggestedCrs).toBe('EPSG:4549');
    expect(userData.layers).toEqual([]);

    await session.chooseCrs('EPSG:4549');
    expect(calls).toEqual([
      { name: 'projected-no-crs.geojson', crs: undefined },
      { name: 'projected-no-crs.geojson', crs: 'EPSG:4549' }
    ]);
    expect(session.phase).toBe('done');
    expect(session.report?.status).toBe('ok');
    expect(userData.layers).toHaveLength(1);
    expect(userData.layers[0].crs).toBe('EPSG:4549');
  });

  test('a failed file saves nothing and keeps the report', async () => {
    const userData = await loadedUserData();
    const session = new ImportSession(userData, inProcessRunner([]), newId);
    await session.open(fileOf('html-page.geojson'));
    expect(session.phase).toBe('done');
    expect(session.report?.fileError?.code).toBe('html-page');
    expect(userData.layers).toEqual([]);
  });

  test('cancel stops the import and says so', async () => {
    const userData = await loadedUserData();
    let cancelled = false;
    const never: ImportRunner = () => {
      let reject: (error: unknown) => void = () => undefined;
      const promise = new Promise<never>((_, r) => (reject = r));
      return {
        promise,
        cancel: () => {
          cancelled = true;
          reject(new DOMException('The import was cancelled.', 'AbortError'));
        }
      };
    };
    const session = new ImportSession(userData, never, newId);
    const opening = session.open(fileOf('good-wgs84.geojson'));
    await vi.waitFor(() => expect(session.phase).toBe('importing'));
    expect(session.busy).toBe(true);
    session.cancel();
    await opening;
    expect(cancelled).toBe(true);
    expect(session.phase).toBe('idle');
    expect(session.message?.code).toBe('import-cancelled');
    expect(userData.layers).toEqual([]);
  });

  test('a backup file is restored, not imported as a layer', async () => {
    const source = await loadedUserData();
    const session = new ImportSession(source, inProcessRunner([]), newId);
    await session.open(fileOf('good-wgs84.geojson'));
    const layer = source.layers[0];
    await source.assign(
      'zijing-industrial-park',
      { type: 'layer', layerId: layer.id, featureIndex: 0 },
      layer.features.at(0)!.geometry
    );
    const backupText = JSON.stringify(await source.store!.exportAll());

    const target = await loadedUserData();
    const calls: { name: string; crs?: string }[] = [];
    const restoring = new ImportSession(target, inProcessRunner(calls), newId);
    await restoring.open(new File([backupText], 'linghe-user-data.geojson'));
    expect(calls).toEqual([]);
    expect(restoring.phase).toBe('restored');
    expect(restoring.message?.code).toBe('backup-restored');
    expect(restoring.message?.zh).toContain('1 个图层、1 个边界指定');
    expect(target.layers.map((l) => l.id)).toEqual([layer.id]);
    expect(target.assignmentFor('zijing-industrial-park')?.source).toEqual({
      type: 'layer',
      layerId: layer.id,
      featureIndex: 0
    });
  });

  test('a restore that fails half way keeps what the page shows and says why', async () => {
    const userData = await loadedUserData();
    const session = new ImportSession(userData, inProcessRunner([]), newId);
    await session.open(fileOf('good-wgs84.geojson'));
    const before = userData.layers;
    const outcome = await userData.restoreFile(new Blob(['{}']), 'merge', async () => {
      throw new Error('the disk went away');
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    if (!outcome.ok) expect(outcome.error.en).toContain('the disk went away');
    expect(userData.layers).toBe(before);
    expect(userData.storageError?.code).toBe('storage-failed');

    // Through the session, a broken backup is one message in both languages.
    await session.restore(new Blob(['{"type":"FeatureCollection","linghePlanMap":{']));
    expect(session.phase).toBe('restored');
    expect(session.message).toMatchObject({ code: 'backup-invalid', tone: 'error' });
    expect(userData.layers).toBe(before);
  });

  test('a store that refuses to save keeps the layer for this page and loses nothing saved', async () => {
    const name = `session-${++databases}`;
    const real = await openImportStore({ name });
    const userData = await loadedUserData(async () => real);
    const session = new ImportSession(userData, inProcessRunner([]), newId);
    await session.open(fileOf('good-wgs84.geojson'));
    const savedId = userData.layers[0].id;

    const full = await loadedUserData(async () => ({
      ...real,
      saveLayer: async () => ({
        ok: false,
        error: { code: 'storage-quota', zh: '浏览器存储空间已满', en: 'storage is full' }
      })
    }));
    const refused = new ImportSession(full, inProcessRunner([]), newId);
    await refused.open(fileOf('good.kml'));
    expect(full.storageError?.code).toBe('storage-quota');
    expect(full.unsavedLayerIds).toEqual([refused.layerId]);
    expect(full.layers.map((l) => l.id)).toEqual([savedId, refused.layerId]);
    expect((await real.listLayers()).map((l) => l.id)).toEqual([savedId]);
    expect(await full.removeLayer(refused.layerId!)).toBe(true);
    expect(full.layers.map((l) => l.id)).toEqual([savedId]);
  });
});

describe('progressOf', () => {
  test('spreads the three phases over 0…1', () => {
    expect(progressOf(null).fraction).toBe(0);
    expect(progressOf({ phase: 'parse', done: 50, total: 100 }).fraction).toBeCloseTo(1 / 6);
    expect(progressOf({ phase: 'validate', done: 0, total: 0 }).fraction).toBeCloseTo(1 / 3);
    expect(progressOf({ phase: 'convert', done: 10, total: 10 }).fraction).toBe(1);
    expect(progressOf({ phase: 'convert', done: 1, total: 2 }).words.en).toMatch(/Converting/);
  });
});
