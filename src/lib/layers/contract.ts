/**
 * The data contract of the plan layers (issue #3), checked: a layer file a planner edits or
 * replaces must still be valid GeoJSON in WGS-84, carry every property of PlanFeatureProperties
 * with the right type, point at paragraphs that exist, and quote its figures verbatim. Each
 * problem names the file, the feature (1-based index and id) and the field, in English and Chinese.
 * The rules are grouped by what they check: properties (contract-properties.ts), figures
 * (contract-figures.ts) and geometry (contract-geometry.ts); the wording is contract-report.ts's.
 *
 * Pure: the paragraph index comes in as an argument, so the same check runs in tests, in the
 * build and on files a user brings.
 */
import geojsonValidation from 'geojson-validation';
import type { Plan } from '$lib/plan/types';
import { MAX_UNCERTAINTY_M, type LayerId } from './types';
import { checkFigures } from './contract-figures';
import { checkGeometry, checkUncertainty } from './contract-geometry';
import {
  checkClassification,
  checkPlanRefs,
  checkStringLists,
  checkTexts
} from './contract-properties';
import {
  isRecord,
  Report,
  show,
  type ContractProblem,
  type ParagraphIndex
} from './contract-report';

export { MAX_UNCERTAINTY_M };
export { MAX_COORDINATE_DECIMALS } from './contract-geometry';
export { UNIT_QUANTITY } from './contract-figures';
export type { ContractProblem, ParagraphIndex } from './contract-report';

export const LAYER_IDS: readonly LayerId[] = ['structure', 'rivers', 'parks', 'projects'];

/** The index of every paragraph of a plan, e.g. `planParagraphIndex(plan).get('c5s1p4')`. */
export function planParagraphIndex(plan: Plan): ParagraphIndex {
  return new Map(plan.paragraphs.map((p) => [p.id, p.text]));
}

/** The layer a file name stands for: `parks.geojson` → `parks`; null for other names. */
export function layerOfFile(fileName: string): LayerId | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const match = /^([a-z]+)\.geojson$/.exec(base);
  return match && (LAYER_IDS as readonly string[]).includes(match[1])
    ? (match[1] as LayerId)
    : null;
}

function checkFeature(
  report: Report,
  index: number,
  feature: unknown,
  layer: LayerId | null,
  paragraphs: ParagraphIndex
) {
  const bare = { index, id: null };
  if (!isRecord(feature) || feature.type !== 'Feature') {
    report.add(bare, 'type', 'is not a GeoJSON Feature', '不是 GeoJSON Feature');
    return;
  }
  const properties = feature.properties;
  if (!isRecord(properties)) {
    report.add(bare, 'properties', 'has no properties object', '缺少 properties 对象');
    return;
  }
  const id = typeof properties.id === 'string' && properties.id ? properties.id : null;
  const where = { index, id };
  checkTexts(report, where, properties);
  checkClassification(report, where, properties, layer);
  const knownRefs = checkPlanRefs(report, where, properties.planRefs, paragraphs);
  checkFigures(report, where, properties.figures, knownRefs, paragraphs);
  checkStringLists(report, where, properties);
  checkGeometry(report, where, feature, properties.accuracy);
  checkUncertainty(report, where, properties.uncertaintyM, feature.geometry);
  for (const trace of geojsonValidation.isFeature(feature, true)) {
    report.add(where, null, `not valid GeoJSON: ${trace}`, `不是有效的 GeoJSON：${trace}`);
  }
}

/**
 * Every contract problem of one layer file; an empty list means the file is fine.
 * @param fileName `structure.geojson`, `rivers.geojson`, `parks.geojson` or `projects.geojson`
 *   (a path is fine); it decides which `layer` the features must have
 * @param json the parsed file
 * @param paragraphs every paragraph of the plan, e.g. `planParagraphIndex(plan)`
 * @example validateLayerFile('parks.geojson', parks, planParagraphIndex(plan)) // []
 */
export function validateLayerFile(
  fileName: string,
  json: unknown,
  paragraphs: ParagraphIndex
): ContractProblem[] {
  const report = new Report(fileName);
  const layer = layerOfFile(fileName);
  if (!layer) {
    report.add(
      null,
      null,
      `file name should be one of ${LAYER_IDS.map((l) => `${l}.geojson`).join(', ')}`,
      `文件名应为 ${LAYER_IDS.map((l) => `${l}.geojson`).join('、')} 之一`
    );
  }
  if (!isRecord(json) || json.type !== 'FeatureCollection') {
    report.add(
      null,
      'type',
      `is not a GeoJSON FeatureCollection (type ${show(isRecord(json) ? json.type : json)})`,
      `不是 GeoJSON FeatureCollection（type 为 ${show(isRecord(json) ? json.type : json)}）`
    );
    return report.problems;
  }
  if (!Array.isArray(json.features)) {
    report.add(null, 'features', 'has no "features" array', '缺少 "features" 数组');
    return report.problems;
  }
  for (const [i, feature] of json.features.entries()) {
    checkFeature(report, i + 1, feature, layer, paragraphs);
  }
  return report.problems;
}

/**
 * Checks every layer file, and that feature ids are unique across all of them.
 * @example validateLayerFiles([{ fileName: 'parks.geojson', json: parks }, …], index) // []
 */
export function validateLayerFiles(
  files: readonly { fileName: string; json: unknown }[],
  paragraphs: ParagraphIndex
): ContractProblem[] {
  const problems = files.flatMap(({ fileName, json }) =>
    validateLayerFile(fileName, json, paragraphs)
  );
  const firstUse = new Map<string, string>();
  for (const { fileName, json } of files) {
    if (!isRecord(json) || !Array.isArray(json.features)) continue;
    const report = new Report(fileName);
    for (const [i, feature] of json.features.entries()) {
      const id = isRecord(feature) && isRecord(feature.properties) ? feature.properties.id : null;
      if (typeof id !== 'string' || !id) continue;
      const where = `${fileName} feature #${i + 1}`;
      const earlier = firstUse.get(id);
      if (earlier) {
        report.add(
          { index: i + 1, id },
          'id',
          `id "${id}" is already used by ${earlier}; ids must be unique across all layers`,
          `id "${id}" 已被 ${earlier} 使用；各图层的 id 必须唯一`
        );
      } else {
        firstUse.set(id, where);
      }
    }
    problems.push(...report.problems);
  }
  return problems;
}
