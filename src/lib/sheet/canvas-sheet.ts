/**
 * A map sheet as a PNG: the layout's primitives drawn on a canvas of the sheet's pixel size, the
 * map drawn into its frame, text in the system's CJK fonts (the PNG is pixels either way; the PDF
 * embeds a font so that its text stays text).
 */
import { LOCAL_CJK_FONTS } from '$lib/layers/map-config';
import { layoutSheet, type Primitive, type SheetContent } from './layout';
import { dotsToMm, mmToDots, mmToPixels, pointsToMm, type SheetSize } from './paper';
import type { Measure } from './text-wrap';

export class CanvasTooLarge extends Error {
  constructor() {
    super('canvas too large');
    this.name = 'CanvasTooLarge';
  }
}

function fontFor(sizePt: number, dpi: number): string {
  return `${mmToDots(pointsToMm(sizePt), dpi)}px ${LOCAL_CJK_FONTS}`;
}

/**
 * @example const canvas = canvasSheet(content, sheetSize('A4', 'landscape'), 150, mapCanvas)
 */
export function canvasSheet(
  content: SheetContent,
  size: SheetSize,
  dpi: number,
  map: CanvasImageSource
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = mmToPixels(size.widthMm, dpi);
  canvas.height = mmToPixels(size.heightMm, dpi);
  const context = canvas.getContext('2d');
  if (!context || !usable(context, canvas)) throw new CanvasTooLarge();
  const measure: Measure = (text, sizePt) => {
    context.font = fontFor(sizePt, dpi);
    return dotsToMm(context.measureText(text).width, dpi);
  };
  const layout = layoutSheet(content, size, measure);
  const px = (mm: number) => mmToDots(mm, dpi);
  for (const primitive of layout.primitives) drawPrimitive(context, primitive, px, dpi, map);
  return canvas;
}

/** A browser refuses a canvas past its area limit (iOS: 16.7 million pixels) quietly. */
function usable(context: CanvasRenderingContext2D, canvas: HTMLCanvasElement): boolean {
  try {
    context.fillStyle = '#ffffff';
    context.fillRect(canvas.width - 1, canvas.height - 1, 1, 1);
    return context.getImageData(canvas.width - 1, canvas.height - 1, 1, 1).data[3] === 255;
  } catch {
    return false;
  }
}

function drawPrimitive(
  context: CanvasRenderingContext2D,
  shape: Primitive,
  px: (mm: number) => number,
  dpi: number,
  map: CanvasImageSource
): void {
  context.save();
  context.setLineDash([]);
  switch (shape.kind) {
    case 'map':
      context.drawImage(map, px(shape.x), px(shape.y), px(shape.w), px(shape.h));
      break;
    case 'text':
      context.font = fontFor(shape.size, dpi);
      context.fillStyle = shape.color;
      context.textBaseline = 'alphabetic';
      context.fillText(shape.text, px(shape.x), px(shape.y));
      break;
    case 'rect':
      if (shape.fill) {
        context.globalAlpha = shape.fillOpacity ?? 1;
        context.fillStyle = shape.fill;
        context.fillRect(px(shape.x), px(shape.y), px(shape.w), px(shape.h));
        context.globalAlpha = 1;
      }
      if (shape.stroke) {
        stroke(context, shape.stroke, px(shape.lineWidth ?? 0.2), shape.dash?.map(px));
        context.strokeRect(px(shape.x), px(shape.y), px(shape.w), px(shape.h));
      }
      break;
    case 'line':
      stroke(context, shape.stroke, px(shape.lineWidth), shape.dash?.map(px));
      context.beginPath();
      context.moveTo(px(shape.from[0]), px(shape.from[1]));
      context.lineTo(px(shape.to[0]), px(shape.to[1]));
      context.stroke();
      break;
    case 'circle':
      context.beginPath();
      context.arc(px(shape.cx), px(shape.cy), px(shape.r), 0, 2 * Math.PI);
      context.fillStyle = shape.fill;
      context.fill();
      stroke(context, shape.stroke, px(0.2));
      context.stroke();
      break;
    case 'polygon':
      context.beginPath();
      shape.points.forEach(([x, y], index) =>
        index === 0 ? context.moveTo(px(x), px(y)) : context.lineTo(px(x), px(y))
      );
      context.closePath();
      context.fillStyle = shape.fill;
      context.fill();
      if (shape.stroke) {
        stroke(context, shape.stroke, px(shape.lineWidth ?? 0.2));
        context.stroke();
      }
      break;
    case 'qr': {
      const scale = px(shape.size) / shape.qr.size;
      context.fillStyle = '#ffffff';
      context.fillRect(px(shape.x), px(shape.y), px(shape.size), px(shape.size));
      context.translate(px(shape.x), px(shape.y));
      context.scale(scale, scale);
      context.fillStyle = '#000000';
      context.fill(new Path2D(shape.qr.d));
      break;
    }
  }
  context.restore();
}

function stroke(context: CanvasRenderingContext2D, colour: string, width: number, dash?: number[]) {
  context.strokeStyle = colour;
  context.lineWidth = width;
  context.setLineDash(dash ?? []);
}
