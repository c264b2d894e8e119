// Printing from the browser (issue #14): /plan and /audit print their content without the
// navigation chrome, and links to plan paragraphs carry their ids on paper.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, assertClean } from './harness.js';

describe('printing from the browser', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  for (const route of ['/plan', '/audit']) {
    it(`${route} prints without navigation, paragraphs or their links with their ids`, async () => {
      const visit = await site.visit(route);
      try {
        await visit.page.locator('header.site-header nav').waitFor();
        assert.equal(await visit.page.locator('header.site-header nav').isVisible(), true);
        await visit.page.emulateMedia({ media: 'print' });
        assert.equal(await visit.page.locator('header.site-header nav').isVisible(), false);
        // A paragraph (on /plan) or a link to one (elsewhere) prints its id.
        const printed = await visit.page.evaluate(() => {
          const paragraph = document.querySelector('.paragraph[id="c5s1p4"]');
          if (paragraph) return getComputedStyle(paragraph, '::before').content;
          const link = document.querySelector('main a[href*="/plan#"]');
          return link ? getComputedStyle(link, '::after').content : null;
        });
        assert.match(printed ?? '', /c\d+(s\d+)?p\d+/);
        const pdf = await visit.page.pdf({ format: 'A4' });
        assert.ok(pdf.length > 10_000, `a PDF of ${pdf.length} bytes`);
        assertClean(visit);
      } finally {
        await visit.close();
      }
    });
  }
});
