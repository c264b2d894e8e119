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

/**
 * How deep each simple type nests its positions in `coordinates`: 0 a position, 1 a list of
 * positions, 2 lists of them, 3 lists of those.
 * @example POSITION_DEPTH.Polygon // 2
 * @type {Readonly<Record<string, number>>}
 */
export const POSITION_DEPTH = Object.freeze({
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3
});
