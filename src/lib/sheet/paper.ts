/**
 * Paper for map sheets: sizes in millimetres, and what a size means in pixels at a resolution
 * and in PDF points. Plain functions, no DOM.
 */

export type PaperName = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';
export type Resolution = 150 | 300;

export const PAPER_NAMES: readonly PaperName[] = ['A4', 'A3'];
export const RESOLUTIONS: readonly Resolution[] = [150, 300];

/** ISO 216 sizes, short side × long side, mm. */
const PAPER_MM: Record<PaperName, readonly [number, number]> = {
  A4: [210, 297],
  A3: [297, 420]
};

const MM_PER_INCH = 25.4;
/** PDF user space: 72 points to the inch. */
const POINTS_PER_INCH = 72;
/** CSS pixels to the inch: the unit MapLibre's zoom and pixel ratio are defined in. */
export const CSS_PX_PER_INCH = 96;

export interface SheetSize {
  /** Width and height of the sheet as it is read, mm. */
  widthMm: number;
  heightMm: number;
}

/**
 * @example sheetSize('A4', 'landscape') // { widthMm: 297, heightMm: 210 }
 */
export function sheetSize(paper: PaperName, orientation: Orientation): SheetSize {
  const [short, long] = PAPER_MM[paper];
  return orientation === 'portrait'
    ? { widthMm: short, heightMm: long }
    : { widthMm: long, heightMm: short };
}

/**
 * Pixels a length in mm takes at a resolution, rounded to whole pixels.
 * @example mmToPixels(297, 150) // 1754
 */
export function mmToPixels(mm: number, dpi: number): number {
  return Math.round(mmToDots(mm, dpi));
}

/**
 * Pixels a length in mm takes at a resolution, unrounded: where a canvas draws it.
 * @example mmToDots(25.4, 300) // 300
 */
export function mmToDots(mm: number, dpi: number): number {
  return (mm / MM_PER_INCH) * dpi;
}

/**
 * Millimetres that `pixels` take at a resolution.
 * @example dotsToMm(300, 300) // 25.4
 */
export function dotsToMm(pixels: number, dpi: number): number {
  return (pixels / dpi) * MM_PER_INCH;
}

/**
 * PDF points (1/72 inch) for a length in mm.
 * @example mmToPoints(210) // 595.27…
 */
export function mmToPoints(mm: number): number {
  return (mm / MM_PER_INCH) * POINTS_PER_INCH;
}

/**
 * Millimetres for a font size in points (type is measured in points on paper too).
 * @example pointsToMm(72) // 25.4
 */
export function pointsToMm(points: number): number {
  return (points / POINTS_PER_INCH) * MM_PER_INCH;
}

/**
 * CSS pixels a length in mm takes on paper (at 96 per inch), for sizing the map that is drawn.
 * @example mmToCssPixels(25.4) // 96
 */
export function mmToCssPixels(mm: number): number {
  return (mm / MM_PER_INCH) * CSS_PX_PER_INCH;
}

/** Whether a value read from a form or a URL is one of the papers on offer. */
export function isPaperName(value: unknown): value is PaperName {
  return value === 'A4' || value === 'A3';
}
