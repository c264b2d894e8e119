// "在地图上标注 / Place on the map" (issue #12): a resident places a plan feature nobody has
// located, says where the knowledge comes from, finds it again after a reload — drawn on the map,
// opening the feature, marked as theirs — moves it, exports it as a data contribution that
// `npm run geodata` merges, and gets it back from a backup. On a phone the sheet steps aside.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startSite,
  waitForMapReady,
  waitForMapStill,
  assertClean,
  nextFrames,
  PHONE
} from './harness.js';
import { buildGeodataFiles } from '../../scripts/build-geodata.js';

/** A 村 of the plan with no position (未上图). */
const FEATURE = 'baigu-village';
const NOTE = '村委会门牌，本人 2026 年 12 月到过';

/**
 * The app's saved placements (drawings that place a plan feature), read from IndexedDB.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<any[]>}
 */
function savedPlacements(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('linghe-plan-map');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drawings').objectStore('drawings').getAll();
          request.onsuccess = () => {
            resolve(request.result.filter((d) => d.feature.properties?.placementFor));
            db.close();
          };
          request.onerror = () => reject(request.error);
        };
      })
  );
}

/** @param {import('playwright-core').Page} page */
async function openFeature(page) {
  assert.ok((await waitForMapReady(page)).ready, 'map never became ready');
  await page.locator('[data-place-on-map] h4').waitFor({ timeout: 15_000 });
}

/**
 * A pixel of the map, as fractions of its box.
 * @param {import('playwright-core').Page} page @param {number} fx @param {number} fy
 */
async function mapPoint(page, fx, fy) {
  const box = await page.locator('#map').boundingBox();
  assert.ok(box, 'the map has a box');
  return [box.x + box.width * fx, box.y + box.height * fy];
}

/**
 * Places a point where the map is clicked.
 * @param {import('playwright-core').Page} page @param {number} x @param {number} y
 */
async function placePointAt(page, x, y) {
  await page.locator('[data-place-start]:not([disabled])').click();
  await page.locator('[data-place-tool="point"]').click();
  await page.locator('[data-placing-bar]').waitFor();
  await page.mouse.move(x, y, { steps: 3 });
  await page.mouse.click(x, y);
  await page.locator('[data-placement-yours]').waitFor();
}

