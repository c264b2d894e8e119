/**
 * The map sheet's side panel blocks (src/lib/sheet/panel-blocks.ts) and the shared text lines
 * (sheet-primitives.ts), directly: each block says its height before it is drawn, and draws
 * within that height (and the gap the layout leaves under it) and the column's width.
 */
import { describe, expect, it } from 'vitest';
import { panelBlocks } from '../../src/lib/sheet/panel-blocks';
import { GAP, lineHeight, textLines, type Primitive } from '../../src/lib/sheet/sheet-primitives';
import { sheetContent } from '../../src/lib/sheet/sheet-content';
import type { Measure } from '../../src/lib/sheet/text-wrap';
import { defaultTheme } from '../../src/lib/style/theme';

/** A monospaced stand-in for a font: CJK one em wide, everything else 0.55 em, mm. */
const measure: Measure = (text, sizePt) =>
  [...text].reduce((sum, c) => sum + (/[\u2e80-\uffef]/u.test(c) ? 1 : 0.55), 0) *
  ((sizePt * 25.4) / 72);

const content = sheetContent({
  view: { lat: 41.12, zoom: 13.5, bearing: 0, pitch: 0 },
  visible: {
    context: true,
    landmarks: true,
    structure: true,
    rivers: true,
    parks: true,
    projects: true
  },
  featureName: null,
  attributions: ['© OpenStreetMap'],
  link: 'http://localhost:4173/?layers=context,structure#13.5/41.12/121.18',
  date: new Date(2026, 11, 2),
  scaleBarMaxMm: 40,
  theme: defaultTheme
});

/** Lowest and rightmost extent of what a block drew (text: its baseline and measured width). */
function extent(primitives: Primitive[]): { bottom: number; right: number } {
  let bottom = -Infinity;
  let right = -Infinity;
  for (const p of primitives) {
    if (p.kind === 'text') {
      bottom = Math.max(bottom, p.y);
      right = Math.max(right, p.x + measure(p.text, p.size));
    } else if (p.kind === 'qr') {
      bottom = Math.max(bottom, p.y + p.size);
      right = Math.max(right, p.x + p.size);
    }
  }
  return { bottom, right };
}

describe('the side panel blocks', () => {
  it('are the legend, the sources and the link, each named by its first text', () => {
    const blocks = panelBlocks(content, measure);
    expect(blocks.map((block) => block.text)).toEqual([
      content.legendTitle,
      content.sourcesTitle,
      content.link
    ]);
  });

  for (const width of [66, 40]) {
    it(`draw within the height they announce (and the gap under it), in a column ${width} mm wide`, () => {
      for (const block of panelBlocks(content, measure)) {
        const drawn = block.draw(100, 50, width);
        expect(drawn.length).toBeGreaterThan(0);
        const { bottom, right } = extent(drawn);
        // The layout leaves GAP under each block; the last line's descent may use it.
        expect(bottom).toBeLessThanOrEqual(50 + block.height(width) + GAP);
        expect(bottom).toBeGreaterThan(50 + block.height(width) - 2 * GAP);
        expect(right).toBeLessThanOrEqual(100 + width + 0.01);
      }
    });
  }

  it('grow taller in a narrower column, as their text wraps', () => {
    const [legend] = panelBlocks(content, measure);
    expect(legend.height(30)).toBeGreaterThan(legend.height(66));
  });
});

describe('text lines', () => {
  it('put one baseline per line, a line height apart', () => {
    const lines = textLines(['一', '二'], 5, 10, 8, '#555555');
    expect(lines.map((line) => line.kind === 'text' && line.text)).toEqual(['一', '二']);
    const [first, second] = lines as Extract<Primitive, { kind: 'text' }>[];
    expect(first.y).toBeCloseTo(10 + 0.8 * lineHeight(8), 9);
    expect(second.y - first.y).toBeCloseTo(lineHeight(8), 9);
    expect(first).toMatchObject({ x: 5, size: 8, color: '#555555' });
  });
});
