/**
 * The map sheet's layout: where the title, the map, the legend, the scale bar, the north arrow,
 * the sources, the disclaimer, the date and the link with its QR code go on a sheet of paper, as a
 * list of drawing primitives in millimetres (origin top left, y down). The PNG (canvas) and the PDF
 * (pdf-lib) draw the same list, so the two exports cannot differ in what they say.
 */
import type { SheetSize } from './paper';
import { wrapText, type Measure } from './text-wrap';
import { northArrow, type Point } from './marks';
import { panelBlocks } from './panel-blocks';
import {
  GAP,
  INK,
  MUTED,
  textLines,
  type Primitive,
  type Rect,
  type SheetContent
} from './sheet-primitives';

export type { Primitive, Rect, SheetContent } from './sheet-primitives';

export interface SheetLayout {
  primitives: Primitive[];
  frame: Rect;
  /** Text that did not fit its column (empty when everything fits). */
  overflow: string[];
}

const MARGIN = 10;
const TITLE_HEIGHT = 15;
const FOOTER_HEIGHT = 12;
/** The legend column beside a landscape map. */
const SIDE_WIDTH = 66;
/** The band under a portrait map. */
const PORTRAIT_PANEL_HEIGHT = 80;
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
