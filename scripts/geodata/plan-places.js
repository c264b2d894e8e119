/**
 * The positions the plan layers can honestly use, all derived from the context layer (the
 * 凌河区 polygon and its shared borders) plus a few drafting constants, each explained here.
 */
import { LINGHE_ADCODE } from './jinzhou-context.js';
import { bandAround, clipPolygon, sharedBorder, squareOfArea } from './shapes.js';
import { roundCoordinate } from './geojson-io.js';
import { JUNCTIONS, ZHONGYANG_STREET_LON } from './gazetteer-points.js';

/** @typedef {[number, number]} Position */

/** GB/T 2260 codes of the neighbours whose borders are used. */
const GUTA_ADCODE = '210702';
const TAIHE_ADCODE = '210711';
const LINGHAI_ADCODE = '210781';

/**
 * Drafting choice, not a plan boundary: the meridian through the middle of the district's
 * bounding box (121.125–121.251 °E). The plan puts 一区, 三园 and 一带 in the east
 * (“依托紫荆山和小凌河、百股河”, “城区东部新景观带”), so the main city is drawn west of it.
 */
export const EAST_WEST_DIVIDE_LON = 121.19;

/** Douglas–Peucker tolerance for derived shapes: ~70–90 m, below the source's ~100 m steps. */
const COARSE = 0.0008;

/**
 * @param {{ features: Array<{ properties: { adcode: string | null }, geometry: any }> }} context
 *   the context FeatureCollection built by jinzhou-context.js
 */
export function planPlaces(context) {
  /** @param {string} adcode */
  const district = (adcode) => {
    const feature = context.features.find((f) => f.properties.adcode === adcode);
    if (!feature) throw new Error(`context layer has no district ${adcode}`);
    return feature;
  };
  const linghe = district(LINGHE_ADCODE);
  /** @type {Position[]} */
  const lingheRing = linghe.geometry.coordinates[0];
  /** `lon,lat` keys of every vertex of a district. @param {string} adcode */
  const verticesOf = (adcode) => {
    const { type, coordinates } = district(adcode).geometry;
    /** @type {Position[]} */
    const positions = type === 'Polygon' ? coordinates.flat(1) : coordinates.flat(2);
    return new Set(positions.map((p) => p.join(',')));
  };

  // 小凌河: the border with 太和区 along the district's south (north bank = 凌河区, gazetteer),
  // from the 古塔/太和 corner east to where the 太和 border ends near 121.223 °E.
  const xiaolingRiver = sharedBorder(
    lingheRing,
    verticesOf(TAIHE_ADCODE),
    ([lon, lat]) => lat < 41.117 && lon > 121.1335,
    COARSE
  );

  // The straight north–south border with 古塔区 from the river up to 41.1205 °N, where the
  // border jogs 800 m west: the proxy 中央大街 was drawn on before the listings placed it.
  const gutaBorder = sharedBorder(
    lingheRing,
    verticesOf(GUTA_ADCODE),
    ([, lat]) => lat < 41.1205,
    COARSE
  );

  // The short south-east border with 凌海市, from the end of the 太和 border to the east tip.
  const linghaiBorder = sharedBorder(
    lingheRing,
    verticesOf(LINGHAI_ADCODE),
    ([lon]) => lon > 121.223,
    COARSE
  );

  /** The district's easternmost vertex, where the 紫荆山 hilltop (小凌禅寺) is. */
  const eastTip = lingheRing.reduce((a, b) => (b[0] > a[0] ? b : a));

  // 中央大街: the meridian the listings put it on (gazetteer), from where it meets the derived
  // 小凌河 north over the same stretch as the old border proxy (to 41.120 °N).
  const riverAtStreet = latitudeOnLine(xiaolingRiver.coordinates, ZHONGYANG_STREET_LON);
  /** @type {{ type: 'LineString', coordinates: Position[] }} */
  const zhongyangStreet = {
    type: 'LineString',
    coordinates: [
      [ZHONGYANG_STREET_LON, roundCoordinate(riverAtStreet, 4)],
      [ZHONGYANG_STREET_LON, 41.12]
    ]
  };

  // 解放路: from 中央大街 (the “T”) east through the junctions the listings imply and 八一公园,
  // whose address is on it, to its crossing with 南广路.
  /** @type {{ type: 'LineString', coordinates: Position[] }} */
  const jiefangRoad = {
    type: 'LineString',
    coordinates: [
      [ZHONGYANG_STREET_LON, JUNCTIONS.jiefangYunfei[1]],
      JUNCTIONS.jiefangYunfei,
      [121.168, 41.112],
      JUNCTIONS.jiefangNanguang
    ]
  };

  const lingheFeature = /** @type {import('geojson').Feature<import('geojson').Polygon>} */ ({
    type: 'Feature',
    properties: {},
    geometry: linghe.geometry
  });

  return {
    xiaolingRiver,
    zhongyangStreet,
    gutaBorder,
    jiefangRoad,
    eastTip,
    /** The district west of the divide (the main city). */
    westPart: () => clipPolygon(lingheFeature, [121, 41, EAST_WEST_DIVIDE_LON, 42], COARSE),
    /** The district east of the divide. */
    eastPart: () => clipPolygon(lingheFeature, [EAST_WEST_DIVIDE_LON, 41, 122, 42], COARSE),
    /** @param {[number, number, number, number]} box */
    part: (box) => clipPolygon(lingheFeature, box, COARSE),
    /** @param {Position} centre @param {number} area m² */
    square: (centre, area) => squareOfArea(centre, area),
    /**
     * The east landscape belt: a 300 m band along 小凌河 east of 121.18 °E, then along the
     * south-east border to the district's east end (紫荆山).
     */
    eastBelt: () =>
      bandAround(
        [
          ...xiaolingRiver.coordinates.filter(([lon]) => lon > 121.18),
          ...linghaiBorder.coordinates
        ],
        300,
        COARSE
      )
  };
}

/**
 * The latitude where a line running west–east crosses a meridian, by linear interpolation.
 * @param {Position[]} line
 * @param {number} lon
 * @returns {number}
 */
function latitudeOnLine(line, lon) {
  for (let i = 1; i < line.length; i++) {
    const [[x0, y0], [x1, y1]] = [line[i - 1], line[i]];
    if ((x0 - lon) * (x1 - lon) <= 0 && x0 !== x1) return y0 + ((lon - x0) / (x1 - x0)) * (y1 - y0);
  }
  throw new Error(`line does not cross ${lon}°E`);
}
