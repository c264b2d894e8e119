/**
 * Map sheets (issue #14): paper sizes, scale, wrapping, marks and the layout, without a browser.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../src/lib/i18n/locale.svelte';
import { defaultTheme } from '../../src/lib/style/theme';
import { frameRect, layoutSheet, type Primitive } from '../../src/lib/sheet/layout';
import { hatchLines, northArrow } from '../../src/lib/sheet/marks';
import {
  dotsToMm,
  mmToCssPixels,
  mmToDots,
  mmToPixels,
  mmToPoints,
  PAPER_NAMES,
  sheetSize,
  type Orientation
} from '../../src/lib/sheet/paper';
import {
  distanceLabel,
  formatScale,
  metresPerCssPixel,
  metresPerPaperMm,
  scaleBar,
  scaleDenominator
} from '../../src/lib/sheet/scale';
import { isoDate, plainAttribution, sheetContent } from '../../src/lib/sheet/sheet-content';
import { wrapText, type Measure } from '../../src/lib/sheet/text-wrap';
import { frameZoom } from '../../src/lib/sheet/render-map';

/** A monospaced stand-in for a font: CJK one em wide, everything else 0.55 em, mm. */
const measure: Measure = (text, sizePt) =>
  [...text].reduce((sum, c) => sum + (/[\u2e80-\uffef]/u.test(c) ? 1 : 0.55), 0) *
  ((sizePt * 25.4) / 72);

afterEach(() => {
  locale.current = 'zh';
});

