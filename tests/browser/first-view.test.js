// The first view's budget (issue #17): what the map page asks for before the map has drawn,
// gzip'd as served, stays within 550 KB, and the page links no stylesheet of the code that loads
// after it (SvelteKit links the CSS of a page's dynamic imports unless they inject their own).
// Bytes, not time: the same build gives the same count on any machine. Time is for bench:load.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, launchChromium, waitForMapReady } from './harness.js';
import {
  NOTE_CONTEXT_AND_WORKERS,
  PROFILES,
  measureLoad,
  startCountingServer
} from '../../bench/load-measure.js';

const BUDGET_BYTES = 550_000;
/** Components that load after the first view; their CSS must not be linked from the page. */
const LATER = ['UserTools', 'LandmarkDetails', 'PlaceOnMap', 'SheetExportForm', 'DrawPanel'];

/** The stylesheets the built map page links, as written in its HTML. */
function linkedStylesheets() {
  const html = readFileSync(path.join(PROJECT_ROOT, 'build', 'index.html'), 'utf8');
  return [...html.matchAll(/<link href="([^"]+\.css)" rel="stylesheet"/g)].map((match) => match[1]);
}

describe('first view budget', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {Awaited<ReturnType<typeof startCountingServer>>} */
  let server;
  /** One load of the map page, which the bytes and the frames are both read from. */
  /** @type {Awaited<ReturnType<typeof measureLoad>>} */
  let result;

  before(async () => {
    browser = await launchChromium();
    server = await startCountingServer(path.join(PROJECT_ROOT, 'build'));
    result = await measureLoad(browser, server, PROFILES.desktop);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`asks for at most ${BUDGET_BYTES / 1000} KB gzip before the map has drawn`, () => {
    const files = [...result.firstView].sort((a, b) => b[1] - a[1]);
    const listing = files.map(([file, bytes]) => `${(bytes / 1000).toFixed(1)} KB ${file}`);
    assert.ok(
      result.bytesToReady <= BUDGET_BYTES,
      `${(result.bytesToReady / 1000).toFixed(1)} KB:\n${listing.join('\n')}`
    );
    assert.ok(result.frames > 0, 'no WebGL frame counted before ready');
  });

  // Frames of bare background cost a full frame's read-back each under software GL; the map's
  // first frame waits for its tiles (src/lib/layers/first-frame.ts) and shows all of them.
  it('draws one WebGL frame before the map is ready, the one with the plan on it', () => {
    assert.equal(result.frames, 1, `${result.frames} frames drawn before the map was ready`);
  });

  it('links only the stylesheets of what the first view shows', () => {
    const linked = linkedStylesheets();
    assert.ok(linked.length > 0, 'no stylesheet linked at all');
    for (const name of LATER) {
      assert.deepEqual(
        linked.filter((href) => href.includes(`/${name}.`)),
        [],
        `${name}'s CSS is linked from the map page`
      );
    }
  });

  // scripts/maplibre-css-trim.js, applied by vite.config.ts: MapLibre's stylesheet without the
  // icons of controls the app does not add (8 KB gzip of the first view).
  it("links MapLibre's stylesheet without the parts the app does not use", () => {
    const css = linkedStylesheets()
      .map((href) => readFileSync(path.join(PROJECT_ROOT, 'build', href), 'utf8'))
      .join('\n');
    assert.match(css, /\.maplibregl-ctrl-attrib-button/, "MapLibre's stylesheet is not linked");
    assert.doesNotMatch(css, /\.maplibregl-ctrl-(?:logo|geolocate)/);
  });

  // src/lib/layers/early-worker.ts, started from src/hooks.client.ts: MapLibre's worker starts
  // while the page hydrates, and MapLibre is handed it rather than starting a second.
  it("starts MapLibre's worker before the map is made, and only on a page with a map", async () => {
    const context = await browser.newContext();
    try {
      await context.addInitScript(NOTE_CONTEXT_AND_WORKERS);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      assert.ok((await waitForMapReady(page)).ready, 'the map did not become ready');
      const { made, contextAt } = await page.evaluate(() => ({
        made: /** @type {{ script: string, at: number }[]} */ (
          /** @type {any} */ (window).__workersMade
        ),
        contextAt: /** @type {number} */ (/** @type {any} */ (window).__contextAt)
      }));
      const mapWorkers = made.filter(({ script }) => /maplibre-gl-worker/.test(script));
      assert.equal(mapWorkers.length, 1, `MapLibre workers made: ${JSON.stringify(made)}`);
      assert.ok(
        mapWorkers[0].at < contextAt,
        `worker made at ${mapWorkers[0].at} ms, the map's context at ${contextAt} ms`
      );
      const plan = await context.newPage();
      await plan.goto(`${server.url}/plan`, { waitUntil: 'load' });
      const planWorkers = await plan.evaluate(() => /** @type {any} */ (window).__workersMade);
      assert.deepEqual(planWorkers, [], 'the plan page, which has no map, started a worker');
    } finally {
      await context.close();
    }
  });
});
