// The content security policy (issue #16): every route loads and works with no violation
// reported, the server sends the policy of each page's <meta> tag as a header too, and an
// injected inline script is refused.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, waitForMapReady, assertClean } from './harness.js';

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
