/**
 * The backup of what the store keeps (store.ts exportAll): one GeoJSON FeatureCollection that any
 * GIS opens, this app's bookkeeping in a foreign member of each feature (backup-read.ts reads it
 * back). Layers' features first, then assignments, then drawings, each in the order given.
 */
import { BACKUP_VERSION } from './backup-read';
import {
  BACKUP_MEMBER,
  type Assignment,
  type Backup,
  type BackupFeature,
  type Drawing,
  type LayerHeader,
  type StoredLayer
} from './types';

export interface BackupContents {
  layers: readonly StoredLayer[];
  /** The layers' headers, in the same order. */
  headers: LayerHeader[];
  assignments: readonly Assignment[];
  drawings: readonly Drawing[];
}

/**
 * @example backupOf({ layers, headers, assignments: [], drawings: [] }, new Date()).features.length
 * // the layers' features, counted together
 */
export function backupOf(contents: BackupContents, exportedAt: Date): Backup {
  const features: BackupFeature[] = [];
  for (const layer of contents.layers) {
    for (const feature of layer.features) {
      features.push({
        ...feature,
        [BACKUP_MEMBER]: { record: 'layer-feature', layerId: layer.id }
      });
    }
  }
  for (const a of contents.assignments) {
    features.push({
      type: 'Feature',
      geometry: a.geometry,
      properties: { planFeatureId: a.planFeatureId },
      [BACKUP_MEMBER]: {
        record: 'assignment',
        planFeatureId: a.planFeatureId,
        source: a.source,
        assignedAt: a.assignedAt
      }
    });
  }
  for (const d of contents.drawings) {
    features.push({
      ...d.feature,
      [BACKUP_MEMBER]: {
        record: 'drawing',
        drawingId: d.id,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt
      }
    });
  }
  return {
    type: 'FeatureCollection',
    [BACKUP_MEMBER]: {
      version: BACKUP_VERSION,
      exportedAt: exportedAt.toISOString(),
      layers: contents.headers
    },
    features
  };
}
