/**
 * Main-thread side of the import worker: `importInWorker(bytes, name, options)` returns the
 * result as a promise, reports progress, and can be cancelled (a `cancel()` call or an
 * AbortSignal). Cancelling also terminates the worker, so even a long JSON.parse stops at once.
 *
 * Hand-written messages, not comlink (as the user-tile worker uses): each request gets a worker
 * of its own, ended by terminate() — the only way to stop a long parse at once, which comlink
 * cannot do for a call — so there are no concurrent calls to match up, and comlink would add a
 * proxied progress callback (a MessageChannel) and its own close handling to one request, a few
 * progress messages and one answer.
 */
import type { RestoreOutcome } from '../storage/backup-file';
import { readPackedRecordBlob } from '../storage/packed-blob';
import { PackedFeatures } from '../storage/packed-features';
import type { ImportProgress, ImportResult, ImportSource } from './types';
import type { StoredLayer, StoreResult } from '../storage/types';
import type { FromWorker, SaveRequest, ToWorker, WorkerImportOptions } from './worker-protocol';

/** The part of the Worker interface the client uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export interface ImportJob {
  /** Resolves with the result; rejects with an AbortError DOMException when cancelled. */
  promise: Promise<ImportResult>;
  cancel(): void;
}

export interface ClientOptions extends WorkerImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /**
   * Have the worker save a successful import as a layer itself (see SaveRequest); how that went
   * is given to `onSaved` just before the promise resolves.
   */
  saveAs?: SaveRequest;
  onSaved?: (saved: StoreResult) => void;
  /** Makes the worker; the default starts src/lib/import/worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
}

function startWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;
}

let nextId = 1;

/**
 * A successful result from the worker with its features, read from its `packedBlob` through
 * a PackedFeatures list. The Blob is let go of, so the browser can free its bytes once the
 * database has stored them.
 */
async function withFeatures(result: ImportResult): Promise<ImportResult> {
  if (!result.packedBlob) throw new Error('The import worker sent a result without its features');
  const features = new PackedFeatures(await readPackedRecordBlob(result.packedBlob));
  if (features.length !== result.stats.usableCount) {
    throw new Error(
      `Import worker sent ${features.length} of ${result.stats.usableCount} features`
    );
  }
  return { ...result, features, packedBlob: undefined };
}

/**
 * Imports a file in a Web Worker. A successful result's features come back packed in a Blob
 * (packed-blob.ts), read once the worker has ended, and are read through a PackedFeatures: the
 * page never deserialises 100 000 features (nor pays the garbage collection that would follow). A File
 * (Blob) is read by the worker, so the page never holds its bytes; bytes are copied to the worker
 * (not transferred). Either way the caller can import the same source again with a CRS the user
 * picked after a `needs-crs` result.
 *
 * @example
 * const job = importInWorker(file, file.name, { onProgress });
 * cancelButton.onclick = job.cancel;
 * const result = await job.promise;
 */
