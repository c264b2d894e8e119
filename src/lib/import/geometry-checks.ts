/**
 * The structure and numbers of one feature's geometry (validate.ts, first step): type-directed,
 * so hostile nesting cannot blow the stack. Each position must be an array of ≥ 2 finite numbers,
 * each line ≥ 2 positions, each ring closed in x and y with ≥ 4 positions, no list empty and
 * GeometryCollections at most MAX_COLLECTION_DEPTH deep. Problems go into the feature's report;
 * the extent and vertex count of the positions seen too.
 */
import type { Position } from 'geojson';
import { kindOf, type FeatureReport } from './feature-report';
import { quote } from './messages';

/** GeometryCollections nested deeper than this are refused. */
export const MAX_COLLECTION_DEPTH = 8;

const EXPECTED = {
  position: { zh: '坐标点 [经度, 纬度]', en: 'a position [lon, lat]' },
  number: { zh: '数值', en: 'a number' },
  positions: { zh: '坐标点数组', en: 'an array of positions' },
  rings: { zh: '环的数组', en: 'an array of rings' },
  lines: { zh: '线的数组', en: 'an array of lines' },
  polygons: { zh: '面的数组', en: 'an array of polygons' }
};

function nesting(
  report: FeatureReport,
  expected: keyof typeof EXPECTED,
  actual: unknown,
  path: string
) {
  report.add(
    'bad-coordinate-nesting',
    {
      expectedZh: EXPECTED[expected].zh,
      expectedEn: EXPECTED[expected].en,
      actual: kindOf(actual)
    },
    path
  );
}

function pathOf(parent: string, index: number): string {
  return index < 0 ? parent : `${parent}[${index}]`;
}

/**
 * True if `value` is a position of finite numbers; otherwise reports why. The path is
 * `parent[index]` (or `parent` if index is -1), built only when there is something to report.
 */
function checkPosition(
  value: unknown,
  parent: string,
  index: number,
  report: FeatureReport
): boolean {
  if (!Array.isArray(value)) {
    nesting(report, 'position', value, pathOf(parent, index));
    return false;
  }
  report.vertices++;
  let ok = true;
  for (let k = 0; k < value.length; k++) {
    const n = value[k];
    if (typeof n === 'number') {
      if (!Number.isFinite(n)) {
        report.add('non-finite-coordinate', { value: String(n) }, `${pathOf(parent, index)}[${k}]`);
        ok = false;
      }
    } else if (Array.isArray(n)) {
      nesting(report, 'number', n, `${pathOf(parent, index)}[${k}]`);
      return false;
    } else {
      report.add('non-numeric-coordinate', { value: quote(n) }, `${pathOf(parent, index)}[${k}]`);
      ok = false;
    }
  }
  if (value.length < 2) {
    report.add('position-too-short', { count: value.length }, pathOf(parent, index));
    return false;
  }
  if (ok) {
    const x = value[0] as number;
    const y = value[1] as number;
    if (x < report.minX) report.minX = x;
    if (x > report.maxX) report.maxX = x;
    if (y < report.minY) report.minY = y;
    if (y > report.maxY) report.maxY = y;
  }
  return ok;
}

/** True for a finite number (NaN and ±Infinity give NaN here), without a call. */
function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && n - n === 0;
}

function checkPositions(value: unknown, path: string, report: FeatureReport): value is Position[] {
  if (!Array.isArray(value)) {
    nesting(report, 'positions', value, path);
    return false;
  }
  // Fast path for the usual [x, y] or [x, y, z] of finite numbers: the extent is kept in locals
  // and written back once. Anything else goes through checkPosition, which says what is wrong.
  let minX = report.minX;
  let minY = report.minY;
  let maxX = report.maxX;
  let maxY = report.maxY;
  let ok = true;
  let i = 0;
  for (; i < value.length; i++) {
    const position = value[i];
    if (
      Array.isArray(position) &&
      (position.length === 2 || (position.length === 3 && isFiniteNumber(position[2])))
    ) {
      const x = position[0];
      const y = position[1];
      if (isFiniteNumber(x) && isFiniteNumber(y)) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        continue;
      }
    }
    break;
  }
  report.vertices += i;
  report.minX = minX;
  report.minY = minY;
  report.maxX = maxX;
  report.maxY = maxY;
  for (; i < value.length; i++) {
    if (!checkPosition(value[i], path, i, report)) ok = false;
  }
  return ok;
}

