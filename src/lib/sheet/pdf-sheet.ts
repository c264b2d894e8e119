/**
 * A map sheet as a PDF: the layout's primitives drawn as vectors, the text as real, searchable
 * text in an embedded subset of Noto Sans SC (SIL Open Font License 1.1, from
 * @fontsource/noto-sans-sc), and the map as a JPEG at the sheet's resolution. No DOM: runs in the
 * sheet worker and in Node (tests).
 *
 * Why @cantoo/pdf-lib with fontkit 2, not pdf-lib with @pdf-lib/fontkit: the latter's subsetter
 * writes a misaligned `loca` table, so most Chinese glyphs came out blank (text still extractable;
 * Hopding/pdf-lib#1232, fixed upstream in fontkit 1.8); @cantoo/pdf-lib is the maintained fork
 * with the same API and takes fontkit 2's subsetter.
 *
 * Why JPEG for the map: pdf-lib passes a JPEG through as it is, while a PNG is decoded and
 * re-compressed pixel by pixel (seconds for a 300 dpi A3 map); at quality 0.92 the lines stay sharp.
 */
import * as fontkit from 'fontkit';
import {
  LineCapStyle,
  PDFDocument,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB
} from '@cantoo/pdf-lib';
import { layoutSheet, type Primitive, type SheetContent } from './layout';
import { mmToPoints, pointsToMm, type SheetSize } from './paper';
import type { Measure } from './text-wrap';
import { woffToSfnt } from './woff';

export interface PdfSheetInput {
  content: SheetContent;
  size: SheetSize;
  /** The map of the frame, JPEG bytes. */
  mapJpeg: Uint8Array;
  /** A TrueType/OpenType font, or one wrapped in WOFF 1.0, with the sheet's characters. */
  fontBytes: Uint8Array;
  /** Document metadata: title and when it was made. */
  created: Date;
}

/** Stand-ins for symbols the font's Chinese subset lacks (sources say "GCJ-02 → WGS-84"). */
const STAND_INS: Record<string, string> = { '→': '->', '←': '<-', '×': 'x', '≤': '<=', '≥': '>=' };

/**
 * Text the font can draw: a character it has no glyph for becomes its stand-in, or "?", rather
 * than an empty box that reads as nothing.
 * @example printableIn(new Set([65, 45, 62]))('A→A') // 'A->A'
 */
export function printableIn(codePoints: ReadonlySet<number>): (text: string) => string {
  const has = (character: string) => codePoints.has(character.codePointAt(0) as number);
  const standIn = (character: string) => {
    const replacement = STAND_INS[character];
    return replacement && [...replacement].every(has) ? replacement : '?';
  };
  return (text) =>
    [...text]
      .map((character) => (has(character) || character === ' ' ? character : standIn(character)))
      .join('');
}

