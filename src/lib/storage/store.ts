/**
 * Keeps what the user brought in the browser (IndexedDB, via `idb`): imported layers, assignments
 * (“use this geometry as the boundary of plan feature X”) and drawings. Everything can be exported
 * as one GeoJSON FeatureCollection and imported back exactly.
 *
 * Every write is one transaction: if the browser refuses it (QuotaExceededError when storage is
 * full, or any other failure) the transaction is aborted, nothing of that write remains, all that
 * was saved before is untouched, and the caller gets a bilingual message instead of an exception.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { BACKUP_VERSION, readBackup } from './backup-read';
import { backupOf } from './backup-make';
import { storageError } from '../import/messages';
import {
  featureArray,
  PackedFeatures,
  packedRecordsOf,
  packFeatures,
  upgradePackedRecord,
  type PackedFeatureRecord
} from './packed-features';
import { packedRecordBlob, readPackedRecordBlob } from './packed-blob';
import type { BilingualMessage } from '../import/types';
import {
  BACKUP_MEMBER,
  type StoredLayer,
  type Assignment,
  type Drawing,
  type StoreResult,
  type ImportSummary,
  type LayerHeader,
  type Backup
} from './types';

/** The records' types live in ./types.ts (a leaf); named here too for the store's callers. */
export { BACKUP_MEMBER };
export type {
  StoredLayer,
  AssignmentSource,
  Assignment,
  Drawing,
  StoreResult,
  ImportSummary,
  Backup
} from './types';

export const DEFAULT_DATABASE_NAME = 'linghe-plan-map';
const DATABASE_VERSION = 1;
export { BACKUP_VERSION };

/**
 * A layer as IndexedDB keeps it: its features packed (packed-features.ts) in one Blob
 * (packed-blob.ts) — the browser keeps a Blob's bytes outside the tab, and writing one costs a
 * single copy instead of the two a structured clone of the record's arrays takes. Records saved
 * before keep `packed` (the record itself) or, older still, `features`; both are read as they are.
 */
type LayerRecord = Omit<StoredLayer, 'features'> & {
  features: StoredLayer['features'];
  packedBlob?: Blob;
  packed?: PackedFeatureRecord;
};

/**
 * The record of a layer: its features packed into a Blob (a packed view's records are reused),
 * or `packedBlob` when the caller has it already.
 */
function recordOfLayer(layer: StoredLayer, packedBlob?: Blob): LayerRecord {
  if (packedBlob) return { ...layer, features: [], packedBlob };
  const records = packedRecordsOf(layer.features) ?? [packFeatures(featureArray(layer.features))];
  return { ...layer, features: [], packedBlob: packedRecordBlob(records) };
}

/**
 * A layer from its record: packed features are read through a lazy list (PackedFeatures). A
 * Blob that cannot be read gives the layer with no features rather than losing the others.
 */
async function layerOfRecord(record: LayerRecord): Promise<StoredLayer> {
  const { packed, packedBlob, ...layer } = record;
  if (packedBlob instanceof Blob) {
    try {
      return { ...layer, features: new PackedFeatures(await readPackedRecordBlob(packedBlob)) };
    } catch (error) {
      console.error(`Layer ${layer.id}: ${String(error)}`);
      return { ...layer, features: [] };
    }
  }
  // A record saved as an object, maybe in the first packed layout.
  const upgraded = upgradePackedRecord(packed);
  return upgraded ? { ...layer, features: new PackedFeatures(upgraded) } : layer;
}

interface Schema extends DBSchema {
  layers: { key: string; value: LayerRecord };
  assignments: { key: string; value: Assignment };
  drawings: { key: string; value: Drawing };
}

type StoreName = 'layers' | 'assignments' | 'drawings';
type WriteTransaction = IDBPTransaction<Schema, StoreName[], 'readwrite'>;
const STORE_NAMES: StoreName[] = ['layers', 'assignments', 'drawings'];