/*
 * What follows reports and returns nothing: the caller reads `report.hasError`. Only positions
 * say whether they were sound, so that a line or ring with a bad position is not also called too
 * short or unclosed on account of it.
 */

function checkLine(value: unknown, path: string, report: FeatureReport): void {
  if (!checkPositions(value, path, report)) return;
  if (value.length < 2) report.add('line-too-short', { count: value.length }, path);
}

function checkRing(value: unknown, ringNumber: number, path: string, report: FeatureReport) {
  if (!checkPositions(value, path, report)) return;
  const first = value[0];
  const last = value[value.length - 1];
  if (value.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
    report.add('ring-not-closed', { ring: ringNumber }, path);
  } else if (value.length < 4) {
    report.add('ring-too-short', { ring: ringNumber, count: value.length }, path);
  }
}

function checkPolygon(value: unknown, path: string, report: FeatureReport): void {
  if (!Array.isArray(value)) {
    nesting(report, 'rings', value, path);
  } else if (value.length === 0) {
    report.add('empty-geometry', {}, path);
  } else {
    for (let r = 0; r < value.length; r++) checkRing(value[r], r + 1, `${path}[${r}]`, report);
  }
}

function checkList(
  value: unknown,
  path: string,
  report: FeatureReport,
  expected: keyof typeof EXPECTED,
  item: (v: unknown, p: string) => void
): void {
  if (!Array.isArray(value)) {
    nesting(report, expected, value, path);
  } else if (value.length === 0) {
    report.add('empty-geometry', {}, path);
  } else {
    for (let i = 0; i < value.length; i++) item(value[i], `${path}[${i}]`);
  }
}

function checkCollection(
  g: Record<string, unknown>,
  path: string,
  depth: number,
  report: FeatureReport
): void {
  const members = g.geometries;
  if (depth >= MAX_COLLECTION_DEPTH) {
    report.add('too-deeply-nested', { max: MAX_COLLECTION_DEPTH }, path);
  } else if (!Array.isArray(members)) {
    report.add('coordinates-missing', {}, `${path}.geometries`);
  } else if (members.length === 0) {
    report.add('empty-geometry', {}, `${path}.geometries`);
  } else {
    for (let i = 0; i < members.length; i++) {
      checkGeometry(members[i], `${path}.geometries[${i}]`, depth + 1, report);
    }
  }
}

/**
 * Checks a feature's `geometry` member at `path` ('geometry'), `depth` collections deep (0),
 * writing what is wrong into `report`.
 *
 * @example checkGeometry({ type: 'LineString', coordinates: [[0, 0]] }, 'geometry', 0, report)
 *   // report.problems[0].code === 'line-too-short', report.hasError === true
 */
export function checkGeometry(
  geometry: unknown,
  path: string,
  depth: number,
  report: FeatureReport
): void {
  if (geometry === null || geometry === undefined) {
    report.add('empty-geometry', {}, path);
    return;
  }
  if (typeof geometry !== 'object' || Array.isArray(geometry)) {
    report.add('unknown-geometry-type', { type: quote(geometry) }, path);
    return;
  }
  const g = geometry as Record<string, unknown>;
  if (g.type === 'GeometryCollection') {
    checkCollection(g, path, depth, report);
    return;
  }
  const check = typeof g.type === 'string' ? GEOMETRY_CHECKS[g.type] : undefined;
  if (!check) {
    report.add('unknown-geometry-type', { type: quote(g.type) }, `${path}.type`);
  } else if (!('coordinates' in g)) {
    report.add('coordinates-missing', {}, path);
  } else {
    check(g.coordinates, `${path}.coordinates`, report);
  }
}

const GEOMETRY_CHECKS: Record<string, (c: unknown, path: string, r: FeatureReport) => void> = {
  Point: (c, path, r) => void checkPosition(c, path, -1, r),
  MultiPoint: (c, path, r) =>
    checkList(c, path, r, 'positions', (v, p) => void checkPosition(v, p, -1, r)),
  LineString: (c, path, r) => {
    if (Array.isArray(c) && c.length === 0) r.add('empty-geometry', {}, path);
    else checkLine(c, path, r);
  },
  MultiLineString: (c, path, r) => checkList(c, path, r, 'lines', (v, p) => checkLine(v, p, r)),
  Polygon: (c, path, r) => checkPolygon(c, path, r),
  MultiPolygon: (c, path, r) => checkList(c, path, r, 'polygons', (v, p) => checkPolygon(v, p, r))
};
