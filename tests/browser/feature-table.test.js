// The feature table /features in a real browser: every plan feature is there without JavaScript,
// the columns sort (aria-sort on the header), the filters narrow the rows and live in the URL so
// a view can be shared, hostile URL values are ignored, and the page speaks one language at a time.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT, startSite, assertClean } from './harness.js';
import { strayText, waitForLang } from './language.js';

const READY_TIMEOUT_MS = 10_000;
const LAYER_FILES = ['structure', 'rivers', 'parks', 'projects'];

/** @returns {Promise<string[]>} the id of every plan feature in geodata/layers/ */
async function planFeatureIds() {
  const ids = [];
  for (const layer of LAYER_FILES) {
    const file = path.join(PROJECT_ROOT, 'geodata/layers', `${layer}.geojson`);
    const collection = JSON.parse(await readFile(file, 'utf8'));
    ids.push(...collection.features.map((/** @type {any} */ f) => f.properties.id));
  }
  return ids;
}

/** @param {import('playwright-core').Page} page */
async function waitForReady(page) {
  await page
    .waitForSelector('main[data-ready="true"]', { timeout: READY_TIMEOUT_MS })
    .catch(() => undefined);
}

/** @param {import('playwright-core').Page} page */
function rowIds(page) {
  return page.$$eval('tbody tr[data-id]', (rows) => rows.map((row) => row.getAttribute('data-id')));
}

