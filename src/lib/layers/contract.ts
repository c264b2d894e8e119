/**
 * The data contract of the plan layers (issue #3), checked: a layer file a planner edits or
 * replaces must still be valid GeoJSON in WGS-84, carry every property of PlanFeatureProperties
 * with the right type, point at paragraphs that exist, and quote its figures verbatim. Each
 * problem names the file, the feature (1-based index and id) and the field, in English and Chinese.
 *
 * Pure: the paragraph index comes in as an argument, so the same check runs in tests, in the
 * build and on files a user brings.
 */
import geojsonValidation from 'geojson-validation';
import type { Plan } from '$lib/plan/types';
import { FEATURE_KINDS } from './kinds';
import { ACCURACIES, MAX_UNCERTAINTY_M, type FigureUnit, type LayerId } from './types';

export { MAX_UNCERTAINTY_M };
import { SIMPLE_GEOMETRY_TYPES } from '$lib/geo/geometry-types.js';
import { checkFeature as checkImportedFeature, checkTopology } from '$lib/import/validate';

export interface ContractProblem {
  /** File name as given, e.g. `structure.geojson`. */
  file: string;
  /** 1-based position in `features`, or null for a problem with the whole file. */
  featureIndex: number | null;
  featureId: string | null;
  /** The property or member at fault, e.g. `figures[0].unit`, or null. */
  field: string | null;
  /** e.g. `structure.geojson: feature #3 (zijing-industrial-park): figures[0].unit "平方千米" is not a plan unit` */
  message: string;
  /** The same in Chinese. */
  messageZh: string;
}

/** Paragraph id → paragraph text, for resolving planRefs and finding figure quotes. */
export type ParagraphIndex = ReadonlyMap<string, string>;

export const LAYER_IDS: readonly LayerId[] = ['structure', 'rivers', 'parks', 'projects'];

/** Which quantity each plan unit measures. */
export const UNIT_QUANTITY: Readonly<Record<FigureUnit, 'area' | 'length'>> = {
  亩: 'area',
  平方公里: 'area',
  平方米: 'area',
  万平方米: 'area',
  公顷: 'area',
  公里: 'length',
  米: 'length'
};

/** Decimal places allowed in coordinates: 1e-6° ≈ 0.1 m, finer than any source here. */
export const MAX_COORDINATE_DECIMALS = 6;

