/**
 * The PDF sheet, made off the main thread: embedding and subsetting the Chinese font and writing
 * the PDF take seconds, and the page must stay responsive (and cancellable: the page terminates
 * the worker). One request in, progress and one answer out.
 */
import { pdfSheet } from './pdf-sheet';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PdfWorkerRequest>) => void) | null;
  postMessage: (message: PdfWorkerReply, transfer?: Transferable[]) => void;
};

scope.onmessage = async ({ data }) => {
  try {
    const response = await fetch(data.fontUrl);
    if (!response.ok) throw new Error(`font ${response.status}`);
    const fontBytes = new Uint8Array(await response.arrayBuffer());
    scope.postMessage({ kind: 'stage', stage: 'compose' });
    const pdf = await pdfSheet({
      content: data.content,
      size: data.size,
      mapJpeg: data.mapJpeg,
      fontBytes,
      created: new Date(data.created)
    });
    scope.postMessage({ kind: 'done', pdf }, [pdf.buffer]);
  } catch (error) {
    scope.postMessage({
      kind: 'failed',
      reason: error instanceof Error ? error.message : String(error)
    });
  }
};
