// Map sheets (issue #14): "打印 / 导出地图" draws the current view anew for the paper. An A4 sheet
// at 150 dpi has the pixel size (PNG) and page size (PDF) that A4 and 150 dpi imply, its PDF holds
// the legend's and the disclaimer's words as text, its map is not blank, and a long export can be
// cancelled without a file appearing.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSite, waitForMapReady, assertClean, PHONE } from './harness.js';
import { decodePng } from './png.js';
import { readPdf } from './pdf-text.js';

/** A view on 紫荆山 and the river, with every layer on. */
const VIEW = '/#13.2/41.121/121.2';
/** A4 at 150 dpi (297 × 210 mm landscape): 1754 × 1240 pixels, 841.89 × 595.28 points. */
const A4_LANDSCAPE_150 = { width: 1754, height: 1240 };
/** The map frame of an A4 landscape sheet, mm (src/lib/sheet/layout.ts frameRect). */
const FRAME_MM = { x: 10, y: 25, w: 207, h: 163 };

/**
 * @param {import('playwright-core').Page} page
 * @param {{ paper?: string, orientation?: string, dpi?: string, format: string }} choice
 */
async function choose(page, { paper = 'A4', orientation = 'landscape', dpi = '150', format }) {
  const panel = page.locator('[data-sheet-export]');
  if (!(await panel.evaluate((details) => /** @type {HTMLDetailsElement} */ (details).open))) {
    await panel.locator('summary').click();
  }
  await page.selectOption('[data-sheet-paper]', paper);
  await page.selectOption('[data-sheet-orientation]', orientation);
  await page.selectOption('[data-sheet-dpi]', dpi);
  await page.selectOption('[data-sheet-format]', format);
}

/**
 * Starts an export and returns the downloaded file's bytes, having seen its progress shown.
 * @param {import('playwright-core').Page} page
 */
async function exported(page) {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.click('[data-sheet-start]');
  await page.locator('[data-sheet-stage]').waitFor({ state: 'attached', timeout: 10_000 });
  const file = await download;
  const path = await file.path();
  await page.locator('[data-sheet-outcome="done"]').waitFor({ timeout: 30_000 });
  return { bytes: await readFile(path), name: file.suggestedFilename() };
}

/**
 * How many distinct colours (to 4 bits a channel) and how much non-white a region holds.
 * @param {{ width: number, rgba: Uint8Array }} image
 * @param {{ x: number, y: number, w: number, h: number }} region pixels
 */
function regionStats(image, region) {
  const colours = new Set();
  let inked = 0;
  let total = 0;
  for (let y = region.y; y < region.y + region.h; y += 3) {
    for (let x = region.x; x < region.x + region.w; x += 3) {
      const offset = (y * image.width + x) * 4;
      const [r, g, b] = image.rgba.subarray(offset, offset + 3);
      colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      if (r < 245 || g < 245 || b < 245) inked += 1;
      total += 1;
    }
  }
  return { colours: colours.size, inkedShare: inked / total };
}

/**
 * The width and height a JPEG says it is (its first SOF marker).
 * @param {Buffer} bytes
 */
function jpegSize(bytes) {
  for (let offset = 2; offset < bytes.length - 9;) {
    const marker = bytes[offset + 1];
    const length = bytes.readUInt16BE(offset + 2);
    if (marker >= 0xc0 && marker <= 0xc3) {
      return { height: bytes.readUInt16BE(offset + 5), width: bytes.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

describe('map sheets', () => {
  /** @type {import('./harness.js').Site} */
  let site;

  before(async () => {
    site = await startSite();
  });

  after(async () => {
    await site?.close();
  });

  it('an A4 PNG at 150 dpi has A4 pixels and a drawn map', async () => {
    const visit = await site.visit(VIEW);
    try {
      assert.equal((await waitForMapReady(visit.page)).ready, true);
      await choose(visit.page, { format: 'png' });
      const { bytes, name } = await exported(visit.page);
      assert.match(name, /^linghe-plan-map-A4-\d{4}-\d{2}-\d{2}\.png$/);
      const image = decodePng(bytes);
      assert.deepEqual({ width: image.width, height: image.height }, A4_LANDSCAPE_150);
      const px = (/** @type {number} */ mm) => Math.round((mm / 25.4) * 150);
      const inner = {
        x: px(FRAME_MM.x) + 20,
        y: px(FRAME_MM.y) + 20,
        w: px(FRAME_MM.w) - 40,
        h: px(FRAME_MM.h) - 40
      };
      const map = regionStats(image, inner);
      // A blank frame is one colour; the plan layers, labels and the district fill are many.
      assert.ok(map.colours >= 40, `the map area has ${map.colours} colours`);
      assert.ok(map.inkedShare > 0.5, `${Math.round(map.inkedShare * 100)} % of the map is inked`);
      // The margin outside frame and legend is paper white.
      const margin = regionStats(image, { x: 2, y: 2, w: 20, h: image.height - 4 });
      assert.equal(margin.inkedShare, 0);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('an A4 PDF has the A4 page, searchable legend and disclaimer, and the map', async () => {
    const visit = await site.visit(`${VIEW.replace('/#', '/?feature=zijingshan-eco-park#')}`);
    try {
      assert.equal((await waitForMapReady(visit.page)).ready, true);
      await choose(visit.page, { format: 'pdf' });
      const { bytes, name } = await exported(visit.page);
      assert.match(name, /\.pdf$/);
      const { pages } = await readPdf(bytes);
      assert.equal(pages.length, 1);
      assert.ok(Math.abs(pages[0].width - 841.89) < 0.1, `page width ${pages[0].width} pt`);
      assert.ok(Math.abs(pages[0].height - 595.28) < 0.1, `page height ${pages[0].height} pt`);
      const text = pages[0].text.replace(/\n/g, '');
      for (const words of [
        '图例',
        '空间结构',
        '河流与水利',
        '规划示意图：位置多为按规划文字示意',
        '北'
      ]) {
        assert.ok(text.includes(words), `the PDF's text lacks "${words}"`);
      }
      assert.match(text, /比例尺 1 : [\d ]+/);
      // The map is a JPEG of the frame at 150 dpi, with enough in it not to be blank.
      const start = bytes.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
      const end = bytes.indexOf(Buffer.from('endstream'), start);
      const jpeg = bytes.subarray(start, end);
      assert.deepEqual(jpegSize(jpeg), { width: 1222, height: 963 });
      assert.ok(jpeg.length > 60_000, `the map JPEG is ${jpeg.length} bytes`);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });

  it('a long export shows its progress and can be cancelled', async () => {
    const visit = await site.visit(VIEW, PHONE);
    try {
      assert.equal((await waitForMapReady(visit.page)).ready, true);
      await visit.page.locator('[data-sheet-export] summary').scrollIntoViewIfNeeded();
      await choose(visit.page, { paper: 'A3', dpi: '300', format: 'pdf' });
      let downloads = 0;
      visit.page.on('download', () => (downloads += 1));
      await visit.page.click('[data-sheet-start]');
      await visit.page.locator('[data-sheet-stage]').waitFor({ state: 'attached' });
      await visit.page.click('[data-sheet-cancel]');
      await visit.page.locator('[data-sheet-outcome="cancelled"]').waitFor();
      assert.equal(await visit.page.locator('[data-sheet-start]').isEnabled(), true);
      assert.equal(downloads, 0);
      // The off-screen map is gone with the export.
      assert.equal(await visit.page.locator('.maplibregl-map').count(), 1);
      assertClean(visit);
    } finally {
      await visit.close();
    }
  });
});
