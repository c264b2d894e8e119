/**
 * The geometry rules of the layer contract (contract.ts): the import's own checks (validate.ts)
 * first, then what shipped data must meet beyond them — WGS-84 degrees in range, at most
 * MAX_COORDINATE_DECIMALS decimals — and a sound `uncertaintyM`.
 */
import { SIMPLE_GEOMETRY_TYPES } from '$lib/geo/geometry-types.js';
import { checkFeature as checkImportedFeature, checkTopology } from '$lib/import/validate';
import { MAX_UNCERTAINTY_M } from './types';
import { isRecord, show, type FeatureRef, type Report } from './contract-report';

/** Decimal places allowed in coordinates: 1e-6° ≈ 0.1 m, finer than any source here. */
export const MAX_COORDINATE_DECIMALS = 6;

const GEOMETRY_TYPES = SIMPLE_GEOMETRY_TYPES;

/** Number of decimals a coordinate is written with (as JSON would write it). */
function decimalsOf(value: number): number {
  const [mantissa, exponent] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
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

export function checkGeometry(
  report: Report,
  where: FeatureRef,
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

export function checkUncertainty(
  report: Report,
  where: FeatureRef,
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
