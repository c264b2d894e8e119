/**
 * The reference ellipsoid every measurement in this project uses: CGCS2000 (China Geodetic
 * Coordinate System 2000), the datum of China's land surveys. Its ellipsoid differs from WGS-84's
 * only in the 11th digit of the flattening, so lon/lat from a GPS or a WGS-84 GeoJSON can be
 * measured on it directly (the two frames agree to a few centimetres).
 */
import geographiclibModule from 'geographiclib-geodesic';

/** @typedef {InstanceType<typeof import('geographiclib-geodesic').Geodesic.Geodesic>} GeodesicSolver */

/**
 * geographiclib-geodesic is CommonJS: Node only offers its `module.exports` as the default export,
 * while its bundled typings declare named exports. This cast joins the two views.
 * @type {typeof import('geographiclib-geodesic')}
 */
const geographiclib = /** @type {any} */ (geographiclibModule);

/** Semi-major axis of CGCS2000, metres. */
export const CGCS2000_A = 6378137;

/** Flattening of CGCS2000 (1/298.257222101, the same as GRS 80). */
export const CGCS2000_F = 1 / 298.257222101;

/** @type {GeodesicSolver | undefined} */
let solver;

/**
 * GeographicLib's geodesic solver on the CGCS2000 ellipsoid (created once, on first use).
 * @returns {GeodesicSolver}
 * @example cgcs2000Geodesic().Inverse(41.1, 121.1, 41.2, 121.2).s12 // ≈ 13 921.3 m
 */
export function cgcs2000Geodesic() {
  solver ??= new geographiclib.Geodesic.Geodesic(CGCS2000_A, CGCS2000_F);
  return solver;
}

/** GeographicLib's bit mask asking Inverse for the distance only (skips azimuths and area). */
export const DISTANCE_ONLY = geographiclib.Geodesic.DISTANCE;
