/**
 * What the map sheet (layout.ts) is made of: the drawing primitives, in millimetres (origin top
 * left, y down), the content they show, and the ink, spacing and text lines its parts share.
 */
import type { LegendSwatch } from '$lib/layers/legend';
import type { QrPath } from '$lib/share/qr-path';
import { pointsToMm } from './paper';
import type { ScaleBar } from './scale';
import type { Point } from './marks';

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

/** Space between the sheet's parts, mm. */
export const GAP = 4;
export const INK = '#222222';
export const MUTED = '#555555';
const LINE_SPACING = 1.35;

/** Height of a line of text, mm. */
export function lineHeight(sizePt: number): number {
  return pointsToMm(sizePt) * LINE_SPACING;
}

/** Lines of wrapped text from `y` (the top of the first line), one primitive each. */
export function textLines(
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
