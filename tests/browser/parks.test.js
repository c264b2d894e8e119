// The park profiles (issue #13) in a real browser: the list, every profile page (also without
// JavaScript), the comparison with its shareable URL and hostile ids, English mode, and the
// downloads — with no console errors and nothing leaving the origin.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, assertClean, waitForMapReady } from './harness.js';

const HYDRATION_TIMEOUT_MS = 10_000;
const THREE_PARKS = [
  'zijing-industrial-park',
  'songling-enclave-industrial-park',
  'military-civilian-industrial-park'
];

describe('park profiles /parks', () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {{ id: string, name: string }[]} */
  let parks = [];

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('lists the 三园, the zone and the other carriers, each linking to its profile', async () => {
    const visit = await site.visit('/parks');
    try {
      parks = await visit.page.evaluate(() =>
        [...document.querySelectorAll('tr[data-park]')].map((tr) => ({
          id: /** @type {HTMLElement} */ (tr).dataset.park ?? '',
          name: tr.querySelector('th a')?.textContent?.trim() ?? ''
        }))
      );
      assert.ok(parks.length >= 15, `expected the carriers listed, found ${parks.length}`);
      assert.deepEqual(
        parks.slice(0, 4).map((p) => p.id),
        [...THREE_PARKS, 'shuangling-demo-zone']
      );
      const groups = await visit.page.locator('h2').allTextContents();
      assert.deepEqual(groups, ['三园', '“一区”：“双凌”协同发展示范区', '其他产业载体']);
      assert.equal(
        await visit.page.locator('nav a[aria-current="page"]').textContent(),
        '园区',
        'the header does not mark 园区 as the current page'
      );
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('opens every profile page: name, area or its absence, chips linking to the plan', async () => {
    assert.ok(parks.length > 0, 'the list test found no parks');
    for (const park of parks) {
      const visit = await site.visit(`/parks/${park.id}`);
      try {
        const page = visit.page;
        assert.equal((await page.locator('h1').textContent())?.trim(), park.name);
        const headings = await page.locator('h2').allTextContents();
        for (const expected of ['规划面积', '定位', '规划产业', '位置', '链接与下载']) {
          assert.ok(headings.includes(expected), `${park.id}: no “${expected}” section`);
        }
        const chipHrefs = await page
          .locator('a.chip')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        for (const href of chipHrefs) {
          assert.match(href, /\/plan#c\d+(s\d+)?p\d+$/, `${park.id}: chip links to ${href}`);
        }
        assert.ok(
          (await page.locator(`a[href$="?feature=${park.id}"]`).count()) > 0,
          `${park.id}: no link to the map`
        );
        assertClean(visit);
      } finally {
        await visit.close();
      }
    }
  });

  it('reads without JavaScript: the 松凌 park’s area, positioning and map are in the HTML', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}/parks/songling-enclave-industrial-park`);
      const text = await page.locator('main').innerText();
      assert.match(text, /835/);
      assert.match(text, /55\.67/);
      assert.match(text, /0\.5567/);
      assert.match(text, /打造全域转身向海和临港经济桥头堡/);
      assert.match(text, /位置为示意，面积按规划绘制/);
      assert.match(text, /规划对“三园”整体的表述/, 'the shared 三园 industries are not marked');
      assert.equal(await page.locator('svg[role="img"] title').count(), 1, 'no mini map');
    } finally {
      await context.close();
    }
  });

  it('shows English headings and the Chinese quotes with ?lang=en', async () => {
    const visit = await site.visit('/parks/zijing-industrial-park?lang=en');
    try {
      await visit.page
        .waitForFunction(() => document.documentElement.lang === 'en', null, {
          timeout: HYDRATION_TIMEOUT_MS
        })
        .catch(() => undefined);
      const headings = await visit.page.locator('h2').allTextContents();
      assert.ok(headings.includes('Planned area'), `headings: ${headings.join(' | ')}`);
      assert.match((await visit.page.locator('h1').textContent()) ?? '', /Zijing Industrial Park/);
      assert.match(
        (await visit.page.locator('blockquote').first().textContent()) ?? '',
        /紫荆产业园规划面积6\.9平方公里/
      );
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('compares the 三园 side by side from a shareable URL and keeps edits in it', async () => {
    const visit = await site.visit(`/parks/compare?ids=${THREE_PARKS.join(',')}`);
    try {
      const page = visit.page;
      await page.waitForSelector('main[data-ready="true"]', { timeout: HYDRATION_TIMEOUT_MS });
      const columns = await page
        .locator('thead th[data-park]')
        .evaluateAll((ths) => ths.map((th) => /** @type {HTMLElement} */ (th).dataset.park));
      assert.deepEqual(columns, THREE_PARKS);
      const table = await page.locator('table').innerText();
      for (const figure of ['10350', '835', '1161']) assert.match(table, new RegExp(figure));
      await page.locator('input[value="shuangling-demo-zone"]').check();
      await page
        .waitForURL(/shuangling-demo-zone/, { timeout: HYDRATION_TIMEOUT_MS })
        .catch(() => undefined);
      assert.match(
        page.url(),
        /\/parks\/compare\?ids=zijing-industrial-park,songling-enclave-industrial-park,military-civilian-industrial-park,shuangling-demo-zone$/
      );
      assert.equal(await page.locator('thead th[data-park]').count(), 4);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('gives unknown or hostile ids a quiet notice, never a throw or markup', async () => {
    /** @type {string[]} */
    const dialogs = [];
    const hostile = encodeURIComponent('<img src=x onerror=alert(1)>');
    const visit = await site.visit(
      `/parks/compare?ids=${hostile},zijing-industrial-park,no-such-park,%E0%A4%A`
    );
    visit.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      const page = visit.page;
      await page.waitForSelector('main[data-ready="true"]', { timeout: HYDRATION_TIMEOUT_MS });
      const notice = (await page.locator('.notice').allTextContents()).join(' ');
      assert.match(notice, /未知的园区编号/);
      assert.match(notice, /no-such-park/);
      assert.match(notice, /<img src=x onerror=alert\(1\)>/, 'the hostile id is not shown as text');
      assert.equal(await page.locator('main img').count(), 0, 'the hostile id became markup');
      assert.match(notice, /请至少选择两个园区/);
      assert.equal(await page.locator('thead th[data-park]').count(), 1);
      assertClean(visit, dialogs);
    } finally {
      await visit.close();
    }
  });

  it('downloads a profile as JSON and all profiles as CSV with a BOM', async () => {
    const json = await fetch(`${site.url}/parks/military-civilian-industrial-park/profile.json`);
    assert.equal(json.status, 200);
    assert.match(json.headers.get('content-type') ?? '', /application\/json/);
    const { profile } = await json.json();
    assert.equal(profile.areas[0].mu, 1161);
    assert.deepEqual(
      profile.areas[0].sources.map((/** @type {{ paragraphId: string }} */ s) => s.paragraphId),
      ['c1s1p2', 'c5s1p4']
    );
    const csv = await fetch(`${site.url}/parks.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV has no UTF-8 BOM');
    const text = new TextDecoder().decode(bytes);
    assert.match(text, /songling-enclave-industrial-park,“松凌”飞地经济产业园,area,835亩/);
  });

  it('filters the map’s plan features by industry and theme, and opens one', async () => {
    const visit = await site.visit('/');
    try {
      const page = visit.page;
      const { ready } = await waitForMapReady(page);
      assert.ok(ready, 'the map did not become ready');
      await page.locator('select[data-filter="industry"]').selectOption('pharma');
      await page.waitForSelector('.industry-filter .count', { timeout: HYDRATION_TIMEOUT_MS });
      const kept = await page
        .locator('.industry-filter .kept button')
        .evaluateAll((buttons) =>
          buttons.map((b) => /** @type {HTMLElement} */ (b).dataset.feature)
        );
      for (const id of ['zijing-industrial-park', 'tianjin-ruyi-pharmaceutical']) {
        assert.ok(kept.includes(id), `医药 keeps ${kept.join(', ')}, not ${id}`);
      }
      assert.ok(!kept.includes('sikai-logistics-park'), '医药 keeps the logistics park');
      await page.locator('select[data-filter="theme"]').selectOption('agriculture');
      await page.waitForFunction(
        () => !document.querySelector('.industry-filter [data-feature="zijing-industrial-park"]'),
        null,
        { timeout: HYDRATION_TIMEOUT_MS }
      );
      await page.locator('select[data-filter="industry"]').selectOption('logistics');
      await page.locator('.industry-filter [data-feature="sikai-logistics-park"]').click();
      await page.waitForURL(/[?&]feature=sikai-logistics-park(&|#|$)/, {
        timeout: HYDRATION_TIMEOUT_MS
      });
      // The logistics park has no position: its details take the panel, with a way back.
      await page.locator('aside.panel [data-feature-id="sikai-logistics-park"]').waitFor();
      assert.match(
        page.url(),
        /industry=logistics&theme=agriculture/,
        'the choice is not in the URL'
      );
      await page.getByRole('button', { name: /返回列表/ }).click();
      await page.locator('.industry-filter .clear').click();
      assert.equal(await page.locator('.industry-filter .count').count(), 0);
      assert.doesNotMatch(page.url(), /industry=|theme=/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('tells residents what the plan commits to for each renewal, housing and river project', async () => {
    const visit = await site.visit('/projects');
    try {
      const rows = await visit.page.locator('tr[data-project]').count();
      assert.ok(rows >= 20, `expected a row per project, found ${rows}`);
      const row = visit.page.locator('tr[data-project="tiexinnanli-redevelopment"]');
      assert.match((await row.innerText()) ?? '', /适时启动铁新南里、北山里等棚改任务/);
      assert.equal(await row.locator('a[href$="/plan#c5s5p4"]').count(), 1);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('opens the map filtered from a shared link, ignoring an unknown value', async () => {
    const visit = await site.visit('/?industry=fine-chemicals&theme=%3Cscript%3E');
    try {
      const page = visit.page;
      await page.waitForSelector('.industry-filter .count', { timeout: HYDRATION_TIMEOUT_MS });
      assert.equal(
        await page.locator('select[data-filter="industry"]').inputValue(),
        'fine-chemicals'
      );
      assert.equal(await page.locator('select[data-filter="theme"]').inputValue(), '');
      const kept = await page
        .locator('.industry-filter .kept button')
        .evaluateAll((buttons) =>
          buttons.map((b) => /** @type {HTMLElement} */ (b).dataset.feature)
        );
      assert.deepEqual(kept.slice(0, 3).sort(), [...THREE_PARKS].sort());
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
