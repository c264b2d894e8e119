/**
 * Import pipeline benchmark (issue #5), on a ~60 MB GeoJSON of 100 000 seeded random parcels
 * near Jinzhou. Two parts, each printing ratios measured in the same run:
 *
 * 1. Node: `importFile` (split + decode + parse in batches + validate + self-intersection check
 *    + measure + pack) against plain decode + `JSON.parse` of the same bytes. Median of a few
 *    repetitions; goal ≤ 1.3×. The importer is TypeScript, so it is loaded through Vite's SSR
 *    module loader (no build step).
 * 2. Chromium: the file imported through the Web Worker (src/lib/import/client.ts) while the
 *    main thread is watched — its longest task (Long Tasks API) and longest gap between animation
 *    frames, against decoding and parsing the same file on the main thread — and the renderer
 *    process's peak memory above the idle page (goal ≤ 3× the file size). Measured on a small
 *    page bundled from bench/import-page/ with Vite into a temporary folder, and, when build/
 *    exists, on the app itself (its file input; it also saves the layer and draws it).
 *    Peak memory is the renderer's peak resident set (Linux /proc VmHWM, reset before each import);
 *    the browser process's is printed beside it, as Chromium keeps Blob bytes there.
 *
 * Usage: npm run bench:import [-- --parcels 100000 --vertices 18 --repetitions 5
 *          --browser-runs 3 --app-root build --no-browser --no-app --no-page]
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, createServer } from 'vite';
import { startServer } from '../scripts/serve.js';
import { launchChromium, MAP_READY_TIMEOUT_MS } from '../tests/browser/harness.js';
import { seededRandom } from './seeded-random.js';
import { watchMainThread } from './main-thread-watch.js';
import { longTasksFromTrace } from './trace-tasks.js';
import { watchPeakMemory } from './process-memory.js';

/** @typedef {import('./process-memory.js').PeakRise} PeakRise */

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: options } = parseArgs({
  options: {
    parcels: { type: 'string', default: '100000' },
    vertices: { type: 'string', default: '18' },
    repetitions: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20210412' },
    'browser-runs': { type: 'string', default: '3' },
    'app-root': { type: 'string', default: path.join(PROJECT_ROOT, 'build') },
    'no-browser': { type: 'boolean', default: false },
    'no-app': { type: 'boolean', default: false },
    'no-page': { type: 'boolean', default: false }
  }
});
const parcelCount = Number(options.parcels);
const verticesPerParcel = Number(options.vertices);
const repetitions = Math.max(1, Number(options.repetitions));

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

/**
 * Part 1: importFile against JSON.parse in Node.
 * @param {string} text the GeoJSON
 */
async function benchmarkNode(text) {
  const server = await createServer({
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true }
  });
  try {
    const { importFile } = await server.ssrLoadModule('/src/lib/import/import-file.ts');
    const bytes = new TextEncoder().encode(text);
    console.log(
      `${parcelCount} parcels × ${verticesPerParcel + 1} vertices, ${(bytes.length / 1e6).toFixed(1)} MB`
    );
    console.log('\nNode ' + process.version);

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
}

/**
 * @typedef {{ elapsedMs: number, longestTaskMs: number, longTasks: number, blockedMs: number,
 *   longestFrameGapMs: number, peak: PeakRise, listedMs?: number,
 *   longestTaskUntilFedMs?: number, peakWhenListed?: PeakRise,
 *   longestOwnWorkMs?: number, longestGpuWaitMs?: number }} BrowserRun
 */

/**
 * One measurement on the bench page in a fresh context: `method` is one of its benchImport
 * functions — the import through the worker, or the main-thread parse.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {'importThroughWorker' | 'parseOnMainThread'} method
 * @returns {Promise<BrowserRun>}
 */
async function runBenchPage(browser, origin, method) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const peak = await watchPeakMemory(browser);
    await page.evaluate(() => /** @type {any} */ (window).benchImport.load('/parcels.geojson'));
    const run = await page.evaluate(
      (name) => /** @type {any} */ (window).benchImport[name](),
      method
    );
    if (run.features !== parcelCount || (run.status !== undefined && run.status !== 'ok')) {
      throw new Error(`${method} on the bench page failed: ${JSON.stringify(run)}`);
    }
    return { ...run, peak: await peak() };
  } finally {
    await context.close();
  }
}

/**
 * One import through the app's file input in a fresh context: from choosing the file until the
 * layer is listed and drawn (imported in the worker, saved in IndexedDB, every feature in
 * MapLibre and the map idle; the app marks that with data-user-layers-drawn).
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {string} file path of the GeoJSON (Playwright takes files over 50 MB only by path)
 * @returns {Promise<BrowserRun>}
 */
