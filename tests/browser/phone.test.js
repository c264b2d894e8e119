// The map page on a phone (issue #11): a full-screen map with one bottom sheet for layers, the
// feature list and a feature's details; touch targets; nothing wider than the screen; English.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, assertClean, PHONE } from './harness.js';

/** @param {import('playwright-core').Page} page */
function sheetState(page) {
  return page.locator('aside.panel').getAttribute('data-sheet');
}

/**
 * Waits until the sheet rests at `state`: named so, and its height done moving to that height.
 * @param {import('playwright-core').Page} page
 * @param {'peek' | 'half' | 'full'} state
 */
function sheetRestsAt(page, state) {
  return page.waitForFunction((wanted) => {
    const panel = document.querySelector('aside.panel');
    if (!(panel instanceof HTMLElement) || panel.dataset.sheet !== wanted) return false;
    const target = parseFloat(panel.style.getPropertyValue('--sheet-height'));
    return Math.abs(panel.getBoundingClientRect().height - target) < 0.5;
  }, state);
}

/**
 * Elements that reach past the screen's left or right edge, unless an ancestor clips them.
 * @param {import('playwright-core').Page} page
 */
function elementsWiderThanScreen(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (/** @type {Element} */ element) => {
      for (let up = element.parentElement; up; up = up.parentElement) {
        const overflowX = getComputedStyle(up).overflowX;
        if (overflowX !== 'visible') return true;
      }
      return false;
    };
    const wide = [];
    for (const element of document.querySelectorAll('body *')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if ((rect.left < -1 || rect.right > width + 1) && !clipped(element)) {
        wide.push(
          `${element.tagName.toLowerCase()}.${element.className} ${rect.left}–${rect.right}`
        );
      }
    }
    if (document.documentElement.scrollWidth > width) {
      wide.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    return wide;
  });
}

/**
 * Drags the sheet's handle with a finger (CDP touch events, so pointer events are of type touch),
 * at an unhurried 0.25 px/ms: a drag, not a flick (the flick rule is pinned in sheet.test.ts).
 * @param {import('playwright-core').Page} page
 * @param {number} deltaY CSS px, negative upwards
 */
async function dragHandle(page, deltaY) {
  const box = await page.locator('[data-sheet-handle]').boundingBox();
  assert.ok(box, 'the sheet has a handle');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const steps = 8;
  const stepSeconds = Math.abs(deltaY) / steps / 250; // 0.25 px/ms
  const start = Date.now() / 1000;
  const send = (
    /** @type {'touchStart' | 'touchMove' | 'touchEnd'} */ type,
    /** @type {number} */ step,
    points = true
  ) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points ? [{ x, y: y + (deltaY * step) / steps }] : [],
      timestamp: start + step * stepSeconds
    });
  await send('touchStart', 0);
  for (let step = 1; step <= steps; step++) await send('touchMove', step);
  await send('touchEnd', steps, false);
  await cdp.detach();
}

