/**
 * The first view's CPU time by process and thread (issue #17): loads the app's `/` and the bare
 * MapLibre page alternately, each traced from navigation until the map is ready, and prints the
 * medians of each thread's CPU time (its trace events' thread durations, outermost only), the app
 * against the bare page. On a 2-core machine the first view is CPU-bound, so this says what the
 * app spends that the floor does not, wherever it runs (bench/FINDINGS.md, ninth round); a
 * process of Chromium's own (a WebUI page) in the list is a page competing with the one measured.
 *
 * Usage: npm run bench:cpu [-- --profile phone --runs 3 --app-root build]
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.js';
import { launchChromium, MAP_READY_TIMEOUT_MS } from '../tests/browser/harness.js';
import { serveBarePage } from './load-bare.js';
import { cpuByThread } from './cpu-summary.js';
import { MARK_MAP_READY, PROFILES, openPage } from './load-measure.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', 'v8', 'gpu'];

const { values } = parseArgs({
  options: {
    'app-root': { type: 'string', default: path.join(PROJECT_ROOT, 'build') },
    profile: { type: 'string', default: 'desktop' },
    runs: { type: 'string', default: '3' }
  }
});
const profile = PROFILES[/** @type {'phone' | 'desktop'} */ (values.profile)];
if (!profile) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
const appRoot = path.resolve(String(values['app-root']));
if (!existsSync(path.join(appRoot, 'index.html'))) throw new Error(`${appRoot}: build first`);

/**
 * One traced load (or an untraced warm-up) of `url`: its CPU by thread.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {boolean} trace
 */
async function load(browser, url, trace) {
  const { context, page } = await openPage(browser, profile);
  try {
    await context.addInitScript(MARK_MAP_READY);
    if (trace) await browser.startTracing(undefined, { categories: CATEGORIES });
    await page.goto(url);
    await page.waitForFunction(() => /** @type {any} */ (window).__mapReadyAt !== undefined, null, {
      timeout: MAP_READY_TIMEOUT_MS * 2
    });
    if (!trace) return new Map();
    return cpuByThread(JSON.parse(String(await browser.stopTracing())).traceEvents);
  } finally {
    await context.close();
  }
}

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** @param {Map<string, number>[]} loads @returns {Map<string, number>} */
function medians(loads) {
  const labels = new Set(loads.flatMap((cpu) => [...cpu.keys()]));
  return new Map(
    [...labels].map((label) => [label, median(loads.map((cpu) => cpu.get(label) ?? 0))])
  );
}

const browser = await launchChromium();
const app = await startServer({ root: appRoot, port: 0 });
/** @type {Awaited<ReturnType<typeof serveBarePage>> | null} */
let bareSite = null;
try {
  bareSite = await serveBarePage((root) => startServer({ root, port: 0 }));
  const bare = bareSite.server;
  await load(browser, `${app.url}/`, false); // warm-up, as bench/load.js does
  await load(browser, `${bare.url}/`, false);
  /** @type {{ app: Map<string, number>[], bare: Map<string, number>[] }} */
  const loads = { app: [], bare: [] };
  for (let run = 0; run < Number(values.runs); run++) {
    loads.app.push(await load(browser, `${app.url}/`, true));
    loads.bare.push(await load(browser, `${bare.url}/`, true));
  }
  const [ofApp, ofBare] = [medians(loads.app), medians(loads.bare)];
  const total = (/** @type {Map<string, number>} */ cpu) =>
    [...cpu.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(
    `CPU until the map is ready by process / thread, ${profile.name} profile, medians of ` +
      `${values.runs} traced loads (Chromium ${browser.version()}): app / bare page, ms`
  );
  const rows = [...new Set([...ofApp.keys(), ...ofBare.keys()])]
    .map((label) => ({ label, app: ofApp.get(label) ?? 0, bare: ofBare.get(label) ?? 0 }))
    .filter((row) => row.app >= 5 || row.bare >= 5)
    .sort((a, b) => b.app - a.app);
  for (const row of rows) {
    const own = /WebUI/.test(row.label) ? "   ← Chromium's own page" : '';
    console.log(
      `  ${row.app.toFixed(0).padStart(5)} / ${row.bare.toFixed(0).padStart(5)}  ${row.label}${own}`
    );
  }
  console.log(
    `  ${total(ofApp).toFixed(0).padStart(5)} / ${total(ofBare).toFixed(0).padStart(5)}  all ` +
      `(ratio ${(total(ofApp) / total(ofBare)).toFixed(2)})`
  );
} finally {
  await bareSite?.close();
  await browser.close().catch(() => undefined);
  await app.close().catch(() => undefined);
}
