// Share and take away (issue #14): zoom, centre and layers come back from a link, reload, back
// and forward; hostile values fall back to the default view with a notice and never throw; the
// embedded map; downloads of the plan features.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, assertClean, PHONE } from './harness.js';

/**
 * The scale bar's length in metres: an independent reading of the map's zoom.
 * @param {import('playwright-core').Page} page
 */
async function scaleMetres(page) {
  const text = (await page.locator('.maplibregl-ctrl-scale').innerText()).trim();
  const [, value, unit] = /^(\d+)\s*(m|km)$/.exec(text) ?? [];
  assert.ok(value, `scale bar "${text}"`);
  return Number(value) * (unit === 'km' ? 1000 : 1);
}

/**
 * Waits until the scale bar reads between `min` and `max` metres.
 * @param {import('playwright-core').Page} page
 * @param {number} min
 * @param {number} max
 */
function scaleBetween(page, min, max) {
  return page.waitForFunction(
    ([low, high]) => {
      const text = document.querySelector('.maplibregl-ctrl-scale')?.textContent?.trim() ?? '';
      const [, value, unit] = /^(\d+)\s*(m|km)$/.exec(text) ?? [];
      const metres = Number(value) * (unit === 'km' ? 1000 : 1);
      return metres >= low && metres <= high;
    },
    [min, max]
  );
}

/**
 * Waits until the address bar's hash is `hash` (the page writes it after the map has moved).
 * @param {import('playwright-core').Page} page
 * @param {string} hash
 */
function hashBecomes(page, hash) {
  return page.waitForFunction((wanted) => location.hash === wanted, hash);
}

