/**
 * The PDF sheet (issue #14) in Node: the page is the paper's size in points, its text is real,
 * searchable text in the embedded CJK font (legend, disclaimer, link), and the map is an image.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../src/lib/sheet/woff';
import { defaultTheme } from '../../src/lib/style/theme';
import { pdfSheet, printableIn } from '../../src/lib/sheet/pdf-sheet';
import { sheetSize } from '../../src/lib/sheet/paper';
import { sheetContent } from '../../src/lib/sheet/sheet-content';
import { readPdf } from '../browser/pdf-text.js';

const require = createRequire(import.meta.url);
const FONT = readFileSync(
  require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff')
);
const MAP = readFileSync(path.resolve(import.meta.dirname, '../fixtures/sheet/map.jpg'));
const LINK = 'http://localhost:4173/?feature=zijing-park#13.5/41.12/121.18';

describe('the sheet font', () => {
  it('unwraps the WOFF into the font it holds', () => {
    const sfnt = woffToSfnt(new Uint8Array(FONT));
    const font = fontkit.create(Buffer.from(sfnt)) as fontkit.Font;
    expect(font.familyName).toMatch(/^Noto Sans SC/);
    expect(font.hasGlyphForCodePoint('凌'.codePointAt(0) as number)).toBe(true);
    expect(() => woffToSfnt(new Uint8Array(16))).toThrow('not a WOFF font');
    const truncated = new Uint8Array(FONT).subarray(0, 4096);
    expect(() => woffToSfnt(truncated)).toThrow('past the end');
  });

  it('subsets without blank glyphs (the short-loca bug of @pdf-lib/fontkit)', () => {
    const font = fontkit.create(Buffer.from(woffToSfnt(new Uint8Array(FONT)))) as fontkit.Font;
    const subset = font.createSubset();
    for (const glyph of font.layout('制图日期 2026-12-02 锦州市凌河区规划示意图 Scale').glyphs) {
      subset.includeGlyph(glyph);
    }
    const subsetFont = fontkit.create(Buffer.from(subset.encode())) as fontkit.Font;
    // Glyph 0 is .notdef; the space has no outline; every other glyph must have one.
    const blank = [];
    for (let id = 1; id < subsetFont.numGlyphs; id++) {
      if (subsetFont.getGlyph(id).path.commands.length === 0) blank.push(id);
    }
    expect(blank.length).toBeLessThanOrEqual(1);
    expect(subsetFont.numGlyphs).toBeGreaterThan(20);
  });
});

describe('printableIn', () => {
  it('stands in for what the font cannot draw', () => {
    const ascii = new Set([...'GCJ-02 >WS84?x'].map((c) => c.codePointAt(0) as number));
    expect(printableIn(ascii)('GCJ-02 → WGS-84')).toBe('GCJ-02 -> WGS-84');
    expect(printableIn(ascii)('2×3')).toBe('2x?');
    // A stand-in the font cannot draw either becomes "?".
    expect(printableIn(new Set([63]))('→')).toBe('?');
  });
});

describe('pdfSheet', () => {
  it('writes an A4 landscape page with searchable Chinese text', { timeout: 30_000 }, async () => {
    const content = sheetContent({
      view: { lat: 41.12, zoom: 13.5, bearing: 30, pitch: 0 },
      visible: { context: true, structure: true, parks: true },
      featureName: '紫荆山生态公园',
      attributions: ['规划: 《凌河区“十四五”规划纲要》', 'GCJ-02 → WGS-84'],
      link: LINK,
      date: new Date(2026, 11, 2),
      scaleBarMaxMm: 40,
      theme: defaultTheme
    });
    const bytes = await pdfSheet({
      content,
      size: sheetSize('A4', 'landscape'),
      mapJpeg: new Uint8Array(MAP),
      fontBytes: new Uint8Array(FONT),
      created: new Date(2026, 11, 2)
    });
    // The font is subset to the characters used: a sheet, not a font file.
    expect(bytes.length).toBeLessThan(250_000);
    const { pages } = await readPdf(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0].width).toBeCloseTo(841.89, 1);
    expect(pages[0].height).toBeCloseTo(595.28, 1);
    const text = pages[0].text.replace(/\n/g, '');
    for (const expected of [
      '锦州市凌河区“十四五”规划纲要 · 规划示意图',
      '要素：紫荆山生态公园',
      '图例',
      '空间结构',
      '公园绿地',
      '虚线、斜线填充：示意位置，非测绘',
      '规划示意图：位置多为按规划文字示意',
      '比例尺 1 : 19 000',
      '制图日期 2026-12-02',
      '规划: 《凌河区“十四五”规划纲要》',
      'GCJ-02 -> WGS-84'
    ]) {
      expect(text).toContain(expected);
    }
    // The link is printed whole (over several lines) beside its QR code.
    expect(text).toContain(LINK);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });
});
