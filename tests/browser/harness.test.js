// Checks the browser harness itself on a throw-away site, so a green map/plan test means something:
// it must catch foreign requests (also from workers), console errors and page errors, decode
// screenshots correctly, and fail with one clear line when Chromium is missing.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startSite,
  launchChromium,
  CHROMIUM_ARGS,
  CHROMIUM_NOT_FOUND,
  PLAYWRIGHT_DISABLED_FEATURES,
  waitUntil
} from './harness.js';
import { decodePng, paintStats } from './png.js';

// Loopback but another origin: even if blocking failed, nothing would leave the machine.
const FOREIGN = 'http://127.0.0.2:9';

const MISBEHAVING_PAGE = `<!doctype html><meta charset="utf-8"><title>bad</title>
<img src="${FOREIGN}/pixel.png" alt="">
<script>
  console.error('deliberate console error');
  fetch('${FOREIGN}/data.json').catch(() => {});
  new Worker('worker.js');
  setTimeout(() => { throw new Error('deliberate page error'); }, 0);
</script>`;
const WORKER = `fetch('${FOREIGN}/from-worker.json').catch(() => {});`;
const CLEAN_PAGE = `<!doctype html><meta charset="utf-8"><title>ok</title>
<style>body{margin:0;background:#fff}#a{display:flex;width:40px;height:20px}
#a div{flex:1}</style>
<div id="a"><div style="background:#ff0000"></div><div style="background:#0000ff"></div></div>
<script>fetch('data.json').then((r) => r.json()).then((d) => (document.title = d.title));</script>`;

describe('browser harness', () => {
  /** @type {string} */
  let root;
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'harness-test-'));
    writeFileSync(path.join(root, 'index.html'), CLEAN_PAGE);
    writeFileSync(path.join(root, 'data.json'), JSON.stringify({ title: 'loaded' }));
    writeFileSync(path.join(root, 'bad.html'), MISBEHAVING_PAGE);
    writeFileSync(path.join(root, 'worker.js'), WORKER);
    site = await startSite({ root });
  });

  after(async () => {
    await site?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('records foreign requests (page and worker), console errors and page errors', async () => {
    const visit = await site.visit('/bad');
    try {
      await waitUntil(
        () => visit.foreignRequests.length >= 3 && visit.pageErrors.length >= 1,
        'the page and its worker to make their three requests and throw'
      );
      const foreignPaths = visit.foreignRequests.map((url) => new URL(url).pathname).sort();
      assert.deepEqual(foreignPaths, ['/data.json', '/from-worker.json', '/pixel.png']);
      assert.ok(
        visit.consoleErrors.some((message) => message.includes('deliberate console error')),
        `console error not recorded: ${JSON.stringify(visit.consoleErrors)}`
      );
      assert.equal(visit.pageErrors.length, 1, JSON.stringify(visit.pageErrors));
      assert.match(visit.pageErrors[0], /deliberate page error/);
    } finally {
      await visit.close();
    }
  });

  it('records nothing for a page that stays on its origin', async () => {
    const visit = await site.visit('/');
    try {
      await visit.page.waitForFunction(() => document.title === 'loaded', null, { timeout: 5000 });
      assert.deepEqual(visit.foreignRequests, []);
      assert.deepEqual(visit.consoleErrors, []);
      assert.deepEqual(visit.pageErrors, []);
    } finally {
      await visit.close();
    }
  });

  it('decodes screenshots pixel for pixel', async () => {
    const visit = await site.visit('/');
    try {
      const png = await visit.page.locator('#a').screenshot();
      const image = decodePng(png);
      assert.equal(image.width, 40);
      assert.equal(image.height, 20);
      /** @param {number} x @param {number} y */
      const pixel = (x, y) =>
        Array.from(image.rgba.subarray((y * 40 + x) * 4, (y * 40 + x) * 4 + 4));
      assert.deepEqual(pixel(5, 10), [255, 0, 0, 255]);
      assert.deepEqual(pixel(35, 10), [0, 0, 255, 255]);
      const stats = paintStats(image);
      assert.equal(stats.distinctColours, 2);
      assert.equal(stats.nonBackgroundShare, 0.5);

      const blank = paintStats(
        decodePng(await visit.page.screenshot({ clip: { x: 100, y: 100, width: 30, height: 30 } }))
      );
      assert.equal(blank.distinctColours, 1, 'a blank area must count as one colour');
      assert.equal(blank.nonBackgroundShare, 0);
    } finally {
      await visit.close();
    }
  });

  it('runs no pages of its own beside the page (they would compete for the CPU)', async () => {
    const visit = await site.visit('/');
    try {
      const browser = visit.page.context().browser();
      assert.ok(browser);
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      await cdp.detach();
      assert.ok(targetInfos.some((target) => target.type === 'page'));
      const own = targetInfos.filter((target) => target.type === 'browser_ui');
      assert.deepEqual(
        own.map((target) => target.url),
        [],
        'Chromium started its own pages: add their features to NO_BROWSER_UI_FEATURES'
      );
    } finally {
      await visit.close();
    }
  });

  it("keeps Playwright's own disabled features (Chromium reads only the last list)", () => {
    const bundle = readFileSync(
      createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'),
      'utf8'
    );
    const list = /disabledFeatures = \[([\s\S]*?)\]\.filter/.exec(bundle)?.[1];
    assert.ok(list, "Playwright's list of disabled features not found in its bundle");
    const theirs = [...list.matchAll(/^\s*"([\w]+)"/gm)].map((match) => match[1]);
    assert.ok(theirs.length > 5, `read only ${theirs.length} of Playwright's features`);
    assert.deepEqual(
      theirs.filter((name) => !PLAYWRIGHT_DISABLED_FEATURES.includes(name)),
      [],
      'Playwright disables features PLAYWRIGHT_DISABLED_FEATURES does not repeat'
    );
    const switches = CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    assert.equal(switches.length, 1, 'one --disable-features: Chromium keeps only the last');
  });

  it('fails with one actionable line when Chromium is missing', async () => {
    await assert.rejects(launchChromium({ executablePath: '/nonexistent/chromium' }), (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.message, CHROMIUM_NOT_FOUND);
      assert.equal(error.stack, 'Chromium not found: apt-get install chromium');
      return true;
    });
  });
});
