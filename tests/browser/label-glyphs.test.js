// The labels' glyphs are drawn on a worker, not on the main thread (issue #17,
// src/lib/glyphs/worker-glyphs.ts), and the map looks exactly as when MapLibre draws them itself.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, waitForMapStill } from './harness.js';

/** Counts text drawn on 2D canvases of the page's main thread (TinySDF draws each glyph so). */
const COUNT_MAIN_THREAD_TEXT = () => {
  const counted = /** @type {any} */ (window);
  counted.__textDrawn = 0;
  for (const kind of [window.OffscreenCanvasRenderingContext2D, window.CanvasRenderingContext2D]) {
    const fillText = kind.prototype.fillText;
    /**
     * @this {CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D}
     * @param {string} text @param {number} x @param {number} y @param {number} [maxWidth]
     */
    kind.prototype.fillText = function (text, x, y, maxWidth) {
      counted.__textDrawn++;
      return fillText.call(this, text, x, y, maxWidth);
    };
  }
};

describe('labels’ glyphs', () => {
  /** @type {Awaited<ReturnType<typeof startSite>>} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  /**
   * Loads the map page until it is ready and still.
   * @param {{ withoutGlyphWorker?: boolean }} [options] the glyph worker's script refused
   */
  async function load({ withoutGlyphWorker = false } = {}) {
    const context = await site.browser.newContext({ viewport: { width: 900, height: 700 } });
    await context.addInitScript(COUNT_MAIN_THREAD_TEXT);
    /** @type {string[]} */
    const workers = [];
    if (withoutGlyphWorker) {
      await context.route(/glyph-worker/, (route) => route.abort('blockedbyclient'));
    }
    const page = await context.newPage();
    page.on('worker', (worker) => workers.push(worker.url()));
    try {
      await page.goto(site.url + '/');
      assert.ok((await waitForMapReady(page)).ready, 'map never became ready');
      const textDrawn = await page.evaluate(() => /** @type {any} */ (window).__textDrawn);
      await waitForMapStill(page);
      const picture = await page.locator('#map canvas').screenshot();
      return { textDrawn, workers, picture };
    } finally {
      await context.close();
    }
  }

  it('draws no more than two on the main thread, and the map as MapLibre alone does', async () => {
    const onWorker = await load();
    assert.ok(
      onWorker.workers.some((url) => /glyph-worker/.test(url)),
      `no glyph worker among ${onWorker.workers.join(', ')}`
    );
    // The two compared with the worker's; before, ~110 (every character of the first view).
    assert.ok(
      onWorker.textDrawn >= 1 && onWorker.textDrawn <= 2,
      `${onWorker.textDrawn} glyphs drawn on the main thread`
    );
    const alone = await load({ withoutGlyphWorker: true });
    assert.ok(alone.textDrawn > 50, `MapLibre alone drew only ${alone.textDrawn} glyphs`);
    assert.ok(onWorker.picture.equals(alone.picture), 'the map differs from MapLibre’s own');
  });
});
