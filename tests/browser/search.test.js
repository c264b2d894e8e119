// The search box on /plan (issue #11): the index loads on first focus, pinyin finds places,
// the arrows move through grouped options, a picked paragraph opens /plan#<id>, the query filters
// the text and lives in ?q=, a place picked by its initials filters the text to its name, and a
// hostile query finds nothing and runs nothing — with no request leaving the origin and no
// console error.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, assertClean } from './harness.js';

const INDEX_PATH = '/search-index.json';
const HOSTILE = '<img src=x onerror=alert(1)>';
const PHRASE = '打造园区管理模式改革实验区'; // only in c5s1p4
const TIMEOUT_MS = 15_000;

/**
 * Opens a page, collecting native dialogs and requests for the index, and waits for the search
 * box to hydrate.
 * @param {import('./harness.js').Site} site
 * @param {string} urlPath
 */
async function open(site, urlPath) {
  const visit = await site.visit(urlPath, { viewport: { width: 390, height: 800 } });
  /** @type {string[]} */
  const dialogs = [];
  visit.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  /** @type {string[]} */
  const indexRequests = [];
  visit.page.on('request', (request) => {
    if (new URL(request.url()).pathname === INDEX_PATH) indexRequests.push(request.url());
  });
  await visit.page.waitForSelector('[data-search]', { timeout: TIMEOUT_MS });
  return { visit, page: visit.page, dialogs, indexRequests };
}

/** @param {import('playwright-core').Page} page */
const box = (page) => page.locator('input[role=combobox]');

/** @param {import('playwright-core').Page} page */
const waitForIndex = (page) =>
  page.waitForSelector('[data-search="ready"]', { timeout: TIMEOUT_MS });

/** @param {import('playwright-core').Page} page */
const shownParagraphs = (page) =>
  page.evaluate(() => [...document.querySelectorAll('.plan .paragraph')].map((p) => p.id));