async function runApp(browser, origin, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.mapReady === 'true', null, {
      timeout: MAP_READY_TIMEOUT_MS
    });
    const peak = await watchPeakMemory(browser);
    // The app does not bundle the watcher, so its source is handed over; the mark is the app's
    // data-user-layers-drawn="fed": every feature is in MapLibre, before the frames that draw them.
    await page.evaluate((source) => {
      const watch = new Function(`return (${source})`)();
      /** @type {any} */ (window).__mainThreadWatch = watch({
        attribute: 'data-user-layers-drawn',
        value: 'fed',
        // The map with no user layers is 'fed' too, as soon as the saved (none) are loaded.
        requires: '[data-user-layer]'
      });
    }, watchMainThread.toString());
    // Cleared so the wait below sees this import's drawing, not the empty map's.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('[data-user-layers-drawn]')) {
        /** @type {HTMLElement} */ (element).dataset.userLayersDrawn = 'false';
      }
    });
    // Traced as well, to tell the page's own work from waiting for the GPU process to draw
    // (trace-tasks.js).
    await browser.startTracing(page, { categories: ['toplevel', 'gpu'] });
    const started = Date.now();
    await page.setInputFiles('[data-import-input]', file);
    await page
      .waitForSelector('[data-user-layer], [data-import-message]', { timeout: 300_000 })
      .catch(() => undefined);
    const layers = await page.locator('[data-user-layer]').count();
    if (layers !== 1) {
      const message = await page
        .locator('[data-import-message]')
        .first()
        .innerText()
        .catch(() => '(no message)');
      throw new Error(`the app did not list the imported layer: ${message}`);
    }
    const listedMs = Date.now() - started;
    const peakWhenListed = await peak();
    // Drawn: the app marks the map's container once MapLibre has every feature and went idle.
    await page.waitForSelector('[data-user-layers-drawn="true"]', { timeout: 300_000 });
    const elapsedMs = Date.now() - started;
    const { longestTaskUntilMarkMs, ...watch } = await page.evaluate(() =>
      /** @type {any} */ (window).__mainThreadWatch.stop()
    );
    const traced = longTasksFromTrace(JSON.parse(String(await browser.stopTracing())).traceEvents);
    return {
      longestOwnWorkMs: Math.max(0, ...traced.map((task) => task.ownMs)),
      longestGpuWaitMs: Math.max(0, ...traced.map((task) => task.gpuWaitMs)),
      elapsedMs,
      listedMs,
      peakWhenListed,
      ...watch,
      longestTaskUntilFedMs: longestTaskUntilMarkMs,
      peak: await peak()
    };
  } finally {
    await context.close();
  }
}

/**
 * The worst of several runs' peaks, each process's on its own; null if any run has none.
 * @param {PeakRise[]} peaks
 * @returns {PeakRise}
 */
function worstPeak(peaks) {
  if (peaks.length === 0 || peaks.includes(null)) return null;
  const measured = /** @type {NonNullable<PeakRise>[]} */ (peaks);
  const browserPeaks = measured.map((p) => p.browserProcess);
  return {
    renderer: Math.max(...measured.map((p) => p.renderer)),
    browserProcess: browserPeaks.includes(null)
      ? null
      : Math.max(.../** @type {number[]} */ (browserPeaks))
  };
}

/** @param {BrowserRun[]} runs */
function summarise(runs) {
  const pick = (/** @type {keyof BrowserRun} */ key) =>
    median(runs.map((run) => /** @type {number} */ (run[key])));
  const peaks = runs.map((run) => run.peak);
  return {
    elapsedMs: pick('elapsedMs'),
    longestTaskMs: pick('longestTaskMs'),
    longestFrameGapMs: pick('longestFrameGapMs'),
    blockedMs: pick('blockedMs'),
    longTasks: pick('longTasks'),
    peak: worstPeak(peaks)
  };
}

/**
 * Part 2: the import in Chromium, through the worker.
 * @param {string} text the GeoJSON
 */
