/** The GeoJSON geometry types of RFC 7946 §3.1, without and with GeometryCollection. */

/** @type {ReadonlySet<string>} */
export const SIMPLE_GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon'
]);

/** @type {ReadonlySet<string>} */
export const GEOMETRY_TYPES = new Set([...SIMPLE_GEOMETRY_TYPES, 'GeometryCollection']);