describe('the view in the address', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('opens a link on its zoom, centre and layers, and keeps them across a reload', async () => {
    const visit = await site.visit('/?layers=context,structure,parks#15/41.12/121.2');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      assert.ok((await scaleMetres(visit.page)) <= 200, 'zoom 15 shows a street-level scale');
      assert.equal(await visit.page.locator('[data-layer-toggle="rivers"]').isChecked(), false);
      assert.equal(await visit.page.locator('[data-layer-toggle="parks"]').isChecked(), true);
      await hashBecomes(visit.page, '#15/41.12/121.2');
      await visit.page.locator('[data-layer-toggle="projects"]').check();
      await visit.page.waitForURL(
        /layers=context%2Cstructure%2Cparks%2Cprojects|layers=context,structure,parks,projects/
      );
      await visit.page.reload();
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready after reload');
      assert.equal(await visit.page.locator('[data-layer-toggle="projects"]').isChecked(), true);
      assert.equal(await visit.page.locator('[data-layer-toggle="rivers"]').isChecked(), false);
      assert.ok((await scaleMetres(visit.page)) <= 200);
      // 分享: the link to this very view, and a QR code of it for a phone.
      await visit.page.locator('details.share summary').click();
      await visit.page.locator('[data-share-qr] path').waitFor();
      assert.equal(await visit.page.locator('[data-share-link]').inputValue(), visit.page.url());
      assert.match(
        (await visit.page.locator('[data-share-qr] path').getAttribute('d')) ?? '',
        /^M\d/
      );
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('writes the view after the map moves, and follows back and forward', async () => {
    const visit = await site.visit('/');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      await visit.page.waitForFunction(() =>
        /^#\d+(\.\d+)?\/41\.\d+\/121\.\d+$/.test(location.hash)
      );
      const districtScale = await scaleMetres(visit.page);
      await visit.page.evaluate(() => (location.hash = '#16/41.125/121.19'));
      assert.ok(districtScale >= 500, `the district view's scale bar: ${districtScale} m`);
      // An edited address moves the map (zoom 16: a street-level scale bar).
      await visit.page.evaluate(() => (location.hash = '#16/41.125/121.19'));
      await scaleBetween(visit.page, 1, 100);
      await visit.page.goBack();
      await visit.page.waitForFunction(() => !location.hash.startsWith('#16/'));
      await scaleBetween(visit.page, districtScale, districtScale);
      await visit.page.goForward();
      await hashBecomes(visit.page, '#16/41.125/121.19');
      await scaleBetween(visit.page, 1, 100);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('falls back to the default view with a notice for hostile values', async () => {
    for (const hostile of [
      '/#<img src=x onerror=alert(1)>',
      '/#13/400/121',
      '/?layers=__proto__,constructor#99/41/121',
      '/#' + '9/'.repeat(500)
    ]) {
      const visit = await site.visit(hostile);
      /** @type {string[]} */
      const dialogs = [];
      visit.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        assert.ok((await waitForMapReady(visit.page)).ready, `map never became ready: ${hostile}`);
        const notice = visit.page.locator('.notice');
        assert.match(await notice.innerText(), /链接中的地图视图或图层无效/);
        // The default view frames 凌河区 and replaces the bad value in the address.
        await visit.page.waitForFunction(() =>
          /^#\d+(\.\d+)?\/41\.\d+\/121\.\d+$/.test(location.hash)
        );
        assert.ok((await scaleMetres(visit.page)) >= 500, `district scale for ${hostile}`);
        assert.equal(await visit.page.locator('img').count(), 0);
        assertClean(visit, dialogs);
      } finally {
        await visit.close();
      }
    }
  });

  it('embeds a compact map with ?embed=1: no header, no panel, a link back to the full map', async () => {
    const visit = await site.visit('/?embed=1&layers=context,structure#13/41.12/121.19');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      assert.equal(await visit.page.locator('header.site-header').count(), 0);
      assert.equal(await visit.page.locator('aside.panel').isVisible(), false);
      const canvas = await visit.page.locator('#map canvas').boundingBox();
      assert.ok(canvas && canvas.width >= 1270 && canvas.height >= 790, 'the map fills the frame');
      const [popup] = await Promise.all([
        visit.page.waitForEvent('popup'),
        visit.page.getByRole('link', { name: /打开完整地图/ }).click()
      ]);
      await popup.waitForURL(/layers=context%2Cstructure|layers=context,structure/);
      assert.doesNotMatch(popup.url(), /embed=/);
      assert.match(popup.url(), /#13\/41\.12\/121\.19$/);
      await popup.close();
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('downloads the visible layers’ plan features as GeoJSON and CSV', async () => {
    const visit = await site.visit('/?layers=context,parks');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      await visit.page.locator('details.downloads summary').click();
      const read = async (/** @type {string} */ selector) => {
        const [download] = await Promise.all([
          visit.page.waitForEvent('download'),
          visit.page.locator(selector).click()
        ]);
        const stream = await download.createReadStream();
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
      };
      const geojson = await read('details.downloads [data-download="geojson"]');
      assert.equal(geojson.name, 'linghe-plan-features.geojson');
      const collection = JSON.parse(geojson.text);
      assert.ok(collection.features.length > 0);
      assert.ok(
        collection.features.every((/** @type {any} */ f) => f.properties.layer === 'parks')
      );
      assert.match(collection.linghePlanMapExport.note.zh, /规划示意图/);
      const csv = await read('details.downloads [data-download="csv"]');
      assert.equal(csv.name, 'linghe-plan-features.csv');
      assert.ok(csv.text.startsWith('\uFEFF要素编号 (id)'));
      assert.equal(csv.text.trimEnd().split('\r\n').length, collection.features.length + 1);

      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('downloads one feature from its details on the phone', async () => {
    const visit = await site.visit('/?feature=zijing-industrial-park', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const details = visit.page.locator('aside.panel .details');
      await details.locator('[data-feature-id="zijing-industrial-park"]').waitFor();
      const [download] = await Promise.all([
        visit.page.waitForEvent('download'),
        details.locator('[data-download="csv"]').tap()
      ]);
      assert.equal(download.suggestedFilename(), 'zijing-industrial-park.csv');
      const chunks = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk);
      const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n');
      assert.equal(lines.length, 2);
      assert.match(lines[1], /^zijing-industrial-park,紫荆产业园,/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
