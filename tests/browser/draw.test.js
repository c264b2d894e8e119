// Drawing your own boundaries (issue #5): draw a polygon by clicking the map with the live area
// beside it, save it, find it again after a reload, edit it, make it the boundary of a plan
// feature, delete it through the panel's confirm step — and draw a line with its length.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, assertClean, nextFrames } from './harness.js';
import { ellipsoidalArea } from '../../src/lib/geo/area.js';
import { geodesicLength } from '../../src/lib/geo/length.js';
import { formatAreaAll, formatLength } from '../../src/lib/geo/units.js';

/**
 * Every record of one object store of the app's IndexedDB database.
 * @param {import('playwright-core').Page} page
 * @param {'drawings' | 'assignments'} storeName
 * @returns {Promise<any[]>}
 */
function savedRecords(page, storeName) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('linghe-plan-map');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result);
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    storeName
  );
}

/** The measurement text the panel must show for a geometry, computed here in Node. */
function expectedText(/** @type {import('geojson').Geometry} */ geometry) {
  if (geometry.type === 'Polygon') {
    const { mu, hectares, squareKilometres } = formatAreaAll(ellipsoidalArea(geometry));
    return `${mu} · ${hectares} · ${squareKilometres}`;
  }
  const metres = geodesicLength(geometry);
  return `${formatLength(metres, '米')} · ${formatLength(metres, '公里')}`;
}

/**
 * Points of the map as fractions of its box, in page pixels.
 * @param {import('playwright-core').Page} page
 * @param {[number, number][]} fractions
 */
async function mapPoints(page, fractions) {
  const box = await page.locator('#map').boundingBox();
  assert.ok(box, 'the map has a box');
  return fractions.map(([fx, fy]) => [box.x + box.width * fx, box.y + box.height * fy]);
}

/** @param {import('playwright-core').Page} page @param {number} x @param {number} y */
async function clickAt(page, x, y) {
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.click(x, y);
  await nextFrames(page); // terra-draw renders on the next animation frame
}

/** @param {import('playwright-core').Page} page */
async function openMap(page) {
  assert.ok((await waitForMapReady(page)).ready, 'map never became ready');
  await page.waitForSelector('[data-draw-tool="polygon"]:not([disabled])', { timeout: 10_000 });
}

// Inside 主城区 (the first view fits 凌河区; its western half is 主城区, a clickable plan polygon),
// so a click that reached the map's own handler would open that feature's popup.
const SQUARE = /** @type {[number, number][]} */ ([
  [0.3, 0.4],
  [0.4, 0.4],
  [0.4, 0.55],
  [0.3, 0.55]
]);

