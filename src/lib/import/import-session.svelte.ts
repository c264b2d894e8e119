/**
 * One import at a time on the map page, as a small state machine the panel and the drop overlay
 * share: read the file → (a backup? restore it) → import in the worker with progress → ask for
 * the coordinate system if needed and import again with the answer → save the layer and report.
 * The import function and the clock are injected, so tests drive it without a Worker.
 */
import { looksLikeBackupFile } from '../storage/backup-file';
import { isoNow } from './clock';
import type { ClientOptions, ImportJob } from './client';
import { importReport, type ImportReport } from './import-report';
import type { BilingualMessage, CrsId, ImportProgress, ImportResult, ImportSource } from './types';
import type { StoreResult } from '../storage/types';
import type { UserData } from '../storage/user-data.svelte';
import { layerFromImport } from '../storage/user-layers';

export type ImportRunner = (
  source: ImportSource,
  name: string,
  options: ClientOptions
) => ImportJob;

/** The part of a File the session reads: a Blob with a name. */
export interface FileLike extends Blob {
  readonly name: string;
}

export type SessionPhase =
  'idle' | 'reading' | 'importing' | 'needs-crs' | 'done' | 'restoring' | 'restored';

const PHASE_WORDS: Record<ImportProgress['phase'], { zh: string; en: string }> = {
  parse: { zh: '读取文件', en: 'Reading' },
  validate: { zh: '检查要素', en: 'Checking features' },
  convert: { zh: '转换坐标并测量', en: 'Converting and measuring' }
};

/** Progress as a fraction 0…1 over the three phases, and the phase in words. */
export function progressOf(progress: ImportProgress | null): {
  fraction: number;
  words: { zh: string; en: string };
} {
  if (!progress) return { fraction: 0, words: PHASE_WORDS.parse };
  const order: ImportProgress['phase'][] = ['parse', 'validate', 'convert'];
  const step = order.indexOf(progress.phase);
  const within = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return { fraction: (step + within) / order.length, words: PHASE_WORDS[progress.phase] };
}

export class ImportSession {
  phase = $state<SessionPhase>('idle');
  fileName = $state('');
  progress = $state.raw<ImportProgress | null>(null);
  /** The report of the last import (also while the CRS question is open). */
  report = $state.raw<ImportReport | null>(null);
  /** The result waiting for a CRS answer (for the suggested and declared systems). */
  pending = $state.raw<ImportResult | null>(null);
  /** Id of the layer the last import made. */
  layerId = $state<string | null>(null);
  /** A message about the session itself: cancelled, unreadable file, restore outcome. */
  message = $state.raw<(BilingualMessage & { tone: 'info' | 'error' }) | null>(null);

  /** The file being imported, kept for importing it again with the CRS the user chooses. */
  #file: Blob | null = null;
  #job: ImportJob | null = null;
  /** Bumped by every open and dismissal, so a file still being read cannot overwrite a newer one. */
  #generation = 0;
  readonly #userData: UserData;
  readonly #run: ImportRunner;
  readonly #newId: () => string;
  readonly #now: () => string;

