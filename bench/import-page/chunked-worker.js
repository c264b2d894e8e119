/// <reference lib="webworker" />
// A prototype for bench/import.js, not used by the app: the same importFile as
// src/lib/import/worker.ts, but the result's features are posted in chunks, so the main thread
// deserialises them in many short tasks instead of one long one, and the worker lets go of each
// chunk once it is sent.

import { importFile } from '../../src/lib/import/import-file';

/** Features per message: ~2000 parcels take ~10 ms to deserialise on the main thread. */
const CHUNK = 2000;

self.addEventListener('message', async (event) => {
  const { bytes, name, options } = event.data;
  const result = await importFile(bytes, name, options);
  const { features, featureIndexes, measurements } = result;
  for (let start = 0; start < features.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, features.length);
    self.postMessage({
      type: 'features',
      features: features.slice(start, end),
      featureIndexes: featureIndexes.slice(start, end),
      measurements: measurements.slice(start, end)
    });
    features.fill(/** @type {any} */ (null), start, end);
  }
  self.postMessage({
    type: 'result',
    result: { ...result, features: [], featureIndexes: [], measurements: [] }
  });
});