describe('paper', () => {
  it('turns ISO sizes for the orientation', () => {
    expect(sheetSize('A4', 'portrait')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(sheetSize('A4', 'landscape')).toEqual({ widthMm: 297, heightMm: 210 });
    expect(sheetSize('A3', 'landscape')).toEqual({ widthMm: 420, heightMm: 297 });
  });
  it('gives pixels, points and CSS pixels', () => {
    expect(mmToPixels(297, 150)).toBe(1754);
    expect(mmToPixels(210, 150)).toBe(1240);
    expect(mmToPixels(420, 300)).toBe(4961);
    expect(mmToPoints(210)).toBeCloseTo(595.28, 2);
    expect(mmToPoints(297)).toBeCloseTo(841.89, 2);
    expect(mmToCssPixels(25.4)).toBe(96);
    expect(mmToDots(25.4, 300)).toBe(300);
    expect(dotsToMm(150, 150)).toBe(25.4);
    expect(mmToDots(dotsToMm(1234, 300), 300)).toBeCloseTo(1234, 9);
  });
});

describe('scale', () => {
  it('follows Web Mercator at 512-pixel tiles', () => {
    expect(metresPerCssPixel(0, 0)).toBeCloseTo(78271.517, 2);
    expect(metresPerCssPixel(60, 1)).toBeCloseTo(78271.517 / 4, 2);
    // One CSS pixel is 25.4 / 96 mm on paper.
    expect(metresPerPaperMm(0, 0)).toBeCloseTo((78271.517 * 96) / 25.4, 0);
  });
  it('rounds the denominator to two figures and formats it', () => {
    expect(scaleDenominator(3.7449)).toBe(3700);
    expect(scaleDenominator(24.96)).toBe(25000);
    expect(scaleDenominator(0.0345)).toBe(35);
    expect(formatScale(25000)).toBe('1 : 25 000');
    expect(formatScale(1250000)).toBe('1 : 1 250 000');
    expect(formatScale(500)).toBe('1 : 500');
  });
  it('picks the longest 1-2-5 bar that fits', () => {
    expect(scaleBar(3.7, 40)).toMatchObject({ metres: 100, label: '100 m' });
    expect(scaleBar(3.7, 40).mm).toBeCloseTo(27.03, 2);
    expect(scaleBar(15, 40)).toMatchObject({ metres: 500, label: '500 m' });
    expect(scaleBar(6, 40)).toMatchObject({ metres: 200 });
    expect(scaleBar(50, 40)).toMatchObject({ metres: 2000, label: '2 km' });
    for (const metresPerMm of [0.3, 1, 2.5, 7, 33, 120]) {
      const bar = scaleBar(metresPerMm, 40);
      expect(bar.mm).toBeLessThanOrEqual(40);
      expect(bar.mm).toBeGreaterThan(40 / 2.5);
    }
    expect(distanceLabel(1000)).toBe('1 km');
    expect(distanceLabel(999)).toBe('999 m');
  });
  it('fits the screen view into the frame', () => {
    expect(frameZoom(12, { width: 800, height: 600 }, { width: 1600, height: 1200 })).toBe(13);
    // The tighter side decides: nothing seen on screen is cut off.
    expect(frameZoom(12, { width: 800, height: 600 }, { width: 800, height: 300 })).toBe(11);
  });
});

describe('wrapText', () => {
  it('breaks Chinese anywhere and words between words', () => {
    const size = 72 / 25.4; // one CJK character = 1 mm
    expect(wrapText('规划示意图非测绘', 3, size, measure)).toEqual(['规划示', '意图非', '测绘']);
    expect(wrapText('one two three', 3, size, measure)).toEqual(['one', 'two', 'three']);
    expect(wrapText('one two three', 5, size, measure)).toEqual(['one two', 'three']);
    expect(wrapText('  spaced   out  ', 100, size, measure)).toEqual(['spaced out']);
    expect(wrapText('', 10, size, measure)).toEqual([]);
    // Closing punctuation stays with what it closes; opening punctuation with what it opens.
    expect(wrapText('位置约数）其余', 4, size, measure)).toEqual(['位置约', '数）其余']);
    expect(wrapText('甲乙丙（丁）', 3, size, measure)).toEqual(['甲乙丙', '（丁）']);
    expect(wrapText('县，区。', 2.5, size, measure)).toEqual(['县，', '区。']);
  });
  it('cuts a link longer than the line', () => {
    const size = 72 / 25.4;
    const lines = wrapText('https://example.org/#13/41.1/121.2', 5.6, size, measure);
    expect(lines.join('')).toBe('https://example.org/#13/41.1/121.2');
    for (const line of lines) expect(measure(line, size)).toBeLessThanOrEqual(5.6);
  });
});

describe('marks', () => {
  it('hatches within the rectangle, rising to the right', () => {
    const rect = { x: 10, y: 20, w: 4, h: 2 };
    const lines = hatchLines(rect, 1);
    expect(lines.length).toBe(6);
    for (const [from, to] of lines) {
      for (const [x, y] of [from, to]) {
        expect(x).toBeGreaterThanOrEqual(10 - 1e-9);
        expect(x).toBeLessThanOrEqual(14 + 1e-9);
        expect(y).toBeGreaterThanOrEqual(20 - 1e-9);
        expect(y).toBeLessThanOrEqual(22 + 1e-9);
      }
      expect(to[0] - from[0]).toBeCloseTo(from[1] - to[1], 9);
      expect(to[0]).toBeGreaterThan(from[0]);
    }
  });
  it('turns the north arrow with the map', () => {
    const [up] = northArrow([0, 0], 10, 0);
    expect(up[0][0]).toBeCloseTo(0, 9);
    expect(up[0][1]).toBeCloseTo(-4.5, 9);
    // The map's up is east: north is to the left on paper.
    const [east] = northArrow([5, 5], 10, 90);
    expect(east[0][0]).toBeCloseTo(0.5, 9);
    expect(east[0][1]).toBeCloseTo(5, 9);
  });
});

describe('sheet content and layout', () => {
  const visible = {
    context: true,
    landmarks: true,
    structure: true,
    rivers: true,
    parks: false,
    projects: true
  };
  const content = (pitch = 0) =>
    sheetContent({
      view: { lat: 41.12, zoom: 13.5, bearing: 0, pitch },
      visible,
      featureName: null,
      attributions: ['<a href="https://www.openstreetmap.org/copyright">&copy; OpenStreetMap</a>'],
      link: 'http://localhost:4173/?layers=context,structure#13.5/41.12/121.18',
      date: new Date(2026, 11, 2),
      scaleBarMaxMm: 40,
      theme: defaultTheme
    });

  it('says what the legend, scale, sources and date are', () => {
    const zh = content();
    expect(zh.legend.map((entry) => entry.label)).toEqual([
      '行政区划',
      '参考地标',
      '空间结构',
      '河流与水利',
      '项目与地点'
    ]);
    expect(zh.date).toBe('制图日期 2026-12-02');
    expect(zh.sources[0]).toBe('© OpenStreetMap');
    expect(zh.scale?.text).toBe('比例尺 1 : 19 000（按原尺寸打印，图幅中心）');
    expect(zh.disclaimer).toContain('规划示意图');
    expect(content(30).scale).toBeNull();
    locale.current = 'en';
    expect(content().legend[2].label).toBe('Spatial structure');
    expect(content().date).toBe('Made on 2026-12-02');
  });

  it('keeps only the words of an attribution', () => {
    expect(plainAttribution('<b>a</b> &amp; <i>b</i>\n c')).toBe('a & b c');
    expect(isoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  for (const paper of PAPER_NAMES) {
    for (const orientation of ['portrait', 'landscape'] as Orientation[]) {
      for (const language of ['zh', 'en'] as const) {
        it(`fits everything on ${paper} ${orientation} (${language})`, () => {
          locale.current = language;
          const size = sheetSize(paper, orientation);
          const layout = layoutSheet(content(), size, measure);
          expect(layout.overflow).toEqual([]);
          expect(layout.frame).toEqual(frameRect(size));
          const inside = (x: number, y: number) =>
            x >= 0 && y >= 0 && x <= size.widthMm && y <= size.heightMm;
          for (const primitive of layout.primitives) {
            expect(inside(...anchorOf(primitive)), JSON.stringify(primitive)).toBe(true);
          }
          const texts = layout.primitives.flatMap((p) => (p.kind === 'text' ? [p] : []));
          for (const text of texts) {
            expect(text.x + measure(text.text, text.size)).toBeLessThanOrEqual(size.widthMm - 9);
          }
          // Nothing in the header runs into anything else on its line.
          const header = texts.filter((text) => text.y < 20).sort((a, b) => a.y - b.y || a.x - b.x);
          for (const [left, right] of header.slice(0, -1).map((t, i) => [t, header[i + 1]])) {
            if (left.y !== right.y) continue;
            expect(left.x + measure(left.text, left.size)).toBeLessThan(right.x);
          }
          const kinds = new Set(layout.primitives.map((p) => p.kind));
          expect([...kinds].sort()).toEqual(
            ['circle', 'line', 'map', 'polygon', 'qr', 'rect', 'text'].sort()
          );
          // The map is drawn first, under the scale bar, the north arrow and the frame.
          expect(layout.primitives.findIndex((p) => p.kind === 'map')).toBe(1);
        });
      }
    }
  }

  it('gives the map most of the sheet', () => {
    const landscape = frameRect(sheetSize('A4', 'landscape'));
    expect(landscape.w * landscape.h).toBeGreaterThan(0.5 * 297 * 210);
    const portrait = frameRect(sheetSize('A3', 'portrait'));
    expect(portrait.w).toBe(277);
  });
});

function anchorOf(primitive: Primitive): [number, number] {
  switch (primitive.kind) {
    case 'line':
      return primitive.to;
    case 'polygon':
      return primitive.points[0];
    case 'circle':
      return [primitive.cx, primitive.cy];
    default:
      return [primitive.x, primitive.y];
  }
}
