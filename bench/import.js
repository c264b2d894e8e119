/**
 * Import pipeline benchmark (issue #5): a ~60 MB GeoJSON of 100 000 seeded random parcels near
 * Jinzhou, timed through `importFile` (decode + parse + validate + self-intersection check +
 * measure) against plain `JSON.parse` of the same text, in the same run. Reports the median of a
 * few repetitions and their ratio (goal ≤ 1.3×), plus the ratio without measuring.
 *
 * The importer is TypeScript, so it is loaded through Vite's SSR module loader (no build step).
 *
 * Usage: npm run bench:import [-- --parcels 100000 --vertices 18 --repetitions 5]
 */
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const { values: options } = parseArgs({
  options: {
    parcels: { type: 'string', default: '100000' },
    vertices: { type: 'string', default: '18' },
    repetitions: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20210412' }
  }
});
const parcelCount = Number(options.parcels);
const verticesPerParcel = Number(options.vertices);
const repetitions = Math.max(1, Number(options.repetitions));

/**
 * mulberry32: a small seeded generator so every run measures the same parcels.
 * @param {number} seed
 */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {number} x */
const round7 = (x) => Math.round(x * 1e7) / 1e7;

/** @returns {string} the GeoJSON text */
function makeParcels() {
  const random = seededRandom(Number(options.seed));
  const features = [];
  for (let i = 0; i < parcelCount; i++) {
    const lon = 121.13 + 0.12 * random();
    const lat = 41.09 + 0.07 * random();
    const radius = 20 + 200 * random(); // metres
    /** @type {number[][]} */
    const ring = [];
    for (let k = 0; k < verticesPerParcel; k++) {
      // Star-shaped around the centre, so never self-intersecting.
      const angle = (2 * Math.PI * (k + 0.8 * random())) / verticesPerParcel;
      const r = radius * (0.6 + 0.4 * random());
      // Rounded to 1e-7° (~1 cm), as surveyed data is written.
      ring.push([
        round7(lon + (r * Math.cos(angle)) / (111_000 * Math.cos((lat * Math.PI) / 180))),
        round7(lat + (r * Math.sin(angle)) / 111_000)
      ]);
    }
    ring.push(ring[0]);
    features.push({
      type: 'Feature',
      id: `parcel-${i}`,
      properties: { name: `地块 ${i}`, owner: '凌河区', landUse: random() < 0.5 ? '居住' : '工业' },
      geometry: { type: 'Polygon', coordinates: [ring] }
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Wall time of `work`, after a full garbage collection when node runs with --expose-gc (the
 * npm script does), so one run's garbage is not billed to the next.
 * @param {() => unknown | Promise<unknown>} work
 */
async function time(work) {
  /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const server = await createServer({
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true }
});
try {
  const { importFile } = await server.ssrLoadModule('/src/lib/import/import-file.ts');
  const text = makeParcels();
  const bytes = new TextEncoder().encode(text);
  console.log(
    `${parcelCount} parcels × ${verticesPerParcel + 1} vertices, ${(bytes.length / 1e6).toFixed(1)} MB`
  );

  // Warm up both paths once (JIT), then alternate so both see the same machine state.
  JSON.parse(text);
  const warm = await importFile(bytes, 'parcels.geojson', { maxBytes: 1e9 });
  if (warm.status !== 'ok' || warm.features.length !== parcelCount || warm.problems.length > 0) {
    throw new Error(
      `benchmark data did not import cleanly: ${warm.status} ${warm.problems.length}`
    );
  }

  const parseTimes = [];
  const importTimes = [];
  const importNoMeasureTimes = [];
  for (let r = 0; r < repetitions; r++) {
    parseTimes.push(await time(() => JSON.parse(new TextDecoder().decode(bytes))));
    importTimes.push(await time(() => importFile(bytes, 'parcels.geojson', { maxBytes: 1e9 })));
    importNoMeasureTimes.push(
      await time(() => importFile(bytes, 'parcels.geojson', { maxBytes: 1e9, measure: false }))
    );
  }
  const parse = median(parseTimes);
  const full = median(importTimes);
  const noMeasure = median(importNoMeasureTimes);
  console.log(
    `decode + JSON.parse:                    ${parse.toFixed(0)} ms (median of ${repetitions})`
  );
  console.log(
    `importFile (parse+validate+measure):    ${full.toFixed(0)} ms → ${(full / parse).toFixed(2)}× (goal ≤ 1.3×)`
  );
  console.log(
    `importFile without measuring:           ${noMeasure.toFixed(0)} ms → ${(noMeasure / parse).toFixed(2)}×`
  );
} finally {
  await server.close();
}
