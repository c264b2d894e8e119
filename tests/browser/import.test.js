// Bring your own boundaries (issue #5) in a real browser: the whole bad-file corpus through the
// import control, a good layer on the map with its area, the CRS question answered, hostile
// names shown as text, layers that survive a reload, delete with a confirmation step, the backup
// exported and restored, a dropped file, cancel — and an imported boundary that makes /audit say
// verified (or mismatch) for 紫荆产业园.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  startSite,
  waitForMapReady,
  PROJECT_ROOT,
  assertClean,
  nextFrames,
  waitForMapStill
} from './harness.js';
import { ellipsoidalArea } from '../../src/lib/geo/area.js';
import { formatAreaAll } from '../../src/lib/geo/units.js';
import { decodePng } from './png.js';

const CORPUS = path.join(PROJECT_ROOT, 'tests/fixtures/import');
/** @type {{ files: Record<string, { status: string, fileError?: string, crsQuestion?: string, suggestedCrs?: string, usable?: number, codes?: string[], notices?: string[], message?: string }> }} */
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'expected.json'), 'utf8'));
const IMPORT_TIMEOUT_MS = 20_000;

/** 紫荆产业园 is drawn schematically around here (geodata/layers/structure.geojson). */
const ZIJING_CENTRE = [121.229, 41.1235];
const ZIJING = 'zijing-industrial-park';

/**
 * A square of about `km2` km² centred on `centre`, as a GeoJSON Feature.
 * @param {number[]} centre [lon, lat]
 * @param {number} km2
 * @param {Record<string, unknown>} properties
 * @returns {{ type: 'Feature', properties: Record<string, unknown>, geometry: import('geojson').Polygon }}
 */
function squareFeature([lon, lat], km2, properties) {
  const half = (Math.sqrt(km2) * 1000) / 2;
  const dLat = half / 111_132;
  const dLon = half / (111_320 * Math.cos((lat * Math.PI) / 180));
  const ring = [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat - dLat],
    [lon + dLon, lat + dLat],
    [lon - dLon, lat + dLat],
    [lon - dLon, lat - dLat]
  ];
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } };
}

/**
 * A one-feature GeoJSON file for page.setInputFiles.
 * @param {string} name
 * @param {object} feature
 */
function geojsonFile(name, feature) {
  const text = JSON.stringify({ type: 'FeatureCollection', features: [feature] });
  return { name, mimeType: 'application/geo+json', buffer: Buffer.from(text) };
}

/**
 * Opens the map page and waits until the map is drawn and the saved data is read.
 * @param {import('./harness.js').Site} site
 * @param {string} [urlPath] e.g. '/?lang=en' for the English UI
 */
async function openMap(site, urlPath = '/') {
  const visit = await site.visit(urlPath);
  /** @type {string[]} */
  const dialogs = [];
  visit.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
  await visit.page.waitForSelector(
    '.user-layers :is(ul, .empty):not(:has-text("正在读取")):not(:has-text("Loading"))'
  );
  return { visit, page: visit.page, dialogs };
}

/**
 * Imports a file through the file input and waits for its report.
 * @param {import('playwright-core').Page} page
 * @param {string | { name: string, mimeType: string, buffer: Buffer }} file path or contents
 */
async function importThroughInput(page, file) {
  const name = typeof file === 'string' ? path.basename(file) : file.name;
  await page.setInputFiles('[data-import-input]', file);
  await page.waitForFunction(
    (expected) =>
      document.querySelector('[data-import-status]')?.getAttribute('data-file') === expected &&
      !document.querySelector('[data-import-busy]'),
    name,
    { timeout: IMPORT_TIMEOUT_MS }
  );
  return page.locator('[data-import-status]').getAttribute('data-import-status');
}

/**
 * The map canvas's pixels alone (every other element hidden for the screenshot).
 * @param {import('playwright-core').Page} page
 */