/** Stable English slugs: lower-case words joined by single hyphens. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const GEOMETRY_TYPES = SIMPLE_GEOMETRY_TYPES;

const REQUIRED_TEXT = ['id', 'name', 'nameEn', 'kind', 'locationBasis', 'source'] as const;

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Number of decimals a coordinate is written with (as JSON would write it). */
function decimalsOf(value: number): number {
  const [mantissa, exponent] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Collects problems for one file, prefixing each with where it is. */
class Report {
  readonly problems: ContractProblem[] = [];
  constructor(readonly file: string) {}

  add(
    feature: { index: number; id: string | null } | null,
    field: string | null,
    en: string,
    zh: string
  ) {
    const where = feature
      ? { en: `feature #${feature.index}`, zh: `第 ${feature.index} 个要素` }
      : null;
    const idPart = feature?.id ? ` (${feature.id})` : '';
    this.problems.push({
      file: this.file,
      featureIndex: feature?.index ?? null,
      featureId: feature?.id ?? null,
      field,
      message: where ? `${this.file}: ${where.en}${idPart}: ${en}` : `${this.file}: ${en}`,
      messageZh: where ? `${this.file}：${where.zh}${idPart}：${zh}` : `${this.file}：${zh}`
    });
  }
}

/** The first position that breaks a coordinate rule, as [path, English, Chinese], or null. */
function coordinateProblem(
  coordinates: unknown,
  path: string
): [path: string, en: string, zh: string] | null {
  if (!Array.isArray(coordinates)) return [path, 'is not an array', '不是数组'];
  if (coordinates.length > 0 && typeof coordinates[0] === 'number') {
    const [lon, lat] = coordinates as unknown[];
    if (coordinates.length < 2 || typeof lat !== 'number' || typeof lon !== 'number') {
      return [path, 'is not a [lon, lat] position', '不是 [经度, 纬度] 坐标点'];
    }
    for (const value of [lon, lat]) {
      if (!Number.isFinite(value)) return [path, `has a non-finite number`, '含非有限数值'];
      const decimals = decimalsOf(value);
      if (decimals > MAX_COORDINATE_DECIMALS) {
        return [
          path,
          `has ${decimals} decimals (${value}); at most ${MAX_COORDINATE_DECIMALS}`,
          `有 ${decimals} 位小数（${value}），最多 ${MAX_COORDINATE_DECIMALS} 位`
        ];
      }
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return [
        path,
        `[${lon}, ${lat}] is outside longitude −180…180 / latitude −90…90 (WGS-84 lon, lat order)`,
        `[${lon}, ${lat}] 超出经度 −180…180 / 纬度 −90…90（WGS-84，经度在前）`
      ];
    }
    return null;
  }
  for (const [i, child] of coordinates.entries()) {
    const problem = coordinateProblem(child, `${path}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

function checkGeometry(
  report: Report,
  where: { index: number; id: string | null },
  feature: Record<string, unknown>,
  accuracy: unknown
) {
  if (!('geometry' in feature)) {
    report.add(
      where,
      'geometry',
      'has no "geometry" member; write "geometry": null when the position is unknown',
      '缺少 "geometry"；位置未知时请写 "geometry": null'
    );
    return;
  }
  const geometry = feature.geometry;
  if (geometry === null) {
    if (accuracy === 'imported') {
      report.add(
        where,
        'geometry',
        'is "imported" but has no geometry',
        '精度为 "imported"（导入）却没有几何'
      );
    }
    return;
  }
  if (!isRecord(geometry) || !GEOMETRY_TYPES.has(String(geometry.type))) {
    report.add(
      where,
      'geometry.type',
      `geometry type ${show(isRecord(geometry) ? geometry.type : geometry)} is not one of ${[...GEOMETRY_TYPES].join(', ')}`,
      `几何类型 ${show(isRecord(geometry) ? geometry.type : geometry)} 不在允许范围（${[...GEOMETRY_TYPES].join('、')}）`
    );
    return;
  }
  // Structure, numbers, closed rings and self-intersection: the import's own checks (validate.ts),
  // so a plan layer meets the rules an imported boundary meets.
  const checked = checkImportedFeature(
    { type: 'Feature', properties: {}, geometry },
    where.index - 1
  );
  const errors = checked.feature
    ? checkTopology(checked.feature, where.index - 1)
    : checked.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    const [first] = errors;
    const field = first.path ?? 'geometry';
    report.add(where, field, `${field}: ${reasonOf(first.en)}`, `${field}：${reasonOf(first.zh)}`);
    return;
  }
  // What the import allows but shipped data must not have: excess decimals, out-of-range degrees.
  const problem = coordinateProblem(geometry.coordinates, 'geometry.coordinates');
  if (problem)
    report.add(where, problem[0], `${problem[0]} ${problem[1]}`, `${problem[0]} ${problem[2]}`);
}

function checkUncertainty(
  report: Report,
  where: { index: number; id: string | null },
  uncertainty: unknown,
  geometry: unknown
) {
  if (uncertainty === undefined) return;
  if (
    typeof uncertainty !== 'number' ||
    !Number.isFinite(uncertainty) ||
    uncertainty <= 0 ||
    uncertainty > MAX_UNCERTAINTY_M
  ) {
    report.add(
      where,
      'uncertaintyM',
      `uncertaintyM ${show(uncertainty)} is not a number of metres above 0 and at most ${MAX_UNCERTAINTY_M}`,
      `uncertaintyM ${show(uncertainty)} 应为大于 0、不超过 ${MAX_UNCERTAINTY_M} 的米数`
    );
  } else if (geometry === null || geometry === undefined) {
    report.add(
      where,
      'uncertaintyM',
      'uncertaintyM is given but the feature has no geometry',
      '给出了 uncertaintyM，但要素没有几何'
    );
  }
}

/** The reason of an import problem, without the feature the sentence starts with. */
function reasonOf(sentence: string): string {
  const colon = sentence.search(/：|: /);
  return colon < 0 ? sentence : sentence.slice(colon + (sentence[colon] === '：' ? 1 : 2));
}

function checkFigures(
  report: Report,
  where: { index: number; id: string | null },
  figures: unknown,
  planRefs: readonly string[],
  paragraphs: ParagraphIndex
) {
  if (!Array.isArray(figures)) {
    report.add(
      where,
      'figures',
      'figures is not an array (use [] when there are none)',
      'figures 不是数组（没有时写 []）'
    );
    return;
  }
  for (const [i, figure] of figures.entries()) {
    const field = `figures[${i}]`;
    if (!isRecord(figure)) {
      report.add(where, field, `${field} is not an object`, `${field} 不是对象`);
      continue;
    }
    const { value, unit, quantity, paragraphId, quote } = figure;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      report.add(
        where,
        `${field}.value`,
        `${field}.value ${show(value)} is not a positive number`,
        `${field}.value ${show(value)} 不是正数`
      );
    }
    const unitQuantity = typeof unit === 'string' ? UNIT_QUANTITY[unit as FigureUnit] : undefined;
    if (!unitQuantity) {
      report.add(
        where,
        `${field}.unit`,
        `${field}.unit ${show(unit)} is not a plan unit (${Object.keys(UNIT_QUANTITY).join(', ')})`,
        `${field}.unit ${show(unit)} 不是规划使用的单位（${Object.keys(UNIT_QUANTITY).join('、')}）`
      );
    }
    if (quantity !== 'area' && quantity !== 'length') {
      report.add(
        where,
        `${field}.quantity`,
        `${field}.quantity ${show(quantity)} is not "area" or "length"`,
        `${field}.quantity ${show(quantity)} 应为 "area" 或 "length"`
      );
    } else if (unitQuantity && quantity !== unitQuantity) {
      report.add(
        where,
        `${field}.quantity`,
        `${field}.quantity "${quantity}" does not match unit "${String(unit)}" (a ${unitQuantity})`,
        `${field}.quantity "${quantity}" 与单位 "${String(unit)}"（${unitQuantity === 'area' ? '面积' : '长度'}）不符`
      );
    }
    if (typeof paragraphId !== 'string' || !paragraphs.has(paragraphId)) {
      report.add(
        where,
        `${field}.paragraphId`,
        `${field}.paragraphId ${show(paragraphId)} is not a paragraph of the plan`,
        `${field}.paragraphId ${show(paragraphId)} 不是规划中的段落`
      );
      continue;
    }
    if (!planRefs.includes(paragraphId)) {
      report.add(
        where,
        `${field}.paragraphId`,
        `${field}.paragraphId "${paragraphId}" is not in planRefs`,
        `${field}.paragraphId "${paragraphId}" 不在 planRefs 中`
      );
    }
    if (typeof quote !== 'string' || quote.trim() === '') {
      report.add(where, `${field}.quote`, `${field}.quote is missing`, `${field}.quote 缺失`);
    } else if (!(paragraphs.get(paragraphId) ?? '').includes(quote)) {
      report.add(
        where,
        `${field}.quote`,
        `${field}.quote ${show(quote)} does not occur in ${paragraphId}`,
        `${field}.quote ${show(quote)} 不在段落 ${paragraphId} 中`
      );
    } else if (
      typeof value === 'number' &&
      typeof unit === 'string' &&
      !quote.includes(`${value}${unit}`)
    ) {
      report.add(
        where,
        `${field}.quote`,
        `${field}.quote does not state ${value}${unit}`,
        `${field}.quote 未写明 ${value}${unit}`
      );
    }
  }
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

  for (const field of REQUIRED_TEXT) {
    const value = properties[field];
    if (typeof value !== 'string' || value.trim() === '') {
      report.add(
        where,
        field,
        `${field} must be a non-empty string, got ${show(value)}`,
        `${field} 应为非空字符串，实际为 ${show(value)}`
      );
    }
  }
  if (id && !ID_PATTERN.test(id)) {
    report.add(
      where,
      'id',
      `id "${id}" is not a lower-case slug like "zijing-industrial-park"`,
      `id "${id}" 不是小写英文短名（如 "zijing-industrial-park"）`
    );
  }
  if (
    typeof properties.kind === 'string' &&
    properties.kind &&
    !(properties.kind in FEATURE_KINDS)
  ) {
    report.add(
      where,
      'kind',
      `kind "${properties.kind}" is not in FEATURE_KINDS (src/lib/layers/kinds.ts)`,
      `kind "${properties.kind}" 不在 FEATURE_KINDS（src/lib/layers/kinds.ts）中`
    );
  }
  if (layer && properties.layer !== layer) {
    report.add(
      where,
      'layer',
      `layer ${show(properties.layer)} should be "${layer}" in this file`,
      `layer ${show(properties.layer)} 在此文件中应为 "${layer}"`
    );
  }
  if (!(ACCURACIES as readonly unknown[]).includes(properties.accuracy)) {
    report.add(
      where,
      'accuracy',
      `accuracy ${show(properties.accuracy)} is not one of ${ACCURACIES.join(', ')}`,
      `accuracy ${show(properties.accuracy)} 不在 ${ACCURACIES.join('、')} 之中`
    );
  }

  const refs = properties.planRefs;
  const knownRefs: string[] = [];
  if (!Array.isArray(refs) || refs.length === 0) {
    report.add(
      where,
      'planRefs',
      'planRefs must list at least one paragraph id',
      'planRefs 至少要列出一个段落 id'
    );
  } else {
    for (const [i, ref] of refs.entries()) {
      if (typeof ref !== 'string' || !paragraphs.has(ref)) {
        report.add(
          where,
          `planRefs[${i}]`,
          `planRefs[${i}] ${show(ref)} is not a paragraph of the plan`,
          `planRefs[${i}] ${show(ref)} 不是规划中的段落`
        );
      } else if (knownRefs.includes(ref)) {
        report.add(
          where,
          `planRefs[${i}]`,
          `planRefs[${i}] "${ref}" is listed twice`,
          `planRefs[${i}] "${ref}" 重复`
        );
      } else {
        knownRefs.push(ref);
      }
    }
  }
  checkFigures(report, where, properties.figures, knownRefs, paragraphs);

  for (const field of ['aliases', 'mentions'] as const) {
    const strings = properties[field];
    if (
      strings !== undefined &&
      (!Array.isArray(strings) || strings.some((a) => typeof a !== 'string' || a.trim() === ''))
    ) {
      report.add(
        where,
        field,
        `${field} must be a list of non-empty strings`,
        `${field} 应为非空字符串的列表`
      );
    }
  }

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
