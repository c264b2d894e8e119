/**
 * The user-tile Web Worker (a module worker): builds the tile indexes of big imported layers and
 * cuts their vector tiles, off the main thread. Started by user-tiles-client.ts, which calls it
 * through comlink; what it does is UserTileWorkerApi (user-tiles-protocol.ts).
 */
import { expose } from 'comlink';
import { UserTileWorkerApi } from './user-tiles-protocol';

expose(new UserTileWorkerApi());