describe('the map page on a 390 × 844 phone', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('fills the screen with the map, frames 凌河区 and scrolls nothing sideways', async () => {
    const visit = await site.visit('/', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const canvas = await visit.page.locator('#map canvas').boundingBox();
      const sheet = await visit.page.locator('aside.panel').boundingBox();
      assert.ok(canvas && sheet);
      const viewportArea = 390 * 844;
      const mapShowing = canvas.width * (sheet.y - canvas.y);
      assert.ok(
        mapShowing / viewportArea >= 0.7,
        `the map shows on ${((100 * mapShowing) / viewportArea).toFixed(0)}% of the screen`
      );
      assert.equal(await sheetState(visit.page), 'peek');
      // The district fits between the header and the sheet's peek (not a 50 km overview).
      const scale = await visit.page.locator('.maplibregl-ctrl-scale').innerText();
      const [, value, unit] = /^(\d+)\s*(m|km)$/.exec(scale.trim()) ?? [];
      assert.ok(unit === 'm' || Number(value) <= 5, `scale bar ${scale}`);
      assert.deepEqual(await elementsWiderThanScreen(visit.page), []);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('opens a tapped feature’s details in the sheet, not in a popup', async () => {
    const visit = await site.visit('/', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const box = await visit.page.locator('#map').boundingBox();
      const sheet = await visit.page.locator('aside.panel').boundingBox();
      assert.ok(box && sheet);
      // The first view fits 凌河区; its western part is 主城区 (一城), drawn as a polygon.
      const started = Date.now();
      await visit.page.touchscreen.tap(box.x + box.width * 0.3, box.y + (sheet.y - box.y) * 0.5);
      const details = visit.page.locator('aside.panel [data-feature-id]');
      await details.waitFor({ timeout: 10_000 });
      const tapToDetailsMs = Date.now() - started;
      console.log(`# tap to details on the phone viewport: ${tapToDetailsMs} ms`);
      assert.match(await details.innerText(), /主城区|中央大街/);
      assert.equal(await visit.page.locator('.maplibregl-popup').count(), 0, 'no popup');
      // The credits showed on load; once the map is used they fold into their ⓘ button.
      assert.equal(
        await visit.page.locator('.maplibregl-ctrl-attrib.maplibregl-compact').count(),
        1
      );
      assert.equal(await visit.page.locator('.maplibregl-compact-show').count(), 0);
      await sheetRestsAt(visit.page, 'half'); // the sheet rises to show them
      await visit.page.waitForURL(/feature=/);
      await visit.page.getByRole('button', { name: /返回列表/ }).tap();
      await details.waitFor({ state: 'detached' });
      assert.doesNotMatch(visit.page.url(), /feature=/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('finds a place by pinyin in the sheet’s search box and opens its details there', async () => {
    const visit = await site.visit('/', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const box = visit.page.getByRole('combobox', { name: '搜索' });
      assert.ok(await box.isVisible(), 'the search box shows in the peek');
      await box.tap();
      await sheetRestsAt(visit.page, 'full'); // the results show above the keyboard
      await box.fill('zjcyy');
      const first = visit.page.getByRole('option').first();
      await first.waitFor();
      assert.match(await first.innerText(), /紫荆产业园/);
      await box.press('Enter');
      const details = visit.page.locator('aside.panel [data-feature-id="zijing-industrial-park"]');
      await details.waitFor({ timeout: 10_000 });
      await sheetRestsAt(visit.page, 'half');
      await visit.page.waitForURL(/feature=zijing-industrial-park/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('moves the sheet between peek, half and full by tapping and dragging its handle', async () => {
    const visit = await site.visit('/', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const handle = visit.page.locator('[data-sheet-handle]');
      const heightOf = async () => (await visit.page.locator('aside.panel').boundingBox())?.height;
      await handle.tap();
      await sheetRestsAt(visit.page, 'half');
      await handle.tap();
      await sheetRestsAt(visit.page, 'full');
      await handle.tap();
      await sheetRestsAt(visit.page, 'peek');
      await dragHandle(visit.page, -300);
      await sheetRestsAt(visit.page, 'half');
      await dragHandle(visit.page, -300);
      await sheetRestsAt(visit.page, 'full');
      // The sheet's height settles at the full height, leaving a strip of map to drag it back by.
      await visit.page.waitForFunction(
        () => (document.querySelector('aside.panel')?.getBoundingClientRect().top ?? 0) > 48
      );
      const full = await heightOf();
      assert.ok(full && full > 600 && full < 844 - 48, `full height ${full}`);
      await dragHandle(visit.page, 500);
      await sheetRestsAt(visit.page, 'peek');
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('gives every control in the sheet a target of at least 44 px', async () => {
    const visit = await site.visit('/', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      await visit.page.locator('[data-sheet-handle]').tap();
      await sheetRestsAt(visit.page, 'half');
      await visit.page.locator('[data-sheet-handle]').tap();
      await sheetRestsAt(visit.page, 'full');
      const small = await visit.page.evaluate(() => {
        const found = [];
        const controls = document.querySelectorAll(
          'header a, header button, aside.panel button, aside.panel summary, aside.panel label'
        );
        for (const control of controls) {
          const rect = control.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          if (rect.height < 43.5) found.push(`${control.textContent?.trim()}: ${rect.height}px`);
        }
        return found;
      });
      assert.deepEqual(small, []);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('speaks English with ?lang=en, one language at a time, and remembers it', async () => {
    const visit = await site.visit('/?lang=en', PHONE);
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      await visit.page.waitForFunction(() => document.documentElement.lang === 'en');
      const header = await visit.page.locator('header.site-header').innerText();
      assert.match(header, /Plan text/);
      assert.doesNotMatch(header, /规划全文/);
      assert.match(await visit.page.locator('#layers-heading').innerText(), /^Layers$/);
      await visit.page.goto(new URL('/plan', visit.page.url()).href);
      await visit.page.waitForFunction(() => document.documentElement.lang === 'en');
      await visit.page.getByRole('button', { name: /切换到中文/ }).tap();
      await visit.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
      assert.match(await visit.page.locator('header.site-header').innerText(), /规划全文/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