describe('placing an unlocated plan feature', () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {string | null} */
  let folder = null;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('places, keeps, draws, moves, exports and restores a point', async () => {
    const visit = await site.visit(`/?feature=${FEATURE}`);
    const { page } = visit;
    /** @type {string[]} */
    const dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await openFeature(page);
      assert.match(await page.locator('.details').innerText(), /未上图/);
      // Inside 主城区 (a plan polygon): the click must place, not open that feature.
      const [x, y] = await mapPoint(page, 0.35, 0.45);
      await placePointAt(page, x, y);
      assert.equal(await page.locator('[data-placing-bar]').count(), 0, 'the tool is off again');
      assert.match(await page.locator('[data-place-on-map]').innerText(), /由您标注，非官方数据/);
      assert.match(await page.locator('.details').innerText(), /百股村/, 'still the same feature');

      await page.locator('[data-placement-note]').fill(NOTE);
      await page.locator('[data-placement-save-note]').click();
      await page.locator('[data-placement-note-text]', { hasText: NOTE }).waitFor();
      const [saved] = await savedPlacements(page);
      assert.equal(saved.id, `placement-${FEATURE}`);
      assert.equal(saved.feature.geometry.type, 'Point');
      assert.equal(saved.feature.properties.placementNote, NOTE);

      // After a reload: still there, in the details and drawn on the map where it was placed.
      await page.reload();
      await openFeature(page);
      await page.locator('[data-placement-note-text]', { hasText: NOTE }).waitFor();
      await page.locator('.back').click();
      await page.locator('.details').waitFor({ state: 'detached' });
      await waitForMapStill(page);
      await page.mouse.click(x, y);
      await page.locator(`[data-place-on-map="${FEATURE}"] [data-placement-yours]`).waitFor();
      assert.equal(await page.locator('.maplibregl-popup').count(), 0, 'not 主城区’s popup');

      // Moved: dragged to a new place, saved when released.
      await page.locator('[data-placement-move]').click();
      await page.locator('[data-placing-bar]').waitFor();
      await nextFrames(page);
      await page.mouse.move(x, y, { steps: 2 });
      await page.mouse.down();
      await page.mouse.move(x + 60, y + 30, { steps: 8 });
      await page.mouse.up();
      await page.waitForFunction(
        async (before) => {
          const open = await new Promise((resolve) => {
            const request = indexedDB.open('linghe-plan-map');
            request.onsuccess = () => resolve(request.result);
          });
          const db = /** @type {IDBDatabase} */ (open);
          const record = await new Promise((resolve) => {
            const request = db.transaction('drawings').objectStore('drawings').get(before.id);
            request.onsuccess = () => resolve(request.result);
          });
          db.close();
          return JSON.stringify(record.feature.geometry) !== JSON.stringify(before.geometry);
        },
        { id: saved.id, geometry: saved.feature.geometry }
      );
      await page.locator('[data-placing-done]').click();
      const [moved] = await savedPlacements(page);
      assert.equal(moved.feature.properties.placementNote, NOTE, 'the note stays');
      assert.equal(moved.createdAt, saved.createdAt);

      // The contribution file is one `npm run geodata` merges, with the note as its basis.
      const downloading = page.waitForEvent('download');
      await page.locator('[data-placement-export]').click();
      const download = await downloading;
      assert.equal(download.suggestedFilename(), `${FEATURE}.geojson`);
      folder = mkdtempSync(path.join(tmpdir(), 'contributed-'));
      copyFileSync(
        /** @type {string} */ (await download.path()),
        path.join(folder, `${FEATURE}.geojson`)
      );
      const files = buildGeodataFiles({ contributedDir: folder });
      const merged = JSON.parse(files.get('geodata/layers/projects.geojson') ?? '{}').features.find(
        (/** @type {any} */ f) => f.properties.id === FEATURE
      );
      // The build keeps 6 decimals (~0.1 m), as it does for every position.
      const [lon, lat] = moved.feature.geometry.coordinates;
      assert.deepEqual(merged.geometry, {
        type: 'Point',
        coordinates: [Number(lon.toFixed(6)), Number(lat.toFixed(6))]
      });
      assert.equal(merged.properties.accuracy, 'contributed');
      assert.match(merged.properties.locationBasis, new RegExp(NOTE));

      // The backup carries it: removed, then restored from the backup file.
      await page.locator('.back').click();
      const backingUp = page.waitForEvent('download');
      await page.locator('[data-export-user-data]').click();
      const backup = await readFile(/** @type {string} */ (await (await backingUp).path()));
      assert.match(backup.toString('utf8'), /"placementFor":"baigu-village"/);
      await page.mouse.click(x + 60, y + 30);
      await page.locator('[data-placement-remove]').click();
      await page.locator('[data-placement-confirm-remove]').click();
      await page.locator('[data-place-start]').waitFor();
      assert.deepEqual(await savedPlacements(page), []);
      await page.locator('.back').click();
      await page.setInputFiles('[data-restore-input]', {
        name: 'linghe-user-data.geojson',
        mimeType: 'application/geo+json',
        buffer: backup
      });
      await page.waitForFunction(
        () => document.querySelector('[data-import-message="backup-restored"]') !== null
      );
      const [restored] = await savedPlacements(page);
      assert.deepEqual(restored.feature, moved.feature);
      await waitForMapStill(page);
      await page.mouse.click(x + 60, y + 30);
      await page.locator(`[data-place-on-map="${FEATURE}"] [data-placement-yours]`).waitFor();
      assert.equal(
        await page.locator('[data-drawing]').count(),
        0,
        'a placement is not listed among the drawings'
      );
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('places a line, which the drawing tools leave alone', async () => {
    const visit = await site.visit('/?feature=baigu-river');
    const { page } = visit;
    try {
      await openFeature(page);
      await page.locator('[data-place-start]:not([disabled])').click();
      await page.locator('[data-place-tool="linestring"]').click();
      const points = [await mapPoint(page, 0.3, 0.3), await mapPoint(page, 0.5, 0.35)];
      for (const [x, y] of [...points, points[1]]) {
        await page.mouse.move(x, y, { steps: 3 });
        await page.mouse.click(x, y);
        await nextFrames(page);
      }
      await page.locator('[data-placement-yours]').waitFor();
      const [saved] = await savedPlacements(page);
      assert.equal(saved.feature.geometry.type, 'LineString');
      assert.equal(saved.feature.geometry.coordinates.length, 2);
      await page.locator('.back').click();
      assert.equal(await page.locator('[data-drawing]').count(), 0, 'not among the drawings');
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('on a phone the sheet steps down while placing and comes back', async () => {
    const visit = await site.visit(`/?feature=${FEATURE}`, PHONE);
    const { page } = visit;
    try {
      await openFeature(page);
      const sheet = page.locator('aside[data-sheet]');
      assert.notEqual(await sheet.getAttribute('data-sheet'), 'peek');
      await page.locator('[data-place-start]:not([disabled])').tap();
      await page.locator('[data-place-tool="point"]').tap();
      await page.waitForFunction(
        () => document.querySelector('aside[data-sheet]')?.getAttribute('data-sheet') === 'peek'
      );
      const bar = page.locator('[data-placing-bar]');
      await bar.waitFor();
      // The sheet slides down (a CSS transition) after its state says peek: wait for it to
      // settle with the bar clear above it, rather than measure it mid-slide.
      const clear = await page
        .waitForFunction(
          () => {
            const barRect = document.querySelector('[data-placing-bar]')?.getBoundingClientRect();
            const sheetRect = document.querySelector('aside[data-sheet]')?.getBoundingClientRect();
            return !!barRect && !!sheetRect && barRect.bottom <= sheetRect.top;
          },
          null,
          { timeout: 5_000 }
        )
        .then(() => true)
        .catch(() => false);
      assert.ok(clear, 'the bar is above the sheet, on the map');
      const sheetBox = await sheet.boundingBox();
      assert.ok(sheetBox, 'the sheet is shown');
      await waitForMapStill(page);
      await page.touchscreen.tap(195, Math.round(sheetBox.y / 2));
      await page.locator('[data-placement-yours]').waitFor();
      await page.waitForFunction(
        () => document.querySelector('aside[data-sheet]')?.getAttribute('data-sheet') === 'half'
      );
      assert.equal((await savedPlacements(page)).length, 1);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
