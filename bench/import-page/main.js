/// <reference types="vite/client" />
// The import core alone in the browser: src/lib/import/client.ts runs importFile in its Web
// Worker, as the app does, while this page watches the main thread. bench/import.js bundles it
// with Vite, serves it with a generated file beside it and calls the functions below.

import { importInWorker } from '../../src/lib/import/client';
import { watchMainThread } from '../main-thread-watch.js';

/** @type {Uint8Array | null} */
let bytes = null;

/** Fetches the file into memory (not measured). @param {string} url */
async function load(url) {
  bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return bytes.length;
}

/** Imports the loaded file through the worker, as the app does. */
async function importThroughWorker() {
  if (!bytes) throw new Error('load() first');
  const { ready, stop } = watchMainThread();
  await ready;
  const started = performance.now();
  const result = await importInWorker(bytes, 'parcels.geojson', { maxBytes: 1e9 }).promise;
  const elapsedMs = performance.now() - started;
  return {
    elapsedMs,
    status: result.status,
    features: result.features.length,
    problems: result.problems.length,
    ...(await stop())
  };
}

/**
 * The prototype of bench/import-page/chunked-worker.js: the same import, the result in chunks.
 * @returns {Promise<import('../../src/lib/import/types').ImportResult>}
 */
function importInChunks() {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./chunked-worker.js', import.meta.url), { type: 'module' });
    /** @type {any[]} */
    const features = [];
    /** @type {number[]} */
    const featureIndexes = [];
    /** @type {any[]} */
    const measurements = [];
    worker.addEventListener('message', ({ data }) => {
      if (data.type === 'features') {
        for (const feature of data.features) features.push(feature);
        for (const index of data.featureIndexes) featureIndexes.push(index);
        for (const measurement of data.measurements) measurements.push(measurement);
        return;
      }
      worker.terminate();
      resolve({ ...data.result, features, featureIndexes, measurements });
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message)));
    worker.postMessage({ bytes, name: 'parcels.geojson', options: { maxBytes: 1e9 } });
  });
}

/** The same import, the result delivered in chunks (a prototype, see chunked-worker.js). */
async function importInChunksThroughWorker() {
  if (!bytes) throw new Error('load() first');
  const { ready, stop } = watchMainThread();
  await ready;
  const started = performance.now();
  const result = await importInChunks();
  const elapsedMs = performance.now() - started;
  return {
    elapsedMs,
    status: result.status,
    features: result.features.length,
    problems: result.problems.length,
    ...(await stop())
  };
}

/** What a page without a worker would do: decode and parse on the main thread. */
async function parseOnMainThread() {
  if (!bytes) throw new Error('load() first');
  const { ready, stop } = watchMainThread();
  await ready;
  const started = performance.now();
  const parsed = JSON.parse(new TextDecoder().decode(bytes));
  const elapsedMs = performance.now() - started;
  return { elapsedMs, features: parsed.features.length, ...(await stop()) };
}

Object.assign(window, {
  benchImport: { load, importThroughWorker, importInChunksThroughWorker, parseOnMainThread }
});
document.body.dataset.ready = 'true';
