/**
 * Batch parsing benchmark: the ~63 MB GeoJSON of 100 000 seeded random parcels that
 * bench/import.js makes, read (1) with one TextDecoder.decode + JSON.parse as the import does
 * today, (2) split into feature byte ranges by splitFeatureCollection alone, and (3) split, then
 * parsed 1000 features at a time with parseFeatureBatch (src/lib/import/geojson-split.ts).
 * Prints the median time of a few runs of each, the ratio of (3) to (1), and the heap each
 * approach used: its peak-ish heapUsed (sampled at its checkpoints — after decoding, after
 * parsing, after every batch — so a transient inside one JSON.parse is not seen) above the heap
 * before it, after a full garbage collection. The module is TypeScript, so it is loaded through
 * Vite's SSR module loader as bench/import.js does (no build step).
 *
 * Usage: node --expose-gc bench/split.js [--parcels 100000 --vertices 18 --repetitions 5
 *          --batch 1000]
 */
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { seededRandom } from './seeded-random.js';

const { values: options } = parseArgs({
  options: {
    parcels: { type: 'string', default: '100000' },
    vertices: { type: 'string', default: '18' },
    repetitions: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20210412' },
    batch: { type: 'string', default: '1000' }
  }
});
const parcelCount = Number(options.parcels);
const verticesPerParcel = Number(options.vertices);
const repetitions = Math.max(1, Number(options.repetitions));
const batchSize = Math.max(1, Number(options.batch));

/** @type {() => void} */
const collectGarbage = /** @type {{ gc?: () => void }} */ (globalThis).gc ?? (() => {});

/** @param {number} x */
const round7 = (x) => Math.round(x * 1e7) / 1e7;

/**
 * The parcels of bench/import.js (same seed, same shape), so both benchmarks measure one file.
 * @returns {string} the GeoJSON text
 */
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

/** The largest heapUsed seen at the checkpoints of one approach. */
class HeapPeak {
  peak = 0;
  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }
}

/** @typedef {typeof import('../src/lib/import/geojson-split')} Splitter */

/**
 * The three approaches; each returns what it produced, so it stays alive until measured.
 * @param {Splitter} splitter
 * @param {Uint8Array} bytes
 */
function approaches({ splitFeatureCollection, parseFeatureBatch }, bytes) {
  const batchDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** @param {import('../src/lib/import/geojson-split').FeatureCollectionLayout} layout */
  const featureCount = (layout) => layout.featureRanges.length / 2;
  return {
    /** @param {HeapPeak} heap */
    wholeParse(heap) {
      const text = new TextDecoder().decode(bytes);
      heap.sample();
      const collection = JSON.parse(text);
      heap.sample(); // the text is still referenced below, so it is counted
      return text.length > 0 ? collection.features : [];
    },
    /** @param {HeapPeak} heap */
    splitOnly(heap) {
      const layout = splitFeatureCollection(bytes);
      heap.sample();
      if (!layout) throw new Error('the benchmark file did not split');
      return layout;
    },
    /** @param {HeapPeak} heap */
    splitAndParseBatches(heap) {
      const layout = splitFeatureCollection(bytes);
      if (!layout) throw new Error('the benchmark file did not split');
      /** @type {unknown[]} */
      const features = [];
      const count = featureCount(layout);
      for (let from = 0; from < count; from += batchSize) {
        const batch = parseFeatureBatch(
          bytes,
          layout,
          from,
          Math.min(count, from + batchSize),
          batchDecoder
        );
        for (const feature of batch) features.push(feature);
        heap.sample();
      }
      return features;
    },
    /**
     * As splitAndParseBatches, but each batch is dropped once read, as a consumer that turns
     * features into something smaller would: the memory batching can save.
     * @param {HeapPeak} heap
     */
    splitAndDropBatches(heap) {
      const layout = splitFeatureCollection(bytes);
      if (!layout) throw new Error('the benchmark file did not split');
      let parsed = 0;
      const count = featureCount(layout);
      for (let from = 0; from < count; from += batchSize) {
        parsed += parseFeatureBatch(
          bytes,
          layout,
          from,
          Math.min(count, from + batchSize),
          batchDecoder
        ).length;
        heap.sample();
      }
      return parsed;
    }
  };
}

