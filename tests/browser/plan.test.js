// The plan text page: a paragraph link (/plan#c5s1p4) lands on that paragraph, scrolled into view
// and highlighted, with no foreign requests or errors.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, listProblems, assertClean } from './harness.js';
import { strayText, waitForLang } from './language.js';

const PARAGRAPH_ID = 'c5s1p4'; // “三园”，即紫荆产业园…
const SETTLE_TIMEOUT_MS = 10_000;

describe(`plan page /plan#${PARAGRAPH_ID}`, () => {
  /** @type {import('./harness.js').Site} */
  let site;
  /** @type {import('./harness.js').Visit} */
  let visit;

  before(async () => {
    site = await startSite();
    visit = await site.visit(`/plan#${PARAGRAPH_ID}`);
    // Hydration and scrolling happen after `load`; give them time to settle, but don't fail here —
    // each test below reports what it actually found.
    await visit.page
      .waitForFunction(
        (id) => {
          const element = document.getElementById(id);
          if (!element) return false;
          const box = element.getBoundingClientRect();
          return box.bottom > 0 && box.top < window.innerHeight;
        },
        PARAGRAPH_ID,
        { timeout: SETTLE_TIMEOUT_MS }
      )
      .catch(() => undefined);
  });

  after(async () => {
    await visit?.close();
    await site?.close();
  });

  it(`has an element with id ${PARAGRAPH_ID}`, async () => {
    const text = await visit.page.evaluate(
      (id) => document.getElementById(id)?.textContent ?? null,
      PARAGRAPH_ID
    );
    assert.notEqual(text, null, `no element with id "${PARAGRAPH_ID}" on /plan`);
    assert.match(text ?? '', /紫荆产业园/, `#${PARAGRAPH_ID} is not the 三园 paragraph: "${text}"`);
  });

  it('scrolls the paragraph into the viewport', async () => {
    const position = await visit.page.evaluate((id) => {
      const element = document.getElementById(id);
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, viewportHeight: window.innerHeight };
    }, PARAGRAPH_ID);
    assert.ok(position, `no element with id "${PARAGRAPH_ID}"`);
    assert.ok(
      position.bottom > 0 &&
        position.top < position.viewportHeight &&
        position.bottom > position.top,
      `#${PARAGRAPH_ID} is outside the viewport: top ${position.top}px, bottom ${position.bottom}px, ` +
        `viewport height ${position.viewportHeight}px`
    );
  });

  it('highlights the paragraph', async () => {
    const state = await visit.page.evaluate((id) => {
      const element = document.getElementById(id);
      if (!element) return null;
      return {
        highlighted: element.classList.contains('highlighted'),
        target: element.matches(':target')
      };
    }, PARAGRAPH_ID);
    assert.ok(state, `no element with id "${PARAGRAPH_ID}"`);
    assert.ok(
      state.highlighted || state.target,
      `#${PARAGRAPH_ID} has neither class "highlighted" nor matches :target`
    );
  });

  it('makes no request to another origin', () => {
    assert.deepEqual(
      visit.foreignRequests,
      [],
      listProblems('requests that left the origin', visit.foreignRequests)
    );
  });

  it('logs no console error and throws no page error', () => {
    const errors = [...visit.consoleErrors, ...visit.pageErrors];
    assert.deepEqual(
      errors,
      [],
      [
        listProblems('console errors', visit.consoleErrors),
        listProblems('page errors', visit.pageErrors)
      ]
        .filter(Boolean)
        .join('\n')
    );
  });
});

describe('plan page in one language at a time', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('is Chinese by default, with no English UI labels', async () => {
    const visit = await site.visit('/plan');
    try {
      assert.equal(await waitForLang(visit.page, 'zh-CN'), 'zh-CN');
      const ui = await visit.page.evaluate(() => ({
        title: document.title,
        toc: document.getElementById('toc-heading')?.textContent?.trim(),
        footer: document.querySelector('footer')?.textContent ?? '',
        chip: document.querySelector('#c5s1p4 .chips a')?.textContent?.trim()
      }));
      assert.equal(ui.title, '规划纲要全文 · 凌河规划地图');
      assert.equal(ui.toc, '目录');
      assert.match(ui.footer, /来源：锦州市凌河区人民政府公开文件/);
      assert.doesNotMatch(ui.footer, /Source/);
      assert.match(ui.chip ?? '', /^在地图上查看\s+\S+$/);
      assert.deepEqual(await strayText(visit.page, 'zh'), []);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('is English with ?lang=en: <html lang="en">, English UI, Chinese plan text and names', async () => {
    const visit = await site.visit(`/plan?lang=en#${PARAGRAPH_ID}`);
    try {
      assert.equal(await waitForLang(visit.page, 'en'), 'en');
      const ui = await visit.page.evaluate((id) => {
        const paragraph = document.getElementById(id);
        return {
          title: document.title,
          toc: document.getElementById('toc-heading')?.textContent?.trim(),
          footer: document.querySelector('footer')?.textContent ?? '',
          chip: paragraph?.querySelector('.chips a')?.textContent?.replace(/\s+/g, ' ').trim(),
          copy: paragraph?.querySelector('.copy-link button')?.getAttribute('aria-label'),
          text: paragraph?.closest('[lang]')?.getAttribute('lang')
        };
      }, PARAGRAPH_ID);
      assert.equal(ui.title, 'Plan text · Linghe Plan Map');
      assert.equal(ui.toc, 'Contents');
      assert.match(ui.footer, /Source: public document of the Linghe District/);
      assert.doesNotMatch(ui.footer, /来源/);
      assert.match(ui.chip ?? '', /^On the map: [\p{Script=Han}]+ [A-Z][A-Za-z ]+$/u);
      assert.equal(ui.copy, 'Copy link to Chapter 5, section 1, paragraph 4');
      assert.equal(ui.text, 'zh-CN', 'the plan text is not marked as Chinese');
      assert.deepEqual(await strayText(visit.page, 'en'), []);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
