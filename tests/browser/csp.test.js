// The content security policy (issue #16): every route loads and works with no violation
// reported, the server sends the policy of each page's <meta> tag as a header too, and an
// injected inline script is refused. Connections and images: with no basemap configured the page
// reaches no other origin (the app narrows the policy as it starts); with one configured (a
// second local server stands in for the online tile server) its tiles load and a third origin
// is still refused.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { startSite, waitForMapReady, assertClean, waitUntil } from './harness.js';

const ROUTES = ['/', '/plan', '/audit'];

/** Records securitypolicyviolation events from the first script on (before the app's own). */
const RECORD_VIOLATIONS = () => {
  const w = /** @type {any} */ (window);
  w.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    w.__cspViolations.push(
      `${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`
    );
  });
};

describe('content security policy', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const route of ROUTES) {
    it(`${route} loads with no violation; the header and the <meta> policy agree`, async () => {
      const response = await fetch(new URL(route, site.url));
      const header = response.headers.get('content-security-policy') ?? '';
      assert.match(header, /script-src 'self' 'sha256-[^']+'/);
      assert.doesNotMatch(header, /script-src[^;]*unsafe-inline/);
      assert.match(header, /worker-src 'self' blob:/);
      assert.match(header, /frame-ancestors \*(;|$)/, 'any site may embed the map (?embed=1)');
      const html = await response.text();
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      assert.ok(meta, 'no <meta> policy in the page');
      assert.ok(
        header.startsWith(meta.replace(/&#39;/g, "'")),
        'header differs from the <meta> policy'
      );

      const visit = await site.visit(route);
      const { page } = visit;
      try {
        await page.addInitScript(RECORD_VIOLATIONS);
        await page.reload({ waitUntil: 'load' });
        if (route === '/') assert.ok((await waitForMapReady(page)).ready, 'map never became ready');
        else await page.waitForLoadState('networkidle');
        assert.deepEqual(
          await page.evaluate(() => /** @type {any} */ (window).__cspViolations),
          []
        );
        assertClean(visit);
      } finally {
        await visit.close();
      }
    });
  }

  it('refuses an injected inline script and reports it', async () => {
    const visit = await site.visit('/plan');
    const { page } = visit;
    try {
      await page.addInitScript(RECORD_VIOLATIONS);
      await page.reload({ waitUntil: 'load' });
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.head.append(script);
        const image = document.createElement('img');
        image.setAttribute('onerror', 'window.__injected = true');
        image.src = 'data:,';
        document.body.append(image);
      });
      // Both are refused: one violation each (an inline <script>, an inline handler).
      await page.waitForFunction(
        () =>
          /** @type {any} */ (window).__cspViolations.filter((/** @type {string} */ v) =>
            v.startsWith('script-src')
          ).length >= 2
      );
      assert.equal(await page.evaluate(() => /** @type {any} */ (window).__injected), undefined);
    } finally {
      await visit.close();
    }
  });
});

/** A 1×1 opaque PNG: enough for a raster tile. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
);

/**
 * The stand-in for an online tile server, on another port (so another origin), answering every
 * path with a tile and recording the requests' Host and path.
 * @returns {Promise<{ port: number, requests: string[], close: () => Promise<void> }>}
 */
async function startTileServer() {
  /** @type {string[]} */
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(`${request.headers.host}${request.url}`);
    response.writeHead(200, {
      'Content-Type': 'image/png',
      'Access-Control-Allow-Origin': '*'
    });
    response.end(TILE_PNG);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined)))
  };
}

/**
 * Asks the page to fetch a URL and to load it as an image; resolves once both were refused by
 * the policy (a securitypolicyviolation each), with the violations for that URL.
 * @param {import('playwright-core').Page} page
 * @param {string} url
 * @returns {Promise<string[]>}
 */
async function refusedBoth(page, url) {
  await page.evaluate((target) => {
    fetch(target).catch(() => undefined);
    const image = new Image();
    image.src = `${target}?as-image`;
  }, url);
  await page.waitForFunction(
    (target) =>
      /** @type {string[]} */ (/** @type {any} */ (window).__cspViolations).filter((v) =>
        v.includes(target)
      ).length >= 2,
    url
  );
  return page.evaluate(
    (target) =>
      /** @type {string[]} */ (/** @type {any} */ (window).__cspViolations).filter((v) =>
        v.includes(target)
      ),
    url
  );
}

describe('content security policy: connections and images', () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {Awaited<ReturnType<typeof startTileServer>>} */
  let tiles;

  before(async () => {
    site = await startSite();
    tiles = await startTileServer();
  });

  after(async () => {
    await site?.close();
    await tiles?.close();
  });

  it('with no basemap, a request to another origin is refused before it leaves', async () => {
    const visit = await site.visit('/');
    const { page } = visit;
    try {
      await page.addInitScript(RECORD_VIOLATIONS);
      await page.reload({ waitUntil: 'load' });
      assert.ok((await waitForMapReady(page)).ready, 'map never became ready');
      const violations = await refusedBoth(page, `http://127.0.0.1:${tiles.port}/probe`);
      assert.deepEqual(
        violations.map((v) => v.split(' ')[0]).sort(),
        ['connect-src', 'img-src'],
        violations.join('\n')
      );
      assert.deepEqual(tiles.requests, [], 'the request reached the other server');
      // The refusals log console errors, as they should, and Chromium still reports the refused
      // image as a (failed) request; the other server's log above shows nothing went out.
      assert.deepEqual(
        visit.foreignRequests.filter((url) => !url.endsWith('/probe?as-image')),
        []
      );
      assert.deepEqual(visit.pageErrors, []);
    } finally {
      await visit.close();
    }
  });

  it('with a basemap configured, its tiles load and a third origin is still refused', async () => {
    // Not site.visit: its context stops every foreign request, and here one must go through.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      /** @type {string[]} */
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.addInitScript(RECORD_VIOLATIONS);
      await page.goto(`${site.url}/`, { waitUntil: 'load' });
      assert.ok((await waitForMapReady(page)).ready, 'map never became ready');

      const tileOrigin = `http://127.0.0.1:${tiles.port}`;
      await page.locator('details.basemap summary').click();
      await page.locator('[data-basemap-url]').fill(`${tileOrigin}/{z}/{x}/{y}.png`);
      // Turning on reloads the page, which starts with a policy that includes the new origin.
      await Promise.all([page.waitForEvent('load'), page.locator('[data-basemap-on]').click()]);
      await waitUntil(
        () => tiles.requests.some((r) => /^127\.0\.0\.1:\d+\/\d+\/\d+\/\d+\.png$/.test(r)),
        'a tile request to the configured basemap'
      );
      assert.ok((await waitForMapReady(page)).ready, 'map never became ready after the reload');
      assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__cspViolations), []);

      // The same server under another name is another origin: refused.
      const third = `http://localhost:${tiles.port}/third`;
      await refusedBoth(page, third);
      assert.ok(!tiles.requests.some((r) => r.includes('/third')), 'the third origin was reached');

      // Turned off, the page narrows at once (no reload): the basemap's origin is refused too.
      await page.locator('details.basemap summary').click();
      await page.locator('[data-basemap-off]').click();
      await refusedBoth(page, `${tileOrigin}/after-off`);
      assert.ok(!tiles.requests.some((r) => r.includes('/after-off')), 'reached after turn-off');
      assert.deepEqual(pageErrors, []);
    } finally {
      await context.close();
    }
  });
});
