// The optional offline street basemap: a PMTiles archive built here from known vector tiles
// (roads, water, a place label around 凌河区) is dropped beside a copy of the build as
// basemap.pmtiles. With it the map draws it (in byte ranges, from its own origin only); with the
// placeholder the build ships in its place, the map asks once and draws as before, nothing in the
// console.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, assertClean, nextFrames, startSite, waitForMapReady } from './harness.js';
import { decodePng } from './png.js';
import { buildBasemapArchive } from './pmtiles-archive.js';

/** Share of canvas pixels the basemap must change (roads, water, earth under a dimmed context). */
const MIN_CHANGED_SHARE = 0.05;

/**
 * Opens the map, waits until it has drawn and the basemap probe has settled, and returns the
 * canvas picture and the requests for basemap.pmtiles.
 * @param {import('./harness.js').Site} site
 */
async function drawMap(site) {
  const visit = await site.visit('/');
  /** @type {{ method: string, range: string | undefined, status: number }[]} */
  const archiveRequests = [];
  visit.page.on('response', (response) => {
    if (!new URL(response.url()).pathname.endsWith('/basemap.pmtiles')) return;
    const request = response.request();
    archiveRequests.push({
      method: request.method(),
      range: request.headers()['range'],
      status: response.status()
    });
  });
  assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
  await visit.page.waitForFunction(
    () => document.querySelector('#map')?.getAttribute('data-local-basemap'),
    null,
    { timeout: 30_000 }
  );
  const state = await visit.page.locator('#map').getAttribute('data-local-basemap');
  const onlyCanvas = await visit.page.addStyleTag({
    content:
      'body * { visibility: hidden !important; } ' +
      'canvas.maplibregl-canvas { visibility: visible !important; }'
  });
  const png = decodePng(
    await visit.page.locator('#map canvas.maplibregl-canvas').screenshot({ timeout: 5_000 })
  );
  await onlyCanvas.evaluate((style) => /** @type {Element} */ (style).remove());
  const attribution = await visit.page.locator('.maplibregl-ctrl-attrib').innerText();
  return { visit, state, png, archiveRequests, attribution };
}

describe('optional offline basemap (basemap.pmtiles)', () => {
  /** @type {string} */
  let root;
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {ReturnType<typeof decodePng> | null} */
  let withoutBasemap = null;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'linghe-basemap-'));
    cpSync(path.join(PROJECT_ROOT, 'build'), root, { recursive: true });
    site = await startSite({ root });
  });

  after(async () => {
    await site?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('with the placeholder: asks once, draws as before, nothing in the console', async () => {
    const { visit, state, png, archiveRequests } = await drawMap(site);
    try {
      assert.equal(state, 'absent');
      await nextFrames(visit.page);
      assert.deepEqual(archiveRequests, [{ method: 'GET', range: 'bytes=0-6', status: 206 }]);
      // No 404 for the browser to log: assertClean fails on any console error.
      assertClean(visit);
      withoutBasemap = png;
    } finally {
      await visit.close();
    }
  });

  it('with the file: draws the basemap under the plan, in byte ranges from its own origin', async () => {
    const { archive, tileCount } = buildBasemapArchive();
    assert.ok(tileCount > 100 && archive.length < 200_000, `archive ${archive.length} bytes`);
    writeFileSync(path.join(root, 'basemap.pmtiles'), archive);
    const { visit, state, png, archiveRequests, attribution } = await drawMap(site);
    try {
      assert.equal(state, 'drawn');
      assert.deepEqual(archiveRequests[0], { method: 'GET', range: 'bytes=0-6', status: 206 });
      const ranges = archiveRequests.filter((r) => r.method === 'GET');
      assert.ok(ranges.length >= 2, `expected header and tile reads: ${JSON.stringify(ranges)}`);
      for (const read of ranges) {
        assert.match(read.range ?? '', /^bytes=\d+-\d+$/);
        assert.equal(read.status, 206);
      }
      assert.match(attribution, /© OpenStreetMap contributors · Protomaps/);
      assert.ok(withoutBasemap, 'the first test did not record the map without a basemap');
      let changed = 0;
      for (let i = 0; i < png.rgba.length; i += 4) {
        const d =
          Math.abs(png.rgba[i] - withoutBasemap.rgba[i]) +
          Math.abs(png.rgba[i + 1] - withoutBasemap.rgba[i + 1]) +
          Math.abs(png.rgba[i + 2] - withoutBasemap.rgba[i + 2]);
        if (d > 24) changed++;
      }
      const share = changed / (png.width * png.height);
      assert.ok(
        share >= MIN_CHANGED_SHARE,
        `the basemap changed only ${(share * 100).toFixed(1)}% of the canvas`
      );
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