/**
 * Wall time of `work` in ms, after a full garbage collection so one run's garbage is not billed
 * to the next.
 * @param {() => unknown} work
 */
function time(work) {
  collectGarbage();
  const started = performance.now();
  work();
  return performance.now() - started;
}

/**
 * Heap above the collected heap before `work`: the peak at its checkpoints, and what is still
 * used once its result alone is kept (after a second collection).
 * @param {(heap: HeapPeak) => unknown} work
 */
function heapOf(work) {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const heap = new HeapPeak();
  const held = [work(heap)]; // referenced again below, so the collection cannot free it
  heap.sample();
  collectGarbage();
  const retained = process.memoryUsage().heapUsed - before;
  held.pop();
  return { peak: heap.peak - before, retained };
}

const server = await createServer({
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
  optimizeDeps: { noDiscovery: true }
});
try {
  const splitter = /** @type {Splitter} */ (
    await server.ssrLoadModule('/src/lib/import/geojson-split.ts')
  );
  const bytes = new TextEncoder().encode(makeParcels());
  const run = approaches(splitter, bytes);
  const mb = (/** @type {number} */ count) => `${(count / 1e6).toFixed(0)} MB`;
  console.log(
    `${parcelCount} parcels × ${verticesPerParcel + 1} vertices, ${(bytes.length / 1e6).toFixed(1)} MB;` +
      ` Node ${process.version}`
  );
  if (!(/** @type {{ gc?: unknown }} */ (globalThis).gc)) {
    console.log('(run with node --expose-gc for garbage collection between runs and heap figures)');
  }

  // Same features both ways, and warm-up of both paths (JIT).
  const expected = run.wholeParse(new HeapPeak());
  const batched = run.splitAndParseBatches(new HeapPeak());
  if (
    batched.length !== parcelCount ||
    JSON.stringify(batched.slice(-3)) !== JSON.stringify(expected.slice(-3))
  ) {
    throw new Error('batch parsing did not give the features of the whole parse');
  }
  run.splitOnly(new HeapPeak());
  run.splitAndDropBatches(new HeapPeak());

  const labels = /** @type {const} */ ({
    wholeParse: 'TextDecoder.decode + JSON.parse (whole)',
    splitOnly: 'splitFeatureCollection alone',
    splitAndParseBatches: `split + parseFeatureBatch × ${batchSize}, kept`,
    splitAndDropBatches: `split + parseFeatureBatch × ${batchSize}, dropped`
  });
  const names = /** @type {Array<keyof typeof labels>} */ (Object.keys(labels));
  /** @type {Record<string, number[]>} */
  const times = {};
  // Alternated, so every approach sees the same machine state.
  for (let r = 0; r < repetitions; r++) {
    for (const name of names) {
      (times[name] ??= []).push(time(() => run[name](new HeapPeak())));
    }
  }
  const whole = median(times.wholeParse);
  console.log(`\nmedian of ${repetitions} runs; heap above the collected heap before each run:`);
  for (const name of names) {
    const ms = median(times[name]);
    const { peak, retained } = heapOf(run[name]);
    console.log(
      `${labels[name].padEnd(46)} ${ms.toFixed(0).padStart(6)} ms` +
        `${name === 'wholeParse' ? '        ' : ` = ${(ms / whole).toFixed(2)}×`}` +
        `  heap peak +${mb(peak)}, result +${mb(retained)}`
    );
  }
  const split = median(times.splitOnly);
  console.log(
    `\nsplit scans ${((bytes.length / 1e6 / split) * 1000).toFixed(0)} MB/s;` +
      ` split + batches (kept) / whole parse = ${(median(times.splitAndParseBatches) / whole).toFixed(2)}×`
  );
} finally {
  await server.close();
}