describe('feature table /features', () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {string[]} */
  let allIds;

  before(async () => {
    site = await startSite();
    allIds = await planFeatureIds();
  });

  after(async () => {
    await site?.close();
  });

  it('lists every plan feature without JavaScript, with links to the plan and the map', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/features`);
      assert.deepEqual((await rowIds(page)).sort(), [...allIds].sort());
      const table = await page.evaluate(() => ({
        planLinks: document.querySelectorAll('tbody a[href*="plan#c"]').length,
        mapLinks: document.querySelectorAll('tbody a[href*="?feature="]').length,
        notOnMap: document.querySelectorAll('tbody .not-on-map').length,
        sizes: document.querySelectorAll('tbody td[data-size]:not([data-size=""])').length,
        zijing: document.querySelector('tr[data-id="zijing-industrial-park"]')?.textContent ?? ''
      }));
      assert.ok(table.planLinks >= allIds.length, `only ${table.planLinks} plan references`);
      assert.ok(table.notOnMap > 0, 'no feature says 未上图');
      assert.equal(table.mapLinks + table.notOnMap, allIds.length);
      assert.ok(table.sizes > 0, 'no measured size');
      assert.match(table.zijing, /紫荆产业园/);
      assert.match(table.zijing, /\d+亩 · 6\.9\d*平方公里/);
      assert.match(table.zijing, /未上图|在地图上查看/);
    } finally {
      await context.close();
    }
  });

  it('is Chinese by default, English with ?lang=en, each without the other language', async () => {
    const zh = await site.visit('/features');
    try {
      assert.equal(await waitForLang(zh.page, 'zh-CN'), 'zh-CN');
      await waitForReady(zh.page);
      assert.equal(await zh.page.title(), '要素列表 · 凌河规划地图');
      assert.match(await zh.page.locator('tbody .not-on-map').first().innerText(), /^未上图$/);
      assert.deepEqual(await strayText(zh.page, 'zh'), []);
      assertClean(zh);
    } finally {
      await zh.close();
    }
    const en = await site.visit('/features?lang=en');
    try {
      assert.equal(await waitForLang(en.page, 'en'), 'en');
      await waitForReady(en.page);
      const ui = await en.page.evaluate(() => ({
        title: document.title,
        headers: [...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim()),
        zijing: document.querySelector('tr[data-id="zijing-industrial-park"] th')?.textContent,
        size: document.querySelector('tr[data-id="zijing-industrial-park"] td[data-size]')
          ?.textContent,
        notOnMap: document.querySelector('tbody .not-on-map')?.textContent
      }));
      assert.equal(ui.title, 'Feature table · Linghe Plan Map');
      assert.match(ui.headers[0] ?? '', /^Name/);
      assert.equal(ui.headers.at(-1), 'Map');
      assert.match(ui.zijing ?? '', /紫荆产业园\s+Zijing Industrial Park/);
      assert.match(ui.size ?? '', /\d+ mu · 6\.9\d* km²/);
      assert.equal(ui.notOnMap, 'not on the map');
      assert.deepEqual(await strayText(en.page, 'en'), []);
      assertClean(en);
    } finally {
      await en.close();
    }
  });

  it('sorts by a column with its header button, both ways, and says so with aria-sort', async () => {
    const visit = await site.visit('/features');
    try {
      await waitForReady(visit.page);
      const button = visit.page.locator('thead button[data-sort="size"]');
      const sizes = () =>
        visit.page.$$eval('tbody td[data-size]', (cells) =>
          cells
            .map((cell) => cell.getAttribute('data-size'))
            .filter(Boolean)
            .map(Number)
        );
      const ariaSort = () =>
        visit.page.locator('thead th:has(button[data-sort="size"])').getAttribute('aria-sort');

      await button.click();
      assert.equal(await ariaSort(), 'ascending');
      await visit.page.waitForURL(/sort=size$/, { timeout: READY_TIMEOUT_MS }).catch(() => null);
      assert.match(visit.page.url(), /\/features\?sort=size$/);
      const up = await sizes();
      assert.ok(up.length > 2, 'nothing measured');
      // Areas come before lengths; the first few are areas, in increasing order.
      assert.ok(up[0] <= up[1], `not ascending: ${up.slice(0, 3)}`);

      await button.click();
      assert.equal(await ariaSort(), 'descending');
      const down = await sizes();
      assert.ok(down[0] >= down[1], `not descending: ${down.slice(0, 3)}`);
      await visit.page.waitForURL(/sort=-size$/, { timeout: READY_TIMEOUT_MS }).catch(() => null);
      assert.match(visit.page.url(), /sort=-size$/);
      // The sort buttons are reachable from the keyboard.
      await visit.page.locator('thead button[data-sort="name"]').focus();
      await visit.page.keyboard.press('Enter');
      assert.equal(
        await visit.page
          .locator('thead th:has(button[data-sort="name"])')
          .getAttribute('aria-sort'),
        'ascending'
      );
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('filters by text, layer and accuracy, keeps them in the URL, and a shared URL restores them', async () => {
    const visit = await site.visit('/features');
    let shared = '';
    try {
      await waitForReady(visit.page);
      await visit.page.locator('input[name="q"]').fill('紫荆产业园');
      assert.deepEqual(await rowIds(visit.page), ['zijing-industrial-park']);
      await visit.page.locator('input[name="q"]').fill('');
      await visit.page.locator('select[name="layer"]').selectOption('parks');
      await visit.page.locator('select[name="accuracy"]').selectOption('schematic');
      const filtered = await visit.page.$$eval('tbody tr[data-id]', (rows) =>
        rows.map((row) => `${row.getAttribute('data-layer')}/${row.getAttribute('data-accuracy')}`)
      );
      assert.ok(filtered.length > 0 && filtered.length < allIds.length, `${filtered.length} rows`);
      assert.deepEqual([...new Set(filtered)], ['parks/schematic']);
      await visit.page
        .waitForURL(/layer=parks&accuracy=schematic$/, { timeout: READY_TIMEOUT_MS })
        .catch(() => null);
      shared = new URL(visit.page.url()).search;
      assert.equal(shared, '?layer=parks&accuracy=schematic');
      assertClean(visit);
    } finally {
      await visit.close();
    }
    const again = await site.visit(`/features${shared}`);
    try {
      await waitForReady(again.page);
      assert.equal(await again.page.locator('select[name="layer"]').inputValue(), 'parks');
      const layers = await again.page.$$eval('tbody tr[data-id]', (rows) =>
        rows.map((row) => row.getAttribute('data-layer'))
      );
      assert.ok(layers.length > 0 && layers.every((layer) => layer === 'parks'));
      assertClean(again);
    } finally {
      await again.close();
    }
  });

  it('ignores hostile URL values and shows the text filter as text', async () => {
    const hostile = `?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&layer=%3Cscript%3E&accuracy=verified&sort=__proto__`;
    const visit = await site.visit(`/features${hostile}`);
    /** @type {string[]} */
    const dialogs = [];
    visit.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await waitForReady(visit.page);
      assert.equal(await visit.page.locator('select[name="layer"]').inputValue(), '');
      assert.equal(await visit.page.locator('select[name="accuracy"]').inputValue(), '');
      assert.equal(
        await visit.page.locator('input[name="q"]').inputValue(),
        '<img src=x onerror=alert(1)>'
      );
      assert.equal(await visit.page.locator('main img').count(), 0);
      assert.equal(await visit.page.locator('thead th[aria-sort]').count(), 1);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });
});
