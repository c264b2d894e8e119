/** Style filters by geometry type, shared by every style module (Multi* types count as their kind). */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

function geometryTypeIn(types: string[]): ExpressionSpecification {
  return ['match', ['geometry-type'], types, true, false];
}

export const isPolygon = geometryTypeIn(['Polygon', 'MultiPolygon']);
export const isLine = geometryTypeIn(['LineString', 'MultiLineString']);
export const isPoint = geometryTypeIn(['Point', 'MultiPoint']);
