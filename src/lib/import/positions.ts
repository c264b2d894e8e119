/**
 * Walking the positions of a geometry whose structure was checked (validate.ts): its box and
 * the first position outside longitude/latitude range.
 */
import type { Geometry, Position } from 'geojson';

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
