/**
 * The map sheet's layout: where the title, the map, the legend, the scale bar, the north arrow,
 * the sources, the disclaimer, the date and the link with its QR code go on a sheet of paper, as a
 * list of drawing primitives in millimetres (origin top left, y down). The PNG (canvas) and the PDF
 * (pdf-lib) draw the same list, so the two exports cannot differ in what they say.
 */
import type { LegendSwatch } from '$lib/layers/legend';
import type { QrPath } from '$lib/share/qr-path';
import type { SheetSize } from './paper';
import { pointsToMm } from './paper';
import type { ScaleBar } from './scale';
import { wrapText, type Measure } from './text-wrap';
import { hatchLines, northArrow, type Point } from './marks';

export type Primitive =
  /** One line of text; `y` is its baseline. */
  | { kind: 'text'; x: number; y: number; size: number; text: string; color: string }
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      fill?: string;
      fillOpacity?: number;
      stroke?: string;
      lineWidth?: number;
      dash?: [number, number];
    }
  | {
      kind: 'line';
      from: Point;
      to: Point;
      stroke: string;
      lineWidth: number;
      dash?: [number, number];
    }
  | { kind: 'polygon'; points: Point[]; fill: string; stroke?: string; lineWidth?: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string }
  /** The QR code, `size` mm square, dark modules black on white. */
  | { kind: 'qr'; x: number; y: number; size: number; qr: QrPath }
  /** Where the rendered map goes. */
  | { kind: 'map'; x: number; y: number; w: number; h: number };

