// The plan features on the map (issue #3): popups that quote the plan, ?feature= links, the
// feature list with unlocated places, layer toggles, the plan reader's chips, and text-only rendering
// of anything that comes from a URL.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite,
  waitForMapReady,
  assertClean,
  nextFrames,
  waitForMapStill,
  waitUntil
} from './harness.js';

/** @param {import('playwright-core').Page} page */
async function popupText(page) {
  await page.waitForSelector('.maplibregl-popup .feature', { timeout: 10_000 });
  return page.locator('.maplibregl-popup .feature').innerText();
}

describe('plan features on the map', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('opens /?feature=<id> on that feature with a popup quoting the plan', async () => {
    const visit = await site.visit('/?feature=zijing-industrial-park');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const text = await popupText(visit.page);
      assert.match(text, /紫荆产业园/);
      assert.match(text, /示意/, 'the accuracy badge says schematic');
      assert.match(text, /6\.9平方公里/, 'the plan figure is shown');
      assert.match(text, /亩.*公顷.*平方公里/s, 'the measured area in 亩, 公顷 and km²');
      assert.match(text, /按数值绘制|by construction/, 'schematic agreement is not verification');
      assert.doesNotMatch(text, /verified|已核实/);
      const link = visit.page.locator('.maplibregl-popup a[href$="/plan#c5s1p4"]').first();
      assert.match(await link.innerText(), /第五章 第一节/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('opens a popup when a feature on the map is clicked', async () => {
    const visit = await site.visit('/');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      // The first view fits 凌河区; its western half is 主城区 (一城), drawn as a polygon.
      const box = await visit.page.locator('#map').boundingBox();
      assert.ok(box);
      await visit.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
      const text = await popupText(visit.page);
      assert.match(text, /主城区|中央大街/);
      assert.match(new URL(visit.page.url()).search, /feature=/, 'the URL names the feature');
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('stops opening popups for a layer that is switched off', async () => {
    const visit = await site.visit('/');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      await visit.page.locator('[data-layer-toggle="structure"]').uncheck();
      await visit.page.locator('[data-layer-toggle="rivers"]').uncheck();
      await waitForMapStill(visit.page);
      const box = await visit.page.locator('#map').boundingBox();
      assert.ok(box);
      await visit.page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.5);
      // A popup would open within a frame or two of the click; the map settles after it.
      await waitForMapStill(visit.page);
      assert.equal(await visit.page.locator('.maplibregl-popup').count(), 0);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('lists features with no known position and shows their plan references', async () => {
    const visit = await site.visit('/');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      const item = visit.page.locator('button[data-feature="jinzhou-antiques-city"]');
      await visit.page.locator('summary', { hasText: '项目与地点' }).click();
      await item.click();
      const details = visit.page.locator('.details .feature');
      await details.waitFor({ timeout: 10_000 });
      const text = await details.innerText();
      assert.match(text, /锦州古玩城/);
      assert.match(text, /未上图|No basis for a position/);
      assert.ok((await details.locator('a[href*="/plan#c"]').count()) >= 1);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('says politely that an unknown ?feature= id does not exist', async () => {
    const visit = await site.visit('/?feature=no-such-place');
    try {
      const notice = visit.page.locator('.notice');
      await notice.waitFor({ timeout: 10_000 });
      assert.match(await notice.innerText(), /未找到要素“no-such-place”/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('shows markup from the URL as literal text and runs none of it', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const visit = await site.visit(`/?feature=${encodeURIComponent(hostile)}`);
    /** @type {string[]} */
    const dialogs = [];
    visit.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    try {
      const notice = visit.page.locator('.notice');
      await notice.waitFor({ timeout: 10_000 });
      assert.ok((await notice.innerText()).includes(hostile), 'the id is shown as typed');
      assert.equal(await notice.locator('img').count(), 0, 'no element was made from it');
      await nextFrames(visit.page);
      assert.deepEqual(dialogs, []);
    } finally {
      await visit.close();
    }
  });
});

describe('plan reader links to the map', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('puts a chip on c5s1p4 for each of the three parks, and the chip opens the map there', async () => {
    const visit = await site.visit('/plan#c5s1p4');
    try {
      const chips = visit.page.locator('#c5s1p4 .chips a');
      const labels = await chips.allInnerTexts();
      for (const park of ['紫荆产业园', '“松凌”飞地经济产业园', '军民融合产业园']) {
        assert.ok(
          labels.some((label) => label.includes(`在地图上查看 ${park}`)),
          `no chip for ${park} in ${labels.join(' | ')}`
        );
      }
      await visit.page.locator('#c5s1p4 .chips a', { hasText: '紫荆产业园' }).first().click();
      await visit.page.waitForURL(/\/\?feature=zijing-industrial-park/);
      assert.match(await popupText(visit.page), /紫荆产业园/);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('links place names inside the text to the map', async () => {
    const visit = await site.visit('/plan#c5s1p4');
    try {
      const place = visit.page.locator('#c5s1p4 a.place[href$="?feature=zijing-industrial-park"]');
      assert.ok((await place.count()) >= 1, '紫荆产业园 in the text is not a link');
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});

describe('online basemap', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('fetches nothing until the user turns one on, then only from the address given', async () => {
    const visit = await site.visit('/');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      assert.deepEqual(visit.foreignRequests, [], 'offline by default');
      await visit.page.locator('details.basemap summary').click();
      const input = visit.page.locator('[data-basemap-url]');
      await input.fill('https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}');
      await visit.page.locator('[data-basemap-on]').click();
      assert.match(await visit.page.locator('.basemap [role="alert"]').innerText(), /GCJ-02/);
      assert.deepEqual(visit.foreignRequests, [], 'a refused address is never requested');

      await input.fill('https://tiles.example.invalid/{z}/{x}/{y}.png');
      await visit.page.locator('[data-basemap-on]').click();
      await waitUntil(() => visit.foreignRequests.length > 0, 'a tile request once turned on');
      for (const requested of visit.foreignRequests) {
        assert.match(requested, /^https:\/\/tiles\.example\.invalid\/\d+\/\d+\/\d+\.png$/);
      }
      // Blocked tile requests are expected to log errors; only page errors count here.
      assert.deepEqual(visit.pageErrors, []);
    } finally {
      await visit.close();
    }
  });

  it('remembers the choice across reloads, and forgets it when turned off', async () => {
    const visit = await site.visit('/');
    try {
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
      await visit.page.locator('details.basemap summary').click();
      await visit.page
        .locator('[data-basemap-url]')
        .fill('https://tiles.example.invalid/{z}/{x}/{y}.png');
      await visit.page.locator('[data-basemap-on]').click();
      await visit.page.reload();
      assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready after reload');
      assert.match(await visit.page.locator('details.basemap summary').innerText(), /已开启/);
      await visit.page.locator('details.basemap summary').click();
      await visit.page.locator('[data-basemap-off]').click();
      await visit.page.reload();
      assert.match(await visit.page.locator('details.basemap summary').innerText(), /· 关闭$/);
    } finally {
      await visit.close();
    }
  });
});
