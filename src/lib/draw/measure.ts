/**
 * What a drawing measures, in the units the plan writes: a polygon's area on the CGCS2000
 * ellipsoid in 亩, 公顷 and 平方公里, a line's geodesic length in 米 and 公里. Used live while the
 * user draws or edits, and for the list of saved drawings.
 */
import type { Geometry } from 'geojson';
import { ellipsoidalArea } from '$lib/geo/area.js';
import { geodesicLength } from '$lib/geo/length.js';
import { areaTexts, formatAreaAll, formatLength } from '$lib/geo/units.js';
import type { Bilingual } from '$lib/i18n/types';

export type DrawingMeasurement =
  | {
      quantity: 'area';
      /** m² on the CGCS2000 ellipsoid */
      squareMetres: number;
      mu: string;
      hectares: string;
      squareKilometres: string;
    }
  | {
      quantity: 'length';
      /** geodesic length in m */
      metres: number;
      inMetres: string;
      inKilometres: string;
    };

/**
 * Measures a drawn polygon (area) or line (length); null for anything else (points, or a
 * geometry too short to measure yet — a line with fewer than two positions).
 *
 * A polygon still being drawn counts as closed through the pointer, as terra-draw stores it.
 *
 * @example
 * measureDrawing({ type: 'Polygon', coordinates: [[[121.2, 41.1], [121.21, 41.1],
 *   [121.21, 41.11], [121.2, 41.11], [121.2, 41.1]]] })
 * // { quantity: 'area', squareMetres: ≈ 932 887, mu: '1399亩', hectares: '93.3公顷',
 * //   squareKilometres: '0.933平方公里' }
 * @example
 * measureDrawing({ type: 'LineString', coordinates: [[121.2, 41.1], [121.21, 41.1]] })
 * // { quantity: 'length', metres: ≈ 840.08, inMetres: '840米', inKilometres: '0.84公里' }
 */
export function measureDrawing(geometry: Geometry | null | undefined): DrawingMeasurement | null {
  if (!geometry) return null;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    // ellipsoidalArea ignores orientation, so clicking clockwise or not gives the same area.
    const squareMetres = ellipsoidalArea(geometry);
    return { quantity: 'area', squareMetres, ...formatAreaAll(squareMetres) };
  }
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    if (geometry.type === 'LineString' && geometry.coordinates.length < 2) return null;
    const metres = geodesicLength(geometry);
    return {
      quantity: 'length',
      metres,
      inMetres: formatLength(metres, '米'),
      inKilometres: formatLength(metres, '公里')
    };
  }
  return null;
}

/**
 * One line of text for a measurement in both spellings, for the UI to show one: e.g.
 * `835亩 · 55.7公顷 · 0.557平方公里` / `835 mu · 55.7 ha · 0.557 km²`, or `1800米 · 1.8公里` /
 * `1800 m · 1.8 km`.
 * @example measurementText(measureDrawing(line)).zh // '840米 · 0.84公里'
 */
export function measurementText(measurement: DrawingMeasurement): Bilingual {
  if (measurement.quantity === 'area') return areaTexts(measurement.squareMetres);
  const line = (latin: boolean) =>
    `${formatLength(measurement.metres, '米', { latin })} · ${formatLength(measurement.metres, '公里', { latin })}`;
  return { zh: line(false), en: line(true) };
}
