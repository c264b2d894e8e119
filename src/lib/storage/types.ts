/**
 * What the store keeps (store.ts) and a backup carries (backup-file.ts): the records of imported
 * layers, assignments and drawings. Types only, plus the backup's member name, so that every
 * module can name them without importing the storage code (a leaf module: no import cycles).
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import type { BilingualMessage, CrsId, LayerSummary } from '../import/types';
import type { FeatureList } from './feature-list';

/** Foreign member that carries this app's bookkeeping in exported GeoJSON. */
export const BACKUP_MEMBER = 'linghePlanMap';

export interface StoredLayer {
  id: string;
  /** Shown in the layer list; the file name unless the user renames it. */
  name: string;
  sourceFile: string;
  format: string | null;
  /** The CRS the features were converted from (they are stored in WGS-84). */
  crs: CrsId;
  /** ISO 8601 time of the import. */
  importedAt: string;
  /**
   * The features in WGS-84, read-only (feature-list.ts). Read back from the store (or received
   * from a worker) this is a PackedFeatures over the packed record (packed-features.ts): each
   * read makes the feature anew, so read a feature once and keep it rather than calling
   * `features.at(i)` in a loop.
   */
  features: FeatureList;
  /**
   * Counts, totals and extent, as measured by the import (user-layers.ts summarizeLayer), so the
   * layer list need not walk 100 000 features on the page; absent in older records.
   */
  summary?: LayerSummary;
}

/** Where an assigned geometry came from. */
export type AssignmentSource =
  | { type: 'layer'; layerId: string; featureIndex: number; featureId?: string | number }
  | { type: 'drawing'; drawingId: string };

export interface Assignment {
  /** `PlanFeatureProperties.id` of the plan feature this geometry is the boundary of. */
  planFeatureId: string;
  source: AssignmentSource;
  /** A copy of the geometry (WGS-84), so the assignment survives deleting its layer. */
  geometry: Geometry;
  assignedAt: string;
}

export interface Drawing {
  id: string;
  feature: Feature<Geometry, GeoJsonProperties>;
  createdAt: string;
  updatedAt: string;
}

export type StoreResult = { ok: true } | { ok: false; error: BilingualMessage };

export interface ImportSummary {
  layers: number;
  assignments: number;
  drawings: number;
}

export interface LayerHeader {
  id: string;
  name: string;
  sourceFile: string;
  format: string | null;
  crs: CrsId;
  importedAt: string;
}

export type BackupRecord =
  | { record: 'layer-feature'; layerId: string }
  | { record: 'assignment'; planFeatureId: string; source: AssignmentSource; assignedAt: string }
  | { record: 'drawing'; drawingId: string; createdAt: string; updatedAt: string };

export type BackupFeature = Feature<Geometry, GeoJsonProperties> & {
  [BACKUP_MEMBER]: BackupRecord;
};

/** The export: plain GeoJSON that any GIS opens, plus this app's bookkeeping in foreign members. */
export interface Backup {
  type: 'FeatureCollection';
  [BACKUP_MEMBER]: { version: number; exportedAt: string; layers: LayerHeader[] };
  features: BackupFeature[];
}
