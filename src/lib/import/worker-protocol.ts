/**
 * Messages between the main thread (client.ts) and the import worker (worker.ts), and the
 * worker-side handler — kept apart from worker.ts so Node tests can drive it without a Worker.
 */
import { importFile } from './import-file';
import { exportBackupFile, restoreBackupFile, type RestoreOutcome } from '../storage/backup-file';
import {
  openImportStore,
  type ImportStore,
  type StoredLayer,
  type StoreResult
} from '../storage/store';
import type {
  BilingualMessage,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportSource
} from './types';
import {
  featureArray,
  packedRecordsOf,
  packFeatures,
  transferablesOf,
  type PackedFeatureRecord
} from '../storage/packed-features';
import { layerFromImport } from '../storage/user-layers';

/** The options that can cross the thread boundary (no callbacks, no signal). */
export type WorkerImportOptions = Omit<
  ImportOptions,
  'signal' | 'onProgress' | 'onRejected' | 'packIntoBlob'
>;

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

export type FromWorker =
  | { type: 'progress'; id: number; progress: ImportProgress }
  /**
   * The result. A successful one has its features in `result.packedBlob` (packed-blob.ts: the
   * page reads them once this worker is gone), no measurements, and the totals in
   * `result.summary`. `saved` tells how the save went when one was asked for.
   */
  | { type: 'result'; id: number; result: ImportResult; saved?: StoreResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string }
  /** A saved layer, its features packed in `packed` (transferred). */
  | { type: 'layer'; id: number; layer: StoredLayer; packed: PackedFeatureRecord[] }
  /** Every saved layer has been sent. */
  | { type: 'layers-loaded'; id: number }
  | { type: 'restored'; id: number; outcome: RestoreOutcome }
  | { type: 'exported'; id: number; file: Blob };

/** Posts a message to the page, moving `transfer`'s buffers instead of copying them. */
export type PostFromWorker = (message: FromWorker, transfer?: Transferable[]) => void;

/**
 * Handles ToWorker messages, posting FromWorker messages through `post`. Each import gets its own
 * AbortController, so `cancel` stops exactly that import at its next pause.
 *
 * @example self.addEventListener('message', (e) => handle(e.data)) // in worker.ts
 */
export function createImportHandler(post: PostFromWorker) {
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
      // A File is read by importFile, a window at a time where it can (readGeoJsonFile). The
      // features are packed into a Blob as they are checked: its bytes are kept by the browser,
      // so the tab does not hold them while the rest of the file is parsed, and the same Blob
      // is saved and handed to the page.
      const result = await importFile(source, name, {
        ...options,
        packIntoBlob: true,
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', id, progress })
      });
      const packedBlob = result.packedBlob;
      if (result.status !== 'ok' || !packedBlob) {
        post({ type: 'result', id, result });
        return;
      }
      const saving = save ? await startSave(result, packedBlob, name, save) : null;
      const saved = saving ? await saving.outcome : undefined;
      post({ type: 'result', id, result, ...(saved ? { saved } : {}) });
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
  post: PostFromWorker,
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

/** Reads every saved layer and posts each as a `layer` message, its features packed. */
async function postSavedLayers(id: number, databaseName: string, post: PostFromWorker) {
  await withStore(id, databaseName, post, async (store) => {
    for (const layer of await store.listLayers()) {
      // Layers saved before packing existed are packed here: the page gets records either way.
      const packed = packedRecordsOf(layer.features) ?? [
        packFeatures(featureArray(layer.features))
      ];
      post(
        { type: 'layer', id, layer: { ...layer, features: [] }, packed },
        transferablesOf(packed)
      );
    }
    post({ type: 'layers-loaded', id });
  });
}

/**
 * Opens the store and issues the layer's save; resolves, once issued, to the save's outcome. A
 * store that cannot be opened is a failed save (with the reason), not a crash.
 */
async function startSave(
  result: ImportResult,
  packedBlob: Blob,
  name: string,
  { databaseName, layerId, importedAt }: SaveRequest
): Promise<{ outcome: Promise<StoreResult> }> {
  const layer = layerFromImport(result, name, layerId, importedAt);
  try {
    const store = await openImportStore({ name: databaseName });
    const saving = store.saveLayer(layer, packedBlob);
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