  constructor(
    userData: UserData,
    run: ImportRunner,
    newId: () => string = () => crypto.randomUUID(),
    now: () => string = isoNow
  ) {
    this.#userData = userData;
    this.#run = run;
    this.#newId = newId;
    this.#now = now;
  }

  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'importing' || this.phase === 'restoring';
  }

  /**
   * Imports a file, or restores it when it is a backup of this app. The page reads only the file's
   * ends (is it a backup?); the import worker reads the rest.
   */
  async open(file: FileLike): Promise<void> {
    this.#abandon();
    this.#reset();
    const generation = this.#generation;
    this.fileName = file.name;
    this.phase = 'reading';
    let backup = false;
    try {
      backup = /\.(geo)?json$/i.test(file.name) && (await looksLikeBackupFile(file));
    } catch (error) {
      if (generation !== this.#generation) return;
      this.phase = 'idle';
      this.message = {
        code: 'file-unreadable',
        tone: 'error',
        zh: `无法读取文件“${file.name}”：${String(error).slice(0, 120)}`,
        en: `The file “${file.name}” cannot be read: ${String(error).slice(0, 120)}`
      };
      return;
    }
    if (generation !== this.#generation) return;
    if (backup) {
      await this.restore(file);
      return;
    }
    this.#file = file;
    await this.#import();
  }

  /** Restores a backup file (merging it into what is saved), off the page. */
  async restore(source: ImportSource): Promise<void> {
    this.phase = 'restoring';
    const restored = await this.#userData.restoreFile(source, 'merge');
    this.phase = 'restored';
    if (restored.ok) {
      this.message = {
        code: 'backup-restored',
        tone: 'info',
        zh: `已从备份恢复：${restored.layers} 个图层、${restored.assignments} 个边界指定、${restored.drawings} 个绘图。`,
        en: `Restored from the backup: ${restored.layers} layer(s), ${restored.assignments} boundary assignment(s), ${restored.drawings} drawing(s).`
      };
    } else {
      this.message = { ...restored.error, tone: 'error' };
    }
  }

  /** Imports the pending file again, reading its coordinates in the system the user chose. */
  async chooseCrs(crs: CrsId): Promise<void> {
    if (!this.#file || this.phase !== 'needs-crs') return;
    await this.#import(crs);
  }

  /** Stops the running import (the worker is terminated at once). */
  cancel(): void {
    if (!this.#job) return;
    this.#job.cancel();
  }

  /** Closes the report and forgets the file. */
  dismiss(): void {
    this.#abandon();
    this.#reset();
  }

  /** Stops the running import without a word: a new file or a dismissal replaces it. */
  #abandon(): void {
    const job = this.#job;
    this.#job = null;
    job?.cancel();
  }

  #reset(): void {
    this.#generation++;
    this.#file = null;
    this.phase = 'idle';
    this.progress = null;
    this.report = null;
    this.pending = null;
    this.layerId = null;
    this.message = null;
  }

  async #import(crs?: CrsId): Promise<void> {
    const file = this.#file as Blob;
    const name = this.fileName;
    this.phase = 'importing';
    this.progress = null;
    this.report = null;
    this.pending = null;
    this.message = null;
    // The importer may report progress before it returns its job, so progress is matched to
    // this run by the generation rather than by the job.
    const generation = this.#generation;
    // A big layer is saved by the worker that holds it (see SaveRequest), so the page does not
    // clone it into IndexedDB in one long task; it needs the layer's id and time up front.
    const layerId = this.#newId();
    const importedAt = this.#now();
    const databaseName = this.#userData.store?.name;
    let savedInWorker: StoreResult | undefined;
    const job = this.#run(file, name, {
      ...(crs ? { crs } : {}),
      ...(databaseName ? { saveAs: { databaseName, layerId, importedAt } } : {}),
      onSaved: (saved) => {
        savedInWorker = saved;
      },
      onProgress: (progress) => {
        if (this.#generation === generation) this.progress = progress;
      }
    });
    this.#job = job;
    let result: ImportResult;
    try {
      result = await job.promise;
    } catch (error) {
      if (this.#job !== job) return;
      this.#job = null;
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      this.phase = 'idle';
      this.#file = null;
      this.message = cancelled
        ? {
            code: 'import-cancelled',
            tone: 'info',
            zh: `已取消导入“${name}”。`,
            en: `The import of “${name}” was cancelled.`
          }
        : {
            code: 'import-crashed',
            tone: 'error',
            zh: `导入“${name}”时出错：${String(error).slice(0, 160)}`,
            en: `Importing “${name}” failed: ${String(error).slice(0, 160)}`
          };
      return;
    }
    if (this.#job !== job) return;
    this.#job = null;
    this.report = importReport(result, name);
    if (result.status === 'needs-crs') {
      this.pending = result;
      this.phase = 'needs-crs';
      return;
    }
    this.#file = null;
    if (result.status === 'ok') {
      // The report is drawn in this task, the layer (list row, map, tiles) in the next, so the
      // page does the two in two short tasks rather than one long one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      // Added even if the user moved on meanwhile: the worker may have saved it already.
      const layer = layerFromImport(result, name, layerId, importedAt);
      const saved = savedInWorker
        ? this.#userData.addSavedLayer(layer, savedInWorker)
        : await this.#userData.addLayer(layer);
      if (!saved) this.#userData.keepUnsaved(layer);
      if (generation !== this.#generation) return;
      this.layerId = layer.id;
    }
    this.phase = 'done';
  }
}
