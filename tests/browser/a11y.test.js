// Accessibility (issue #11): axe-core on every page, in Chinese and in English, on a desktop and
// a phone viewport; no serious or critical violation, and no page that scrolls sideways.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { startSite, waitForMapReady, assertClean, PHONE } from './harness.js';

/** Every page a user can open (one park profile stands for all 16: they share one template). */
export const ROUTES = [
  '/',
  '/plan',
  '/features',
  '/audit',
  '/parks',
  '/parks/zijing-industrial-park',
  '/parks/compare?ids=zijing-industrial-park,songling-enclave-industrial-park',
  '/projects'
];

/**
 * The serious and critical violations axe finds on the page, one line each.
 * @param {import('playwright-core').Page} page
 */
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // MapLibre's canvas is described by the map region's label and the feature list.
    .exclude('.maplibregl-canvas-container')
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`
    );
}

describe('accessibility (axe-core)', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const lang of ['zh', 'en']) {
    for (const route of ROUTES) {
      for (const device of ['desktop', 'phone']) {
        it(`${route} in ${lang} on a ${device}`, async () => {
          const query = lang === 'en' ? `${route.includes('?') ? '&' : '?'}lang=en` : '';
          const visit = await site.visit(route + query, device === 'phone' ? PHONE : {});
          try {
            if (route === '/') {
              assert.ok((await waitForMapReady(visit.page)).ready, 'map never became ready');
            }
            const wantedLang = lang === 'en' ? 'en' : 'zh-CN';
            await visit.page.waitForFunction(
              (wanted) => document.documentElement.lang === wanted,
              wantedLang
            );
            assert.deepEqual(await seriousViolations(visit.page), []);
            // No page scrolls sideways (wide tables scroll inside themselves).
            const [scrollWidth, width] = await visit.page.evaluate(() => [
              document.documentElement.scrollWidth,
              document.documentElement.clientWidth
            ]);
            assert.ok(scrollWidth <= width, `${route} is ${scrollWidth} px wide in ${width}`);
            assertClean(visit);
          } finally {
            await visit.close();
          }
        });
      }
    }
  }
});
