// The land-figure audit page /audit in a real browser: the prerendered table hydrates, the
// tolerance round-trips through ?tol=, bad input gets a notice in the chosen language, both
// exports download the rows (CSV with a BOM and both languages, JSON that parses), and the page
// shows one language at a time (?lang=en).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { MAP_READY_TIMEOUT_MS, startSite, assertClean } from './harness.js';
import { strayText, waitForLang } from './language.js';

/**
 * Waits until the page has hydrated: onMount has read ?tol= and the saved boundaries
 * (`data-user-data="loaded"`), so the controls answer; then until the tolerance field shows
 * `value`. A wait that times out fails the test (it used to be swallowed).
 * @param {import('playwright-core').Page} page
 * @param {string} value
 */
async function waitForTolerance(page, value) {
  await page.locator('main[data-user-data="loaded"]').waitFor({ timeout: MAP_READY_TIMEOUT_MS });
  await page.waitForFunction(
    (expected) => {
      const input = document.querySelector('input[type="number"]');
      return input instanceof HTMLInputElement && input.value === expected;
    },
    value,
    { timeout: MAP_READY_TIMEOUT_MS }
  );
}

describe('audit page /audit', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('shows the heading, one row per figure and no errors or foreign requests', async () => {
    const visit = await site.visit('/audit');
    try {
      const { heading, rows, verifiedSchematic } = await visit.page.evaluate(() => ({
        heading: document.querySelector('h1')?.textContent ?? '',
        rows: document.querySelectorAll('tr[data-key]').length,
        verifiedSchematic: [...document.querySelectorAll('tr[data-status="verified"]')].filter(
          (tr) => tr.querySelector('.accuracy-schematic, .accuracy-derived')
        ).length
      }));
      assert.match(heading, /土地指标核对/);
      assert.ok(rows >= 9, `expected a row for each of the plan's 9 figures, found ${rows}`);
      assert.equal(verifiedSchematic, 0, 'a schematic or derived shape is marked verified');
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('reads ?tol= after hydration and keeps edits in the URL', async () => {
    const visit = await site.visit('/audit?tol=2.5');
    try {
      await waitForTolerance(visit.page, '2.5');
      const input = visit.page.locator('input[type="number"]');
      assert.equal(await input.inputValue(), '2.5', 'the tolerance field ignores ?tol=2.5');
      await input.fill('0.5');
      // replaceState changes the URL without a navigation: wait for the page's own location.
      await visit.page.waitForFunction(() => window.location.search === '?tol=0.5', null, {
        timeout: MAP_READY_TIMEOUT_MS
      });
      assert.match(
        visit.page.url(),
        /\/audit\?tol=0\.5$/,
        'editing the tolerance did not set ?tol='
      );
    } finally {
      await visit.close();
    }
  });

  it('explains a bad ?tol= in Chinese, or in English with ?lang=en, and keeps 1%', async () => {
    /** @type {[query: string, says: RegExp, never: RegExp][]} */
    const cases = [
      ['tol=abc', /网址参数 tol的值“abc”无效/, /URL parameter/],
      ['lang=en&tol=abc', /URL parameter tol "abc" is not valid/, /网址参数/]
    ];
    for (const [query, says, never] of cases) {
      const visit = await site.visit(`/audit?${query}`);
      try {
        await visit.page
          .locator('main[data-user-data="loaded"]')
          .waitFor({ timeout: MAP_READY_TIMEOUT_MS });
        const alert = visit.page.locator('[role="alert"]');
        const text = (await alert.count()) > 0 ? await alert.innerText() : '(no alert)';
        assert.match(text, says, `?${query}`);
        assert.doesNotMatch(text, never, `?${query}`);
        assert.equal(await visit.page.locator('input[type="number"]').inputValue(), '1');
        assertClean(visit);
      } finally {
        await visit.close();
      }
    }
  });

  it('is Chinese by default, with no English UI labels', async () => {
    const visit = await site.visit('/audit');
    try {
      assert.equal(await waitForLang(visit.page, 'zh-CN'), 'zh-CN');
      await waitForTolerance(visit.page, '1');
      const ui = await visit.page.evaluate(() => ({
        title: document.title,
        headers: [...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim()),
        status: document.querySelector('tr[data-key] .badge')?.textContent?.trim()
      }));
      assert.equal(ui.title, '土地指标核对 · 凌河规划地图');
      assert.deepEqual(ui.headers.slice(-3), ['状态', '精度', '要素']);
      assert.match(ui.status ?? '', /^[\p{Script=Han}]+$/u);
      assert.deepEqual(await strayText(visit.page, 'zh'), []);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('is English with ?lang=en, keeps ?lang= beside ?tol=, and exports both languages', async () => {
    const visit = await site.visit('/audit?lang=en');
    try {
      assert.equal(await waitForLang(visit.page, 'en'), 'en');
      await waitForTolerance(visit.page, '1');
      const ui = await visit.page.evaluate(() => ({
        title: document.title,
        heading: document.querySelector('h1')?.textContent?.trim(),
        headers: [...document.querySelectorAll('thead th')].map((th) => th.textContent?.trim()),
        status: document.querySelector('tr[data-key] .badge')?.textContent?.trim(),
        where: document.querySelector('tr[data-key] .where')?.textContent?.trim()
      }));
      assert.equal(ui.title, 'Land-figure audit · Linghe Plan Map');
      assert.equal(ui.heading, 'Land-figure audit');
      assert.deepEqual(ui.headers.slice(-3), ['Status', 'Accuracy', 'Feature']);
      assert.match(ui.status ?? '', /^[A-Z][a-z ]+$/);
      assert.match(ui.where ?? '', /^(Chapter \d+|Preamble)/);
      assert.deepEqual(await strayText(visit.page, 'en'), []);

      await visit.page.locator('input[type="number"]').fill('2');
      await visit.page.waitForFunction(() => window.location.search === '?tol=2&lang=en', null, {
        timeout: MAP_READY_TIMEOUT_MS
      });
      assert.match(
        visit.page.url(),
        /\/audit\?tol=2&lang=en$/,
        'editing the tolerance lost ?lang=en'
      );

      const [download] = await Promise.all([
        visit.page.waitForEvent('download', { timeout: MAP_READY_TIMEOUT_MS }),
        visit.page.getByRole('button', { name: 'Export CSV' }).click()
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      assert.match(csv, /段落编号 \(paragraph id\)/, 'the English UI changed the CSV header');
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('downloads linghe-audit.csv with a BOM and linghe-audit.json with the rows', async () => {
    const visit = await site.visit('/audit');
    try {
      await waitForTolerance(visit.page, '1');
      const save = async (/** @type {string} */ label) => {
        const [download] = await Promise.all([
          visit.page.waitForEvent('download', { timeout: MAP_READY_TIMEOUT_MS }),
          visit.page.getByRole('button', { name: label }).click()
        ]);
        const file = await download.path();
        return { name: download.suggestedFilename(), bytes: await readFile(file) };
      };
      const csv = await save('导出 CSV');
      assert.equal(csv.name, 'linghe-audit.csv');
      assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV has no UTF-8 BOM');
      assert.match(csv.bytes.toString('utf8'), /段落编号 \(paragraph id\).*\r\n/);
      const json = await save('导出 JSON');
      assert.equal(json.name, 'linghe-audit.json');
      const rows = JSON.parse(json.bytes.toString('utf8'));
      assert.ok(Array.isArray(rows) && rows.length >= 9, 'JSON export is not the list of rows');
    } finally {
      await visit.close();
    }
  });
});
