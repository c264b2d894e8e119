/**
 * Measuring one page load for the load benchmark (bench/load.js): the device profiles, a
 * server that counts the bytes it sends, and the loads themselves — the map's first view, the
 * search box's first answer, and a text page's largest contentful paint and total blocking time.
 */
import { startServer } from '../scripts/serve.js';
import { MAP_READY_TIMEOUT_MS } from '../tests/browser/harness.js';

/**
 * @typedef {{ name: string, viewport: { width: number, height: number },
 *   deviceScaleFactor: number, isMobile: boolean, hasTouch: boolean, cpuThrottling: number }}
 *   Profile
 */

/** @type {Record<'desktop' | 'phone', Profile>} */
export const PROFILES = {
  desktop: {
    name: 'desktop',
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
    cpuThrottling: 1
  },
  // A mid-range phone: a 390×844 screen at 3 device pixels per CSS pixel, and a CPU a quarter as
  // fast (CDP Emulation.setCPUThrottlingRate 4, which slows the page's main thread).
  phone: {
    name: 'phone',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    cpuThrottling: 4
  }
};

/** The query typed for "search usable": a place that the index must list. */
export const SEARCH_QUERY = '紫荆';

/**
 * A fresh context (empty cache) and page in a profile, CPU throttled before anything loads.
 * @param {import('playwright-core').Browser} browser
 * @param {Profile} profile
 */
export async function openPage(browser, profile) {
  const { viewport, deviceScaleFactor, isMobile, hasTouch } = profile;
  const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile, hasTouch });
  const page = await context.newPage();
  if (profile.cpuThrottling !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuThrottling });
  }
  return { context, page };
}

/**
 * A static server that tallies what it sends, so bytes are counted exactly as served (gzip'd
 * where the browser accepts it) — including worker scripts, which the browser's network events
 * report without a body size.
 * @param {string} root
 */
export async function startCountingServer(root) {
  const tally = { bytes: 0, requests: 0 };
  /** @type {Map<string, number>} bytes served per path (without query) in this load */
  let byPath = new Map();
  const server = await startServer({
    root,
    port: 0,
    onResponse: ({ url, bytes }) => {
      tally.bytes += bytes;
      tally.requests += 1;
      const pathname = url.split('?')[0];
      byPath.set(pathname, (byPath.get(pathname) ?? 0) + bytes);
    }
  });
  return {
    ...server,
    /** Returns what was served since the last call and starts a new count. */
    takeTally() {
      const taken = { ...tally, byPath };
      tally.bytes = 0;
      tally.requests = 0;
      byPath = new Map();
      return taken;
    }
  };
}

/** @typedef {Awaited<ReturnType<typeof startCountingServer>>} CountingServer */

/**
 * readyMs: navigation start until body data-map-ready="true" (map loaded and idle);
 * searchMs: until the search box lists an answer, typed into as soon as it is hydrated (only
 * with `search`); bytes/requests: everything served until no new resource for 1.5 s;
 * firstView: the files asked for before the map was ready, with the bytes served for each;
 * frames: the WebGL frames drawn before it was ready (COUNT_FRAMES).
 * @typedef {{ readyMs: number, searchMs: number | null, bytes: number, requests: number,
 *   bytesToReady: number, firstView: Array<[string, number]>, frames: number }} LoadResult
 */

