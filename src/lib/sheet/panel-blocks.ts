/**
 * The blocks of the map sheet's side panel (layout.ts flows them through its columns): the legend
 * with the key to solid and schematic geometry, the sources, and the link with its QR code.
 */
import type { LegendSwatch } from '$lib/layers/legend';
import { hatchLines } from './marks';
import {
  GAP,
  INK,
  MUTED,
  lineHeight,
  textLines,
  type Primitive,
  type SheetContent
} from './sheet-primitives';
import { wrapText, type Measure } from './text-wrap';

/**
 * A block of the panel: drawn at (x, y) in a column `width` wide; says its height first so the
 * flow can move it to the next column when it does not fit.
 */
export interface Block {
  height: (width: number) => number;
  draw: (x: number, y: number, width: number) => Primitive[];
  /** Its text, named in `overflow` when no column has room. */
  text: string;
}

/** The panel's blocks, in the order they flow through the columns. */
export function panelBlocks(content: SheetContent, measure: Measure): Block[] {
  const legend = group([
    heading(content.legendTitle),
    ...content.legend.map((entry) => legendEntry(entry, measure)),
    keyEntry(content.keySolid, measure, (x, y) => [
      { kind: 'line', from: [x, y], to: [x + 7, y], stroke: INK, lineWidth: 0.5 }
    ]),
    keyEntry(content.keySchematic, measure, (x, y) => [
      ...hatchLines({ x, y: y - 2.2, w: 7, h: 4.4 }, 1.2).map(([from, to]): Primitive => ({
        kind: 'line',
        from,
        to,
        stroke: content.hatchColor,
        lineWidth: 0.2
      })),
      {
        kind: 'rect',
        x,
        y: y - 2.2,
        w: 7,
        h: 4.4,
        stroke: content.hatchColor,
        lineWidth: 0.3,
        dash: [0.8, 0.6]
      }
    ])
  ]);
  const sources = group([
    heading(content.sourcesTitle),
    ...content.sources.map((source) => paragraph(source, 6.5, measure))
  ]);
  return [legend, sources, linkBlock(content, measure)];
}

/** Blocks drawn one under another as one, so a heading moves to the next column with its text. */
function group(blocks: Block[]): Block {
  const height = (width: number) =>
    blocks.reduce((sum, block) => sum + block.height(width), 0) + GAP * (blocks.length - 1);
  return {
    text: blocks[0]?.text ?? '',
    height,
    draw: (x, y, width) => {
      let top = y;
      return blocks.flatMap((block) => {
        const drawn = block.draw(x, top, width);
        top += block.height(width) + GAP;
        return drawn;
      });
    }
  };
}

function heading(text: string): Block {
  return {
    text,
    height: () => lineHeight(9),
    draw: (x, y) => textLines([text], x, y, 9, INK)
  };
}

function paragraph(text: string, size: number, measure: Measure): Block {
  return {
    text,
    height: (width) => wrapText(text, width, size, measure).length * lineHeight(size) - GAP + 1,
    draw: (x, y, width) => textLines(wrapText(text, width, size, measure), x, y, size, MUTED)
  };
}

const SWATCH_WIDTH = 7;
const SWATCH_TEXT_GAP = 2.5;

function legendEntry(entry: SheetContent['legend'][number], measure: Measure): Block {
  const textWidth = (width: number) => width - SWATCH_WIDTH - SWATCH_TEXT_GAP;
  const notes = (width: number) => wrapText(entry.note, textWidth(width), 6.5, measure);
  return {
    text: entry.label,
    height: (width) => lineHeight(8) + notes(width).length * lineHeight(6.5) - GAP + 1.5,
    draw: (x, y, width) => {
      const textX = x + SWATCH_WIDTH + SWATCH_TEXT_GAP;
      return [
        ...swatch(entry.swatch, x, y + lineHeight(8) / 2),
        ...textLines([entry.label], textX, y, 8, INK),
        ...textLines(notes(width), textX, y + lineHeight(8), 6.5, MUTED)
      ];
    }
  };
}

function keyEntry(
  text: string,
  measure: Measure,
  mark: (x: number, y: number) => Primitive[]
): Block {
  const lines = (width: number) =>
    wrapText(text, width - SWATCH_WIDTH - SWATCH_TEXT_GAP, 6.5, measure);
  return {
    text,
    height: (width) => Math.max(lines(width).length * lineHeight(6.5), 4.4) - GAP + 1.5,
    draw: (x, y, width) => [
      ...mark(x, y + 2.2),
      ...textLines(lines(width), x + SWATCH_WIDTH + SWATCH_TEXT_GAP, y, 6.5, MUTED)
    ]
  };
}

/** A layer's swatch centred vertically on `y`. */
function swatch(look: LegendSwatch, x: number, y: number): Primitive[] {
  if (look.shape === 'line') {
    return [
      { kind: 'line', from: [x, y], to: [x + SWATCH_WIDTH, y], stroke: look.color, lineWidth: 0.8 }
    ];
  }
  if (look.shape === 'point') {
    return [
      { kind: 'circle', cx: x + SWATCH_WIDTH / 2, cy: y, r: 1.5, fill: look.color, stroke: MUTED }
    ];
  }
  return [
    {
      kind: 'rect',
      x,
      y: y - 2,
      w: SWATCH_WIDTH,
      h: 4,
      fill: look.color,
      fillOpacity: 0.45,
      stroke: look.stroke,
      lineWidth: 0.3
    }
  ];
}

const QR_SIZE = 24;

function linkBlock(content: SheetContent, measure: Measure): Block {
  const lines = (width: number) => wrapText(content.link, width, 5.5, measure).slice(0, 6);
  const height = (width: number) =>
    lineHeight(7) + QR_SIZE + 1 + lines(width).length * lineHeight(5.5);
  return {
    text: content.link,
    height,
    draw: (x, y, width) => [
      ...textLines([content.linkLabel], x, y, 7, INK),
      { kind: 'qr', x, y: y + lineHeight(7), size: QR_SIZE, qr: content.qr },
      ...textLines(lines(width), x, y + lineHeight(7) + QR_SIZE + 1, 5.5, MUTED)
    ]
  };
}
