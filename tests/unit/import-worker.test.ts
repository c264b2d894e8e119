/**
 * The worker protocol and the main-thread client (issue #5), driven in-process: the fake Worker
 * below clones every message (as postMessage does) and delivers it asynchronously.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importInWorker, type ImportJob, type WorkerLike } from '../../src/lib/import/client';
import { importFile } from '../../src/lib/import/import-file';
import { readPackedRecordBlob } from '../../src/lib/storage/packed-blob';
import { PackedFeatures } from '../../src/lib/storage/packed-features';
import { summarizeImport } from '../../src/lib/storage/user-layers';
import type { ImportProgress } from '../../src/lib/import/types';
import {
  createImportHandler,
  type FromWorker,
  type ToWorker
} from '../../src/lib/import/worker-protocol';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

class InProcessWorker implements WorkerLike {
  readonly received: ToWorker[] = [];
  terminated = false;
  private readonly messageListeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  private readonly errorListeners: ((event: ErrorEvent) => void)[] = [];
  private readonly handle = createImportHandler((message) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.terminated) return;
      for (const listener of this.messageListeners)
        listener({ data: copy } as MessageEvent<FromWorker>);
    });
  });

  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => void this.handle(copy));
  }
  addEventListener(type: 'message' | 'error', listener: (event: never) => void): void {
    if (type === 'message')
      this.messageListeners.push(listener as (event: MessageEvent<FromWorker>) => void);
    else this.errorListeners.push(listener as (event: ErrorEvent) => void);
  }
  fail(message: string): void {
    for (const listener of this.errorListeners) listener({ message } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function manyParcels(count: number): Uint8Array {
  const features = Array.from({ length: count }, (_, i) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [121 + i * 1e-6, 41] }
  }));
  return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
}

describe('importInWorker', () => {
  test('resolves with what importFile returns, relays progress and ends the worker', async () => {
    let worker: InProcessWorker | undefined;
    const progress: ImportProgress[] = [];
    const job = importInWorker(fixture('good-shapefile-gk-gbk-cpg.zip'), 'g.zip', {
      onProgress: (p) => progress.push(p),
      createWorker: () => (worker = new InProcessWorker())
    });
    const result = await job.promise;
    const direct = await importFile(fixture('good-shapefile-gk-gbk-cpg.zip'), 'g.zip');
    // The features come back packed, read through a PackedFeatures; the measurements as totals.
    expect([...result.features]).toEqual(direct.features);
    expect(result.summary).toEqual(summarizeImport(direct));
    expect(result.packedBlob).toBeUndefined();
    expect({
      ...result,
      features: [],
      packedBlob: undefined,
      stats: { ...result.stats, elapsedMs: 0 }
    }).toEqual({
      ...direct,
      features: [],
      measurements: [],
      stats: { ...direct.stats, elapsedMs: 0 }
    });
    expect(progress.length).toBeGreaterThan(0);
    expect(worker?.terminated).toBe(true);
    expect(worker?.received[0]).toMatchObject({ type: 'import', name: 'g.zip', options: {} });
  });

  test('passes the CRS choice through', async () => {
    const job = importInWorker(fixture('projected-no-crs.geojson'), 'p.geojson', {
      crs: 'EPSG:4549',
      createWorker: () => new InProcessWorker()
    });
    expect((await job.promise).status).toBe('ok');
  });

  test('cancel() rejects with AbortError, tells the worker and ends it', async () => {
    let worker: InProcessWorker | undefined;
    // Cancelled at its first progress report: surely during the import, however fast it runs.
    const job: ImportJob = importInWorker(manyParcels(50_000), 'many.geojson', {
      createWorker: () => (worker = new InProcessWorker()),
      onProgress: () => job.cancel()
    });
    await expect(job.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker?.terminated).toBe(true);
    expect(worker?.received.map((m) => m.type)).toEqual(['import', 'cancel']);
  });

  test('an aborted AbortSignal cancels too, before or during the import', async () => {
    let started = false;
    const before = importInWorker(fixture('good.kml'), 'k.kml', {
      signal: AbortSignal.abort(),
      createWorker: () => {
        started = true;
        return new InProcessWorker();
      }
    });
    await expect(before.promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toBe(false);

    const controller = new AbortController();
    const during = importInWorker(manyParcels(50_000), 'many.geojson', {
      signal: controller.signal,
      createWorker: () => new InProcessWorker(),
      onProgress: () => controller.abort()
    });
    await expect(during.promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a crashed worker rejects with its message', async () => {
    let worker: InProcessWorker | undefined;
    const job = importInWorker(manyParcels(50_000), 'many.geojson', {
      createWorker: () => (worker = new InProcessWorker()),
      onProgress: () => worker?.fail('out of memory')
    });
    await expect(job.promise).rejects.toThrow('Import worker failed: out of memory');
  });
});

describe('createImportHandler (the worker side)', () => {
  test('a cancel message stops the running import, which reports cancelled', async () => {
    const posted: FromWorker[] = [];
    const handle = createImportHandler((message) => {
      posted.push(message);
      if (message.type === 'progress' && message.progress.phase === 'validate') {
        void handle({ type: 'cancel', id: 7 });
      }
    });
    await handle({
      type: 'import',
      id: 7,
      source: manyParcels(200_000),
      name: 'm.geojson',
      options: {}
    });
    expect(posted[posted.length - 1]).toEqual({ type: 'cancelled', id: 7 });
    expect(posted.some((m) => m.type === 'result')).toBe(false);
  });

  test('results survive structured cloning (what postMessage does)', async () => {
    const posted: FromWorker[] = [];
    const handle = createImportHandler((message) => posted.push(message));
    await handle({
      type: 'import',
      id: 1,
      source: fixture('good.kml'),
      name: 'good.kml',
      options: {}
    });
    const result = posted.find((m) => m.type === 'result');
    expect(result).toBeDefined();
    expect(structuredClone(result)).toEqual(result);
  });

  test('a File is read in the worker and imports as its bytes do', async () => {
    const posted: FromWorker[] = [];
    const handle = createImportHandler((message) => posted.push(message));
    const file = new File([fixture('good-wgs84.geojson')], 'good-wgs84.geojson');
    await handle({ type: 'import', id: 2, source: file, name: file.name, options: {} });
    const result = posted.find((m) => m.type === 'result');
    expect(result?.type === 'result' && result.result.status).toBe('ok');
    const packedBlob = result?.type === 'result' ? result.result.packedBlob : undefined;
    const records = await readPackedRecordBlob(packedBlob as Blob);
    const direct = await importFile(fixture('good-wgs84.geojson'), file.name);
    expect(direct.features.length).toBeGreaterThan(0);
    expect([...new PackedFeatures(records)]).toEqual([...direct.features]);
  });

  test('KML is read without a DOMParser, as in a Web Worker', async () => {
    expect(typeof (globalThis as { DOMParser?: unknown }).DOMParser).toBe('undefined');
    const result = await importFile(fixture('good.kml'), 'good.kml');
    expect(result.status).toBe('ok');
  });
});
