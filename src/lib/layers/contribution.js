/**
 * Data contributions: a position for a plan feature that nobody had located, placed by a user
 * ("在地图上标注 / Place on the map") and exported as a GeoJSON file in this contract
 * ("导出为数据贡献"). A maintainer drops the file into geodata/contributed/; `npm run geodata`
 * validates it here and merges it, keeping its basis and source. Plain JavaScript with JSDoc so
 * the app (which writes the file) and the build script (which reads it) share one rule.
 */

import { booleanPointInPolygon, feature as turfFeature } from '@turf/turf';

/** The format tag in a contribution file's `metadata`. */
export const CONTRIBUTION_FORMAT = 'linghe-plan-map/contribution@1';

/** Who placed a contributed position, for popups and `source`. */
export const CONTRIBUTED_BY_USER = '由用户标注，非官方数据 / placed by a user, not official data';

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon'
]);

/**
 * @typedef {object} ContributionProblem
 * @property {string} file
 * @property {number | null} featureIndex 1-based
 * @property {string | null} featureId
 * @property {string | null} field
 * @property {string} message
 * @property {string} messageZh
 */

/**
 * @typedef {object} ContributionRules
 * @property {ReadonlySet<string>} knownIds ids of the plan features
 * @property {ReadonlySet<string>} [unlocatedIds] ids of those with no position (a contribution
 *   places only these); when absent, any known id may be placed
 * @property {(position: [number, number]) => boolean} inJinzhou whether a [lon, lat] lies in 锦州市
 */

/**
 * The `inJinzhou` rule of ContributionRules: whether a [lon, lat] lies in one of 锦州's districts
 * (geodata/context/jinzhou-districts.geojson), for the build and the app alike.
 * @param {{ features: Array<{ geometry: any }> }} districts the context layer
 * @returns {ContributionRules['inJinzhou']}
 */
export function inDistricts(districts) {
  const polygons = districts.features.map((f) => turfFeature(f.geometry));
  return (position) => polygons.some((polygon) => booleanPointInPolygon(position, polygon));
}

/**
 * A contribution file for one placed feature, in the contract below.
 * @param {{ id: string, name: string }} feature the plan feature
 * @param {import('geojson').Geometry} geometry WGS-84, as placed
 * @param {string} note where the knowledge comes from, in the user's words
 * @param {string} placedAt ISO time
 * @example makeContribution({ id: 'baigu-village', name: '百股村' }, point, '村委会门牌，本人核实', now)
 */
export function makeContribution(feature, geometry, note, placedAt) {
  return {
    type: 'FeatureCollection',
    metadata: { format: CONTRIBUTION_FORMAT, exportedAt: placedAt },
    features: [
      {
        type: 'Feature',
        properties: {
          id: feature.id,
          name: feature.name,
          locationBasis: note.trim(),
          source: CONTRIBUTED_BY_USER,
          placedAt
        },
        geometry
      }
    ]
  };
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first position of a geometry that is not a [lon, lat] inside 锦州, as [path, en, zh].
 * @param {unknown} coordinates
 * @param {string} path
 * @param {ContributionRules['inJinzhou']} inJinzhou
 * @returns {[string, string, string] | null}
 */
function positionProblem(coordinates, path, inJinzhou) {
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return [path, 'has no positions', '没有坐标'];
  }
  if (typeof coordinates[0] === 'number') {
    const [lon, lat] = coordinates;
    if (typeof lon !== 'number' || typeof lat !== 'number' || !isFinite(lon) || !isFinite(lat)) {
      return [path, 'is not a [lon, lat] position', '不是 [经度, 纬度] 坐标点'];
    }
    if (!inJinzhou([lon, lat])) {
      return [
        path,
        `[${lon}, ${lat}] is outside 锦州 (WGS-84 lon, lat expected)`,
        `[${lon}, ${lat}] 不在锦州市范围内（应为 WGS-84 经度、纬度）`
      ];
    }
    return null;
  }
  for (const [i, child] of coordinates.entries()) {
    const problem = positionProblem(child, `${path}[${i}]`, inJinzhou);
    if (problem) return problem;
  }
  return null;
}

/**
 * The problems of one feature of a contribution, as [field, en, zh].
 * @param {unknown} feature
 * @param {ContributionRules} rules
 * @returns {[string | null, string, string][]}
 */
function featureProblems(feature, rules) {
  if (!isRecord(feature) || feature.type !== 'Feature' || !isRecord(feature.properties)) {
    return [
      [null, 'is not a GeoJSON Feature with properties', '不是带 properties 的 GeoJSON 要素']
    ];
  }
  const { id, locationBasis, source } = feature.properties;
  /** @type {[string | null, string, string][]} */
  const problems = [];
  if (typeof id !== 'string' || !rules.knownIds.has(id)) {
    problems.push([
      'id',
      `id ${JSON.stringify(id)} is not a plan feature`,
      `id ${JSON.stringify(id)} 不是规划要素`
    ]);
  } else if (rules.unlocatedIds && !rules.unlocatedIds.has(id)) {
    problems.push([
      'id',
      `"${id}" already has a position; a contribution places only features nobody has located`,
      `"${id}" 已有位置；数据贡献只为尚无位置的要素标注`
    ]);
  }
  if (typeof locationBasis !== 'string' || locationBasis.trim() === '') {
    problems.push([
      'locationBasis',
      'locationBasis is missing: say where the position comes from',
      '缺少 locationBasis：请说明位置的来源'
    ]);
  }
  if (typeof source !== 'string' || source.trim() === '') {
    problems.push(['source', 'source is missing', '缺少 source']);
  }
  const geometry = feature.geometry;
  if (!isRecord(geometry) || !GEOMETRY_TYPES.has(String(geometry.type))) {
    problems.push([
      'geometry',
      'geometry must be a Point, LineString or Polygon (or Multi…)',
      'geometry 应为点、线或面'
    ]);
  } else {
    const problem = positionProblem(geometry.coordinates, 'geometry.coordinates', rules.inJinzhou);
    if (problem)
      problems.push([problem[0], `${problem[0]} ${problem[1]}`, `${problem[0]} ${problem[2]}`]);
  }
  return problems;
}

/**
 * Every problem of one contribution file; an empty list means it can be merged.
 * @param {string} file file name, for the messages
 * @param {unknown} json the parsed file
 * @param {ContributionRules} rules
 * @returns {ContributionProblem[]}
 * @example validateContribution('baigu-village.geojson', json, { knownIds, inJinzhou }) // []
 */
export function validateContribution(file, json, rules) {
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    return [
      {
        file,
        featureIndex: null,
        featureId: null,
        field: 'type',
        message: `${file}: is not a GeoJSON FeatureCollection`,
        messageZh: `${file}：不是 GeoJSON FeatureCollection`
      }
    ];
  }
  /** @type {Set<string>} */
  const seen = new Set();
  return json.features.flatMap((feature, i) => {
    const index = i + 1;
    const id =
      isRecord(feature) && isRecord(feature.properties) && typeof feature.properties.id === 'string'
        ? feature.properties.id
        : null;
    const problems = featureProblems(feature, rules);
    if (id && seen.has(id)) {
      problems.push(['id', `id "${id}" is placed twice`, `id "${id}" 重复标注`]);
    }
    if (id) seen.add(id);
    const idPart = id ? ` (${id})` : '';
    return problems.map(([field, en, zh]) => ({
      file,
      featureIndex: index,
      featureId: id,
      field,
      message: `${file}: feature #${index}${idPart}: ${en}`,
      messageZh: `${file}：第 ${index} 个要素${idPart}：${zh}`
    }));
  });
}
