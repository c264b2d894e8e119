/** Messages between the page and the PDF sheet worker (pdf-worker.ts). */
import type { SheetContent } from './layout';
import type { SheetSize } from './paper';

export interface PdfWorkerRequest {
  content: SheetContent;
  size: SheetSize;
  mapJpeg: Uint8Array;
  /** Where the worker fetches the font from (the site's own origin). */
  fontUrl: string;
  /** Milliseconds since the epoch. */
  created: number;
}

export type PdfWorkerReply =
  | { kind: 'stage'; stage: 'compose' }
  | { kind: 'done'; pdf: Uint8Array }
  | { kind: 'failed'; reason: string };
