/**
 * The user's own data on the map page — imported layers, drawings and assignments of either to
 * a plan feature — kept in IndexedDB (./store.ts) and mirrored here for the UI.
 *
 * Arrays are `$state.raw`: an imported layer can hold 100k features, and deep reactivity would
 * proxy every coordinate. Replace the arrays to update; never mutate them in place.
 */
import type { Geometry } from 'geojson';
import type { BilingualMessage } from './types';
import {
  openImportStore,
  type Assignment,
  type AssignmentSource,
  type Drawing,
  type ImportStore,
  type StoredLayer,
  type StoreResult
} from './store';

export class UserData {
  layers = $state.raw<StoredLayer[]>([]);
  drawings = $state.raw<Drawing[]>([]);
  assignments = $state.raw<Assignment[]>([]);
  /** The last storage problem, for the UI to show; null when all is well. */
  storageError = $state<BilingualMessage | null>(null);
  /** False until the saved data has been read back (or found unavailable). */
  loaded = $state(false);

  #store: ImportStore | null = null;

  /** Opens the database and reads everything saved; safe to call once per page. */
  async load(open: () => Promise<ImportStore> = () => openImportStore()): Promise<void> {
    try {
      this.#store = await open();
      const [layers, drawings, assignments] = await Promise.all([
        this.#store.listLayers(),
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
      assignedAt: new Date().toISOString()
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

  /** The store itself, for export and restore (null when storage is unavailable). */
  get store(): ImportStore | null {
    return this.#store;
  }

  /** Runs one write; on failure keeps the in-memory state as it was and reports why. */
  async #write(write: (store: ImportStore) => Promise<StoreResult>): Promise<boolean> {
    if (!this.#store) {
      this.storageError ??= {
        code: 'storage-unavailable',
        zh: '浏览器存储不可用，无法保存。',
        en: 'Browser storage is unavailable; nothing can be saved.'
      };
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
}
