/**
 * Points found for known places (/work/shared/research/gazetteer.md, "Positions found since"),
 * WGS-84 [lon, lat], kept apart by source because their licences differ:
 *
 * - OSM_STATIONS: railway stations from OpenStreetMap (ODbL 1.0), as redistributed by
 *   OpenQGIS/OMap-GeoDB (`oData-railway-station/Railway-station_oData.zip`, commit 29eeb63f, data
 *   date 2025-01-24). Shippable with "© OpenStreetMap contributors".
 * - LISTED: points that public place-search listings (AMap, Baidu) give, converted from
 *   GCJ-02 / BD-09 to WGS-84 and rounded to ~100 m (3 decimals). The listings carry no open
 *   licence: each point is used as a fact about where a public place is, never as a survey.
 *
 * `uncertaintyM` is how far the place may reach from its point: a station's or a square's point
 * ±100–150 m, a park's or a campus's from half its known extent. These are judgements from the
 * evidence the gazetteer gives, stated in each `evidence`.
 */

/**
 * @typedef {object} GazetteerPoint
 * @property {[number, number]} at [lon, lat], WGS-84
 * @property {number} uncertaintyM how far the place may reach from the point, metres
 * @property {string} evidence what the gazetteer says, in one phrase
 */

/** @type {Record<string, GazetteerPoint>} */
export const OSM_STATIONS = {
  jinzhou: {
    at: [121.13538, 41.12321],
    uncertaintyM: 150,
    evidence: 'the city’s main station (OSM railway=station)'
  },
  jinzhouSouth: {
    at: [121.12116, 41.0145],
    uncertaintyM: 150,
    evidence: 'high-speed line station, ~12 km south (OSM railway=station)'
  },
  jinzhouNorth: {
    at: [121.12142, 41.17925],
    uncertaintyM: 150,
    evidence: 'north of the city (OSM railway=station)'
  },
  shuangyangdian: {
    at: [121.26696, 41.11072],
    uncertaintyM: 150,
    evidence: 'east of the district, near 双羊 / 紫荆山 (OSM railway=station)'
  }
};

/** @type {Record<string, GazetteerPoint>} */
export const LISTED = {
  liaoshenMemorial: {
    at: [121.143, 41.128],
    uncertaintyM: 150,
    evidence:
      'entrances at 北京路五段1号 (烈士陵园) and 重庆路36号 (main entry) listed 100 m apart, 主体陈列馆 at 121.1435°E 41.1291°N'
  },
  zijingshanParkEntrance: {
    at: [121.218, 41.119],
    uncertaintyM: 800,
    evidence:
      'the park entrance listed on 大锦线; the park reaches up the hill to the 明长城紫荆山烽火台遗址 at 121.2255°E 41.1160°N, ~710 m away'
  },
  zijingshanBeacon: {
    at: [121.226, 41.116],
    uncertaintyM: 100,
    evidence: '明长城紫荆山烽火台遗址, 南广路, listed at 121.2255°E 41.1160°N'
  },
  xiaolingTemple: {
    at: [121.25, 41.123],
    uncertaintyM: 150,
    evidence: '小凌禅寺 “双羊村紫荆山上”, on the hilltop just over the line in 凌海市'
  },
  lingheRiverPark: {
    at: [121.138, 41.103],
    uncertaintyM: 800,
    evidence:
      'a 1.5 km strip on the north bank of 小凌河; a pavilion “中央大街与南京路交叉口南120米” at 121.1328°E 41.1043°N'
  },
  donghuForestPark: {
    at: [121.16, 41.099],
    uncertaintyM: 1100,
    evidence: '卫东街8号; the park spans ~121.145–121.170°E at 41.097–41.102°N'
  },
  jinzhouMedicalUniversity: {
    at: [121.137, 41.147],
    uncertaintyM: 500,
    evidence:
      'the campus point; 亮甲山遗址 “松坡路锦州医科大学内” is listed at 121.1416°E 41.1484°N, ~400 m away, so the campus is at least that large'
  },
  bohaiUniversitySongshan: {
    at: [121.108, 41.086],
    uncertaintyM: 600,
    evidence: '渤海大学松山校区, 科技路19号, 松山新区 (太和区), across 小凌河 from 凌河区'
  },
  jinzhouZoo: {
    at: [121.127, 41.136],
    uncertaintyM: 250,
    evidence: '石桥子街道人民街5段11号'
  },
  yunfeiPark: {
    at: [121.142, 41.114],
    uncertaintyM: 250,
    evidence: '“解放路与云飞街交叉口东北方向”'
  },
  bayiPark: {
    at: [121.168, 41.112],
    uncertaintyM: 250,
    evidence: 'its address is on 解放路'
  },
  xiyouValley: {
    at: [121.198, 41.116],
    uncertaintyM: 300,
    evidence: '“解放路与南广路交叉口东南200米” (medium-low confidence)'
  },
  daoguangSquare: {
    at: [121.139, 41.103],
    uncertaintyM: 150,
    evidence: '中央大街96号'
  },
  redIntegritySquare: {
    at: [121.134, 41.14],
    uncertaintyM: 150,
    evidence: '“北宁路与安达街交叉口西100米”'
  }
};

/**
 * Street crossings the listings imply (a listed place's distance and direction from a junction,
 * walked back), for the derived streets.
 */
export const JUNCTIONS = {
  /** 云飞公园 lies north-east of 解放路 × 云飞街: the junction ~100 m south-west of it. */
  jiefangYunfei: /** @type {[number, number]} */ ([121.141, 41.113]),
  /** 西游梦幻谷 lies 200 m south-east of 解放路 × 南广路: the junction ~200 m north-west of it. */
  jiefangNanguang: /** @type {[number, number]} */ ([121.196, 41.117])
};

/**
 * 中央大街 south of 41.105°N: the listings put it at 121.133 (凌河公园's pavilion, 120 m south
 * of its crossing with 南京路) and 121.139 (中央大街96号); their mean, ±300 m.
 */
export const ZHONGYANG_STREET_LON = 121.136;

/** Public-listing source text, for `source` fields. */
export const LISTING_SOURCE =
  'public place-search listings (AMap, Baidu) published in public repositories, GCJ-02/BD-09 → WGS-84, rounded to ~100 m; a fact about a public place, not a survey (gazetteer, “Positions found since”)';

/** OpenStreetMap source text, for `source` fields. */
export const OSM_SOURCE =
  'OpenStreetMap (ODbL 1.0) via OpenQGIS/OMap-GeoDB oData-railway-station, commit 29eeb63f, data date 2025-01-24';
