/**
 * The reference layer 参考地标 / Landmarks: places the plan does not name but residents know
 * (stations, parks, squares, the zoo), so a reader can find their way on the map. Built from the
 * gazetteer's points (gazetteer-points.js); each says where its position comes from, how far the
 * place may reach from its point, and under which licence the position may be shown.
 */
import { LISTED, LISTING_SOURCE, OSM_SOURCE, OSM_STATIONS } from './gazetteer-points.js';

/** @typedef {import('./gazetteer-points.js').GazetteerPoint} GazetteerPoint */

const OSM = {
  source: OSM_SOURCE,
  licence: 'ODbL-1.0',
  attribution: '© OpenStreetMap contributors'
};
const LISTING = {
  source: LISTING_SOURCE,
  licence: 'none: a fact from public map listings, rounded to ~100 m',
  attribution: '公开地图检索结果（位置约数）/ public map listings (approximate)'
};

/**
 * @type {Array<{ id: string, name: string, nameEn: string, kind: string,
 *   point: GazetteerPoint, from: typeof OSM | typeof LISTING }>}
 */
const LANDMARKS = [
  { id: 'jinzhou-station', name: '锦州站', nameEn: 'Jinzhou Railway Station', kind: 'station', point: OSM_STATIONS.jinzhou, from: OSM },
  { id: 'jinzhou-south-station', name: '锦州南站', nameEn: 'Jinzhou South Railway Station', kind: 'station', point: OSM_STATIONS.jinzhouSouth, from: OSM },
  { id: 'jinzhou-north-station', name: '锦州北站', nameEn: 'Jinzhou North Railway Station', kind: 'station', point: OSM_STATIONS.jinzhouNorth, from: OSM },
  { id: 'shuangyangdian-station', name: '双羊店站', nameEn: 'Shuangyangdian Station', kind: 'station', point: OSM_STATIONS.shuangyangdian, from: OSM },
  { id: 'linghe-park', name: '凌河公园', nameEn: 'Linghe Park', kind: 'park', point: LISTED.lingheRiverPark, from: LISTING },
  { id: 'donghu-forest-park', name: '东湖森林公园', nameEn: 'Donghu Forest Park', kind: 'park', point: LISTED.donghuForestPark, from: LISTING },
  { id: 'yunfei-park', name: '云飞公园', nameEn: 'Yunfei Park', kind: 'park', point: LISTED.yunfeiPark, from: LISTING },
  { id: 'bayi-park', name: '八一公园', nameEn: 'Bayi Park', kind: 'park', point: LISTED.bayiPark, from: LISTING },
  { id: 'jinzhou-zoo', name: '锦州动物园', nameEn: 'Jinzhou Zoo', kind: 'zoo', point: LISTED.jinzhouZoo, from: LISTING },
  { id: 'xiyou-dream-valley', name: '西游梦幻谷', nameEn: 'Xiyou Dream Valley', kind: 'attraction', point: LISTED.xiyouValley, from: LISTING },
  { id: 'daoguang-square', name: '道光二五文化广场', nameEn: 'Daoguang Ershiwu Culture Square', kind: 'square', point: LISTED.daoguangSquare, from: LISTING },
  { id: 'red-integrity-square', name: '凌河区红色廉政主题广场', nameEn: 'Linghe Red Integrity Square', kind: 'square', point: LISTED.redIntegritySquare, from: LISTING },
  { id: 'zijingshan-beacon-tower', name: '明长城紫荆山烽火台遗址', nameEn: 'Ming Great Wall beacon tower on Zijingshan', kind: 'heritage', point: LISTED.zijingshanBeacon, from: LISTING },
  { id: 'xiaoling-temple', name: '小凌禅寺', nameEn: 'Xiaoling Chan Temple (凌海市)', kind: 'heritage', point: LISTED.xiaolingTemple, from: LISTING }
];

/** What the map itself needs of a landmark; the rest loads with its popup. */
export const MAP_PROPERTIES = ['id', 'name', 'nameEn', 'kind', 'uncertaintyM'];

/**
 * The landmarks as the first view carries them: points with only MAP_PROPERTIES (evidence,
 * source and licence are in the full file, which the popup loads).
 * @param {ReturnType<typeof buildLandmarks>} full
 */
export function mapLandmarks(full) {
  return {
    ...full,
    metadata: { ...full.metadata, of: 'geodata/reference/landmarks.geojson, map properties only' },
    features: full.features.map((feature) => ({
      ...feature,
      properties: Object.fromEntries(MAP_PROPERTIES.map((key) => [key, feature.properties[key]]))
    }))
  };
}

/**
 * The landmarks FeatureCollection.
 * @returns {{ type: 'FeatureCollection', metadata: object, features: any[] }}
 */
export function buildLandmarks() {
  return {
    type: 'FeatureCollection',
    metadata: {
      layer: 'landmarks',
      crs: 'WGS-84 longitude/latitude (RFC 7946)',
      generator: 'scripts/build-geodata.js (npm run geodata) from scripts/geodata/landmarks.js',
      contract: 'geodata/README.md; checked by src/lib/layers/landmarks-contract.ts'
    },
    features: LANDMARKS.map(({ id, name, nameEn, kind, point, from }) => ({
      type: 'Feature',
      properties: {
        id: `landmark-${id}`,
        name,
        nameEn,
        kind,
        uncertaintyM: point.uncertaintyM,
        evidence: point.evidence,
        source: from.source,
        licence: from.licence,
        attribution: from.attribution
      },
      geometry: { type: 'Point', coordinates: point.at }
    }))
  };
}