describe('search box on /plan', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('loads the index only when the box is first focused, from the same origin', async () => {
    const { visit, page, dialogs, indexRequests } = await open(site, '/plan');
    try {
      assert.equal(await page.getAttribute('[data-search]', 'data-search'), 'idle');
      assert.deepEqual(indexRequests, [], 'the index was fetched before anyone searched');
      await box(page).focus();
      await waitForIndex(page);
      assert.equal(indexRequests.length, 1, `index requests: ${indexRequests.join(', ')}`);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('finds 紫荆产业园 first by pinyin, marked, and moves through options with the keys', async () => {
    const { visit, page, dialogs } = await open(site, '/plan');
    try {
      await box(page).click();
      await page.keyboard.type('zijing');
      const first = page.locator('[role=option]').first();
      await first.waitFor({ timeout: TIMEOUT_MS });
      assert.match((await first.textContent()) ?? '', /^紫荆产业园/);
      assert.equal(await first.locator('mark').first().textContent(), '紫荆');
      const groups = await page
        .locator('[role=listbox] [role=group]')
        .evaluateAll((els) =>
          els.map(
            (g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent
          )
        );
      assert.deepEqual(groups, ['地点'], 'zijing matches places only, grouped under 地点');
      assert.equal(await box(page).getAttribute('aria-expanded'), 'true');

      const ids = await page.locator('[role=option]').evaluateAll((els) => els.map((e) => e.id));
      const activeId = () => box(page).getAttribute('aria-activedescendant');
      const selected = () =>
        page
          .locator('[role=option][aria-selected=true]')
          .evaluateAll((els) => els.map((e) => e.id));
      await page.keyboard.press('ArrowDown');
      assert.equal(await activeId(), ids[0]);
      assert.deepEqual(await selected(), [ids[0]]);
      await page.keyboard.press('ArrowDown');
      assert.equal(await activeId(), ids[1]);
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      assert.equal(await activeId(), ids.at(-1), 'ArrowUp from the first option wraps to the last');

      await page.keyboard.press('Escape');
      assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
      assert.equal(await box(page).getAttribute('aria-activedescendant'), null);
      assert.equal(await box(page).inputValue(), 'zijing', 'the first Escape only closes the list');
      await page.keyboard.press('Escape');
      assert.equal(await box(page).inputValue(), '', 'the second Escape clears the box');
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('filters the text to what matches, keeps it in ?q=, and opens a picked paragraph', async () => {
    const { visit, page, dialogs } = await open(site, '/plan');
    try {
      const all = (await shownParagraphs(page)).length;
      await box(page).click();
      await page.keyboard.type(PHRASE);
      await page.waitForFunction(
        () => document.querySelectorAll('.plan .paragraph').length === 1,
        null,
        { timeout: TIMEOUT_MS }
      );
      assert.deepEqual(await shownParagraphs(page), ['c5s1p4']);
      assert.deepEqual(
        await page.evaluate(() =>
          [...document.querySelectorAll('.plan h2, .plan h3')].map((h) => h.id)
        ),
        ['c5', 'c5s1'],
        'the headings above the match stay'
      );
      assert.match((await page.locator('.search [role=status]').textContent()) ?? '', /1 处匹配/);
      assert.equal(new URL(page.url()).searchParams.get('q'), PHRASE);

      const groups = await page
        .locator('[role=listbox] [role=group]')
        .evaluateAll((els) =>
          els.map(
            (g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent
          )
        );
      assert.deepEqual(groups, ['规划原文']);
      const option = page.locator('[role=option]').first();
      assert.match((await option.textContent()) ?? '', /第五章 第一节 第4段/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#c5s1p4', { timeout: TIMEOUT_MS });
      assert.equal(new URL(page.url()).searchParams.get('q'), PHRASE, 'the filter stays');
      await page.waitForSelector('#c5s1p4.is-target', { timeout: TIMEOUT_MS });
      const inView = await page.evaluate(() => {
        const box = document.getElementById('c5s1p4')?.getBoundingClientRect();
        return box ? box.bottom > 0 && box.top < window.innerHeight : false;
      });
      assert.ok(inView, '#c5s1p4 is not scrolled into view');

      await page.locator('.search button.clear').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('.plan .paragraph').length === n,
        all,
        { timeout: TIMEOUT_MS }
      );
      assert.equal(new URL(page.url()).searchParams.get('q'), null, '?q= goes with the query');
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('filters the text to a place picked by its initials', async () => {
    const { visit, page, dialogs } = await open(site, '/plan');
    try {
      await box(page).click();
      await page.keyboard.type('zjcyy');
      await page.locator('[role=option]').first().waitFor({ timeout: TIMEOUT_MS });
      // In filter mode Enter alone closes the list (the text below is the answer).
      await page.keyboard.press('Enter');
      assert.equal(await box(page).getAttribute('aria-expanded'), 'false');
      await page.keyboard.press('ArrowDown');
      assert.equal(await box(page).getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      assert.equal(await box(page).inputValue(), '紫荆产业园');
      await page.waitForFunction(
        () => new URL(location.href).searchParams.get('q') === '紫荆产业园',
        null,
        { timeout: TIMEOUT_MS }
      );
      await page.waitForFunction(
        () => {
          const shown = [...document.querySelectorAll('.plan .paragraph')];
          return shown.length > 0 && shown.every((p) => p.textContent?.includes('紫荆产业园'));
        },
        null,
        { timeout: TIMEOUT_MS }
      );
      assert.ok((await shownParagraphs(page)).includes('c5s1p4'));
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it(`finds nothing and runs nothing for ${HOSTILE} in ?q=`, async () => {
    const { visit, page, dialogs } = await open(site, `/plan?q=${encodeURIComponent(HOSTILE)}`);
    try {
      await waitForIndex(page);
      assert.equal(await box(page).inputValue(), HOSTILE);
      await page.waitForFunction(
        () => document.querySelectorAll('.plan .paragraph').length === 0,
        null,
        {
          timeout: TIMEOUT_MS
        }
      );
      assert.match(
        (await page.locator('.search [role=status]').textContent()) ?? '',
        /没有匹配的段落/
      );
      assert.equal(await page.locator('[role=option]').count(), 0);
      assert.equal(await page.locator('img[src="x"]').count(), 0, 'the query became an element');
      // Typed, too.
      await box(page).fill('');
      await box(page).click();
      await page.keyboard.type(HOSTILE);
      await page.waitForFunction(
        (q) => new URL(location.href).searchParams.get('q') === q,
        HOSTILE,
        {
          timeout: TIMEOUT_MS
        }
      );
      assert.equal(await page.locator('[role=option]').count(), 0);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });
});
