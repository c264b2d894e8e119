/**
 * A backup read back into records (store.ts importAll): checked to be one of ours, every record
 * and feature as backup-check.ts says, before anything of it is stored. The first fault is named.
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { quote, storageError } from '../import/messages';
import type { BilingualMessage } from '../import/types';
import {
  DEFAULT_BACKUP_LIMITS,
  featureFault,
  layerHeaderFault,
  recordFault,
  type BackupFault,
  type BackupLimits
} from './backup-check';
import {
  BACKUP_MEMBER,
  type Assignment,
  type Backup,
  type BackupFeature,
  type BackupRecord,
  type Drawing,
  type LayerHeader,
  type StoredLayer
} from './types';
import { summarizeLayer } from './user-layers';

export const BACKUP_VERSION = 1;

type Refusal = { ok: false; error: BilingualMessage };

/** A layer being read: its features in a plain array that grows as they are read. */
type LayerBeingRead = StoredLayer & { features: Feature<Geometry, GeoJsonProperties>[] };

interface BackupRecords {
  layers: Map<string, LayerBeingRead>;
  assignments: Assignment[];
  drawings: Drawing[];
}

function invalid(detail: string, detailEn: string): Refusal {
  return { ok: false, error: storageError('backup-invalid', { detail, detailEn }) };
}

/** A feature of the backup that is not sound: which one, what it belongs to, and why. */
function invalidFeature(where: { zh: string; en: string }, fault: BackupFault): Refusal {
  return {
    ok: false,
    error: storageError('backup-feature-invalid', {
      where: where.zh,
      whereEn: where.en,
      detail: fault.zh,
      detailEn: fault.en
    })
  };
}

/** The collection's header and features, if it is a backup of ours within the limits. */
function backupParts(
  backup: unknown,
  limits: BackupLimits
): { ok: true; header: Backup[typeof BACKUP_MEMBER]; features: unknown[] } | Refusal {
  const collection = backup as Partial<Backup> | null;
  if (!collection || typeof collection !== 'object' || collection.type !== 'FeatureCollection') {
    return invalid('不是 FeatureCollection', 'not a FeatureCollection');
  }
  const header = collection[BACKUP_MEMBER];
  if (!header || typeof header !== 'object' || !Array.isArray(header.layers)) {
    return invalid(`缺少 ${BACKUP_MEMBER} 信息`, `the ${BACKUP_MEMBER} member is missing`);
  }
  if (header.version !== BACKUP_VERSION) {
    return invalid(
      `不支持的备份版本 ${String(header.version)}`,
      `unsupported backup version ${String(header.version)}`
    );
  }
  if (!Array.isArray(collection.features)) {
    return invalid('features 不是数组', 'features is not an array');
  }
  const features: unknown[] = collection.features;
  if (features.length > limits.maxFeatures) {
    return invalid(
      `有 ${features.length} 个要素，超过上限 ${limits.maxFeatures}`,
      `it has ${features.length} features, more than the limit of ${limits.maxFeatures}`
    );
  }
  return { ok: true, header, features };
}

/** The layers the header names, without their features yet. */
function layersOf(headers: unknown[]): Map<string, LayerBeingRead> | Refusal {
  const layers = new Map<string, LayerBeingRead>();
  for (let n = 0; n < headers.length; n++) {
    const h: unknown = headers[n];
    const fault = layerHeaderFault(h, n + 1);
    if (fault) return invalid(fault.zh, fault.en);
    const { id, name, sourceFile, format, crs, importedAt } = h as LayerHeader;
    const layerFormat = typeof format === 'string' ? format : null;
    layers.set(id, { id, name, sourceFile, format: layerFormat, crs, importedAt, features: [] });
  }
  return layers;
}

/** Files feature i (checked: its fault, if any) under the record its bookkeeping names. */
function fileFeature(
  records: BackupRecords,
  meta: BackupRecord,
  feature: Feature<Geometry, GeoJsonProperties>,
  fault: BackupFault | null,
  i: number
): Refusal | null {
  if (meta.record === 'layer-feature') {
    const layer = records.layers.get(meta.layerId);
    if (!layer) {
      return invalid(
        `第 ${i + 1} 个要素属于未知图层 ${meta.layerId}`,
        `feature #${i + 1} belongs to an unknown layer ${meta.layerId}`
      );
    }
    if (fault) {
      const name = quote(layer.name);
      return invalidFeature({ zh: `图层 ${name} 中`, en: `in layer ${name}` }, fault);
    }
    layer.features.push(feature);
  } else if (meta.record === 'assignment') {
    if (fault) {
      const id = quote(meta.planFeatureId);
      return invalidFeature(
        { zh: `规划要素 ${id} 的边界中`, en: `assigned as the boundary of plan feature ${id}` },
        fault
      );
    }
    records.assignments.push({
      planFeatureId: meta.planFeatureId,
      source: meta.source,
      geometry: feature.geometry,
      assignedAt: meta.assignedAt
    });
  } else if (meta.record === 'drawing') {
    if (fault) {
      const id = quote(meta.drawingId);
      return invalidFeature({ zh: `绘图 ${id} 中`, en: `in drawing ${id}` }, fault);
    }
    records.drawings.push({
      id: meta.drawingId,
      feature,
      createdAt: meta.createdAt,
      updatedAt: meta.updatedAt
    });
  } else {
    return invalid(
      `第 ${i + 1} 个要素的记录类型未知`,
      `feature #${i + 1} has an unknown record type`
    );
  }
  return null;
}

/** Splits a backup back into records, checking it is one of ours. */
export function readBackup(
  backup: unknown,
  limits: BackupLimits = DEFAULT_BACKUP_LIMITS
): { ok: true; layers: StoredLayer[]; assignments: Assignment[]; drawings: Drawing[] } | Refusal {
  const parts = backupParts(backup, limits);
  if (!parts.ok) return parts;
  const layers = layersOf(parts.header.layers);
  if (!(layers instanceof Map)) return layers;
  const records: BackupRecords = { layers, assignments: [], drawings: [] };
  const features = parts.features;
  let vertices = 0;
  for (let i = 0; i < features.length; i++) {
    const item = features[i];
    const number = { zh: `第 ${i + 1} 个要素`, en: `feature #${i + 1}` };
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      return invalid(`${number.zh}不是对象`, `${number.en} is not an object`);
    }
    const { [BACKUP_MEMBER]: meta, ...feature } = item as BackupFeature;
    if (!meta || typeof meta !== 'object') {
      return invalid(
        `第 ${i + 1} 个要素缺少 ${BACKUP_MEMBER} 信息`,
        `feature #${i + 1} has no ${BACKUP_MEMBER} member`
      );
    }
    const bookkeeping = recordFault(meta as unknown as Record<string, unknown>);
    if (bookkeeping) return invalidFeature(number, bookkeeping);
    const checked = featureFault(feature, i);
    vertices += checked.vertices;
    if (vertices > limits.maxVertices) {
      return invalid(
        `顶点超过上限 ${limits.maxVertices}`,
        `it has more vertices than the limit of ${limits.maxVertices}`
      );
    }
    const refused = fileFeature(
      records,
      meta,
      feature as Feature<Geometry, GeoJsonProperties>,
      checked.fault,
      i
    );
    if (refused) return refused;
  }
  // Measured now, once, so the layer list does not measure every feature on the page later.
  for (const layer of layers.values()) layer.summary = summarizeLayer(layer);
  return {
    ok: true,
    layers: [...layers.values()],
    assignments: records.assignments,
    drawings: records.drawings
  };
}
