/**
 * Checks candidate features one by one and says, for each problem, which feature, where inside it
 * and why — in Chinese and English. Structure and numbers first (type-directed, so hostile nesting
 * cannot blow the stack), then the geojson-validation library as a second opinion, then geometry
 * rules (self-intersection, coordinate range). A feature with an error is left out of the usable
 * set but always reported; warnings keep the feature.
 */
import type { Feature, Geometry, GeoJsonProperties, Position } from 'geojson';
import geojsonValidation from 'geojson-validation';
import { featureProblem, isErrorCode, quote } from './messages';
import { findSelfIntersection, type SelfIntersection } from './self-intersection';
import type { ImportProblem } from './types';

/** GeometryCollections nested deeper than this are refused. */
export const MAX_COLLECTION_DEPTH = 8;
/** At most this many problems are listed per feature (the first of each kind). */
const MAX_PROBLEMS_PER_FEATURE = 6;

const HTML_MARKUP = /<\s*(?:[a-z][a-z0-9-]*|!--|\/[a-z])[^>]*>/i;

export type FeatureId = string | number | undefined;

/** A feature that passed the structural checks; its coordinates are finite numbers. */
export type CheckedFeature = Feature<Geometry, GeoJsonProperties>;

const NO_PROBLEMS: ImportProblem[] = [];

/** What the walk over one feature found; allocated once per feature, so kept lean. */
export class FeatureReport {
  /** The feature, normalised, once the checks found no error; null until then or if they did. */
  feature: CheckedFeature | null = null;
  problems: ImportProblem[] = NO_PROBLEMS;
  hasError = false;
  vertices = 0;
  /** Extent of the numeric positions seen (source coordinates). */
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  constructor(
    readonly index: number,
    readonly id: FeatureId
  ) {}

