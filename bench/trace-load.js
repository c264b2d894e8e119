/**
 * Where the first view's time goes (issue #17): loads the app's `/` once on the phone profile
 * (bench/load-measure.js: 390×844 at 3×, CPU throttled 4×) with a Chromium trace from navigation
 * until the map is ready, and prints each busy thread's time by kind (script per file, style,
 * layout, paint, garbage collection, waiting for the GPU process; bench/trace-summary.js).
 * One warm-up load first (shader and JIT caches), as bench/load.js does.
 *
 * Usage: npm run bench:trace [-- --app-root build --profile phone --out /tmp/first-view.json]
 *        (--out keeps the trace, to open in Chromium's DevTools Performance panel;
 *        --bare traces the floor, bench/bare/, instead of the app)
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.js';
import { launchChromium, MAP_READY_TIMEOUT_MS } from '../tests/browser/harness.js';
import { chunkLabeller } from './chunk-labels.js';
import { buildBarePage } from './load-bare.js';
import { MARK_MAP_READY, PROFILES, openPage } from './load-measure.js';
import { timeByThread } from './trace-summary.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'gpu',
  'loading'
];

const { values } = parseArgs({
  options: {
    'app-root': { type: 'string', default: path.join(PROJECT_ROOT, 'build') },
    profile: { type: 'string', default: 'phone' },
    out: { type: 'string' },
    bare: { type: 'boolean', default: false }
  }
});
const bareRoot = values.bare ? mkdtempSync(path.join(tmpdir(), 'bench-bare-')) : null;
if (bareRoot) await buildBarePage(bareRoot);
const appRoot = bareRoot ?? path.resolve(String(values['app-root']));
if (!existsSync(path.join(appRoot, 'index.html'))) throw new Error(`${appRoot}: build first`);
const profile = PROFILES[/** @type {'phone' | 'desktop'} */ (values.profile)];
if (!profile) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);

/**
 * One load of `/`, traced when `trace` is set.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {boolean} trace
 */
async function load(browser, origin, trace) {
  const { context, page } = await openPage(browser, profile);
  try {
    await context.addInitScript(MARK_MAP_READY);
    if (trace) await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const readyMs = await page
      .waitForFunction(() => /** @type {any} */ (window).__mapReadyAt, null, {
        timeout: MAP_READY_TIMEOUT_MS * 2
      })
      .then((handle) => /** @type {Promise<number>} */ (handle.jsonValue()));
    if (!trace) return { readyMs, events: [] };
    const buffer = await browser.stopTracing();
    if (values.out) writeFileSync(values.out, buffer);
    return { readyMs, events: JSON.parse(String(buffer)).traceEvents };
  } finally {
    await context.close();
  }
}

const server = await startServer({ root: appRoot, port: 0 });
const browser = await launchChromium();
try {
  await load(browser, server.url, false);
  const { readyMs, events } = await load(browser, server.url, true);
  const label = chunkLabeller(appRoot);
  console.log(
    `First view of ${bareRoot ? 'the bare page' : '/'} on the ${profile.name} profile, traced: map ready at ${readyMs.toFixed(0)} ms ` +
      `after navigation (Chromium ${browser.version()}, SwiftShader; CPU throttling slows the ` +
      `page's main thread, not its workers or the GPU process)`
  );
  const threads = [...timeByThread(events).values()]
    .filter((t) => t.busyMs >= 20)
    .sort((a, b) => b.busyMs - a.busyMs)
    .slice(0, 8);
  for (const { thread, busyMs, buckets, scripts, others } of threads) {
    const kinds = [...buckets]
      .filter(([, time]) => time >= 5)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, time]) => `${kind} ${time.toFixed(0)}`)
      .join(', ');
    console.log(`\n${thread}: busy ${busyMs.toFixed(0)} ms — ${kinds}`);
    const files = [...scripts].filter(([, time]) => time >= 5).sort((a, b) => b[1] - a[1]);
    for (const [url, time] of files.slice(0, 8)) {
      const served = url.startsWith('http') ? new URL(url).pathname : url;
      console.log(`  script ${time.toFixed(0).padStart(6)} ms  ${served}  ${label(served)}`);
    }
    const unsorted = [...others].filter(([, time]) => time >= 20).sort((a, b) => b[1] - a[1]);
    if (unsorted.length) {
      const list = unsorted.slice(0, 5).map(([name, time]) => `${name} ${time.toFixed(0)}`);
      console.log(`  other: ${list.join(', ')}`);
    }
  }
} finally {
  await browser.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  if (bareRoot) rmSync(bareRoot, { recursive: true, force: true });
}