async function mapPixels(page) {
  const onlyCanvas = await page.addStyleTag({
    content:
      'body * { visibility: hidden !important; } ' +
      'canvas.maplibregl-canvas { visibility: visible !important; }'
  });
  const png = await page.locator('#map canvas.maplibregl-canvas').first().screenshot();
  await onlyCanvas.evaluate((style) => /** @type {Element} */ (style).remove());
  return decodePng(png);
}

/**
 * How many pixels differ clearly (by more than 24 in some channel) between two same-size images.
 * @param {{ rgba: Uint8Array }} before
 * @param {{ rgba: Uint8Array }} after
 */
function changedPixels(before, after) {
  let changed = 0;
  for (let i = 0; i < before.rgba.length; i += 4) {
    for (let channel = 0; channel < 3; channel++) {
      if (Math.abs(before.rgba[i + channel] - after.rgba[i + channel]) > 24) {
        changed++;
        break;
      }
    }
  }
  return changed;
}

/** @param {import('playwright-core').Page} page */
async function layerNames(page) {
  return page.locator('[data-user-layer-name]').allTextContents();
}

/**
 * Zooms to the only user layer and clicks the middle of the map, where its single polygon is.
 * @param {import('playwright-core').Page} page
 * @param {string} layerName
 */
async function openImportedPopup(page, layerName) {
  const row = page.locator('[data-user-layer]', { hasText: layerName });
  await row.locator('[data-zoom-layer]').click();
  await page.waitForFunction(() => document.body.dataset.mapReady === 'true');
  await waitForMapStill(page);
  const box = await page.locator('#map').boundingBox();
  assert.ok(box);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.maplibregl-popup [data-imported-feature]', { timeout: 10_000 });
  return page.locator('.maplibregl-popup [data-imported-feature]');
}

/**
 * Assigns the polygon in the open imported popup to a plan feature.
 * @param {import('playwright-core').Page} page
 * @param {string} planFeatureId
 */
async function assignOpenFeatureTo(page, planFeatureId) {
  const popup = page.locator('.maplibregl-popup [data-imported-feature]');
  await popup.locator('[data-imported-assign-target]').selectOption(planFeatureId);
  await popup.locator('[data-imported-assign]').click();
  await popup.locator(`[data-boundary-of="${planFeatureId}"]`).waitFor();
}

/**
 * The /audit row of a feature once the saved boundaries are read.
 * @param {import('playwright-core').Page} page
 * @param {string} featureId
 * @param {string} status
 */
async function auditRowWithStatus(page, featureId, status) {
  const row = page.locator(`tr[data-key$=":${featureId}"][data-status="${status}"]`);
  await row.waitFor({ timeout: 10_000 });
  return row;
}