export interface SheetContent {
  title: string;
  /** Under the title: what the view shows (a feature's name, or the plan's map). */
  subtitle: string;
  /** "制图日期 2026-12-02". */
  date: string;
  legendTitle: string;
  legend: { label: string; note: string; swatch: LegendSwatch }[];
  /** The key to how geometry is drawn: solid = located, dashed and hatched = schematic. */
  keySolid: string;
  keySchematic: string;
  hatchColor: string;
  sourcesTitle: string;
  sources: string[];
  disclaimer: string;
  linkLabel: string;
  link: string;
  qr: QrPath;
  /** Null when the view is tilted: no single scale holds across a tilted map. */
  scale: { bar: ScaleBar; text: string } | null;
  noScale: string;
  /** Degrees clockwise from north of the map's up direction (MapLibre's bearing). */
  bearing: number;
  north: string;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SheetLayout {
  primitives: Primitive[];
  frame: Rect;
  /** Text that did not fit its column (empty when everything fits). */
  overflow: string[];
}

const MARGIN = 10;
const TITLE_HEIGHT = 15;
const FOOTER_HEIGHT = 12;
const GAP = 4;
/** The legend column beside a landscape map. */
const SIDE_WIDTH = 66;
/** The band under a portrait map. */
const PORTRAIT_PANEL_HEIGHT = 80;
const INK = '#222222';
const MUTED = '#555555';
const LINE_SPACING = 1.35;

/**
 * Where the map goes on the sheet, mm: known before any text is measured, so the map can be drawn
 * at its final size while the rest is laid out.
 * @example frameRect({ widthMm: 297, heightMm: 210 }) // { x: 10, y: 25, w: 207, h: 163 }
 */
export function frameRect(size: SheetSize): Rect {
  const top = MARGIN + TITLE_HEIGHT;
  const bottom = size.heightMm - MARGIN - FOOTER_HEIGHT;
  if (size.widthMm > size.heightMm) {
    return { x: MARGIN, y: top, w: size.widthMm - 2 * MARGIN - SIDE_WIDTH - GAP, h: bottom - top };
  }
  return {
    x: MARGIN,
    y: top,
    w: size.widthMm - 2 * MARGIN,
    h: bottom - top - PORTRAIT_PANEL_HEIGHT - GAP
  };
}

/** The columns the legend, sources and link flow through, in order. */
function panelColumns(size: SheetSize, frame: Rect): Rect[] {
  if (size.widthMm > size.heightMm) {
    return [{ x: frame.x + frame.w + GAP, y: frame.y, w: SIDE_WIDTH, h: frame.h }];
  }
  const y = frame.y + frame.h + GAP;
  const w = (frame.w - GAP) / 2;
  return [
    { x: frame.x, y, w, h: PORTRAIT_PANEL_HEIGHT },
    { x: frame.x + w + GAP, y, w, h: PORTRAIT_PANEL_HEIGHT }
  ];
}

/** Height of a line of text, mm. */
function lineHeight(sizePt: number): number {
  return pointsToMm(sizePt) * LINE_SPACING;
}

/**
 * A block of the panel: drawn at (x, y) in a column `width` wide; says its height first so the
 * flow can move it to the next column when it does not fit.
 */
interface Block {
  height: (width: number) => number;
  draw: (x: number, y: number, width: number) => Primitive[];
  /** Its text, named in `overflow` when no column has room. */
  text: string;
}

/**
 * Lays the sheet out.
 * @example layoutSheet(content, sheetSize('A4', 'landscape'), measure).frame.w // 207
 */
export function layoutSheet(content: SheetContent, size: SheetSize, measure: Measure): SheetLayout {
  const frame = frameRect(size);
  const primitives: Primitive[] = [
    { kind: 'rect', x: 0, y: 0, w: size.widthMm, h: size.heightMm, fill: '#ffffff' },
    { kind: 'map', ...frame },
    ...header(content, size, measure),
    ...mapMarks(content, frame),
    { kind: 'rect', ...frame, stroke: INK, lineWidth: 0.3 }
  ];
  const overflow: string[] = [];
  const columns = panelColumns(size, frame);
  let column = 0;
  let y = columns[0].y;
  for (const block of panelBlocks(content, measure)) {
    while (
      column < columns.length &&
      y + block.height(columns[column].w) > bottomOf(columns[column])
    ) {
      column += 1;
      if (column < columns.length) y = columns[column].y;
    }
    if (column === columns.length) {
      overflow.push(block.text);
      continue;
    }
    const { x, w } = columns[column];
    primitives.push(...block.draw(x, y, w));
    y += block.height(w) + GAP;
  }
  primitives.push(...footer(content, size, measure));
  return { primitives, frame, overflow };
}

/** How far down a column's text may reach: clear of the footer by a line's gap. */
function bottomOf(rect: Rect): number {
  return rect.y + rect.h - 1.5;
}

function header(content: SheetContent, size: SheetSize, measure: Measure): Primitive[] {
  const right = size.widthMm - MARGIN;
  const dateWidth = measure(content.date, 8);
  // A long title (English, A4 portrait) is set smaller rather than run into the date.
  const room = size.widthMm - 2 * MARGIN - dateWidth - GAP;
  let titleSize = 16;
  while (titleSize > 10 && measure(content.title, titleSize) > room) titleSize -= 1;
  return [
    { kind: 'text', x: MARGIN, y: MARGIN + 6, size: titleSize, text: content.title, color: INK },
    { kind: 'text', x: MARGIN, y: MARGIN + 12, size: 9, text: content.subtitle, color: MUTED },
    { kind: 'text', x: right - dateWidth, y: MARGIN + 6, size: 8, text: content.date, color: MUTED }
  ];
}

/** Lines of wrapped text from `y` (the top of the first line), one primitive each. */
function textLines(
  lines: string[],
  x: number,
  y: number,
  size: number,
  color: string
): Primitive[] {
  const step = lineHeight(size);
  return lines.map((text, index) => ({
    kind: 'text' as const,
    x,
    y: y + step * (index + 0.8),
    size,
    text,
    color
  }));
}

function footer(content: SheetContent, size: SheetSize, measure: Measure): Primitive[] {
  const width = size.widthMm - 2 * MARGIN;
  const lines = wrapText(content.disclaimer, width, 7, measure).slice(0, 3);
  return textLines(lines, MARGIN, size.heightMm - MARGIN - FOOTER_HEIGHT + 2, 7, MUTED);
}

/** North arrow (top right) and scale bar (bottom left), drawn over the map on white. */
function mapMarks(content: SheetContent, frame: Rect): Primitive[] {
  const centre: Point = [frame.x + frame.w - 11, frame.y + 12];
  const marks: Primitive[] = [
    { kind: 'circle', cx: centre[0], cy: centre[1], r: 8, fill: '#ffffff', stroke: MUTED },
    ...northArrow(centre, 6, content.bearing).map((points, index): Primitive => ({
      kind: 'polygon',
      points,
      fill: index === 0 ? INK : '#ffffff',
      stroke: INK,
      lineWidth: 0.2
    }))
  ];
  const labelAngle = (-content.bearing * Math.PI) / 180;
  marks.push({
    kind: 'text',
    x: centre[0] + Math.sin(labelAngle) * 5 - 1.2,
    y: centre[1] - Math.cos(labelAngle) * 5 + 1,
    size: 7,
    text: content.north,
    color: INK
  });
  const left = frame.x + 4;
  const base = frame.y + frame.h - 5;
  if (!content.scale) {
    marks.push(
      { kind: 'rect', x: left - 2, y: base - 5, w: 62, h: 7, fill: '#ffffff', fillOpacity: 0.85 },
      { kind: 'text', x: left, y: base, size: 7, text: content.noScale, color: INK }
    );
    return marks;
  }
  const { bar, text } = content.scale;
  const half = bar.mm / 2;
  marks.push(
    {
      kind: 'rect',
      x: left - 2,
      y: base - 9,
      w: bar.mm + 20,
      h: 12,
      fill: '#ffffff',
      fillOpacity: 0.85
    },
    { kind: 'text', x: left, y: base - 5, size: 7, text, color: INK },
    { kind: 'rect', x: left, y: base - 2, w: half, h: 1.6, fill: INK, stroke: INK, lineWidth: 0.2 },
    {
      kind: 'rect',
      x: left + half,
      y: base - 2,
      w: half,
      h: 1.6,
      fill: '#ffffff',
      stroke: INK,
      lineWidth: 0.2
    },
    { kind: 'text', x: left + bar.mm + 1.5, y: base, size: 6.5, text: bar.label, color: INK }
  );
  return marks;
}

function panelBlocks(content: SheetContent, measure: Measure): Block[] {
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
