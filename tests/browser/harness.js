// Real-browser test harness: serves build/ with scripts/serve.js on a free port, drives the Debian
// Chromium through playwright-core, and records everything a page must never do — reach another
// origin, log a console error, throw an uncaught error — so each test can fail listing them.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_NOT_FOUND = 'Chromium not found: apt-get install chromium';

/**
 * The features Playwright 1.64 disables (its own `--disable-features`). Chromium keeps only the
 * last `--disable-features` it is given, so CHROMIUM_ARGS repeats these with ours rather than
 * replacing them; tests/browser/harness.test.js checks Playwright's list is still inside.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'DialMediaRouteProvider',
  'GlobalMediaControls',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'BlockOriginHeaderModificationOnRedirect',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'Translate',
  'AutoDeElevate',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion'
];

/**
 * Chromium's own pages that headless Chromium (156) starts for every new window: the address
 * bar's suggestion popups, two WebUI pages in a renderer of their own. On a 2-core machine their
 * ~0.4 s of CPU per window competed with every page a test or benchmark opened (bench/FINDINGS.md,
 * ninth round); no user's browser starts them again for each page it loads.
 */
const NO_BROWSER_UI_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup'
];

// Headless software-GL Chromium that makes no background calls home, so every request we
// observe comes from the page itself, and that runs no pages of its own beside it.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...NO_BROWSER_UI_FEATURES].join(',')}`
];

/** How long the app may take to load and draw the map (ms). */
export const MAP_READY_TIMEOUT_MS = 30_000;

/**
 * Launches the system Chromium; fails with one actionable line when it is not installed.
 * @param {{ executablePath?: string }} [options] executablePath exists for the harness's own tests
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ executablePath = CHROMIUM_PATH } = {}) {
  if (!existsSync(executablePath)) {
    const error = new Error(CHROMIUM_NOT_FOUND);
    error.stack = CHROMIUM_NOT_FOUND; // one line, no stack: the fix is all the reader needs
    throw error;
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/**
 * @typedef {object} Visit
 * @property {import('playwright-core').Page} page
 * @property {import('playwright-core').BrowserContext} context
 * @property {string[]} foreignRequests URLs of requests to any origin but the test server's
 * @property {string[]} consoleErrors console.error messages (with their source location)
 * @property {string[]} pageErrors uncaught exceptions and unhandled rejections
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} VisitOptions
 * @property {{ width: number, height: number }} [viewport] CSS px; default 1280 × 800
 * @property {boolean} [phone] a touch screen that reports itself as mobile (with the viewport)
 */

/** A phone as most residents hold it: 390 × 844 CSS px, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, phone: true };

/**
 * @typedef {object} Site
 * @property {string} url origin of the local server, e.g. http://127.0.0.1:41234
 * @property {import('playwright-core').Browser} browser
 * @property {(urlPath: string, options?: VisitOptions) => Promise<Visit>} visit
 * @property {() => Promise<void>} close
 */

/**
 * Serves a folder (default build/) and launches Chromium.
 * @param {{ root?: string }} [options]
 * @returns {Promise<Site>}
 * @example const site = await startSite(); const { page } = await site.visit('/plan');
 */