async function benchmarkBrowser(text) {
  const runs = Math.max(1, Number(options['browser-runs']));
  const fileBytes = Buffer.byteLength(text);
  const pageRoot = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  /** @type {Array<{ close: () => Promise<void> }>} */
  const toClose = [];
  try {
    await build({
      configFile: false,
      root: path.join(PROJECT_ROOT, 'bench/import-page'),
      base: './',
      logLevel: 'warn',
      build: { outDir: pageRoot, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
      worker: { format: 'es' }
    });
    writeFileSync(path.join(pageRoot, 'parcels.geojson'), text);
    const pageServer = await startServer({ root: pageRoot, port: 0 });
    toClose.push(pageServer);
    const browser = await launchChromium();
    toClose.push(browser);
    console.log(`\nChromium ${browser.version()}, ${runs} runs each in a fresh context (medians)`);

    const methods = /** @type {const} */ ([
      ['importThroughWorker', 'import through the worker (client.ts)'],
      ['parseOnMainThread', 'decode + JSON.parse on the main thread']
    ]);
    /** @type {Record<string, BrowserRun[]>} */
    const pageRuns = {};
    for (let run = 0; run < (options['no-page'] ? 0 : runs); run++) {
      for (const [method] of methods) {
        (pageRuns[method] ??= []).push(await runBenchPage(browser, pageServer.url, method));
      }
    }
    const mb = (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
    const memory = (/** @type {PeakRise} */ peak) =>
      peak === null
        ? 'peak memory not measured (needs Linux /proc)'
        : `peak memory +${mb(peak.renderer)} = ${(peak.renderer / fileBytes).toFixed(2)}× the file` +
          ' (goal ≤ 3×)' +
          (peak.browserProcess === null
            ? ''
            : `; the browser process +${mb(peak.browserProcess)} (Blob bytes, IndexedDB)`);
    const parse = options['no-page'] ? null : summarise(pageRuns.parseOnMainThread);
    /** @param {string} label @param {ReturnType<typeof summarise>} m */
    const report = (label, m) => {
      console.log(`  ${label}:`);
      console.log(
        `    ${m.elapsedMs.toFixed(0)} ms; longest main-thread task ${m.longestTaskMs.toFixed(0)} ms` +
          (parse
            ? ` = ${(m.longestTaskMs / parse.longestTaskMs).toFixed(2)}× the main-thread parse's`
            : '') +
          ` (${m.longTasks} long tasks, ${m.blockedMs.toFixed(0)} ms blocking), longest frame` +
          ` gap ${m.longestFrameGapMs.toFixed(0)} ms`
      );
      console.log(`    ${memory(m.peak)}`);
    };
    if (!options['no-page']) {
      console.log('bench page (bench/import-page: the import core alone):');
      for (const [method, label] of methods) report(label, summarise(pageRuns[method]));
    }

    const appRoot = path.resolve(String(options['app-root']));
    if (options['no-app']) return;
    if (!existsSync(path.join(appRoot, 'index.html'))) {
      console.log(`app: skipped (${appRoot}/index.html not found; run npm run build first)`);
      return;
    }
    const appServer = await startServer({ root: appRoot, port: 0 });
    toClose.push(appServer);
    const file = path.join(pageRoot, 'parcels.geojson');
    const appRuns = [];
    for (let run = 0; run < runs; run++) appRuns.push(await runApp(browser, appServer.url, file));
    report(
      `app (${path.relative(PROJECT_ROOT, appRoot) || '.'}/: file input → layer saved, listed and drawn)`,
      summarise(appRuns)
    );
    // Drawing 100 000 parcels with software GL (SwiftShader, as the harness runs Chromium) takes
    // seconds-long frames on the main thread that a GPU does not; so the import itself — until
    // every feature is in MapLibre, before the frames that draw them — is reported on its own.
    const listed = median(appRuns.map((run) => run.listedMs ?? 0));
    const untilFed = median(appRuns.map((run) => run.longestTaskUntilFedMs ?? 0));
    const peakWhenListed = worstPeak(appRuns.map((run) => run.peakWhenListed ?? null));
    console.log(
      `    listed after ${listed.toFixed(0)} ms (${memory(peakWhenListed)} by then); longest` +
        ` main-thread task until every feature is in MapLibre (before` +
        ` drawing): ${untilFed.toFixed(0)} ms`
    );
    const ownWork = median(appRuns.map((run) => run.longestOwnWorkMs ?? 0));
    const gpuWait = median(appRuns.map((run) => run.longestGpuWaitMs ?? 0));
    console.log(
      `    from the trace: the longest main-thread task's own work (script, style, layout,` +
        ` messages) ${ownWork.toFixed(0)} ms (goal ≤ 50 ms); the longest wait for the GPU` +
        ` process to draw a frame (software compositing reads the WebGL canvas back) ${gpuWait.toFixed(0)} ms`
    );
  } finally {
    for (const item of toClose.reverse()) await item.close().catch(() => undefined);
    rmSync(pageRoot, { recursive: true, force: true });
  }
}

const text = makeParcels();
await benchmarkNode(text);
if (!options['no-browser']) await benchmarkBrowser(text);
