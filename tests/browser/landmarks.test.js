// The reference layer 参考地标 and positions' uncertainty in a real browser: a located plan
// feature's popup states its uncertainty, a click on a landmark opens its own popup with source
// and licence, and the attribution credits OpenStreetMap.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, assertClean } from './harness.js';

/**
 * Web Mercator pixel of a lon/lat at a zoom, with MapLibre's 512-px world.
 * @param {[number, number]} lonLat
 * @param {number} zoom
 */
function worldPixel([lon, lat], zoom) {
  const size = 512 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return [
    ((lon + 180) / 360) * size,
    ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * size
  ];
}

/** @type {[number, number]} */
const MEMORIAL = [121.143, 41.128];
/** @type {[number, number]} */
const JINZHOU_STATION = [121.13538, 41.12321];

describe('landmarks and uncertainty on the map', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('states a point’s uncertainty in its popup, and opens a landmark’s popup with its licence', async () => {
    const visit = await site.visit('/?feature=liaoshen-campaign-memorial');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const popup = visit.page.locator(
        '.maplibregl-popup:has(.feature[data-feature-id="liaoshen-campaign-memorial"])'
      );
      await popup.waitFor({ timeout: 10_000 });
      assert.match(await popup.locator('[data-uncertainty]').innerText(), /位置约 ±150 m/);
      assert.match(await popup.innerText(), /Gazetteer listings/);

      // The popup sits on the memorial; 锦州站 is drawn at its offset at zoom 14 (a point's view).
      const transform = await popup.evaluate((element) => element.style.transform);
      const [, x, y] = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)\s*$/.exec(transform) ?? [];
      assert.ok(x !== undefined, `no position in the popup's transform "${transform}"`);
      const [mx, my] = worldPixel(MEMORIAL, 14);
      const [sx, sy] = worldPixel(JINZHOU_STATION, 14);
      const map = await visit.page.locator('#map').boundingBox();
      assert.ok(map, 'no #map box');
      // The popup covers the station: close it (the view stays where it is).
      await popup.locator('.maplibregl-popup-close-button').click();
      await popup.waitFor({ state: 'detached', timeout: 5_000 });
      await visit.page.mouse.click(map.x + Number(x) + (sx - mx), map.y + Number(y) + (sy - my));

      const landmark = visit.page.locator(
        '.maplibregl-popup .landmark[data-landmark-id="landmark-jinzhou-station"]'
      );
      await landmark.waitFor({ timeout: 10_000 });
      const text = await landmark.innerText();
      assert.match(text, /锦州站/);
      assert.match(text, /参考地标/);
      assert.match(text, /位置约 ±150 m/);
      assert.match(text, /ODbL-1\.0 · © OpenStreetMap contributors/);
      // The landmark took the click: 主城区, whose area it lies in, did not open.
      assert.equal(await visit.page.locator('.maplibregl-popup .feature').count(), 0);

      const attribution = await visit.page.locator('.maplibregl-ctrl-attrib').innerText();
      assert.match(attribution, /© OpenStreetMap contributors/);
      assert.equal(await visit.page.locator('input[data-layer-toggle="landmarks"]').count(), 1);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