describe('drawing on the map', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('draws, measures, saves, restores, edits, assigns and deletes a polygon', async () => {
    const visit = await site.visit('/');
    const { page } = visit;
    /** @type {string[]} */
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await openMap(page);
      await page.click('[data-draw-tool="polygon"]');
      const corners = await mapPoints(page, SQUARE);
      for (const [x, y] of corners) await clickAt(page, x, y);

      // Live area while drawing, in the panel and beside the pointer.
      await page.mouse.move(corners[0][0] + 40, corners[0][1] + 40, { steps: 3 });
      const live = page.locator('[data-draw-live]');
      assert.match(await live.innerText(), /面积.*\d+亩 · [\d.]+公顷 · [\d.]+平方公里/s);
      const label = page.locator('.draw-cursor-label');
      assert.ok(await label.isVisible(), 'the measurement follows the pointer');
      assert.match(await label.innerText(), /亩 · .*公顷 · .*平方公里/);
      assert.equal(
        await page.locator('.maplibregl-popup').count(),
        0,
        'clicks while drawing add vertices; they do not open plan features'
      );

      // Closing the ring saves the polygon.
      await clickAt(page, corners[0][0], corners[0][1]);
      const item = page.locator('.drawings li').first();
      await item.waitFor({ timeout: 5_000 });
      const [saved] = await savedRecords(page, 'drawings');
      assert.ok(saved, 'the drawing is in IndexedDB');
      assert.equal(saved.feature.geometry.type, 'Polygon');
      assert.equal(saved.feature.geometry.coordinates[0].length, 5, 'four corners and the close');
      assert.deepEqual(Object.keys(saved.feature.properties), ['name'], 'no terra-draw internals');
      const areaText = expectedText(saved.feature.geometry);
      assert.equal(await item.locator('[data-drawing-measure]').innerText(), areaText);
      assert.equal(await live.innerText().then((t) => t.includes(areaText)), true);
      assert.match(await item.locator('[data-drawing-name]').innerText(), /多边形 Polygon 1/);

      // Rename, then leave drawing mode.
      await item.locator('[data-rename]').click();
      await item.locator('input[type="text"]').fill('  东区边界  ');
      await item.locator('button[type="submit"]').click();
      await page.waitForFunction(
        () => document.querySelector('[data-drawing-name]')?.textContent === '东区边界'
      );
      await page.click('[data-draw-tool="static"]');

      // After a reload the drawing is back, in the list and in terra-draw on the map.
      await page.reload({ waitUntil: 'load' });
      await openMap(page);
      const restored = page.locator(`[data-drawing="${saved.id}"]`);
      await restored.waitFor({ timeout: 5_000 });
      assert.equal(await restored.locator('[data-drawing-name]').innerText(), '东区边界');
      assert.equal(await restored.locator('[data-drawing-measure]').innerText(), areaText);
      await page.click('[data-draw-tool="select"]');
      const centre = (await mapPoints(page, [[0.35, 0.475]]))[0];
      await clickAt(page, centre[0], centre[1]);
      await page.waitForSelector(`[data-drawing="${saved.id}"].selected`, { timeout: 5_000 });
      assert.ok((await live.innerText()).includes(areaText), 'selected on the map: its area');
      assert.equal(await page.locator('.maplibregl-popup').count(), 0);

      // Drag one corner outwards: the area grows, live while dragging and saved on release.
      const [, , farCorner] = await mapPoints(page, SQUARE);
      await page.mouse.move(farCorner[0], farCorner[1], { steps: 3 });
      await page.mouse.down();
      await page.mouse.move(farCorner[0] + 30, farCorner[1] + 20, { steps: 6 });
      await page.mouse.move(farCorner[0] + 60, farCorner[1] + 40, { steps: 6 });
      assert.ok(await label.isVisible(), 'the measurement follows the dragged vertex');
      await page.mouse.up();
      await page.waitForFunction(
        (before) => document.querySelector('[data-drawing-measure]')?.textContent !== before,
        areaText,
        { timeout: 5_000 }
      );
      const [edited] = await savedRecords(page, 'drawings');
      assert.ok(
        ellipsoidalArea(edited.feature.geometry) > ellipsoidalArea(saved.feature.geometry),
        'dragging a corner outwards enlarges the saved polygon'
      );
      assert.equal(edited.feature.properties.name, '东区边界', 'an edit keeps the name');
      const editedText = expectedText(edited.feature.geometry);
      assert.equal(await restored.locator('[data-drawing-measure]').innerText(), editedText);
      await page.click('[data-draw-tool="static"]');

      // Use it as the boundary of “松凌”飞地经济产业园.
      const options = await restored.locator('[data-assign-target] option').allInnerTexts();
      assert.deepEqual(options.slice(1, 4), [
        '紫荆产业园（规划 6.9平方公里）',
        '“松凌”飞地经济产业园（规划 835亩）',
        '军民融合产业园（规划 1161亩）'
      ]);
      await restored
        .locator('[data-assign-target]')
        .selectOption('songling-enclave-industrial-park');
      await restored.locator('[data-assign]').click();
      await restored
        .locator('[data-boundary-of="songling-enclave-industrial-park"]')
        .waitFor({ timeout: 5_000 });
      const [assignment] = await savedRecords(page, 'assignments');
      assert.equal(assignment.planFeatureId, 'songling-enclave-industrial-park');
      assert.deepEqual(assignment.source, { type: 'drawing', drawingId: saved.id });
      assert.deepEqual(assignment.geometry, edited.feature.geometry);

      // Delete: the panel asks first; cancelling keeps it, confirming removes it everywhere.
      await restored.locator('[data-delete]').click();
      assert.match(await restored.locator('.confirm').innerText(), /删除“东区边界”？/);
      await restored.locator('.confirm button:not([data-confirm-delete])').click();
      assert.equal(await page.locator('.drawings li').count(), 1, 'cancel keeps the drawing');
      await restored.locator('[data-delete]').click();
      await restored.locator('[data-confirm-delete]').click();
      await page.waitForFunction(() => document.querySelectorAll('.drawings li').length === 0);
      assert.deepEqual(await savedRecords(page, 'drawings'), []);
      // With the select tool, clicking where the polygon was selects nothing any more.
      await page.click('[data-draw-tool="select"]');
      await clickAt(page, centre[0], centre[1]);
      assert.equal(await page.locator('[data-draw-live]').count(), 0, 'gone from the map too');
      await page.click('[data-draw-tool="static"]');

      await page.reload({ waitUntil: 'load' });
      await openMap(page);
      // The drawings are read from IndexedDB before the map is ready; let the list render.
      await nextFrames(page);
      assert.equal(await page.locator('.drawings li').count(), 0, 'still gone after a reload');
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('draws a line and shows its length in 米 and 公里', async () => {
    const visit = await site.visit('/');
    const { page } = visit;
    /** @type {string[]} */
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await openMap(page);
      await page.click('[data-draw-tool="linestring"]');
      const [start, bend, end] = await mapPoints(page, [
        [0.3, 0.4],
        [0.45, 0.45],
        [0.55, 0.35]
      ]);
      await clickAt(page, start[0], start[1]);
      await clickAt(page, bend[0], bend[1]);
      await page.mouse.move(end[0], end[1], { steps: 3 });
      assert.match(await page.locator('[data-draw-live]').innerText(), /长度.*\d+米 · [\d.]+公里/s);
      await page.mouse.click(end[0], end[1]);
      await nextFrames(page);
      await clickAt(page, end[0], end[1]); // clicking the last point again finishes the line
      const item = page.locator('.drawings li').first();
      await item.waitFor({ timeout: 5_000 });
      const [saved] = await savedRecords(page, 'drawings');
      assert.equal(saved.feature.geometry.type, 'LineString');
      assert.equal(saved.feature.geometry.coordinates.length, 3);
      assert.equal(
        await item.locator('[data-drawing-measure]').innerText(),
        expectedText(saved.feature.geometry)
      );
      assert.match(await item.locator('[data-drawing-name]').innerText(), /线 Line 1/);
      assert.equal(await item.locator('[data-assign-target]').count(), 0, 'lines bound nothing');
      assert.equal(await page.locator('.maplibregl-popup').count(), 0);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('speaks English with ?lang=en: the panel, the live length and the saved one', async () => {
    const visit = await site.visit('/?lang=en');
    const { page } = visit;
    try {
      await openMap(page);
      assert.equal(await page.locator('#draw-heading').innerText(), 'Draw and measure');
      assert.deepEqual(await page.locator('[data-draw-tool]').allInnerTexts(), [
        'Polygon',
        'Line',
        'Select'
      ]);
      await page.click('[data-draw-tool="linestring"]');
      assert.match(await page.locator('section.draw .hint').innerText(), /^Click the map/);
      const [start, end] = await mapPoints(page, [
        [0.3, 0.4],
        [0.5, 0.45]
      ]);
      await clickAt(page, start[0], start[1]);
      await page.mouse.move(end[0], end[1], { steps: 3 });
      assert.match(
        await page.locator('[data-draw-live]').innerText(),
        /Length.*\d+ m · [\d.]+ km/s
      );
      assert.match(await page.locator('.draw-cursor-label').innerText(), /^\d+ m · [\d.]+ km$/);
      await page.mouse.click(end[0], end[1]);
      await nextFrames(page);
      await clickAt(page, end[0], end[1]);
      const item = page.locator('.drawings li').first();
      await item.waitFor({ timeout: 5_000 });
      assert.match(await item.locator('[data-drawing-measure]').innerText(), /^\d+ m · [\d.]+ km$/);
      // Only the drawing's own name (data, also quoted in the status) may be Chinese.
      const chinese = await page.evaluate(() => {
        const names = [...document.querySelectorAll('[data-drawing-name]')].map(
          (name) => name.textContent ?? ''
        );
        let text = document.querySelector('section.draw')?.textContent ?? '';
        for (const name of names) text = text.split(name).join('');
        return text.match(/\p{Script=Han}+/gu) ?? [];
      });
      assert.deepEqual(chinese, []);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
