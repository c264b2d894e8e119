// Reads a PDF the way a reader's search would: the page sizes and the text of each page, through
// pdf.js (pdfjs-dist), for tests that check a PDF's text is real text, not pixels.

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * @param {Uint8Array} bytes the PDF file
 * @returns {Promise<{ pages: { width: number, height: number, text: string }[] }>} sizes in points
 * @example const { pages } = await readPdf(await readFile('sheet.pdf'));
 */
export async function readPdf(bytes) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const require = createRequire(import.meta.url);
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
    require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')
  ).href;
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0
  }).promise;
  const pages = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join('\n');
    pages.push({ width: x1 - x0, height: y1 - y0, text });
  }
  await document.destroy();
  return { pages };
}