  add(code: string, params: Record<string, string | number | undefined> = {}, path?: string) {
    if (
      this.problems.some((p) => p.code === code) ||
      this.problems.length >= MAX_PROBLEMS_PER_FEATURE
    ) {
      // Not listed again, but still decides whether the feature is usable.
      if (isErrorCode(code)) this.hasError = true;
      return;
    }
    if (this.problems === NO_PROBLEMS) this.problems = [];
    const problem = featureProblem(code, this.index, this.id, params, path);
    if (problem.severity === 'error') this.hasError = true;
    this.problems.push(problem);
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

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

function checkLine(value: unknown, path: string, report: FeatureReport): boolean {
  if (!checkPositions(value, path, report)) return false;
  if (value.length < 2) {
    report.add('line-too-short', { count: value.length }, path);
    return false;
  }
  return true;
}

function checkRing(value: unknown, ringNumber: number, path: string, report: FeatureReport) {
  if (!checkPositions(value, path, report)) return false;
  const first = value[0];
  const last = value[value.length - 1];
  if (value.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
    report.add('ring-not-closed', { ring: ringNumber }, path);
    return false;
  }
  if (value.length < 4) {
    report.add('ring-too-short', { ring: ringNumber, count: value.length }, path);
    return false;
  }
  return true;
}

function checkPolygon(value: unknown, path: string, report: FeatureReport): boolean {
  if (!Array.isArray(value)) {
    nesting(report, 'rings', value, path);
    return false;
  }
  if (value.length === 0) {
    report.add('empty-geometry', {}, path);
    return false;
  }
  let ok = true;
  for (let r = 0; r < value.length; r++) {
    if (!checkRing(value[r], r + 1, `${path}[${r}]`, report)) ok = false;
  }
  return ok;
}

function checkList(
  value: unknown,
  path: string,
  report: FeatureReport,
  expected: keyof typeof EXPECTED,
  item: (v: unknown, p: string) => boolean
): boolean {
  if (!Array.isArray(value)) {
    nesting(report, expected, value, path);
    return false;
  }
  if (value.length === 0) {
    report.add('empty-geometry', {}, path);
    return false;
  }
  let ok = true;
  for (let i = 0; i < value.length; i++) if (!item(value[i], `${path}[${i}]`)) ok = false;
  return ok;
}

function checkGeometry(geometry: unknown, path: string, depth: number, report: FeatureReport) {
  if (geometry === null || geometry === undefined) {
    report.add('empty-geometry', {}, path);
    return false;
  }
  if (typeof geometry !== 'object' || Array.isArray(geometry)) {
    report.add('unknown-geometry-type', { type: quote(geometry) }, path);
    return false;
  }
  const g = geometry as Record<string, unknown>;
  if (g.type === 'GeometryCollection') {
    if (depth >= MAX_COLLECTION_DEPTH) {
      report.add('too-deeply-nested', { max: MAX_COLLECTION_DEPTH }, path);
      return false;
    }
    const members = g.geometries;
    if (!Array.isArray(members)) {
      report.add('coordinates-missing', {}, `${path}.geometries`);
      return false;
    }
    if (members.length === 0) {
      report.add('empty-geometry', {}, `${path}.geometries`);
      return false;
    }
    let ok = true;
    for (let i = 0; i < members.length; i++) {
      if (!checkGeometry(members[i], `${path}.geometries[${i}]`, depth + 1, report)) ok = false;
    }
    return ok;
  }
  if (!('coordinates' in g)) {
    if (typeof g.type === 'string' && GEOMETRY_CHECKS[g.type]) {
      report.add('coordinates-missing', {}, path);
    } else {
      report.add('unknown-geometry-type', { type: quote(g.type) }, `${path}.type`);
    }
    return false;
  }
  const check = typeof g.type === 'string' ? GEOMETRY_CHECKS[g.type] : undefined;
  if (!check) {
    report.add('unknown-geometry-type', { type: quote(g.type) }, `${path}.type`);
    return false;
  }
  return check(g.coordinates, `${path}.coordinates`, report);
}

const GEOMETRY_CHECKS: Record<string, (c: unknown, path: string, r: FeatureReport) => boolean> = {
  Point: (c, path, r) => checkPosition(c, path, -1, r),
  MultiPoint: (c, path, r) =>
    checkList(c, path, r, 'positions', (v, p) => checkPosition(v, p, -1, r)),
  LineString: (c, path, r) => {
    if (Array.isArray(c) && c.length === 0) {
      r.add('empty-geometry', {}, path);
      return false;
    }
    return checkLine(c, path, r);
  },
  MultiLineString: (c, path, r) => checkList(c, path, r, 'lines', (v, p) => checkLine(v, p, r)),
  Polygon: (c, path, r) => checkPolygon(c, path, r),
  MultiPolygon: (c, path, r) => checkList(c, path, r, 'polygons', (v, p) => checkPolygon(v, p, r))
};

/*
 * geojson-validation walks every position again, which costs more than all our own checks on a
 * file of small parcels. Once our walk found no error, every position is an array of ≥ 2 finite
 * numbers, every line has ≥ 2 positions and every ring ≥ 4, closed in x and y; the library then
 * has nothing to say about coordinates except one thing our walk does not look at: a ring whose
 * first and last positions differ beyond x and y (`[1, 2, 0]` … `[1, 2, 5]`). So it is shown the
 * feature with each coordinates array replaced by a small stand-in that it judges the same way —
 * same nesting, same ring count and order, a ring that fails its closure test wherever the real
 * one does — and all other members as they are. Its findings, prefixes and order included, are
 * then those it would give for the real feature (tests/unit/import-validate-skeleton.test.ts
 * checks this on random features).
 */
const STAND_IN_POSITION = [0, 0];
const STAND_IN_POSITIONS = [
  [0, 0],
  [1, 1]
];
const STAND_IN_RING = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0]
];
/** A ring the library refuses as not closed, as it would refuse the real one. */
const STAND_IN_OPEN_RING = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0, 0]
];
const STAND_IN_POLYGON = [STAND_IN_RING];

/** Whether the library's `first.toString() === last.toString()` holds, for numeric positions. */
function closedInAllDimensions(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first.length !== last.length) return false;
  for (let k = 2; k < first.length; k++) if (first[k] !== last[k]) return false;
  return true; // x and y were compared by checkRing
}