export class StoreUnavailableError extends Error {
  constructor(readonly bilingual: BilingualMessage) {
    super(bilingual.en);
    this.name = 'StoreUnavailableError';
  }
}

function errorName(error: unknown): string {
  return error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
}

function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  // Old Firefox reported NS_ERROR_DOM_QUOTA_REACHED; Safari may use code 22.
  return (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    (error instanceof DOMException && error.code === 22)
  );
}

function failure(error: unknown): StoreResult {
  if (isQuotaError(error)) return { ok: false, error: storageError('storage-quota') };
  return {
    ok: false,
    error: storageError('storage-failed', { detail: String(error).slice(0, 200) })
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface ImportStore {
  /** The database's name, so a worker can open the same one (import worker-protocol.ts). */
  readonly name?: string;
  /**
   * Saves a layer (replacing one with its id). `packedBlob`: its features already packed into a
   * Blob (packed-blob.ts) — then `layer.features` is not read.
   */
  saveLayer(layer: StoredLayer, packedBlob?: Blob): Promise<StoreResult>;
  getLayer(id: string): Promise<StoredLayer | undefined>;
  /** All layers, oldest import first. */
  listLayers(): Promise<StoredLayer[]>;
  /** How many layers are saved, without reading them. */
  countLayers(): Promise<number>;
  deleteLayer(id: string): Promise<StoreResult>;
  assign(assignment: Assignment): Promise<StoreResult>;
  unassign(planFeatureId: string): Promise<StoreResult>;
  getAssignment(planFeatureId: string): Promise<Assignment | undefined>;
  listAssignments(): Promise<Assignment[]>;
  saveDrawing(drawing: Drawing): Promise<StoreResult>;
  deleteDrawing(id: string): Promise<StoreResult>;
  listDrawings(): Promise<Drawing[]>;
  /** Everything, as one GeoJSON FeatureCollection (deterministic order). */
  exportAll(): Promise<Backup>;
  /**
   * Restores a backup made by exportAll: `replace` empties the stores first, `merge` overwrites
   * records with the same ids and keeps the rest. All or nothing.
   */
  importAll(
    backup: unknown,
    mode?: 'replace' | 'merge'
  ): Promise<({ ok: true } & ImportSummary) | { ok: false; error: BilingualMessage }>;
  close(): void;
}

/** Opens (creating if needed) the database, or throws a StoreUnavailableError saying why not. */
async function openDatabase(name: string): Promise<IDBPDatabase<Schema>> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
    return await openDB<Schema>(name, DATABASE_VERSION, {
      upgrade(database) {
        database.createObjectStore('layers', { keyPath: 'id' });
        database.createObjectStore('assignments', { keyPath: 'planFeatureId' });
        database.createObjectStore('drawings', { keyPath: 'id' });
      }
    });
  } catch (error) {
    throw new StoreUnavailableError(
      storageError('storage-unavailable', { detail: String(error).slice(0, 200) })
    );
  }
}

/** Runs `work` on the stores in one transaction; any failure aborts it. */
type Write = (
  stores: StoreName[],
  work: (tx: WriteTransaction) => Promise<unknown>
) => Promise<StoreResult>;

/** The database's Write: any failure aborts the transaction, so nothing partial is kept. */
function transactionWriter(db: IDBPDatabase<Schema>): Write {
  return async (stores, work) => {
    let tx: WriteTransaction | undefined;
    try {
      tx = db.transaction(stores, 'readwrite');
      const done = tx.done;
      // tx.done rejects when the transaction aborts; keep that from surfacing twice.
      done.catch(() => undefined);
      await work(tx);
      await done;
      return { ok: true };
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // already finished or aborted
      }
      return failure(tx?.error ?? error);
    }
  };
}

/** Every saved layer, oldest import first, and their headers (what a backup lists). */
async function layerHeaders(
  db: IDBPDatabase<Schema>
): Promise<{ layers: StoredLayer[]; headers: LayerHeader[] }> {
  const layers = (await Promise.all((await db.getAll('layers')).map(layerOfRecord))).sort(
    (a, b) => byText(a.importedAt, b.importedAt) || byText(a.id, b.id)
  );
  const headers = layers.map(({ id, name, sourceFile, format, crs, importedAt }) => ({
    id,
    name,
    sourceFile,
    format,
    crs,
    importedAt
  }));
  return { layers, headers };
}

