/**
 * The contract of the reference layer 参考地标 / Landmarks (geodata/reference/landmarks.geojson):
 * labelled points for places the plan does not name, each with where its position comes from,
 * how far the place may reach from its point, and the licence under which it may be shown. Each
 * problem names the file, the feature (1-based index and id) and the field, in English and Chinese.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { MAX_UNCERTAINTY_M } from './types';

export const LANDMARK_KINDS = [
  'station',
  'park',
  'square',
  'zoo',
  'heritage',
  'attraction',
  'campus'
] as const;
export type LandmarkKind = (typeof LANDMARK_KINDS)[number];

export interface LandmarkProperties {
  /** `landmark-…`, so it never collides with a plan feature's id. */
  id: string;
  name: string;
  nameEn: string;
  kind: LandmarkKind;
  /** How far the place may reach from its point, metres. */
  uncertaintyM: number;
  /** What the gazetteer says about the place, in one phrase. */
  evidence: string;
  source: string;
  /** e.g. `ODbL-1.0`, or why none applies. */
  licence: string;
  /** The credit line shown with it, e.g. `© OpenStreetMap contributors`. */
  attribution: string;
}

export type Landmark = Feature<Point, LandmarkProperties>;
export type LandmarkCollection = FeatureCollection<Point, LandmarkProperties>;

export interface LandmarkProblem {
  file: string;
  featureIndex: number | null;
  featureId: string | null;
  field: string | null;
  message: string;
  messageZh: string;
}

const TEXT_FIELDS = ['name', 'nameEn', 'evidence', 'source', 'licence', 'attribution'] as const;
const ID_PATTERN = /^landmark-[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The problems of one feature, as [field, English, Chinese]. */
function featureProblems(feature: unknown): [string | null, string, string][] {
  if (!isRecord(feature) || feature.type !== 'Feature' || !isRecord(feature.properties)) {
    return [
      [null, 'is not a GeoJSON Feature with properties', '不是带 properties 的 GeoJSON 要素']
    ];
  }
  const p = feature.properties;
  const problems: [string | null, string, string][] = [];
  if (typeof p.id !== 'string' || !ID_PATTERN.test(p.id)) {
    problems.push([
      'id',
      'id must look like "landmark-jinzhou-station"',
      'id 应形如 "landmark-jinzhou-station"'
    ]);
  }
  for (const field of TEXT_FIELDS) {
    if (typeof p[field] !== 'string' || (p[field] as string).trim() === '') {
      problems.push([field, `${field} must be a non-empty string`, `${field} 应为非空字符串`]);
    }
  }
  if (!(LANDMARK_KINDS as readonly unknown[]).includes(p.kind)) {
    problems.push([
      'kind',
      `kind must be one of ${LANDMARK_KINDS.join(', ')}`,
      `kind 应为 ${LANDMARK_KINDS.join('、')} 之一`
    ]);
  }
  const u = p.uncertaintyM;
  if (typeof u !== 'number' || !Number.isFinite(u) || u <= 0 || u > MAX_UNCERTAINTY_M) {
    problems.push([
      'uncertaintyM',
      `uncertaintyM must be metres above 0 and at most ${MAX_UNCERTAINTY_M}`,
      `uncertaintyM 应为大于 0、不超过 ${MAX_UNCERTAINTY_M} 的米数`
    ]);
  }
  const geometry = feature.geometry;
  const coordinates = isRecord(geometry) ? geometry.coordinates : null;
  const [lon, lat] = Array.isArray(coordinates) ? coordinates : [];
  if (
    !isRecord(geometry) ||
    geometry.type !== 'Point' ||
    typeof lon !== 'number' ||
    typeof lat !== 'number' ||
    Math.abs(lon) > 180 ||
    Math.abs(lat) > 90
  ) {
    problems.push([
      'geometry',
      'geometry must be a Point [lon, lat] in WGS-84',
      'geometry 应为 WGS-84 的点 [经度, 纬度]'
    ]);
  }
  if (/openstreetmap|ODbL/i.test(`${p.source} ${p.licence}`)) {
    if (p.attribution !== '© OpenStreetMap contributors') {
      problems.push([
        'attribution',
        'OpenStreetMap data needs the attribution "© OpenStreetMap contributors"',
        'OpenStreetMap 数据须署名 "© OpenStreetMap contributors"'
      ]);
    }
  }
  return problems;
}

/**
 * Every problem of the landmarks file; an empty list means it is fine.
 * @example validateLandmarkFile('landmarks.geojson', landmarks) // []
 */
export function validateLandmarkFile(file: string, json: unknown): LandmarkProblem[] {
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
  const seen = new Set<string>();
  return json.features.flatMap((feature, i) => {
    const index = i + 1;
    const id =
      isRecord(feature) && isRecord(feature.properties) && typeof feature.properties.id === 'string'
        ? feature.properties.id
        : null;
    const problems = featureProblems(feature);
    if (id && seen.has(id)) problems.push(['id', `id "${id}" is used twice`, `id "${id}" 重复`]);
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
