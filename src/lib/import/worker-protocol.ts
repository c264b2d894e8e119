/**
 * Messages between the main thread (client.ts) and the import worker (worker.ts), and the
 * worker-side handler — kept apart from worker.ts so Node tests can drive it without a Worker.
 */
import { importFile } from './import-file';
import { exportBackupFile, restoreBackupFile, type RestoreOutcome } from './backup-file';
import { openImportStore, type ImportStore, type StoredLayer, type StoreResult } from './store';
import type {
  BilingualMessage,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportSource
} from './types';
import { layerFromImport } from './user-layers';

/** The options that can cross the thread boundary (no callbacks, no signal). */
export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;

/**
 * Asks the worker to save a successful import as a layer itself (layerFromImport with this id and
 * time) in the IndexedDB database of that name, so the main thread never clones 100 000 features
 * into IndexedDB in one task. The save is one transaction, as with store.saveLayer on the page.
 */
export interface SaveRequest {
  databaseName: string;
  layerId: string;
  importedAt: string;
}

export type ToWorker =
  | {
      type: 'import';
      id: number;
      /** A File is read here, in the worker (client.ts importInWorker). */
      source: ImportSource;
      name: string;
      options: WorkerImportOptions;
      save?: SaveRequest;
    }
  | { type: 'cancel'; id: number }
  /** Read every saved layer and send it back in slices (store.ts listLayers, off the page). */
  | { type: 'load-layers'; id: number; databaseName: string }
  /** Restore a backup file into the database (backup-file.ts restoreBackupFile, off the page). */
  | {
      type: 'restore';
      id: number;
      source: ImportSource;
      databaseName: string;
      mode: 'merge' | 'replace';
    }
  /** Make the backup file of the database (backup-file.ts exportBackupFile, off the page). */
  | { type: 'export'; id: number; databaseName: string };

/**
 * Features per `features` message: ~1000 parcels take ~5 ms to deserialise on the main thread,
 * so a 100 000-feature result arrives in many short tasks instead of one ~550 ms one. (With 2000
 * a slice sometimes took ~70 ms: the young-generation collection that followed it had to copy
 * every object just made.)
 */
export const FEATURES_PER_MESSAGE = 1000;

