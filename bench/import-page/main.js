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
  benchImport: { load, importThroughWorker, parseOnMainThread }
});
document.body.dataset.ready = 'true';