/** Timestamps the readiness flag the moment it is set, rather than when a poll notices it. */
export const MARK_MAP_READY = () => {
  const observer = new MutationObserver(() => {
    if (document.body?.dataset.mapReady === 'true') {
      /** @type {any} */ (window).__mapReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-map-ready']
  });
};

/**
 * Runs in the page before its scripts: notes when the first WebGL context is made
 * (`__contextAt`) and each worker the page makes (`__workersMade`: script and when; and
 * `__workerScripts`, each Worker's script, for hooks that need to tell MapLibre's apart).
 */
export const NOTE_CONTEXT_AND_WORKERS = () => {
  const seen = /** @type {any} */ (window);
  seen.__workersMade = [];
  seen.__workerScripts = new WeakMap();
  const PageWorker = window.Worker;
  window.Worker = /** @type {any} */ (
    function (/** @type {string | URL} */ url, /** @type {WorkerOptions} */ options) {
      const made = new PageWorker(url, options);
      seen.__workersMade.push({ script: String(url), at: performance.now() });
      seen.__workerScripts.set(made, String(url));
      return made;
    }
  );
  window.Worker.prototype = PageWorker.prototype;
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = /** @type {any} */ (
    function (/** @type {string} */ kind, /** @type {unknown[]} */ ...rest) {
      if (kind.startsWith('webgl')) seen.__contextAt ??= performance.now();
      return getContext.call(this, /** @type {any} */ (kind), ...rest);
    }
  );
};

/**
 * Counts the WebGL frames drawn until the map is ready: the turns of the event loop in which
 * draw calls were made (a frame's draws all happen in one animation-frame callback). Under
 * software GL each frame is paid for on the GPU process, so this is the count to keep low.
 */
export const COUNT_FRAMES = () => {
  const w = /** @type {any} */ (window);
  w.__framesBeforeReady = 0;
  let inFrame = false;
  for (const name of /** @type {const} */ (['drawElements', 'drawArrays'])) {
    const proto = /** @type {any} */ (WebGL2RenderingContext.prototype);
    const draw = proto[name];
    proto[name] = function (/** @type {unknown[]} */ ...args) {
      if (!inFrame && w.__mapReadyAt === undefined) {
        inFrame = true;
        w.__framesBeforeReady += 1;
        setTimeout(() => (inFrame = false), 0);
      }
      return draw.apply(this, args);
    };
  }
};

/**
 * As a user who starts typing the moment the search box works: once it is hydrated
 * (`data-search` set), focus it and type the query; timestamp the first option listed.
 * @param {string} query
 */
const TYPE_WHEN_HYDRATED = (query) => {
  let typed = false;
  const observer = new MutationObserver(() => {
    const input = /** @type {HTMLInputElement | null} */ (
      document.querySelector('[data-search] input[role="combobox"]')
    );
    if (!typed && input) {
      typed = true;
      input.focus();
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    if (typed && document.querySelector('[data-search] [role="option"]')) {
      /** @type {any} */ (window).__searchUsableAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
};

/**
 * Waits for what the page loads after its first view: until no new resource for 1.5 s.
 * (waitForLoadState('networkidle') returns at once, that state having been reached earlier.)
 * @param {import('playwright-core').Page} page
 */
async function waitForQuiet(page) {
  await page
    .waitForFunction(
      () => {
        const seen = /** @type {any} */ (window);
        const count = performance.getEntriesByType('resource').length;
        if (seen.__resourceCount !== count) {
          seen.__resourceCount = count;
          seen.__resourceCountAt = performance.now();
          return false;
        }
        return performance.now() - seen.__resourceCountAt > 1500;
      },
      null,
      { polling: 250, timeout: 30_000 }
    )
    .catch(() => undefined);
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name of a window property holding a performance.now() time
 * @param {string} what for the error
 * @returns {Promise<number>}
 */
async function waitForMark(page, name, what) {
  return page
    .waitForFunction((key) => /** @type {any} */ (window)[key], name, {
      timeout: MAP_READY_TIMEOUT_MS * 2
    })
    .then((handle) => /** @type {Promise<number>} */ (handle.jsonValue()))
    .catch(() => {
      throw new Error(`${page.url()}: ${what} not within ${(MAP_READY_TIMEOUT_MS * 2) / 1000} s`);
    });
}

/**
 * Loads the map page (`/` of the server) once in a fresh context and measures it.
 * @param {import('playwright-core').Browser} browser
 * @param {CountingServer} server
 * @param {Profile} profile
 * @param {{ search?: boolean }} [options] also time the search box's first answer
 * @returns {Promise<LoadResult>}
 */
export async function measureLoad(browser, server, profile, { search = false } = {}) {
  const { context, page } = await openPage(browser, profile);
  try {
    server.takeTally();
    await context.addInitScript(MARK_MAP_READY);
    await context.addInitScript(COUNT_FRAMES);
    if (search) await context.addInitScript(TYPE_WHEN_HYDRATED, SEARCH_QUERY);
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    const readyMs = await waitForMark(page, '__mapReadyAt', 'map ready').catch((error) => {
      throw new Error(`${error.message}${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`);
    });
    const searchMs = search
      ? await waitForMark(page, '__searchUsableAt', `the search box's answer to ${SEARCH_QUERY}`)
      : null;
    await waitForQuiet(page);
    // Which resources the page asked for before the map had drawn (navigation-relative times).
    const startedBeforeReady = await page.evaluate((readyAt) => {
      const entries = performance.getEntriesByType('resource');
      return [
        new URL(location.href).pathname,
        ...entries
          .filter((entry) => entry.startTime < readyAt)
          .map((entry) => new URL(entry.name).pathname)
      ];
    }, readyMs);
    const frames = await page.evaluate(() => /** @type {any} */ (window).__framesBeforeReady);
    const { bytes, requests, byPath } = server.takeTally();
    /** @type {Array<[string, number]>} */
    const firstView = [...new Set(startedBeforeReady)].map((p) => [p, byPath.get(p) ?? 0]);
    const bytesToReady = firstView.reduce((sum, [, served]) => sum + served, 0);
    return { readyMs, searchMs, bytes, requests, bytesToReady, firstView, frames };
  } finally {
    await context.close();
  }
}

/**
 * Largest contentful paint and total blocking time (the long tasks' time over 50 ms, counted
 * from the first contentful paint until the page is quiet) of one page, in ms; longestTaskMs
 * likewise from the first contentful paint.
 * @typedef {{ fcpMs: number, lcpMs: number, tbtMs: number, longestTaskMs: number }} PaintResult
 */

/** Records paints and long tasks from the first script on. */
const RECORD_PAINTS = () => {
  const w = /** @type {any} */ (window);
  w.__paints = { fcp: 0, lcp: 0, tasks: /** @type {number[][]} */ ([]) };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__paints.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'first-contentful-paint') w.__paints.fcp = entry.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__paints.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

/**
 * @param {import('playwright-core').Browser} browser
 * @param {CountingServer} server
 * @param {string} route e.g. '/plan'
 * @param {Profile} profile
 * @returns {Promise<PaintResult>}
 */
export async function measurePaints(browser, server, route, profile) {
  const { context, page } = await openPage(browser, profile);
  try {
    await context.addInitScript(RECORD_PAINTS);
    await page.goto(`${server.url}${route}`, { waitUntil: 'load' });
    await waitForQuiet(page);
    const { fcp, lcp, tasks } = await page.evaluate(() => /** @type {any} */ (window).__paints);
    server.takeTally();
    // As Lighthouse counts it: a task under way at the first contentful paint counts from then.
    const afterFcp = /** @type {number[][]} */ (tasks)
      .map(([start, duration]) => start + duration - Math.max(start, fcp))
      .filter((duration) => duration > 0);
    return {
      fcpMs: fcp,
      lcpMs: lcp,
      tbtMs: afterFcp.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
      longestTaskMs: Math.max(0, ...afterFcp)
    };
  } finally {
    await context.close();
  }
}

/**
 * @param {number[]} values
 * @returns {number}
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