export type FromWorker =
  | { type: 'progress'; id: number; progress: ImportProgress }
  /** The next slice of the result's features (and their indexes and measurements), in order. */
  | {
      type: 'features';
      id: number;
      features: ImportResult['features'];
      featureIndexes: number[];
      measurements: ImportResult['measurements'];
    }
  /**
   * The result without what the `features` messages before it carried; `saved` tells how the
   * save went when one was asked for and the import succeeded.
   */
  | { type: 'result'; id: number; result: ImportResult; saved?: StoreResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  /** A saved layer without its features; the `features` messages after it carry them. */
  | { type: 'layer'; id: number; layer: StoredLayer }
  /** Every saved layer has been sent. */
  | { type: 'layers-loaded'; id: number }
  | { type: 'restored'; id: number; outcome: RestoreOutcome }
  | { type: 'exported'; id: number; file: Blob };

/**
 * Handles ToWorker messages, posting FromWorker messages through `post`. Each import gets its own
 * AbortController, so `cancel` stops exactly that import at its next pause.
 *
 * @example self.addEventListener('message', (e) => handle(e.data)) // in worker.ts
 */
export function createImportHandler(post: (message: FromWorker) => void) {
  const running = new Map<number, AbortController>();
  return async function handle(message: ToWorker): Promise<void> {
    if (message.type === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    if (message.type === 'load-layers') {
      await postSavedLayers(message.id, message.databaseName, post);
      return;
    }
    if (message.type === 'restore' || message.type === 'export') {
      await withStore(message.id, message.databaseName, post, async (store) => {
        if (message.type === 'export') {
          post({ type: 'exported', id: message.id, file: await exportBackupFile(store) });
        } else {
          const outcome = await restoreBackupFile(message.source, store, message.mode);
          post({ type: 'restored', id: message.id, outcome });
        }
      });
      return;
    }
    const { id, source, name, options, save } = message;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const bytes =
        source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
      controller.signal.throwIfAborted();
      const result = await importFile(bytes, name, {
        ...options,
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', id, progress })
      });
      // The layer's clone into IndexedDB is taken when the save is issued, so the features can
      // be posted (and let go of) while its transaction commits.
      const saving = save && result.status === 'ok' ? await startSave(result, name, save) : null;
      const rest = postFeatures(id, result, post);
      const saved = saving ? await saving.outcome : undefined;
      post(
        saved ? { type: 'result', id, result: rest, saved } : { type: 'result', id, result: rest }
      );
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled', id });
      else post({ type: 'error', id, message: String(error) });
    } finally {
      running.delete(id);
    }
  };
}

/** Runs `work` on the database `databaseName`; any failure is posted as an `error` message. */
async function withStore(
  id: number,
  databaseName: string,
  post: (message: FromWorker) => void,
  work: (store: ImportStore) => Promise<void>
): Promise<void> {
  try {
    const store = await openImportStore({ name: databaseName });
    try {
      await work(store);
    } finally {
      store.close();
    }
  } catch (error) {
    post({ type: 'error', id, message: String(error) });
  }
}

/** Reads every saved layer and posts each as a `layer` message and its `features` messages. */
async function postSavedLayers(
  id: number,
  databaseName: string,
  post: (message: FromWorker) => void
): Promise<void> {
  try {
    const store = await openImportStore({ name: databaseName });
    let layers: StoredLayer[];
    try {
      layers = await store.listLayers();
    } finally {
      store.close();
    }
    for (const layer of layers) {
      const features = layer.features;
      post({ type: 'layer', id, layer: { ...layer, features: [] } });
      for (let start = 0; start < features.length; start += FEATURES_PER_MESSAGE) {
        const end = Math.min(start + FEATURES_PER_MESSAGE, features.length);
        post({
          type: 'features',
          id,
          features: features.slice(start, end),
          featureIndexes: [],
          measurements: []
        });
        features.fill(null as never, start, end);
      }
    }
    post({ type: 'layers-loaded', id });
  } catch (error) {
    post({ type: 'error', id, message: String(error) });
  }
}

/**
 * Posts a result's features as `features` messages of FEATURES_PER_MESSAGE features and returns
 * the rest, for the `result` message (the client puts them back together). Each sent slice is let
 * go of here, so the worker does not hold on to what the page already has.
 */
function postFeatures(
  id: number,
  result: ImportResult,
  post: (message: FromWorker) => void
): ImportResult {
  const { features, featureIndexes, measurements } = result;
  for (let start = 0; start < features.length; start += FEATURES_PER_MESSAGE) {
    const end = Math.min(start + FEATURES_PER_MESSAGE, features.length);
    post({
      type: 'features',
      id,
      features: features.slice(start, end),
      featureIndexes: featureIndexes.slice(start, end),
      measurements: measurements.slice(start, end)
    });
    features.fill(null as never, start, end);
  }
  return { ...result, features: [], featureIndexes: [], measurements: [] };
}

/**
 * Opens the store and issues the layer's save; resolves, once issued, to the save's outcome. A
 * store that cannot be opened is a failed save (with the reason), not a crash.
 */
async function startSave(
  result: ImportResult,
  name: string,
  { databaseName, layerId, importedAt }: SaveRequest
): Promise<{ outcome: Promise<StoreResult> }> {
  const layer = layerFromImport(result, name, layerId, importedAt);
  try {
    const store = await openImportStore({ name: databaseName });
    const saving = store.saveLayer(layer);
    void saving.finally(() => store.close());
    return { outcome: saving };
  } catch (error) {
    const reason = String(error).slice(0, 200);
    const failed: StoreResult = {
      ok: false,
      error: (error as { bilingual?: BilingualMessage }).bilingual ?? {
        code: 'storage-unavailable',
        zh: `无法打开浏览器存储：${reason}`,
        en: `Browser storage cannot be opened: ${reason}`
      }
    };
    return { outcome: Promise.resolve(failed) };
  }
}