/**
 * Restores a backup (ImportStore.importAll) in one transaction through `write`: `replace`
 * empties the stores first. All or nothing.
 */
async function restoreBackup(
  write: Write,
  backup: unknown,
  mode: 'replace' | 'merge'
): Promise<({ ok: true } & ImportSummary) | { ok: false; error: BilingualMessage }> {
  const parsed = readBackup(backup);
  if (!parsed.ok) return parsed;
  const { layers, assignments, drawings } = parsed;
  const result = await write(STORE_NAMES, async (tx) => {
    if (mode === 'replace') {
      await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
    }
    // Requests are issued together; if one throws, the abort rejects the others, which is
    // expected — their rejections are observed here so none goes unhandled.
    const puts: Promise<unknown>[] = [];
    const issue = (request: Promise<unknown>) => {
      request.catch(() => undefined);
      puts.push(request);
    };
    for (const layer of layers) issue(tx.objectStore('layers').put(recordOfLayer(layer)));
    for (const a of assignments) issue(tx.objectStore('assignments').put(a));
    for (const d of drawings) issue(tx.objectStore('drawings').put(d));
    await Promise.all(puts);
  });
  if (!result.ok) return result;
  return {
    ok: true,
    layers: layers.length,
    assignments: assignments.length,
    drawings: drawings.length
  };
}

/**
 * Opens (creating if needed) the browser database.
 *
 * @example
 * const store = await openImportStore();
 * const saved = await store.saveLayer(layer);
 * if (!saved.ok) showMessage(saved.error.zh, saved.error.en);
 */
export async function openImportStore(
  options: { name?: string; now?: () => Date } = {}
): Promise<ImportStore> {
  const now = options.now ?? (() => new Date());
  const db = await openDatabase(options.name ?? DEFAULT_DATABASE_NAME);
  const write = transactionWriter(db);

  const store: ImportStore = {
    name: options.name ?? DEFAULT_DATABASE_NAME,
    saveLayer: (layer, packedBlob) =>
      write(['layers'], (tx) => tx.objectStore('layers').put(recordOfLayer(layer, packedBlob))),
    getLayer: async (id) => {
      const record = await db.get('layers', id);
      return record && layerOfRecord(record);
    },
    listLayers: async () => (await layerHeaders(db)).layers,
    countLayers: () => db.count('layers'),
    deleteLayer: (id) => write(['layers'], (tx) => tx.objectStore('layers').delete(id)),
    assign: (assignment) =>
      write(['assignments'], (tx) => tx.objectStore('assignments').put(assignment)),
    unassign: (planFeatureId) =>
      write(['assignments'], (tx) => tx.objectStore('assignments').delete(planFeatureId)),
    getAssignment: (planFeatureId) => db.get('assignments', planFeatureId),
    listAssignments: async () =>
      (await db.getAll('assignments')).sort((a, b) => byText(a.planFeatureId, b.planFeatureId)),
    saveDrawing: (drawing) => write(['drawings'], (tx) => tx.objectStore('drawings').put(drawing)),
    deleteDrawing: (id) => write(['drawings'], (tx) => tx.objectStore('drawings').delete(id)),
    listDrawings: async () =>
      (await db.getAll('drawings')).sort(
        (a, b) => byText(a.createdAt, b.createdAt) || byText(a.id, b.id)
      ),

    async exportAll() {
      const { layers, headers } = await layerHeaders(db);
      const [assignments, drawings] = [await store.listAssignments(), await store.listDrawings()];
      return backupOf({ layers, headers, assignments, drawings }, now());
    },
    importAll: (backup, mode = 'replace') => restoreBackup(write, backup, mode),

    close: () => db.close()
  };
  return store;
}
