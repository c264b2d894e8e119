/**
 * A backup is checked like any import before anything of it is stored: the same feature checks
 * (validate.ts: structure, numbers, rings, crossings, longitude/latitude range), the same limits
 * (features, vertices), and the app's bookkeeping of every record (layer headers, assignments,
 * drawings) must have the types the app relies on. The first thing wrong is named — which
 * feature of the file, of which layer or plan feature, and why — and nothing is restored.
 */
import { DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES } from '../import/limits';
import { withoutDeepValues } from '../import/nesting';
import { checkTopology, firstOutOfRange, formatPosition, inspectFeature } from '../import/validate';

/** Why a backup is refused, in both languages (becomes backup-invalid's detail). */
export interface BackupFault {
  zh: string;
  en: string;
}

export interface BackupLimits {
  maxFeatures: number;
  maxVertices: number;
}

export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxFeatures: DEFAULT_MAX_FEATURES,
  maxVertices: DEFAULT_MAX_VERTICES
};

const isText = (value: unknown): value is string => typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

/** Checks a layer header of the backup's member; null if it is sound. */
export function layerHeaderFault(header: unknown, n: number): BackupFault | null {
  if (!isRecord(header)) {
    return { zh: `第 ${n} 个图层信息不是对象`, en: `layer entry ${n} is not an object` };
  }
  for (const field of ['id', 'name', 'sourceFile', 'crs', 'importedAt'] as const) {
    if (!isText(header[field])) {
      return {
        zh: `第 ${n} 个图层信息的 ${field} 不是文本`,
        en: `layer entry ${n} has no text ${field}`
      };
    }
  }
  return null;
}

/** The fault of a record's bookkeeping (the backup member of one feature); null if sound. */
export function recordFault(meta: Record<string, unknown>): BackupFault | null {
  const missing = (field: string): BackupFault => ({
    zh: `记录缺少文本字段 ${field}`,
    en: `its record has no text ${field}`
  });
  if (meta.record === 'layer-feature') return isText(meta.layerId) ? null : missing('layerId');
  if (meta.record === 'drawing') {
    for (const field of ['drawingId', 'createdAt', 'updatedAt']) {
      if (!isText(meta[field])) return missing(field);
    }
    return null;
  }
  if (meta.record === 'assignment') {
    for (const field of ['planFeatureId', 'assignedAt']) {
      if (!isText(meta[field])) return missing(field);
    }
    const source = meta.source;
    const sound =
      isRecord(source) &&
      ((source.type === 'layer' &&
        isText(source.layerId) &&
        Number.isInteger(source.featureIndex)) ||
        (source.type === 'drawing' && isText(source.drawingId)));
    return sound ? null : { zh: '记录的 source 无效', en: 'its record has an invalid source' };
  }
  return null; // an unknown record type is named by the caller
}

/**
 * Checks one feature of a backup as the import checks a feature: the first error found (null if
 * none) and its vertices, for the backup's vertex limit.
 */
export function featureFault(
  feature: unknown,
  index: number
): { fault: BackupFault | null; vertices: number } {
  const deep = withoutDeepValues(feature, index).problems?.[0];
  if (deep) return { fault: { zh: deep.zh, en: deep.en }, vertices: 0 };
  const report = inspectFeature(feature, index);
  const vertices = report.vertices;
  const error = report.problems.find((p) => p.severity === 'error');
  if (error || !report.feature) {
    const reason = error ?? { zh: '要素无效。', en: 'the feature is not valid.' };
    return { fault: { zh: reason.zh, en: reason.en }, vertices };
  }
  const crossing = checkTopology(report.feature, index).find((p) => p.severity === 'error');
  if (crossing) return { fault: { zh: crossing.zh, en: crossing.en }, vertices };
  const outside = firstOutOfRange(report.feature.geometry);
  if (outside) {
    const at = formatPosition([outside[0], outside[1]]);
    return {
      fault: {
        zh: `第 ${index + 1} 个要素：坐标 ${at} 超出经纬度范围。`,
        en: `Feature #${index + 1}: position ${at} is outside longitude/latitude range.`
      },
      vertices
    };
  }
  return { fault: null, vertices };
}