function ringStandIns(rings: Position[][]): unknown[] {
  if (rings.length === 1 && closedInAllDimensions(rings[0])) return STAND_IN_POLYGON;
  return rings.map((ring) => (closedInAllDimensions(ring) ? STAND_IN_RING : STAND_IN_OPEN_RING));
}

function coordinateStandIn(type: unknown, coordinates: unknown): unknown {
  switch (type) {
    case 'Point':
      return STAND_IN_POSITION;
    case 'MultiPoint':
    case 'LineString':
      return STAND_IN_POSITIONS;
    case 'MultiLineString':
      return (coordinates as unknown[]).map(() => STAND_IN_POSITIONS);
    case 'Polygon':
      return ringStandIns(coordinates as Position[][]);
    case 'MultiPolygon':
      return (coordinates as Position[][][]).map(ringStandIns);
    default:
      return coordinates;
  }
}

/** The members of a geometry the library looks at, with coordinates replaced by stand-ins. */
function geometrySkeleton(geometry: Record<string, unknown>): Record<string, unknown> {
  const skeleton: Record<string, unknown> = {};
  if ('type' in geometry) skeleton.type = geometry.type;
  if ('bbox' in geometry) skeleton.bbox = geometry.bbox;
  if (geometry.type === 'GeometryCollection') {
    if ('geometries' in geometry) {
      skeleton.geometries = (geometry.geometries as Record<string, unknown>[]).map(
        geometrySkeleton
      );
    }
  } else if ('coordinates' in geometry) {
    skeleton.coordinates = coordinateStandIn(geometry.type, geometry.coordinates);
  }
  return skeleton;
}

/**
 * A short key naming the skeleton of a feature, when it has one worth remembering: no bbox
 * anywhere (a bbox's numbers would have to be part of the key) and no GeometryCollection.
 * Features with the same key get the same skeleton, hence the same verdict.
 */
function skeletonKey(feature: Record<string, unknown>): string | null {
  if ('bbox' in feature) return null;
  // Constant strings, not built per feature: building and hashing them would cost as much again.
  const keys = 'properties' in feature ? SKELETON_KEYS.withProperties : SKELETON_KEYS.without;
  if (!('geometry' in feature)) return keys.none;
  const geometry = feature.geometry as Record<string, unknown> | null;
  if (geometry === null) return keys.null;
  if ('bbox' in geometry) return null;
  switch (geometry.type) {
    case 'Point':
      return keys.point;
    case 'MultiPoint':
      return keys.multiPoint;
    case 'LineString':
      return keys.lineString;
    case 'Polygon': {
      const rings = geometry.coordinates as Position[][];
      return rings.length === 1 && closedInAllDimensions(rings[0]) ? keys.simplePolygon : null;
    }
    default:
      return null;
  }
}

const SKELETON_KEYS = {
  withProperties: {
    none: 'p|none',
    null: 'p|null',
    point: 'p|Point',
    multiPoint: 'p|MultiPoint',
    lineString: 'p|LineString',
    simplePolygon: 'p|Polygon'
  },
  without: {
    none: '-|none',
    null: '-|null',
    point: '-|Point',
    multiPoint: '-|MultiPoint',
    lineString: '-|LineString',
    simplePolygon: '-|Polygon'
  }
};

/** The library's verdict for each skeleton key (at most twelve keys, see SKELETON_KEYS). */
const findingsBySkeleton = new Map<string, string[]>();

/** geojson-validation's findings for a feature that passed our checks (see above). */
function specFindings(feature: Record<string, unknown>): string[] {
  const key = skeletonKey(feature);
  const known = key === null ? undefined : findingsBySkeleton.get(key);
  if (known) return known;
  let findings: string[];
  try {
    findings = geojsonValidation.isFeature(specSkeleton(feature), true) as string[];
  } catch (error) {
    findings = [String(error)];
  }
  if (key !== null) findingsBySkeleton.set(key, findings);
  return findings;
}

/**
 * What geojson-validation needs to see of a feature that passed our checks (see above).
 * Exported for the test that holds the library's verdict on it equal to its verdict on the
 * feature itself.
 */
