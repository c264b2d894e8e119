/**
 * Main-thread side of the import worker: `importInWorker(bytes, name, options)` returns the
 * result as a promise, reports progress, and can be cancelled (a `cancel()` call or an
 * AbortSignal). Cancelling also terminates the worker, so even a long JSON.parse stops at once.
 */
import type { ImportProgress, ImportResult } from './types';
import type { FromWorker, ToWorker, WorkerImportOptions } from './worker-protocol';

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
  /** Makes the worker; the default starts src/lib/import/worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
}

function startWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;
}

let nextId = 1;

/**
 * Imports a file in a Web Worker. The bytes are copied to the worker (not transferred), so the
 * caller can import them again with a CRS the user picked after a `needs-crs` result.
 *
 * @example
 * const job = importInWorker(new Uint8Array(await file.arrayBuffer()), file.name, { onProgress });
 * cancelButton.onclick = job.cancel;
 * const result = await job.promise;
 */
export function importInWorker(
  bytes: Uint8Array,
  name: string,
  options: ClientOptions = {}
): ImportJob {
  const { onProgress, signal, createWorker = startWorker, ...importOptions } = options;
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
      const current = settle;
      settle = null;
      finish();
      if (message.type === 'result') current.resolve(message.result);
      else if (message.type === 'cancelled') {
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
    worker.postMessage({ type: 'import', id, bytes, name, options: importOptions });
  });
  return { promise, cancel };
}
