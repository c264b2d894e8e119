// The map page `/` in a real browser: the MapLibre map loads, draws, credits its sources, has its
// controls, and stays on its own origin without errors.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, listProblems, MAP_READY_TIMEOUT_MS } from './harness.js';
import { decodePng, paintStats } from './png.js';

/** A drawn map shows many colours (fills, outlines, anti-aliasing), a blank canvas one or two. */
const MIN_DISTINCT_COLOURS = 8;
/** Share of canvas pixels that must differ from the dominant (background) colour. */
const MIN_NON_BACKGROUND_SHARE = 0.02;

describe('map page /', () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {import('./harness.js').Visit} */
  let visit;
  /** @type {{ ready: boolean, waitedMs: number }} */
  let readiness;

  before(async () => {
    site = await startSite();
    visit = await site.visit('/');
    readiness = await waitForMapReady(visit.page);
  });

  after(async () => {
    await visit?.close();
    await site?.close();
  });

  it('puts a MapLibre canvas inside the #map element', async () => {
    const found = await visit.page.evaluate(() => ({
      map: document.querySelector('#map') !== null,
      canvas: document.querySelector('#map canvas.maplibregl-canvas') !== null
    }));
    assert.ok(found.map, 'no element with id "map" on /');
    assert.ok(found.canvas, '#map contains no canvas.maplibregl-canvas');
  });

  it(`sets body data-map-ready="true" within ${MAP_READY_TIMEOUT_MS / 1000} s`, async () => {
    const actual = await visit.page.evaluate(() => document.body.dataset.mapReady ?? '(unset)');
    assert.ok(
      readiness.ready,
      `document.body.dataset.mapReady is ${actual} after ${readiness.waitedMs} ms; ` +
        `the app must set it to 'true' once the map has loaded and gone idle`
    );
  });

  it('has actually drawn the map on the canvas', async () => {
    const canvas = visit.page.locator('#map canvas.maplibregl-canvas').first();
    assert.ok((await canvas.count()) > 0, 'no map canvas to inspect');
    // Only the WebGL drawing counts: hide every other element (controls, attribution text,
    // markers, page overlays) so that DOM text over a blank canvas cannot pass for a map.
    const onlyCanvas = await visit.page.addStyleTag({
      content:
        'body * { visibility: hidden !important; } ' +
        'canvas.maplibregl-canvas { visibility: visible !important; }'
    });
    const png = await canvas.screenshot({ timeout: 5_000 });
    await onlyCanvas.evaluate((style) => /** @type {Element} */ (style).remove());
    const stats = paintStats(decodePng(png));
    assert.ok(
      stats.distinctColours >= MIN_DISTINCT_COLOURS &&
        stats.nonBackgroundShare >= MIN_NON_BACKGROUND_SHARE,
      `canvas looks blank: ${stats.distinctColours} distinct colours (want ≥${MIN_DISTINCT_COLOURS}), ` +
        `${(stats.nonBackgroundShare * 100).toFixed(2)}% of pixels differ from ` +
        `${stats.backgroundColour} (want ≥${MIN_NON_BACKGROUND_SHARE * 100}%)`
    );
  });

  it('names the data sources in the attribution control', async () => {
    const attribution = await visit.page.evaluate(
      () => document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? null
    );
    assert.notEqual(attribution, null, 'no .maplibregl-ctrl-attrib element');
    assert.match(
      attribution ?? '',
      /echarts-china-cities|凌河/,
      `attribution does not name the data sources: "${attribution}"`
    );
  });

  it('has navigation (zoom) and scale controls', async () => {
    const controls = await visit.page.evaluate(() => ({
      zoomIn: document.querySelector('.maplibregl-ctrl-zoom-in') !== null,
      zoomOut: document.querySelector('.maplibregl-ctrl-zoom-out') !== null,
      scale: document.querySelector('.maplibregl-ctrl-scale') !== null
    }));
    assert.deepEqual(
      controls,
      { zoomIn: true, zoomOut: true, scale: true },
      'missing map controls'
    );
  });

  it('makes no request to another origin', () => {
    assert.deepEqual(
      visit.foreignRequests,
      [],
      listProblems('requests that left the origin', visit.foreignRequests)
    );
  });

  it('logs no console error and throws no page error', () => {
    const errors = [...visit.consoleErrors, ...visit.pageErrors];
    assert.deepEqual(
      errors,
      [],
      [
        listProblems('console errors', visit.consoleErrors),
        listProblems('page errors', visit.pageErrors)
      ]
        .filter(Boolean)
        .join('\n')
    );
  });
});