export async function startSite({ root = path.join(PROJECT_ROOT, 'build') } = {}) {
  const browser = await launchChromium();
  let server;
  try {
    server = await startServer({ root, port: 0 });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const { url: origin, close: closeServer } = server;

  /** @type {Site['visit']} */
  async function visit(urlPath, { viewport = { width: 1280, height: 800 }, phone = false } = {}) {
    // A fresh context per visit: no cache, cookies or storage carried between tests.
    const context = await browser.newContext({
      viewport,
      locale: 'zh-CN',
      hasTouch: phone,
      isMobile: phone
    });
    /** @type {Visit} */
    const record = {
      page: /** @type {any} */ (null),
      context,
      foreignRequests: [],
      consoleErrors: [],
      pageErrors: [],
      close: () => context.close()
    };
    /** @param {string} requestUrl */
    const isForeign = (requestUrl) => {
      if (requestUrl.startsWith('data:')) return false; // inline, never leaves the page
      try {
        return new URL(requestUrl).origin !== origin;
      } catch {
        return true;
      }
    };
    context.on('request', (request) => {
      if (isForeign(request.url())) record.foreignRequests.push(request.url());
    });
    // Foreign requests are also stopped, so a test never depends on (or leaks to) the network.
    await context.route(
      (requestUrl) => isForeign(requestUrl.href),
      (route) => route.abort('blockedbyclient')
    );
    const page = await context.newPage();
    page.on('websocket', (socket) => {
      if (isForeign(socket.url())) record.foreignRequests.push(socket.url());
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      record.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    page.on('pageerror', (error) => record.pageErrors.push(error.stack || String(error)));
    record.page = page;
    await page.goto(origin + urlPath, { waitUntil: 'load' });
    return record;
  }

  return {
    url: origin,
    browser,
    visit,
    close: async () => {
      await Promise.allSettled([browser.close(), closeServer()]);
    }
  };
}

/**
 * Waits until the app reports `document.body.dataset.mapReady === 'true'` (map loaded and idle).
 * @param {import('playwright-core').Page} page
 * @param {number} [timeoutMs]
 * @returns {Promise<{ ready: boolean, waitedMs: number }>} ready false after the timeout
 */
export async function waitForMapReady(page, timeoutMs = MAP_READY_TIMEOUT_MS) {
  const started = Date.now();
  try {
    await page.waitForFunction(() => document.body?.dataset.mapReady === 'true', null, {
      timeout: timeoutMs
    });
    return { ready: true, waitedMs: Date.now() - started };
  } catch {
    return { ready: false, waitedMs: Date.now() - started };
  }
}

/**
 * A message listing what a visit did wrong, or '' when it was clean — for assert messages.
 * @param {string} label
 * @param {string[]} items
 * @returns {string}
 */
export function listProblems(label, items) {
  if (items.length === 0) return '';
  return `${label} (${items.length}):\n  - ${items.join('\n  - ')}`;
}

/**
 * Fails listing everything a page must never do: reach another origin, log a console error, throw,
 * or (when the test collects them) raise a native alert/confirm/prompt dialog.
 * @param {Visit} visit
 * @param {string[]} [dialogs] messages of the dialogs the page raised
 */
export function assertClean(visit, dialogs = []) {
  const problems = [
    listProblems('requests to other origins', visit.foreignRequests),
    listProblems('console errors', visit.consoleErrors),
    listProblems('page errors', visit.pageErrors),
    listProblems('native dialogs (alert/confirm/prompt)', dialogs)
  ]
    .filter(Boolean)
    .join('\n');
  assert.equal(problems, '', problems);
}

/**
 * Resolves once the page has shown `count` more frames: what a canvas library (MapLibre,
 * terra-draw) draws "on the next animation frame" is drawn by then.
 * @param {import('playwright-core').Page} page
 * @param {number} [count]
 */
export async function nextFrames(page, count = 2) {
  await page.evaluate(
    (frames) =>
      new Promise((resolve) => {
        const step = (/** @type {number} */ left) =>
          left === 0 ? resolve(undefined) : requestAnimationFrame(() => step(left - 1));
        step(frames);
      }),
    count
  );
}

/**
 * Polls `condition` (in Node: e.g. on what a visit recorded) until it holds; fails naming `what`
 * after the timeout instead of waiting a fixed time and hoping.
 * @param {() => boolean | Promise<boolean>} condition
 * @param {string} what
 * @param {number} [timeoutMs]
 */
export async function waitUntil(condition, what, timeoutMs = MAP_READY_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the map shows the same picture in two screenshots a few frames apart: the camera
 * has stopped moving and the tiles in view are drawn. For a click that must land on what is
 * drawn, or a check that something is *not* drawn.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeoutMs]
 */
export async function waitForMapStill(page, timeoutMs = MAP_READY_TIMEOUT_MS) {
  const map = page.locator('#map');
  let previous = await map.screenshot();
  await waitUntil(
    async () => {
      await nextFrames(page, 3);
      const current = await map.screenshot();
      const still = current.equals(previous);
      previous = current;
      return still;
    },
    'the map to stop changing',
    timeoutMs
  );
}