export function importInWorker(
  source: ImportSource,
  name: string,
  options: ClientOptions = {}
): ImportJob {
  const {
    onProgress,
    signal,
    createWorker = startWorker,
    saveAs,
    onSaved,
    ...importOptions
  } = options;
  const id = nextId++;
  let worker: WorkerLike | null = null;
  let settle: { resolve: (r: ImportResult) => void; reject: (e: unknown) => void } | null = null;

  const finish = () => {
    worker?.terminate();
    worker = null;
    signal?.removeEventListener('abort', cancel);
  };
  function cancel() {
    if (!settle) return;
    worker?.postMessage({ type: 'cancel', id });
    const { reject } = settle;
    settle = null;
    finish();
    reject(new DOMException('The import was cancelled.', 'AbortError'));
  }

  const promise = new Promise<ImportResult>((resolve, reject) => {
    settle = { resolve, reject };
    if (signal?.aborted) {
      cancel();
      return;
    }
    signal?.addEventListener('abort', cancel);
    worker = createWorker();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.id !== id || !settle) return;
      if (message.type === 'progress') {
        onProgress?.(message.progress);
        return;
      }
      if (message.type !== 'result' && message.type !== 'cancelled' && message.type !== 'error') {
        return;
      }
      const current = settle;
      settle = null;
      finish();
      if (message.type === 'result') {
        if (message.saved) onSaved?.(message.saved);
        const { result } = message;
        if (result.status !== 'ok') current.resolve(result);
        // Read once the worker is gone (finish), so its memory and the features' are not both
        // held at once.
        else withFeatures(result).then(current.resolve, current.reject);
      } else if (message.type === 'cancelled') {
        current.reject(new DOMException('The import was cancelled.', 'AbortError'));
      } else current.reject(new Error(message.message));
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      if (!settle) return;
      const current = settle;
      settle = null;
      finish();
      current.reject(new Error(`Import worker failed: ${event.message}`));
    });
    worker.postMessage({
      type: 'import',
      id,
      source,
      name,
      options: importOptions,
      ...(saveAs ? { save: saveAs } : {})
    });
  });
  return { promise, cancel };
}

/**
 * Reads every layer saved in the database `databaseName` in a Web Worker, which sends each back
 * as one packed record (transferred; read through a PackedFeatures), so restoring a
 * 100 000-feature layer on page load costs the page next to nothing. Oldest import first, as listLayers.
 *
 * @example userData.load(openImportStore, (store) => loadLayersInWorker(store.name!))
 */
export function loadLayersInWorker(
  databaseName: string,
  { createWorker = startWorker }: { createWorker?: () => WorkerLike } = {}
): Promise<StoredLayer[]> {
  const id = nextId++;
  const layers: StoredLayer[] = [];
  return askWorker(
    { type: 'load-layers', id, databaseName },
    (message) => {
      if (message.type === 'layer') {
        layers.push({ ...message.layer, features: new PackedFeatures(message.packed) });
      } else if (message.type === 'layers-loaded') return layers;
      return undefined;
    },
    createWorker
  );
}

/**
 * Sends one request to a new worker and resolves with the answer `pick` finds (undefined: not
 * the answer yet); an `error` message or a crash rejects. The worker is stopped either way.
 */
function askWorker<T>(
  request: ToWorker,
  pick: (message: FromWorker) => T | undefined,
  createWorker: () => WorkerLike
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = createWorker();
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      outcome();
    };
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.id !== request.id) return;
      if (message.type === 'error') {
        settle(() => reject(new Error(message.message)));
        return;
      }
      const answer = pick(message);
      if (answer !== undefined) settle(() => resolve(answer));
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      settle(() => reject(new Error(`Import worker failed: ${event.message}`)));
    });
    worker.postMessage(request);
  });
}

/**
 * Restores a backup file into the database `databaseName` in a Web Worker: a backup holding a
 * 100 000-feature layer is parsed and written there, not in one long task on the page.
 *
 * @example const outcome = await restoreInWorker(file, store.name!, 'merge');
 */
export function restoreInWorker(
  source: ImportSource,
  databaseName: string,
  mode: 'merge' | 'replace',
  { createWorker = startWorker }: { createWorker?: () => WorkerLike } = {}
): Promise<RestoreOutcome> {
  const id = nextId++;
  return askWorker(
    { type: 'restore', id, source, databaseName, mode },
    (message) => (message.type === 'restored' ? message.outcome : undefined),
    createWorker
  );
}

/**
 * The backup file of the database `databaseName`, made in a Web Worker (serialising a
 * 100 000-feature layer takes seconds).
 *
 * @example const file = await exportInWorker(store.name!); // a Blob of GeoJSON
 */
export function exportInWorker(
  databaseName: string,
  { createWorker = startWorker }: { createWorker?: () => WorkerLike } = {}
): Promise<Blob> {
  const id = nextId++;
  return askWorker(
    { type: 'export', id, databaseName },
    (message) => (message.type === 'exported' ? message.file : undefined),
    createWorker
  );
}
