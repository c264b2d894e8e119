/**
 * The user's own data on the map page — imported layers, drawings and assignments of either to
 * a plan feature — kept in IndexedDB (./store.ts) and mirrored here for the UI.
 *
 * Arrays are `$state.raw`: an imported layer can hold 100k features, and deep reactivity would
 * proxy every coordinate. Replace the arrays to update; never mutate them in place.
 */
import type { Geometry } from 'geojson';
import { exportBackupFile, restoreBackupFile, type RestoreOutcome } from './backup-file';
import { exportInWorker, loadLayersInWorker, restoreInWorker } from '../import/client';
import { isoNow } from '../import/clock';
import type { BilingualMessage, ImportSource } from '../import/types';
import {
  openImportStore,
  type Assignment,
  type AssignmentSource,
  type Drawing,
  type ImportStore,
  type StoredLayer,
  type StoreResult
} from './store';

/** The saved layers, read by the import worker when there is one, else (or should it fail) here. */
async function readLayersOffThePage(store: ImportStore): Promise<StoredLayer[]> {
  if (typeof Worker === 'undefined' || !store.name) return store.listLayers();
  // Most visits have nothing saved: don't start the worker (and fetch its code) for that.
  if ((await store.countLayers()) === 0) return [];
  try {
    return await loadLayersInWorker(store.name);
  } catch {
    return store.listLayers();
  }
}

/**
 * A backup restored by the import worker when there is one, else (or should the worker fail:
 * its one transaction then left nothing behind) here.
 */
async function restoreOffThePage(
  source: ImportSource,
  store: ImportStore,
  mode: 'merge' | 'replace'
): Promise<RestoreOutcome> {
  if (typeof Worker === 'undefined' || !store.name) return restoreBackupFile(source, store, mode);
  try {
    return await restoreInWorker(source, store.name, mode);
  } catch {
    return restoreBackupFile(source, store, mode);
  }
}

/** The backup file, made by the import worker when there is one, else (or should it fail) here. */
async function exportOffThePage(store: ImportStore): Promise<Blob> {
  if (typeof Worker === 'undefined' || !store.name) return exportBackupFile(store);
  try {
    return await exportInWorker(store.name);
  } catch {
    return exportBackupFile(store);
  }
}

export class UserData {
  layers = $state.raw<StoredLayer[]>([]);
  drawings = $state.raw<Drawing[]>([]);
  assignments = $state.raw<Assignment[]>([]);
  /** The last storage problem, for the UI to show; null when all is well. */
  storageError = $state<BilingualMessage | null>(null);
  /** False until the saved data has been read back (or found unavailable). */
  loaded = $state(false);
  /**
   * Layers shown although saving them failed (storage full or unavailable): they last while the
   * page is open, and the UI marks them as not saved.
   */
  unsavedLayerIds = $state.raw<readonly string[]>([]);

  #store: ImportStore | null = null;

  /**
   * Opens the database and reads everything saved; safe to call once per page. In a browser the
   * layers are read by the import worker and arrive in slices (client.ts loadLayersInWorker), so
   * a big saved layer does not block the page for seconds; without workers, or should that
   * fail, they are read here.
   */
  async load(
    open: () => Promise<ImportStore> = () => openImportStore(),
    readLayers: (store: ImportStore) => Promise<StoredLayer[]> = readLayersOffThePage
  ): Promise<void> {
    try {
      const store = await open();
      this.#store = store;
      const [layers, drawings, assignments] = await Promise.all([
        readLayers(store),
        this.#store.listDrawings(),
        this.#store.listAssignments()
      ]);
      this.layers = layers;
      this.drawings = drawings;
      this.assignments = assignments;
    } catch (error) {
      const bilingual = (error as { bilingual?: BilingualMessage }).bilingual;
      this.storageError = bilingual ?? {
        code: 'storage-unavailable',
        zh: `无法打开浏览器存储：${String(error).slice(0, 200)}`,
        en: `Browser storage cannot be opened: ${String(error).slice(0, 200)}`
      };
    } finally {
      this.loaded = true;
    }
  }

  /** The assignment of a plan feature, if the user gave it a boundary. */
  assignmentFor(planFeatureId: string): Assignment | undefined {
    return this.assignments.find((assignment) => assignment.planFeatureId === planFeatureId);
  }

  async addLayer(layer: StoredLayer): Promise<boolean> {
    const saved = await this.#write((store) => store.saveLayer(layer));
    if (saved) this.layers = [...this.layers.filter((l) => l.id !== layer.id), layer];
    return saved;
  }

  /**
   * Takes in a layer the import worker already saved (or failed to save: then the reason becomes
   * `storageError` and false is returned, as addLayer does), without cloning it into IndexedDB
   * again on the page.
   */
  addSavedLayer(layer: StoredLayer, saved: StoreResult): boolean {
    if (!saved.ok) {
      this.storageError = saved.error;
      return false;
    }
    this.storageError = null;
    this.layers = [...this.layers.filter((l) => l.id !== layer.id), layer];
    return true;
  }

  async deleteLayer(id: string): Promise<boolean> {
    const deleted = await this.#write((store) => store.deleteLayer(id));
    if (deleted) this.layers = this.layers.filter((layer) => layer.id !== id);
    return deleted;
  }

