/**
 * Checks candidate features one by one and says, for each problem, which feature, where inside it
 * and why — in Chinese and English. Structure and numbers first (geometry-checks.ts), then the
 * feature's own members and properties (here), then the geojson-validation library as a second
 * opinion (spec-skeleton.ts); geometry rules that need valid numbers — self-intersection
 * (topology.ts), coordinate range (positions.ts) — come after. A feature with an error is left out
 * of the usable set but always reported; warnings keep the feature. The rest of the app imports
 * all of these from here.
 */
import type { Feature, Geometry } from 'geojson';
import { FeatureReport, kindOf, type CheckedFeature, type FeatureId } from './feature-report';
import { checkGeometry } from './geometry-checks';
import { quote } from './messages';
import { specFindings } from './spec-skeleton';
import type { ImportProblem } from './types';

export { FeatureReport, type CheckedFeature, type FeatureId } from './feature-report';
export { MAX_COLLECTION_DEPTH } from './geometry-checks';
export { specSkeleton } from './spec-skeleton';
export { checkTopology, formatPosition } from './topology';
export { extendBbox, firstOutOfRange, forEachPosition } from './positions';

const HTML_MARKUP = /<\s*(?:[a-z][a-z0-9-]*|!--|\/[a-z])[^>]*>/i;

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

  const properties = checkProperties(object.properties, report);

  if (!report.hasError) {
    // The library's verdict is a second opinion: anything it finds that our checks let through
    // (missing "properties", a malformed bbox, …) is reported as a warning. It is shown a
    // skeleton of the feature (see specSkeleton) so it does not walk every position again.
    const findings = specFindings(object);
    if (findings.length) report.add('geojson-spec', { detail: findings.slice(0, 3).join('; ') });
  }

  if (report.hasError) return report;
  if (properties === object.properties && hasOnlyFeatureMembers(object)) {
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
 * The feature's properties as an object ({} when absent or null), reporting a member that is not
 * an object and the first text field that holds HTML markup.
 */
function checkProperties(raw: unknown, report: FeatureReport): Record<string, unknown> {
  let properties: Record<string, unknown> = {};
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
  return properties;
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
