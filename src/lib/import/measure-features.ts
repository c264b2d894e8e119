/** Area and length of the imported features, in the plan's units (CGCS2000 ellipsoid, geodesic). */
import type { Geometry } from 'geojson';
import { ellipsoidalArea } from '../geo/area.js';
import { isAreal, isLinear } from '../geo/audit-rules.js';
import { geodesicLength } from '../geo/length.js';
import type { FeatureMeasurement, LayerSummary } from './types';

export function measureGeometry(geometry: Geometry): FeatureMeasurement {
  return {
    areaM2: isAreal(geometry) ? ellipsoidalArea(geometry) : null,
    lengthM: isLinear(geometry) ? geodesicLength(geometry) : null
  };
}

/**
 * Counts a usable feature into `summary` from its measurement alone, as summarizeImport
 * (user-layers.ts) counts it from its geometry: a geometry with polygons has an area, one with
 * lines (and no polygons) a length, any other is a point.
 */
export function addToSummary(summary: LayerSummary, { areaM2, lengthM }: FeatureMeasurement): void {
  if (areaM2 !== null) {
    summary.polygonCount++;
    summary.areaM2 += areaM2;
  } else if (lengthM !== null) {
    summary.lineCount++;
    summary.lengthM += lengthM;
  } else summary.pointCount++;
}
