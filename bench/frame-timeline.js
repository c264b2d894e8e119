/**
 * The first view frame by frame (issue #17): for the app's pages and the bare MapLibre page,
 * alternating, one line per load with when the WebGL context was made, when the search box had
 * hydrated, when the map was ready, and every WebGL frame drawn before then — when it started,
 * how long its draw calls took on the main thread, how long until the next task could run (the
 * wait for the GPU process included) and how many draw calls it made — and the shader programs
 * linked; and when MapLibre's worker was made, sent the data and asked for the first tiles.
 * Counts and same-run comparisons; `bench:load` is the benchmark of record.
 *
 * Usage: npm run bench:frames [-- --profile phone --runs 3 --app-root build --path / --path '/?layers=']
 *        (`?layers=` is the app with every layer off: what its page costs without what it draws)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from '../scripts/serve.js';
import { launchChromium, MAP_READY_TIMEOUT_MS } from '../tests/browser/harness.js';
import { serveBarePage } from './load-bare.js';
import { MARK_MAP_READY, NOTE_CONTEXT_AND_WORKERS, PROFILES, openPage } from './load-measure.js';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values } = parseArgs({
  options: {
    'app-root': { type: 'string', default: path.join(PROJECT_ROOT, 'build') },
    profile: { type: 'string', default: 'desktop' },
    runs: { type: 'string', default: '3' },
    path: { type: 'string', multiple: true, default: ['/'] }
  }
});
const profile = PROFILES[/** @type {'phone' | 'desktop'} */ (values.profile)];
if (!profile) throw new Error(`--profile: one of ${Object.keys(PROFILES).join(', ')}`);
const appRoot = path.resolve(String(values['app-root']));
if (!existsSync(path.join(appRoot, 'index.html'))) throw new Error(`${appRoot}: build first`);

/**
 * Runs in the page before its scripts, after NOTE_CONTEXT_AND_WORKERS (the context's creation,
 * the workers made): records the search box's hydration, the programs linked and each frame's
 * draw calls until the map is ready, and when the map sent MapLibre's worker the data (its
 * message type `LD`) and asked for the first tiles (`LT`; MapLibre's own message codes,
 * util/actor_messages.ts).
 */
const RECORD_FRAMES = () => {
  const w = /** @type {any} */ (window);
  w.__timeline = { hydratedAt: null, links: 0, frames: [], worker: {} };
  const timeline = w.__timeline;
  const scriptOf = (/** @type {Worker} */ worker) => w.__workerScripts.get(worker) ?? '';
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = /** @type {any} */ (
    function (/** @type {any} */ message, /** @type {any[]} */ ...rest) {
      if (w.__mapReadyAt === undefined && /maplibre-gl-worker/.test(scriptOf(this))) {
        if (message?.type === 'LD') timeline.worker.dataAt ??= performance.now();
        if (message?.type === 'LT') {
          timeline.worker.firstTileAt ??= performance.now();
          timeline.worker.tiles = (timeline.worker.tiles ?? 0) + 1;
        }
      }
      return post.call(this, message, ...rest);
    }
  );
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-search]')) return;
    timeline.hydratedAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true });
  const proto = /** @type {any} */ (WebGL2RenderingContext.prototype);
  const link = proto.linkProgram;
  proto.linkProgram = function (/** @type {unknown[]} */ ...args) {
    timeline.links += 1;
    return link.apply(this, args);
  };
  /** @type {{ at: number, last: number, end?: number, draws: number } | null} */
  let frame = null;
  for (const name of ['drawElements', 'drawArrays']) {
    const draw = proto[name];
    proto[name] = function (/** @type {unknown[]} */ ...args) {
      if (w.__mapReadyAt === undefined) {
        if (!frame) {
          /** @type {{ at: number, last: number, end?: number, draws: number }} */
          const started = { at: performance.now(), last: 0, draws: 0 };
          timeline.frames.push(started);
          frame = started;
          // A frame's draws all happen in one animation-frame callback.
          setTimeout(() => {
            started.end = performance.now();
            frame = null;
          }, 0);
        }
        frame.draws += 1;
        frame.last = performance.now();
      }
      return draw.apply(this, args);
    };
  }
};

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
async function load(browser, url) {
  const { context, page } = await openPage(browser, profile);
  try {
    await context.addInitScript(MARK_MAP_READY);
    await context.addInitScript(NOTE_CONTEXT_AND_WORKERS);
    await context.addInitScript(RECORD_FRAMES);
    await page.goto(url);
    await page.waitForFunction(() => /** @type {any} */ (window).__mapReadyAt !== undefined, null, {
      timeout: MAP_READY_TIMEOUT_MS * 2
    });
    return await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      const mapWorker = w.__workersMade.find((/** @type {{ script: string }} */ made) =>
        /maplibre-gl-worker/.test(made.script)
      );
      return {
        ...w.__timeline,
        contextAt: w.__contextAt ?? null,
        worker: { ...w.__timeline.worker, madeAt: mapWorker?.at },
        readyAt: w.__mapReadyAt
      };
    });
  } finally {
    await context.close();
  }
}

/** @param {number | null} ms */
const at = (ms) => (ms === null ? '—' : ms.toFixed(0));

/**
 * @param {string} label
 * @param {Awaited<ReturnType<typeof load>>} timeline
 */
function report(label, { contextAt, hydratedAt, readyAt, links, frames, worker }) {
  console.log(
    `${label}: context ${at(contextAt)} ms, hydrated ${at(hydratedAt)} ms, ready ${at(readyAt)} ms; ` +
      `${frames.length} frames, ${links} programs linked`
  );
  console.log(
    `    MapLibre's worker made ${at(worker.madeAt ?? null)} ms, data sent ${at(worker.dataAt ?? null)} ms, ` +
      `first of ${worker.tiles ?? 0} tiles asked for ${at(worker.firstTileAt ?? null)} ms`
  );
  const list = frames.map(
    (/** @type {{ at: number, last: number, end?: number, draws: number }} */ f) =>
      `${f.at.toFixed(0)} (${f.draws} draws, ${(f.last - f.at).toFixed(0)}/${((f.end ?? f.last) - f.at).toFixed(0)} ms)`
  );
  console.log(`    frames at: ${list.join(', ')}`);
}

const app = await startServer({ root: appRoot, port: 0 });
const browser = await launchChromium();
/** @type {Awaited<ReturnType<typeof serveBarePage>> | null} */
let bareSite = null;
try {
  bareSite = await serveBarePage((root) => startServer({ root, port: 0 }));
  const bare = bareSite.server;
  console.log(
    `First view frame by frame, ${profile.name} profile, Chromium ${browser.version()} ` +
      `(SwiftShader). Per frame: draw calls, ms of draw calls / ms until the next task.`
  );
  const paths = /** @type {string[]} */ (values.path);
  // Warm-up: shader and JIT caches, as bench/load.js does.
  await load(browser, `${app.url}${paths[0]}`);
  await load(browser, `${bare.url}/`);
  for (let run = 1; run <= Number(values.runs); run++) {
    for (const page of paths)
      report(`run ${run} app ${page}`, await load(browser, `${app.url}${page}`));
    report(`run ${run} bare`, await load(browser, `${bare.url}/`));
  }
} finally {
  await bareSite?.close();
  await browser.close().catch(() => undefined);
  await app.close().catch(() => undefined);
}