describe('importing files on the map page', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  // The manifest's messages are fragments in one language or the other (the Node corpus test
  // checks both halves); the UI shows one, so each file is imported in the UI of its message's
  // language: Chinese (the default) or English (?lang=en).
  it('says what the manifest expects for every file of the corpus', async () => {
    const entries = Object.entries(manifest.files);
    const isChinese = (/** @type {any} */ expected) =>
      /\p{Script=Han}/u.test(expected.message ?? '');
    /** @type {string[]} */
    const failures = [];
    for (const [urlPath, group] of [
      ['/', entries.filter(([, expected]) => isChinese(expected))],
      ['/?lang=en', entries.filter(([, expected]) => !isChinese(expected))]
    ]) {
      const { visit, page, dialogs } = await openMap(site, /** @type {string} */ (urlPath));
      try {
        let layersExpected = 0;
        for (const [name, expected] of /** @type {[string, any][]} */ (group)) {
          const status = await importThroughInput(page, path.join(CORPUS, name));
          const panelText = (await page.locator('section.import').textContent()) ?? '';
          const fail = (/** @type {string} */ what) => failures.push(`${name}: ${what}`);
          if (status !== expected.status) fail(`status ${status}, expected ${expected.status}`);
          if (expected.message && !panelText.includes(expected.message)) {
            fail(`message “${expected.message}” not shown`);
          }
          if (expected.fileError) {
            const shown = await page.locator('[data-file-error]').getAttribute('data-file-error');
            if (shown !== expected.fileError) fail(`file error ${shown}`);
          }
          if (expected.crsQuestion) {
            const question = page.locator(`[data-crs-question="${expected.crsQuestion}"]`);
            if ((await question.count()) !== 1) fail('no CRS question');
            else if (expected.suggestedCrs && status === 'needs-crs') {
              const chosen = await question.locator('[data-crs-select]').inputValue();
              if (chosen !== expected.suggestedCrs) fail(`preselected ${chosen}`);
            }
          }
          for (const code of expected.codes ?? []) {
            const [problem, index] = code.split(':');
            const item = page.locator(`[data-problem="${problem}"][data-feature-index="${index}"]`);
            if ((await item.count()) === 0) fail(`problem ${code} not listed`);
          }
          for (const notice of expected.notices ?? []) {
            if ((await page.locator(`[data-notice="${notice}"]`).count()) === 0) {
              fail(`notice ${notice} not shown`);
            }
          }
          if (expected.usable !== undefined && status === 'ok') {
            layersExpected += 1;
            const usable = new RegExp(
              `可用要素 ${expected.usable} 个|${expected.usable} usable feature`
            );
            if (!usable.test(panelText)) {
              fail(`usable count ${expected.usable} not shown`);
            }
          }
        }
        assert.equal(
          (await layerNames(page)).length,
          layersExpected,
          `one layer per usable file (${urlPath})`
        );
        assertClean(visit, dialogs);
      } finally {
        await visit.close();
      }
    }
    assert.deepEqual(failures, [], failures.join('\n'));
  });

  it('draws a good GeoJSON layer with its ellipsoidal area; the layer survives a reload', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      const file = path.join(CORPUS, 'good-wgs84.geojson');
      assert.equal(await importThroughInput(page, file), 'ok');
      const collection = JSON.parse(await readFile(file, 'utf8'));
      const areaM2 = collection.features.reduce(
        (/** @type {number} */ sum, /** @type {any} */ f) => sum + ellipsoidalArea(f.geometry),
        0
      );
      const all = formatAreaAll(areaM2);
      const size = await page.locator('[data-user-layer-size]').textContent();
      assert.ok(
        size?.includes(`${all.mu} · ${all.hectares} · ${all.squareKilometres}`),
        size ?? ''
      );
      assert.match(
        (await page.locator('[data-user-layer-count]').textContent()) ?? '',
        /^5 个要素/
      );
      // A small layer has its outlines at every zoom, so no note about them.
      assert.equal(await page.locator('[data-user-layer-outline-note]').count(), 0);

      await page.reload();
      assert.ok((await waitForMapReady(page)).ready, 'map never became ready after the reload');
      await page.locator('[data-user-layer-name]', { hasText: 'good-wgs84.geojson' }).waitFor();
      assert.deepEqual(await layerNames(page), ['good-wgs84.geojson']);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('draws a big layer from tiles cut in a worker; a click finds the stored feature', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      // 61 × 51 squares (more than a GeoJSON source takes): the middle one is the layer's centre.
      const [columns, rows, step] = [61, 51, 0.0006];
      const features = [];
      for (let row = 0; row < rows; row++) {
        for (let column = 0; column < columns; column++) {
          const index = row * columns + column;
          const centre = [121.18 + column * step, 41.1 + row * step];
          features.push(squareFeature(centre, 0.0008, { name: `格 ${index}` }));
        }
      }
      const middle = Math.floor(rows / 2) * columns + Math.floor(columns / 2);
      const buffer = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
      const file = { name: 'grid.geojson', mimeType: 'application/geo+json', buffer };
      const drawn = '#map[data-user-layers-drawn="true"]';
      const before = await mapPixels(page);
      assert.equal(await importThroughInput(page, file), 'ok');
      await page.locator(drawn).waitFor({ timeout: IMPORT_TIMEOUT_MS });
      assert.match(
        (await page.locator('[data-user-layer-outline-note]').textContent()) ?? '',
        /缩小时显示为填充图，放大到 13 级显示轮廓，16 级显示名称/
      );
      // Zoomed out (the district view, below zoom 13), the layer is its overview: tiles the
      // tile worker paints on an OffscreenCanvas. The ~3 × 3 km grid must show on the map.
      const changed = changedPixels(before, await mapPixels(page));
      assert.ok(changed > 1000, `the overview changed only ${changed} pixels of the map`);
      let popup = await openImportedPopup(page, 'grid.geojson');
      assert.equal(await popup.locator('[data-imported-title]').textContent(), `格 ${middle}`);

      // Zoomed out two levels (below 13: the overview, a picture), a click still finds the
      // square under it — the tile worker says which — and only its popup is open.
      await page.keyboard.press('Escape');
      for (let k = 0; k < 2; k++) await page.locator('.maplibregl-ctrl-zoom-out').click();
      await waitForMapStill(page);
      const box = await page.locator('#map').boundingBox();
      assert.ok(box);
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      popup = page.locator('.maplibregl-popup [data-imported-feature]');
      await popup.waitFor({ timeout: 10_000 });
      assert.equal(await popup.locator('[data-imported-title]').textContent(), `格 ${middle}`);
      await nextFrames(page);
      assert.equal(await page.locator('.maplibregl-popup').count(), 1, 'one popup only');

      // Restored from IndexedDB after a reload, the layer is cut into tiles again.
      await page.reload();
      assert.ok((await waitForMapReady(page)).ready, 'map never became ready after the reload');
      await page.locator('[data-user-layer-name]', { hasText: 'grid.geojson' }).waitFor();
      await page.locator(drawn).waitFor({ timeout: IMPORT_TIMEOUT_MS });
      popup = await openImportedPopup(page, 'grid.geojson');
      assert.equal(await popup.locator('[data-imported-title]').textContent(), `格 ${middle}`);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('asks for the coordinate system of a Gauss-Krüger file and uses the answer', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      const file = path.join(CORPUS, 'projected-no-crs.geojson');
      assert.equal(await importThroughInput(page, file), 'needs-crs');
      assert.deepEqual(await layerNames(page), [], 'nothing is imported before the answer');
      const question = page.locator('[data-crs-question]');
      assert.match((await question.textContent()) ?? '', /坐标系决定数字对应地面上的哪个位置/);
      assert.equal(await question.locator('[data-crs-select]').inputValue(), 'EPSG:4549');
      await question.locator('[data-crs-select]').selectOption('EPSG:4549');
      await question.locator('[data-crs-import]').click();
      await page.locator('[data-import-status="ok"]').waitFor({ timeout: IMPORT_TIMEOUT_MS });
      assert.match((await page.locator('.report .crs').textContent()) ?? '', /EPSG:4549/);
      assert.deepEqual(await layerNames(page), ['projected-no-crs.geojson']);

      // A file that names its zone (EPSG:4527) is imported without a question.
      const declared = path.join(CORPUS, 'good-epsg4527.geojson');
      assert.equal(await importThroughInput(page, declared), 'ok');
      assert.match((await page.locator('.report .crs').textContent()) ?? '', /EPSG:4527/);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('shows hostile names and properties as text, without running anything', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      const hostile = '<img src=x onerror=alert(1)>地块';
      const fileName = '<img src=y onerror=alert(2)>.geojson';
      const feature = squareFeature(ZIJING_CENTRE, 1, {
        name: hostile,
        note: '<b>粗体</b><script>alert(3)</script>'
      });
      assert.equal(await importThroughInput(page, geojsonFile(fileName, feature)), 'ok');
      assert.deepEqual(await layerNames(page), [fileName]);
      assert.match(
        (await page.locator('[data-problem="html-in-text"]').textContent()) ?? '',
        /纯文本/
      );
      const popup = await openImportedPopup(page, fileName);
      assert.equal(await popup.locator('[data-imported-title]').textContent(), hostile);
      assert.match((await popup.textContent()) ?? '', /<b>粗体<\/b><script>alert\(3\)<\/script>/);
      assert.equal(await page.locator('.maplibregl-popup img, .maplibregl-popup b').count(), 0);
      assert.equal(await page.locator('section.import img, [data-user-layer] img').count(), 0);
      assert.match((await popup.locator('[data-imported-measure]').textContent()) ?? '', /公顷/);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('a boundary assigned to 紫荆产业园 makes /audit verify it, and a wrong one mismatch', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      const right = squareFeature(ZIJING_CENTRE, 6.9, { name: '紫荆产业园边界' });
      const rightArea = ellipsoidalArea(right.geometry);
      assert.ok(Math.abs(rightArea / 6.9e6 - 1) < 0.005, `test square is ${rightArea} m²`);
      assert.equal(
        await importThroughInput(page, geojsonFile('zijing-right.geojson', right)),
        'ok'
      );
      const popup = await openImportedPopup(page, 'zijing-right.geojson');
      const measured = (await popup.locator('[data-imported-measure]').textContent()) ?? '';
      assert.match(measured, /6\.9\d?平方公里/);
      await assignOpenFeatureTo(page, ZIJING);

      // The plan feature's own popup now tells about the boundary and its verdict.
      await page.keyboard.press('Escape');
      await page.locator(`[data-feature="${ZIJING}"]`).click();
      const planPopup = page.locator('.maplibregl-popup [data-user-boundary]');
      await planPopup.waitFor({ timeout: 10_000 });
      const planText = (await planPopup.textContent()) ?? '';
      assert.match(planText, /导入的边界/);
      assert.match(planText, /规划 6\.9平方公里/);
      assert.match(planText, /已核实/);

      await page.goto(`${site.url}/audit`);
      const verified = await auditRowWithStatus(page, ZIJING, 'verified');
      assert.match((await verified.textContent()) ?? '', /来源：导入的边界/);
      assert.match((await verified.textContent()) ?? '', /已核实/);

      await page.goto(`${site.url}/`);
      assert.ok((await waitForMapReady(page)).ready);
      const wrong = squareFeature(ZIJING_CENTRE, 4, { name: '偏小的边界' });
      assert.equal(
        await importThroughInput(page, geojsonFile('zijing-wrong.geojson', wrong)),
        'ok'
      );
      // Hide the first layer so the click reaches the new square.
      await page
        .locator('[data-user-layer]', { hasText: 'zijing-right.geojson' })
        .locator('[data-user-layer-toggle]')
        .uncheck();
      await openImportedPopup(page, 'zijing-wrong.geojson');
      await assignOpenFeatureTo(page, ZIJING);

      await page.goto(`${site.url}/audit`);
      const mismatch = await auditRowWithStatus(page, ZIJING, 'mismatch');
      assert.match((await mismatch.textContent()) ?? '', /不符/);

      // Removing the assignment (from the list in the sidebar) puts the schematic shape back.
      await page.goto(`${site.url}/`);
      assert.ok((await waitForMapReady(page)).ready);
      await page.locator(`[data-remove-assignment="${ZIJING}"]`).click();
      await page.locator(`[data-assignment="${ZIJING}"]`).waitFor({ state: 'detached' });
      await page.goto(`${site.url}/audit`);
      await page.locator('main[data-user-data="loaded"]').waitFor();
      await auditRowWithStatus(page, ZIJING, 'by-construction');
      assert.equal(await page.locator('[data-boundary-source]').count(), 0);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('deletes only after confirmation; exports a backup that restores everything', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      assert.equal(await importThroughInput(page, path.join(CORPUS, 'good.kml')), 'ok');
      const downloading = page.waitForEvent('download');
      await page.locator('[data-export-user-data]').click();
      const download = await downloading;
      assert.equal(download.suggestedFilename(), 'linghe-user-data.geojson');
      const exported = JSON.parse(
        await readFile(/** @type {string} */ (await download.path()), 'utf8')
      );
      assert.equal(exported.type, 'FeatureCollection');
      assert.equal(exported.features.length, 3);
      assert.equal(exported.linghePlanMap.layers[0].name, 'good.kml');
      for (const feature of exported.features) {
        assert.equal(feature.type, 'Feature');
        const { type, coordinates, geometries } = feature.geometry;
        assert.ok(
          /^(Multi)?(Point|LineString|Polygon)$/.test(type)
            ? Array.isArray(coordinates)
            : Array.isArray(geometries),
          `${type} is not a GeoJSON geometry`
        );
      }

      const row = page.locator('[data-user-layer]', { hasText: 'good.kml' });
      await row.locator('[data-delete-layer]').click();
      assert.match((await row.locator('.confirm').textContent()) ?? '', /不能撤销/);
      assert.deepEqual(await layerNames(page), ['good.kml'], 'nothing deleted before confirming');
      await row.locator('button', { hasText: '取消' }).click();
      assert.deepEqual(await layerNames(page), ['good.kml']);
      await row.locator('[data-delete-layer]').click();
      await row.locator('[data-confirm-delete-layer]').click();
      await page.locator('.user-layers .empty').waitFor();
      await page.reload();
      assert.ok((await waitForMapReady(page)).ready);
      await page.locator('.user-layers .empty').waitFor();

      // The backup dropped on the import control is restored, not imported as a layer.
      const backup = await readFile(/** @type {string} */ (await download.path()));
      await page.setInputFiles('[data-import-input]', {
        name: 'linghe-user-data.geojson',
        mimeType: 'application/geo+json',
        buffer: backup
      });
      await page.locator('[data-import-message="backup-restored"]').waitFor();
      assert.deepEqual(await layerNames(page), ['good.kml']);
      assert.equal(await page.locator('[data-import-status]').count(), 0, 'no import report');
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('imports a file dropped on the map, showing an overlay while it is dragged', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      const text = await readFile(path.join(CORPUS, 'good.kml'), 'utf8');
      const transfer = await page.evaluateHandle((kml) => {
        const data = new DataTransfer();
        data.items.add(
          new File([kml], 'dropped.kml', { type: 'application/vnd.google-earth.kml+xml' })
        );
        return data;
      }, text);
      const zone = page.locator('.drop-zone');
      await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
      await page.locator('[data-drop-overlay]').waitFor();
      await zone.dispatchEvent('drop', { dataTransfer: transfer });
      await page.locator('[data-drop-overlay]').waitFor({ state: 'detached' });
      await page.locator('[data-import-status="ok"][data-file="dropped.kml"]').waitFor({
        timeout: IMPORT_TIMEOUT_MS
      });
      assert.deepEqual(await layerNames(page), ['dropped.kml']);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('cancels a long import at once and keeps nothing of it', async () => {
    const { visit, page, dialogs } = await openMap(site);
    try {
      const features = [];
      for (let i = 0; i < 40_000; i++) {
        const lon = 121.13 + (i % 200) * 0.0006;
        const lat = 41.09 + Math.floor(i / 200) * 0.0003;
        features.push(squareFeature([lon, lat], 0.0004, { i }));
      }
      const buffer = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
      await page.setInputFiles('[data-import-input]', {
        name: 'many-parcels.geojson',
        mimeType: 'application/geo+json',
        buffer
      });
      await page.locator('[data-import-cancel]').click({ timeout: IMPORT_TIMEOUT_MS });
      await page.locator('[data-import-message="import-cancelled"]').waitFor();
      assert.equal(await page.locator('[data-import-busy]').count(), 0);
      assert.deepEqual(await layerNames(page), []);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });
});