/** "#3b82c4" → pdf-lib colour. */
function colour(hex: string): RGB {
  const value = Number.parseInt(hex.slice(1), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

/**
 * @example const bytes = await pdfSheet({ content, size, mapJpeg, fontBytes, created: new Date() })
 */
export async function pdfSheet(input: PdfSheetInput): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const isWoff = new TextDecoder().decode(input.fontBytes.subarray(0, 4)) === 'wOFF';
  const font = await document.embedFont(isWoff ? woffToSfnt(input.fontBytes) : input.fontBytes, {
    subset: true
  });
  const inFont = printableIn(new Set(font.getCharacterSet()));
  const measure: Measure = (text, sizePt) =>
    pointsToMm(font.widthOfTextAtSize(inFont(text), sizePt));
  const layout = layoutSheet(input.content, input.size, measure);
  const page = document.addPage([mmToPoints(input.size.widthMm), mmToPoints(input.size.heightMm)]);
  const map = await document.embedJpg(input.mapJpeg);
  const draw = new PdfDrawer(page, font, input.size.heightMm, inFont);
  for (const primitive of layout.primitives) {
    if (primitive.kind === 'map') {
      const box = draw.box(primitive.x, primitive.y, primitive.w, primitive.h);
      page.drawImage(map, box);
    } else {
      draw.primitive(primitive);
    }
  }
  document.setTitle(input.content.title);
  document.setSubject(input.content.subtitle);
  document.setCreator('凌河规划地图 / Linghe Plan Map');
  document.setCreationDate(input.created);
  return document.save();
}

/** Draws primitives given in mm from the top left on a page measured in points from the bottom. */
class PdfDrawer {
  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
    private readonly pageHeightMm: number,
    private readonly inFont: (text: string) => string
  ) {}

  x(mm: number): number {
    return mmToPoints(mm);
  }

  y(mm: number): number {
    return mmToPoints(this.pageHeightMm - mm);
  }

  box(x: number, y: number, w: number, h: number) {
    return { x: this.x(x), y: this.y(y + h), width: mmToPoints(w), height: mmToPoints(h) };
  }

  primitive(shape: Exclude<Primitive, { kind: 'map' }>): void {
    const page = this.page;
    switch (shape.kind) {
      case 'text':
        page.drawText(this.inFont(shape.text), {
          x: this.x(shape.x),
          y: this.y(shape.y),
          size: shape.size,
          font: this.font,
          color: colour(shape.color)
        });
        return;
      case 'rect':
        page.drawRectangle({
          ...this.box(shape.x, shape.y, shape.w, shape.h),
          ...(shape.fill ? { color: colour(shape.fill), opacity: shape.fillOpacity ?? 1 } : {}),
          ...(shape.stroke
            ? {
                borderColor: colour(shape.stroke),
                borderWidth: mmToPoints(shape.lineWidth ?? 0.2),
                ...(shape.dash ? { borderDashArray: shape.dash.map(mmToPoints) } : {})
              }
            : { borderWidth: 0 })
        });
        return;
      case 'line':
        page.drawLine({
          start: { x: this.x(shape.from[0]), y: this.y(shape.from[1]) },
          end: { x: this.x(shape.to[0]), y: this.y(shape.to[1]) },
          thickness: mmToPoints(shape.lineWidth),
          color: colour(shape.stroke),
          lineCap: LineCapStyle.Butt,
          ...(shape.dash ? { dashArray: shape.dash.map(mmToPoints) } : {})
        });
        return;
      case 'circle':
        page.drawCircle({
          x: this.x(shape.cx),
          y: this.y(shape.cy),
          size: mmToPoints(shape.r),
          color: colour(shape.fill),
          borderColor: colour(shape.stroke),
          borderWidth: mmToPoints(0.2)
        });
        return;
      case 'polygon':
        this.path(
          `M${shape.points.map(([x, y]) => `${mmToPoints(x)} ${mmToPoints(y)}`).join('L')}Z`,
          1,
          shape
        );
        return;
      case 'qr': {
        const moduleMm = shape.size / shape.qr.size;
        page.drawRectangle({
          ...this.box(shape.x, shape.y, shape.size, shape.size),
          color: rgb(1, 1, 1)
        });
        page.drawSvgPath(shape.qr.d, {
          x: this.x(shape.x),
          y: this.y(shape.y),
          scale: mmToPoints(moduleMm),
          color: rgb(0, 0, 0)
        });
        return;
      }
    }
  }

  /** An SVG path in points from the page's top left (pdf-lib flips it). */
  private path(
    d: string,
    scale: number,
    shape: { fill: string; stroke?: string; lineWidth?: number }
  ) {
    this.page.drawSvgPath(d, {
      x: 0,
      y: this.y(0),
      scale,
      color: colour(shape.fill),
      ...(shape.stroke
        ? { borderColor: colour(shape.stroke), borderWidth: mmToPoints(shape.lineWidth ?? 0.2) }
        : {})
    });
  }
}
