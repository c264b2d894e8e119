// The land-figure audit page /audit in a real browser: the prerendered table hydrates, the
// tolerance round-trips through ?tol=, bad input gets a bilingual notice, and both exports
// download the rows (CSV with a BOM, JSON that parses).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { MAP_READY_TIMEOUT_MS, startSite, assertClean } from './harness.js';

/**
 * Waits until the page has hydrated: onMount has read ?tol= and the saved boundaries
 * (`data-user-data="loaded"`), so the controls answer. Before that the prerendered page shows
 * the default tolerance and its buttons do nothing, however long one waits.
 * @param {import('playwright-core').Page} page
 */
async function waitForHydration(page) {
  await page.locator('main[data-user-data="loaded"]').waitFor({ timeout: MAP_READY_TIMEOUT_MS });
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
      await waitForHydration(visit.page);
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

  it('explains a bad ?tol= in Chinese and English and keeps 1%', async () => {
    const visit = await site.visit('/audit?tol=abc');
    try {
      await waitForHydration(visit.page);
      const alert = visit.page.locator('[role="alert"]');
      const text = (await alert.count()) > 0 ? await alert.innerText() : '(no alert)';
      assert.match(text, /网址参数 tol/);
      assert.match(text, /URL parameter tol "abc"/);
      assert.equal(await visit.page.locator('input[type="number"]').inputValue(), '1');
    } finally {
      await visit.close();
    }
  });

  it('downloads linghe-audit.csv with a BOM and linghe-audit.json with the rows', async () => {
    const visit = await site.visit('/audit');
    try {
      await waitForHydration(visit.page);
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
