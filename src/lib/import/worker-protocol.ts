/**
 * Messages between the main thread (client.ts) and the import worker (worker.ts), and the
 * worker-side handler — kept apart from worker.ts so Node tests can drive it without a Worker.
 */
import { importFile } from './import-file';
import type { ImportOptions, ImportProgress, ImportResult } from './types';

/** The options that can cross the thread boundary (no callbacks, no signal). */
export type WorkerImportOptions = Omit<ImportOptions, 'signal' | 'onProgress'>;

export type ToWorker =
  | { type: 'import'; id: number; bytes: Uint8Array; name: string; options: WorkerImportOptions }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'result'; id: number; result: ImportResult }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };

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
    const { id, bytes, name, options } = message;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const result = await importFile(bytes, name, {
        ...options,
        signal: controller.signal,
        onProgress: (progress) => post({ type: 'progress', id, progress })
      });
      post({ type: 'result', id, result });
    } catch (error) {
      if (controller.signal.aborted) post({ type: 'cancelled', id });
      else post({ type: 'error', id, message: String(error) });
    } finally {
      running.delete(id);
    }
  };
}