  async saveDrawing(drawing: Drawing): Promise<boolean> {
    const saved = await this.#write((store) => store.saveDrawing(drawing));
    if (saved) this.drawings = [...this.drawings.filter((d) => d.id !== drawing.id), drawing];
    return saved;
  }

  async deleteDrawing(id: string): Promise<boolean> {
    const deleted = await this.#write((store) => store.deleteDrawing(id));
    if (deleted) this.drawings = this.drawings.filter((drawing) => drawing.id !== id);
    return deleted;
  }

  /** Makes `geometry` the boundary of a plan feature; the audit then treats it as `imported`. */
  async assign(
    planFeatureId: string,
    source: AssignmentSource,
    geometry: Geometry
  ): Promise<boolean> {
    const assignment: Assignment = {
      planFeatureId,
      source,
      geometry,
      assignedAt: isoNow()
    };
    const saved = await this.#write((store) => store.assign(assignment));
    if (saved) {
      this.assignments = [
        ...this.assignments.filter((a) => a.planFeatureId !== planFeatureId),
        assignment
      ];
    }
    return saved;
  }

  async unassign(planFeatureId: string): Promise<boolean> {
    const removed = await this.#write((store) => store.unassign(planFeatureId));
    if (removed) {
      this.assignments = this.assignments.filter((a) => a.planFeatureId !== planFeatureId);
    }
    return removed;
  }

  /** Shows a layer that could not be saved, for as long as the page is open. */
  keepUnsaved(layer: StoredLayer): void {
    this.layers = [...this.layers.filter((l) => l.id !== layer.id), layer];
    this.unsavedLayerIds = [...this.unsavedLayerIds.filter((id) => id !== layer.id), layer.id];
  }

  /** Deletes a layer, whether it was saved or only kept for this page (see keepUnsaved). */
  async removeLayer(id: string): Promise<boolean> {
    if (!this.unsavedLayerIds.includes(id)) return this.deleteLayer(id);
    this.layers = this.layers.filter((layer) => layer.id !== id);
    this.unsavedLayerIds = this.unsavedLayerIds.filter((unsaved) => unsaved !== id);
    return true;
  }

  /**
   * Restores a backup file (merging into what is saved, or replacing it), then reads everything
   * back. The file is parsed and written off the page, in the import worker, and the layers are
   * read back there too (see readLayersOffThePage), so a big backup never blocks the page.
   * A failure leaves the saved data and this page's state as they were, and is also kept as
   * `storageError`.
   *
   * @example const outcome = await userData.restoreFile(file);
   */
  async restoreFile(
    source: ImportSource,
    mode: 'merge' | 'replace' = 'merge',
    restore: (
      source: ImportSource,
      store: ImportStore,
      mode: 'merge' | 'replace'
    ) => Promise<RestoreOutcome> = restoreOffThePage,
    readLayers: (store: ImportStore) => Promise<StoredLayer[]> = readLayersOffThePage
  ): Promise<RestoreOutcome> {
    const store = this.#store;
    if (!store) {
      this.storageError ??= this.#unavailable();
      return { ok: false, error: this.#unavailable() };
    }
    let outcome: RestoreOutcome;
    try {
      outcome = await restore(source, store, mode);
    } catch (error) {
      outcome = {
        ok: false,
        error: {
          code: 'storage-failed',
          zh: `恢复失败：${String(error).slice(0, 200)}`,
          en: `The restore failed: ${String(error).slice(0, 200)}`
        }
      };
    }
    if (!outcome.ok) {
      this.storageError = outcome.error;
      return outcome;
    }
    this.storageError = null;
    const [layers, drawings, assignments] = await Promise.all([
      readLayers(store),
      store.listDrawings(),
      store.listAssignments()
    ]);
    const unsaved = this.layers.filter((layer) => this.unsavedLayerIds.includes(layer.id));
    this.layers = [...layers, ...unsaved.filter((u) => !layers.some((l) => l.id === u.id))];
    this.drawings = drawings;
    this.assignments = assignments;
    return outcome;
  }

  /**
   * Everything saved, as the backup file (made off the page, in the import worker), or null when
   * storage is unavailable (then `storageError` says so).
   */
  async exportFile(exportBackup: (store: ImportStore) => Promise<Blob> = exportOffThePage) {
    if (!this.#store) {
      this.storageError ??= this.#unavailable();
      return null;
    }
    return exportBackup(this.#store);
  }

  /** The store itself, for export and restore (null when storage is unavailable). */
  get store(): ImportStore | null {
    return this.#store;
  }

  /** Runs one write; on failure keeps the in-memory state as it was and reports why. */
  async #write(write: (store: ImportStore) => Promise<StoreResult>): Promise<boolean> {
    if (!this.#store) {
      this.storageError ??= this.#unavailable();
      return false;
    }
    const result = await write(this.#store);
    if (!result.ok) {
      this.storageError = result.error;
      return false;
    }
    this.storageError = null;
    return true;
  }

  #unavailable(): BilingualMessage {
    return {
      code: 'storage-unavailable',
      zh: '浏览器存储不可用，无法保存。',
      en: 'Browser storage is unavailable; nothing can be saved.'
    };
  }
}
