/**
 * Geometry rules that need valid numbers (validate.ts, last step): polygon boundaries must not
 * cross themselves and holes must lie inside their shell.
 */
import type { Geometry, Position } from 'geojson';
import type { CheckedFeature, FeatureId } from './feature-report';
import { featureProblem } from './messages';
import { findSelfIntersection, type SelfIntersection } from './self-intersection';
import type { ImportProblem } from './types';

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

export function formatPosition(at: [number, number]): string {
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
