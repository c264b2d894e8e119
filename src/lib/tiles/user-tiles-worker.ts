/**
 * The user-tile Web Worker (a module worker): builds the tile indexes of big imported layers and
 * cuts their vector tiles, off the main thread. Started by user-tiles-client.ts; the protocol is
 * in user-tiles-protocol.ts.
 */
import { createUserTileHandler, type ToTileWorker } from './user-tiles-protocol';

const handle = createUserTileHandler((message, transfer = []) =>
  self.postMessage(message, { transfer })
);
self.addEventListener('message', (event: MessageEvent<ToTileWorker>) => handle(event.data));
