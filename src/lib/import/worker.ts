/**
 * The import Web Worker (a module worker): parsing, validation, conversion and measuring run
 * here, off the main thread. KML is parsed with xml.ts because workers have no DOMParser.
 * Started by client.ts; the protocol is in worker-protocol.ts.
 */
import { createImportHandler, type FromWorker, type ToWorker } from './worker-protocol';

const handle = createImportHandler((message: FromWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer })
);
self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  void handle(event.data);
});
