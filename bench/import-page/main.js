/// <reference types="vite/client" />
// The import core alone in the browser: src/lib/import/client.ts runs importFile in its Web
// Worker, as the app does, while this page watches the main thread. bench/import.js bundles it
// with Vite, serves it with a generated file beside it and calls the functions below.

import { importInWorker } from '../../src/lib/import/client';
import { watchMainThread } from '../main-thread-watch.js';

/** @type {Blob | null} */
let file = null;

/**
 * Fetches the file (not measured) as a Blob, as the app's file input gives a File: the browser
 * keeps its bytes, not the page. @param {string} url
 */
async function load(url) {
  file = await (await fetch(url)).blob();
  return file.size;
}

/** Imports the loaded file through the worker, as the app does. */
async function importThroughWorker() {
  if (!file) throw new Error('load() first');
  const { ready, stop } = watchMainThread();
  await ready;
  const started = performance.now();
  const result = await importInWorker(file, 'parcels.geojson', { maxBytes: 1e9 }).promise;
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
  if (!file) throw new Error('load() first');
  const { ready, stop } = watchMainThread();
  await ready;
  const started = performance.now();
  const parsed = JSON.parse(new TextDecoder().decode(await file.arrayBuffer()));
  const elapsedMs = performance.now() - started;
  return { elapsedMs, features: parsed.features.length, ...(await stop()) };
}

Object.assign(window, {
  benchImport: { load, importThroughWorker, parseOnMainThread }
});
document.body.dataset.ready = 'true';
