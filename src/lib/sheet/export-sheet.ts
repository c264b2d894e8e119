/**
 * Exporting a map sheet, step by step: draw the map at the sheet's resolution, say what the sheet
 * says, then either paint a PNG or have the worker write a PDF. Each step reports its stage; an
 * AbortSignal cancels at any point (the off-screen map is removed, the worker terminated).
 *
 * The PDF worker's messages are hand-written, not comlink (as the user-tile worker's): it is
 * one request, a stage report and one answer to a worker made for it and ended by terminate()
 * (cancelling, which comlink cannot do for a call), so comlink would add a proxied callback and
 * error handling without taking anything away.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import fontUrl from '@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff?url';
import { defaultTheme } from '$lib/style/theme';
import { canvasSheet } from './canvas-sheet';
import { frameRect } from './layout';
import { sheetSize, type Orientation, type PaperName, type Resolution } from './paper';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';
import { drawnAttributions, renderMap } from './render-map';
import { sheetContent, sheetFileStem } from './sheet-content';

export type SheetFormat = 'pdf' | 'png';
export type SheetStage = 'map' | 'font' | 'compose' | 'save';

export interface SheetRequest {
  paper: PaperName;
  orientation: Orientation;
  dpi: Resolution;
  format: SheetFormat;
}

export interface SheetContext {
  map: MapLibreMap;
  visible: Readonly<Record<string, boolean>>;
  featureName: string | null;
  link: string;
  date: Date;
}

export interface ExportedSheet {
  blob: Blob;
  fileName: string;
}

/** Longest scale bar, mm: a fifth of an A4 landscape frame. */
const SCALE_BAR_MAX_MM = 40;

/**
 * @example const { blob, fileName } = await exportSheet(request, context, { signal, onstage })
 */
export async function exportSheet(
  request: SheetRequest,
  context: SheetContext,
  options: { signal: AbortSignal; onstage: (stage: SheetStage) => void }
): Promise<ExportedSheet> {
  const { signal, onstage } = options;
  const size = sheetSize(request.paper, request.orientation);
  const frame = frameRect(size);
  onstage('map');
  const rendered = await renderMap(context.map, frame, request.dpi, signal);
  const content = sheetContent({
    view: rendered.view,
    visible: context.visible,
    featureName: context.featureName,
    attributions: drawnAttributions(context.map),
    link: context.link,
    date: context.date,
    scaleBarMaxMm: SCALE_BAR_MAX_MM,
    theme: defaultTheme
  });
  const fileName = `${sheetFileStem(context.date, request.paper)}.${request.format}`;
  if (request.format === 'png') {
    onstage('compose');
    const canvas = canvasSheet(content, size, request.dpi, rendered.canvas);
    onstage('save');
    return { blob: await canvasBlob(canvas, 'image/png'), fileName };
  }
  const mapJpeg = new Uint8Array(
    await (await canvasBlob(rendered.canvas, 'image/jpeg', 0.92)).arrayBuffer()
  );
  signal.throwIfAborted();
  onstage('font');
  const pdf = await inWorker(
    {
      content,
      size,
      mapJpeg,
      fontUrl: new URL(fontUrl, location.href).href,
      created: context.date.getTime()
    },
    signal,
    onstage
  );
  return {
    blob: new Blob([pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
    fileName
  };
}

function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(`no ${type} from the canvas`))),
      type,
      quality
    )
  );
}

function inWorker(
  request: PdfWorkerRequest,
  signal: AbortSignal,
  onstage: (stage: SheetStage) => void
): Promise<Uint8Array> {
  const worker = new Worker(new URL('./pdf-worker.ts', import.meta.url), { type: 'module' });
  let abort = () => {};
  return new Promise<Uint8Array>((resolve, reject) => {
    abort = () => reject(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    worker.onerror = (event) => reject(new Error(event.message || 'PDF worker failed'));
    worker.onmessage = ({ data }: MessageEvent<PdfWorkerReply>) => {
      if (data.kind === 'stage') onstage(data.stage);
      else if (data.kind === 'done') resolve(data.pdf);
      else reject(new Error(data.reason));
    };
    worker.postMessage(request, [request.mapJpeg.buffer]);
  }).finally(() => {
    signal.removeEventListener('abort', abort);
    worker.terminate();
  });
}