export function specSkeleton(feature: Record<string, unknown>): Record<string, unknown> {
  const skeleton: Record<string, unknown> = {};
  if ('type' in feature) skeleton.type = feature.type;
  if ('bbox' in feature) skeleton.bbox = feature.bbox;
  if ('properties' in feature) skeleton.properties = feature.properties;
  if ('geometry' in feature) {
    const geometry = feature.geometry;
    skeleton.geometry =
      geometry === null ? null : geometrySkeleton(geometry as Record<string, unknown>);
  }
  return skeleton;
}

function idOf(candidate: Record<string, unknown>): FeatureId {
  const id = candidate.id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

export interface StructureResult {
  /** The feature, normalised (properties always an object), or null if it has an error. */
  feature: CheckedFeature | null;
  problems: ImportProblem[];
  vertices: number;
  /** [minX, minY, maxX, maxY] of the feature's positions, in the file's own numbers. */
  extent: [number, number, number, number] | null;
}

/**
 * Checks one candidate feature's structure and numbers.
 *
 * @example checkFeature({ type: 'Feature', properties: {}, geometry: { type: 'Point',
 *   coordinates: ['121.1', 41.1] } }, 0).problems[0].code // → 'non-numeric-coordinate'
 */
export function checkFeature(candidate: unknown, index: number): StructureResult {
  const report = inspectFeature(candidate, index);
  const feature = report.feature;
  return {
    feature,
    problems: report.problems,
    vertices: report.vertices,
    extent: feature ? [report.minX, report.minY, report.maxX, report.maxY] : null
  };
}

/**
 * checkFeature without the result object: the report itself, with the normalised feature on it
 * (`report.feature`, null if there is an error) and the extent in `minX`…`maxY`. For the import
 * loop, where 100 000 result objects and extent arrays would only feed the garbage collector.
 */
export function inspectFeature(candidate: unknown, index: number): FeatureReport {
  if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) {
    const report = new FeatureReport(index, undefined);
    report.add('not-a-feature', { type: kindOf(candidate) });
    return report;
  }
  const object = candidate as Record<string, unknown>;
  const report = new FeatureReport(index, idOf(object));
  if (object.type !== 'Feature') {
    report.add('not-a-feature', { type: quote(object.type ?? '(none)') });
    return report;
  }
  checkGeometry(object.geometry, 'geometry', 0, report);

  let properties: GeoJsonProperties = {};
  const raw = object.properties;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    properties = raw as Record<string, unknown>;
  } else if (raw !== null && raw !== undefined) {
    report.add('properties-not-object', { actual: kindOf(raw) }, 'properties');
  }
  // for…in rather than Object.entries: no array per feature (there may be 100 000).
  for (const field in properties) {
    if (!Object.hasOwn(properties, field)) continue;
    const value = properties[field];
    // Markup needs a '<'; looking for one first spares the regular expression most strings.
    if (typeof value === 'string' && value.includes('<') && HTML_MARKUP.test(value)) {
      report.add('html-in-text', { field }, `properties.${field}`);
      break;
    }
  }

  if (!report.hasError) {
    // The library's verdict is a second opinion: anything it finds that our checks let through
    // (missing "properties", a malformed bbox, …) is reported as a warning. It is shown a
    // skeleton of the feature (see specSkeleton) so it does not walk every position again.
    const findings = specFindings(object);
    if (findings.length) report.add('geojson-spec', { detail: findings.slice(0, 3).join('; ') });
  }

  if (report.hasError) return report;
  if (properties === raw && hasOnlyFeatureMembers(object)) {
    // Already in normal form: keeping the object spares 100 000 copies in a big file.
    report.feature = object as unknown as CheckedFeature;
    return report;
  }
  const feature: CheckedFeature = {
    type: 'Feature',
    geometry: object.geometry as Geometry,
    properties
  };
  if (object.id !== undefined) feature.id = object.id as string | number;
  if (object.bbox !== undefined) feature.bbox = object.bbox as Feature['bbox'];
  report.feature = feature;
  return report;
}

