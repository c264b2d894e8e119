// Hostile files through the map page (issue #16), generated at run time from small recipes
// (scripts/hostile-files.js): a ZIP bomb whose headers lie, a file of 200 000 bad features whose
// report must summarise and page, and a fake backup that must be refused, naming the feature,
// with the saved layer kept.
// Each prints its time and the tab's peak memory (the renderer's VmHWM, as bench/import.js).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSite, waitForMapReady, PROJECT_ROOT, assertClean } from './harness.js';
import { MB, manyBadFeatures, zipBomb } from '../../scripts/hostile-files.js';

const IMPORT_TIMEOUT_MS = 30_000;

/**
 * Peak resident memory of the renderer processes from now on (Linux /proc, reset first).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<() => Promise<number | null>>} the largest renderer rise, bytes
 */
async function watchRendererPeak(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  /** @param {number} pid */
  const status = (pid) => {
    try {
      const text = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (/** @type {string} */ f) =>
        Number(new RegExp(`^${f}:\\s+(\\d+) kB`, 'm').exec(text)?.[1]) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return null;
    }
  };
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  /** @type {Map<number, number>} */
  const start = new Map();
  for (const pid of renderers) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      const s = status(pid);
      if (s) start.set(pid, s.rss);
    } catch {
      // not resettable here: no number
    }
  }
  return async () => {
    if (start.size === 0) return null;
    let rise = 0;
    for (const [pid, rss] of start) rise = Math.max(rise, (status(pid)?.peak ?? rss) - rss);
    return rise;
  };
}

/**
 * Opens the map with a long-task observer, imports `file` and waits for its report.
 * @param {import('./harness.js').Site} site
 * @param {string} file path
 */
async function importMeasured(site, file) {
  // In English, so the messages checked below are the English halves (the UI shows one language).
  const visit = await site.visit('/?lang=en');
  const { page } = visit;
  assert.ok((await waitForMapReady(page)).ready, 'map never became ready');
  await page.waitForSelector('.user-layers :is(ul, .empty):not(:has-text("Loading"))');
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const peak = await watchRendererPeak(site.browser);
  const started = Date.now();
  await page.setInputFiles('[data-import-input]', file);
  await page.waitForFunction(
    (name) =>
      document.querySelector('[data-import-status]')?.getAttribute('data-file') === name &&
      !document.querySelector('[data-import-busy]'),
    path.basename(file),
    { timeout: IMPORT_TIMEOUT_MS }
  );
  const ms = Date.now() - started;
  const peakBytes = await peak();
  const longestTaskMs = await page.evaluate(() => /** @type {any} */ (window).__longest);
  const measured = {
    file: path.basename(file),
    ms,
    rendererPeakMb: peakBytes === null ? null : Math.round(peakBytes / MB),
    longestTaskMs: Math.round(longestTaskMs)
  };
  console.log(`hostile ${JSON.stringify(measured)}`);
  return { visit, page, ms, peakBytes };
}

describe('hostile files on the map page (issue #16)', () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {string} */
  let dir;

  before(async () => {
    site = await startSite();
    dir = mkdtempSync(path.join(tmpdir(), 'linghe-hostile-'));
  });

  after(async () => {
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a ZIP whose headers claim 1 000 bytes for a 2 GB .shp stops at once, with one message', async () => {
    const file = path.join(dir, 'bomb.zip');
    writeFileSync(file, zipBomb());
    const { visit, page, ms, peakBytes } = await importMeasured(site, file);
    try {
      assert.equal(
        await page.locator('[data-file-error]').getAttribute('data-file-error'),
        'zip-size-mismatch'
      );
      assert.match(
        (await page.locator('[data-file-error]').textContent()) ?? '',
        /“bomb\.shp” does not expand to the 1000 bytes its header declares/
      );
      assert.ok(ms < 10_000, `${ms} ms`);
      if (peakBytes !== null) assert.ok(peakBytes < 400 * MB, `${peakBytes / MB} MB`);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('200 000 bad features: counted by kind, listed 50 at a time, the good one imported', async () => {
    const file = path.join(dir, 'many-bad.geojson');
    writeFileSync(file, manyBadFeatures(200_000));
    const { visit, page, ms } = await importMeasured(site, file);
    try {
      assert.equal(
        await page.locator('[data-import-status]').getAttribute('data-import-status'),
        'ok'
      );
      const counted = page.locator('[data-problem-count="non-numeric-coordinate"]');
      assert.match((await counted.textContent()) ?? '', /^200000 ×/);
      await page.locator('.problem-box summary').click();
      const items = page.locator('.problems li');
      assert.equal(await items.count(), 50);
      await page.locator('[data-show-more]').click();
      assert.equal(await items.count(), 100);
      assert.match(
        (await page.locator('[data-unlisted]').textContent()) ?? '',
        /190000 more problem\(s\) are counted/
      );
      // The whole panel stays small: no list item per problem.
      assert.ok((await page.locator('section.import li').count()) < 200);
      assert.ok(ms < 15_000, `${ms} ms`);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('a fake backup is refused naming the feature; the layer saved before survives a reload', async () => {
    const visit = await site.visit('/?lang=en');
    const { page } = visit;
    try {
      assert.ok((await waitForMapReady(page)).ready);
      await page.waitForSelector('.user-layers :is(ul, .empty):not(:has-text("Loading"))');
      await page.setInputFiles(
        '[data-import-input]',
        path.join(PROJECT_ROOT, 'tests/fixtures/import/good.kml')
      );
      await page.locator('[data-user-layer-name]', { hasText: 'good.kml' }).waitFor();
      await page.setInputFiles(
        '[data-import-input]',
        path.join(PROJECT_ROOT, 'tests/fixtures/backup/garbage-geometry.geojson')
      );
      const message = page.locator('[data-import-message="backup-feature-invalid"]');
      await message.waitFor();
      assert.match(
        (await message.textContent()) ?? '',
        /Feature #2: coordinate value "x" is not a number/
      );
      await page.reload();
      assert.ok((await waitForMapReady(page)).ready);
      await page.locator('[data-user-layer-name]', { hasText: 'good.kml' }).waitFor();
      assert.equal(await page.locator('[data-user-layer]').count(), 1);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