/**
 * True if the feature has no members but those the normal form keeps (type, id, properties,
 * geometry, bbox) and none of them is undefined — then the copy would hold exactly the same.
 */
function hasOnlyFeatureMembers(object: Record<string, unknown>): boolean {
  for (const key in object) {
    if (key === 'type' || key === 'properties' || key === 'geometry') continue;
    if ((key === 'id' || key === 'bbox') && object[key] !== undefined) continue;
    return false;
  }
  return true;
}

function polygonsOf(geometry: Geometry): Position[][][] {
  switch (geometry.type) {
    case 'Polygon':
      return [geometry.coordinates];
    case 'MultiPolygon':
      return geometry.coordinates;
    case 'GeometryCollection':
      return geometry.geometries.flatMap(polygonsOf);
    default:
      return [];
  }
}

function formatPosition(at: [number, number]): string {
  const digits = Math.abs(at[0]) > 1000 || Math.abs(at[1]) > 1000 ? 1 : 6;
  return `(${at[0].toFixed(digits)}, ${at[1].toFixed(digits)})`;
}

/** What checkTopology returns for the (usual) feature without problems: nothing to allocate. */
const NO_TOPOLOGY_PROBLEMS: readonly ImportProblem[] = Object.freeze([]);

/**
 * Geometry rules that need valid numbers: polygon boundaries must not cross themselves. Returns
 * the problems (errors for crossings, a warning if the check could not finish).
 */
export function checkTopology(feature: CheckedFeature, index: number): readonly ImportProblem[] {
  const geometry = feature.geometry;
  // A lone polygon, the common case, without building the list of polygons.
  if (geometry.type === 'Polygon') {
    const result = findSelfIntersection(geometry.coordinates);
    if (result.kind === 'none') return NO_TOPOLOGY_PROBLEMS;
    return [topologyProblem(result, index, feature.id)];
  }
  let problems: ImportProblem[] | null = null;
  const polygons = polygonsOf(geometry);
  for (let p = 0; p < polygons.length; p++) {
    const result = findSelfIntersection(polygons[p]);
    if (result.kind === 'none') continue;
    problems ??= [];
    problems.push(topologyProblem(result, index, feature.id));
    if (result.kind === 'found') break;
  }
  return problems ?? NO_TOPOLOGY_PROBLEMS;
}

function topologyProblem(
  result: Exclude<SelfIntersection, { kind: 'none' }>,
  index: number,
  id: FeatureId
): ImportProblem {
  if (result.kind === 'hole-outside') {
    return featureProblem('hole-outside-shell', index, id, { ring: result.ring });
  }
  return result.kind === 'found'
    ? featureProblem('self-intersection', index, id, { at: formatPosition(result.at) })
    : featureProblem('self-intersection-not-checked', index, id, { segments: result.segments });
}

/**
 * The box [west, south, east, north] around `bbox` (or nothing yet) and every position of
 * `geometry`, in the geometry's units. Mutates and returns `bbox` when one is given.
 */
export function extendBbox(
  bbox: [number, number, number, number] | null,
  geometry: Geometry
): [number, number, number, number] | null {
  let box = bbox;
  forEachPosition(geometry, ([x, y]) => {
    if (!box) box = [x, y, x, y];
    else {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  });
  return box;
}

/** Calls `visit` on every position of a geometry (valid structure assumed). */
export function forEachPosition(geometry: Geometry, visit: (position: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      for (const p of geometry.coordinates) visit(p);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) for (const p of line) visit(p);
      break;
    case 'MultiPolygon':
      for (const polygon of geometry.coordinates)
        for (const ring of polygon) for (const p of ring) visit(p);
      break;
    case 'GeometryCollection':
      for (const member of geometry.geometries) forEachPosition(member, visit);
      break;
  }
}

/**
 * The first position outside longitude ±180° / latitude ±90° (or not finite), or null.
 */
export function firstOutOfRange(geometry: Geometry): Position | null {
  let found: Position | null = null;
  forEachPosition(geometry, (p) => {
    if (found) return;
    const [lon, lat] = p;
    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) found = p;
  });
  return found;
}

export { formatPosition };
