/**
 * Coordinate reference systems a planner's file may come in, and their conversion to the
 * WGS-84 longitude/latitude the map and the measuring engine use:
 *
 * - `wgs84` — GPS, OpenStreetMap, GeoJSON by default (EPSG:4326);
 * - `cgcs2000` — China's geodetic datum (EPSG:4490); treated as WGS-84, the frames agree to a few
 *   centimetres, far below 1 m;
 * - `gcj02` — the offset "Mars" coordinates of AMap/Tencent maps, and `bd09`, Baidu's further offset
 *   (converted with gcoord, to ~0.1 m);
 * - `EPSG:4513`…`EPSG:4533` — CGCS2000 3-degree Gauss-Krüger zones 25–45, easting with the zone
 *   number in front (zone 40, central meridian 120°E, is EPSG:4528: x = 40 500 000 m on the CM);
 * - `EPSG:4534`…`EPSG:4554` — the same projections without the prefix (CM 75°E…135°E; CM 120°E is
 *   EPSG:4549: x = 500 000 m on the CM). 凌河区 (≈121.2°E) lies in zone 40 / CM 120°E.
 */
import gcoord from 'gcoord';
import proj4 from 'proj4';

/** @typedef {import('geojson').Position} Position */
/** @typedef {import('geojson').Geometry} Geometry */
/** @typedef {'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09' | `EPSG:${number}`} Crs */

/**
 * A Gauss-Krüger zone of CGCS2000.
 * @typedef {object} GaussKrugerZone
 * @property {string} code e.g. 'EPSG:4528'
 * @property {number} centralMeridian degrees east
 * @property {number} falseEasting metres (zone × 1 000 000 + 500 000 with the prefix)
 * @property {number | null} zonePrefix the zone number in front of the easting, or null
 */

/** Bad CRS name, or coordinates that do not fit the CRS; the message names both. */
export class CrsError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'CrsError';
  }
}

const FIRST_PREFIXED_CODE = 4513; // zone 25, CM 75°E
const LAST_PREFIXED_CODE = 4533; // zone 45, CM 135°E
const FIRST_PLAIN_CODE = 4534; // CM 75°E
const LAST_PLAIN_CODE = 4554; // CM 135°E
const ZONE_OFFSET = FIRST_PREFIXED_CODE - 25;

const NAMED_CRS = /** @type {const} */ ({
  wgs84: 'wgs84',
  'wgs-84': 'wgs84',
  'epsg:4326': 'wgs84',
  4326: 'wgs84',
  cgcs2000: 'cgcs2000',
  'epsg:4490': 'cgcs2000',
  4490: 'cgcs2000',
  gcj02: 'gcj02',
  'gcj-02': 'gcj02',
  bd09: 'bd09',
  'bd-09': 'bd09'
});

const SUPPORTED =
  'wgs84, cgcs2000, gcj02, bd09, EPSG:4513–4533 (3° GK zones 25–45 with prefix) or ' +
  'EPSG:4534–4554 (3° GK CM 75°E–135°E)';

/**
 * Reads a CRS name: `wgs84`, `cgcs2000`, `gcj02`, `bd09` (any case, with or without the dash),
 * `EPSG:4326`/`EPSG:4490`, or a CGCS2000 Gauss-Krüger code as `EPSG:4528` or `4528`.
 * @param {string} text
 * @returns {Crs}
 * @throws {CrsError} for anything else, naming the text and what is supported
 * @example parseCrs('4549') // 'EPSG:4549'
 */
export function parseCrs(text) {
  const key = String(text).trim().toLowerCase();
  if (Object.hasOwn(NAMED_CRS, key)) return NAMED_CRS[/** @type {keyof typeof NAMED_CRS} */ (key)];
  const match = /^(?:epsg:)?(\d+)$/.exec(key);
  if (match) {
    const code = Number(match[1]);
    if (code >= FIRST_PREFIXED_CODE && code <= LAST_PLAIN_CODE) return `EPSG:${code}`;
  }
  throw new CrsError(`不支持的坐标系 unsupported CRS "${text}": use ${SUPPORTED}`);
}

/**
 * The Gauss-Krüger zone of a projected CRS, or null for a geographic one.
 * @param {Crs} crs
 * @returns {GaussKrugerZone | null}
 * @example gaussKrugerZone('EPSG:4528') // { code: 'EPSG:4528', centralMeridian: 120, falseEasting: 40500000, zonePrefix: 40 }
 */
export function gaussKrugerZone(crs) {
  const match = /^EPSG:(\d+)$/.exec(crs);
  if (!match) return null;
  const code = Number(match[1]);
  if (code >= FIRST_PREFIXED_CODE && code <= LAST_PREFIXED_CODE) {
    const zone = code - ZONE_OFFSET;
    return {
      code: crs,
      centralMeridian: 3 * zone,
      falseEasting: zone * 1e6 + 5e5,
      zonePrefix: zone
    };
  }
  if (code >= FIRST_PLAIN_CODE && code <= LAST_PLAIN_CODE) {
    const centralMeridian = 75 + 3 * (code - FIRST_PLAIN_CODE);
    return { code: crs, centralMeridian, falseEasting: 5e5, zonePrefix: null };
  }
  throw new CrsError(`不支持的坐标系 unsupported CRS "${crs}": use ${SUPPORTED}`);
}

/**
 * The proj4 definition of a CGCS2000 Gauss-Krüger CRS (as published with the EPSG registry).
 * @param {GaussKrugerZone} zone
 * @returns {string}
 */
export function gaussKrugerProjString(zone) {
  return (
    `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridian} +k=1 +x_0=${zone.falseEasting} ` +
    '+y_0=0 +ellps=GRS80 +units=m +no_defs'
  );
}

/** CGCS2000 geographic (EPSG:4490): GRS 80 ellipsoid, no datum shift to apply. */
const CGCS2000_GEOGRAPHIC = '+proj=longlat +ellps=GRS80 +no_defs';

/**
 * A copy of the geometry with every position passed through `convert` (extra ordinates kept).
 * @template {Geometry} G
 * @param {G} geometry
 * @param {(position: Position) => Position} convert
 * @returns {G}
 */
function mapPositions(geometry, convert) {
  /** @param {Position} position */
  const one = (position) => {
    const converted = convert(position);
    return position.length > 2 ? [...converted.slice(0, 2), ...position.slice(2)] : converted;
  };
  /** @type {Geometry} */
  let result;
  switch (geometry.type) {
    case 'Point':
      result = { ...geometry, coordinates: one(geometry.coordinates) };
      break;
    case 'MultiPoint':
    case 'LineString':
      result = { ...geometry, coordinates: geometry.coordinates.map(one) };
      break;
    case 'MultiLineString':
    case 'Polygon':
      result = { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(one)) };
      break;
    case 'MultiPolygon':
      result = {
        ...geometry,
        coordinates: geometry.coordinates.map((rings) => rings.map((ring) => ring.map(one)))
      };
      break;
    case 'GeometryCollection':
      result = {
        ...geometry,
        geometries: geometry.geometries.map((member) => mapPositions(member, convert))
      };
      break;
  }
  const { bbox: _bbox, ...withoutBbox } = /** @type {Geometry} */ (result);
  return /** @type {G} */ (withoutBbox);
}

/**
 * Every position of a geometry, depth first.
 * @param {Geometry} geometry
 * @returns {Generator<Position>}
 */
export function* positionsOf(geometry) {
  switch (geometry.type) {
    case 'Point':
      yield geometry.coordinates;
      break;
    case 'MultiPoint':
    case 'LineString':
      yield* geometry.coordinates;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) yield* line;
      break;
    case 'MultiPolygon':
      for (const rings of geometry.coordinates) for (const ring of rings) yield* ring;
      break;
    case 'GeometryCollection':
      for (const member of geometry.geometries) yield* positionsOf(member);
      break;
  }
}

/**
 * The first position outside longitude −180…180 / latitude −90…90, if any.
 * @param {Geometry | null | undefined} geometry
 * @returns {Position | undefined}
 */
export function firstNonGeographicPosition(geometry) {
  if (!geometry) return undefined;
  for (const position of positionsOf(geometry)) {
    if (Math.abs(position[0]) > 180 || Math.abs(position[1]) > 90) return position;
  }
  return undefined;
}

/**
 * Whether any coordinate lies outside the longitude/latitude range, i.e. the geometry is most
 * likely in projected metres (a Gauss-Krüger file) rather than degrees.
 * @param {Geometry | null | undefined} geometry
 * @returns {boolean}
 * @example looksProjected({ type: 'Point', coordinates: [40600779.9, 4554594.0] }) // true
 */
export function looksProjected(geometry) {
  return firstNonGeographicPosition(geometry) !== undefined;
}

/**
 * The CGCS2000 Gauss-Krüger CRS a projected position most likely uses: the zone prefix of an
 * 8-digit easting names its zone; a 6-digit easting has no prefix, so the CM 120°E zone that
 * covers 凌河区 (EPSG:4549) is the best guess.
 * @param {Position} position [easting, northing]
 * @returns {Crs}
 * @example suggestProjectedCrs([40600779.9, 4554594.0]) // 'EPSG:4528'
 */
export function suggestProjectedCrs(position) {
  const prefix = Math.floor(position[0] / 1e6);
  if (prefix >= 25 && prefix <= 45) return `EPSG:${prefix + ZONE_OFFSET}`;
  return 'EPSG:4549';
}

/**
 * @param {Position} position
 * @returns {string}
 */
function show(position) {
  return `[${position[0]}, ${position[1]}]`;
}

/**
 * Checks that a projected position fits its zone: a prefixed easting must carry the zone's
 * number, an unprefixed one must be a plain 6-digit easting.
 * @param {Position} position
 * @param {GaussKrugerZone} zone
 */
function checkEasting(position, zone) {
  const [easting, northing] = position;
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) {
    throw new CrsError(`坐标不是数字 coordinate is not a number: ${show(position)}`);
  }
  const prefix = Math.floor(easting / 1e6);
  if (zone.zonePrefix !== null && prefix !== zone.zonePrefix) {
    const plainCode = `EPSG:${FIRST_PLAIN_CODE + (zone.zonePrefix - 25)}`;
    const hint =
      prefix >= 25 && prefix <= 45
        ? `it belongs to zone ${prefix}: use ${suggestProjectedCrs(position)}`
        : easting >= 0 && easting < 1e6
          ? `it has no zone prefix: use ${plainCode} (the same CM without prefix)`
          : `${zone.code} eastings start with ${zone.zonePrefix} (e.g. ${zone.falseEasting})`;
    throw new CrsError(
      `东坐标与投影带不符 easting does not fit ${zone.code} (zone ${zone.zonePrefix}, CM ` +
        `${zone.centralMeridian}°E) at ${show(position)}: ${hint}`
    );
  }
  if (zone.zonePrefix === null && (easting < 0 || easting >= 1e6)) {
    const hint =
      prefix >= 25 && prefix <= 45
        ? `it carries the zone prefix ${prefix}: use ${suggestProjectedCrs(position)}`
        : `${zone.code} eastings lie between 0 and 1 000 000 m`;
    throw new CrsError(
      `东坐标与投影不符 easting does not fit ${zone.code} (CM ${zone.centralMeridian}°E, no zone ` +
        `prefix) at ${show(position)}: ${hint}`
    );
  }
}

/**
 * A copy of the geometry in WGS-84 longitude/latitude.
 * @template {Geometry} G
 * @param {G} geometry
 * @param {Crs} crs as returned by `parseCrs`
 * @returns {G}
 * @throws {CrsError} when coordinates do not fit the CRS: metres given as `wgs84`, degrees given as
 *   Gauss-Krüger, or an easting whose zone prefix is not the CRS's zone (the message names the
 *   position and the CRS that would fit)
 * @example toWgs84({ type: 'Point', coordinates: [40600779.898, 4554594.002] }, 'EPSG:4528')
 *   // { type: 'Point', coordinates: [121.2, 41.12] }
 */
export function toWgs84(geometry, crs) {
  const zone = gaussKrugerZone(crs);
  if (!zone) {
    const outside = firstNonGeographicPosition(geometry);
    if (outside) {
      throw new CrsError(
        `坐标超出经纬度范围 coordinates ${show(outside)} are outside longitude/latitude range for ` +
          `${crs}: they look projected (e.g. ${suggestProjectedCrs(outside)})`
      );
    }
  } else if (!looksProjected(geometry)) {
    const first = positionsOf(geometry).next().value;
    throw new CrsError(
      `坐标像经纬度而非米 coordinates ${first ? show(first) : '[]'} look like longitude/latitude, ` +
        `not ${crs} metres: use wgs84, cgcs2000, gcj02 or bd09`
    );
  }
  switch (crs) {
    case 'wgs84':
    case 'cgcs2000':
      return mapPositions(geometry, (position) => [position[0], position[1]]);
    case 'gcj02':
      return mapPositions(geometry, (position) =>
        gcoord.transform([position[0], position[1]], gcoord.GCJ02, gcoord.WGS84)
      );
    case 'bd09':
      return mapPositions(geometry, (position) =>
        gcoord.transform([position[0], position[1]], gcoord.BD09, gcoord.WGS84)
      );
  }
  const gaussKruger = /** @type {GaussKrugerZone} */ (zone);
  const inverse = proj4(CGCS2000_GEOGRAPHIC, gaussKrugerProjString(gaussKruger));
  return mapPositions(geometry, (position) => {
    checkEasting(position, gaussKruger);
    return inverse.inverse([position[0], position[1]]);
  });
}

/**
 * A copy of the geometry from WGS-84 longitude/latitude into a CGCS2000 Gauss-Krüger CRS —
 * the inverse of `toWgs84` for projected codes (used to write test fixtures and round trips).
 * @template {Geometry} G
 * @param {G} geometry
 * @param {Crs} crs a Gauss-Krüger code such as 'EPSG:4528'
 * @returns {G}
 */
export function fromWgs84ToGaussKruger(geometry, crs) {
  const zone = gaussKrugerZone(crs);
  if (!zone) throw new CrsError(`不是高斯-克吕格投影 not a Gauss-Krüger CRS: ${crs}`);
  const forward = proj4(CGCS2000_GEOGRAPHIC, gaussKrugerProjString(zone));
  return mapPositions(geometry, (position) => forward.forward([position[0], position[1]]));
}

/**
 * Signed shoelace area of one ring in the CRS's own units (counter-clockwise positive). Positions
 * are taken relative to the first one, so 8-digit eastings lose no precision.
 * @param {Position[]} ring
 * @returns {number}
 */
function signedPlanarRingArea(ring) {
  if (ring.length < 3) return 0;
  const [x0, y0] = ring[0];
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    twiceArea += (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  }
  return twiceArea / 2;
}

/**
 * Plane area of a Polygon or MultiPolygon in its own (projected) units — m² for Gauss-Krüger
 * coordinates — outer rings minus holes. This is the "projected area" a GIS reports; it exceeds the
 * ellipsoidal area by the projection's scale factor squared (≈ 1.00014 at 120 km from the CM).
 * @param {Geometry | null | undefined} geometry
 * @returns {number} square units of the coordinates
 * @example planarArea({ type: 'Polygon', coordinates: [[[0, 0], [30, 0], [30, 20], [0, 20], [0, 0]]] }) // 600
 */
export function planarArea(geometry) {
  if (!geometry) return 0;
  /** @param {Position[][]} rings */
  const polygon = (rings) =>
    rings.reduce(
      (sum, ring, index) => sum + (index === 0 ? 1 : -1) * Math.abs(signedPlanarRingArea(ring)),
      0
    );
  switch (geometry.type) {
    case 'Polygon':
      return polygon(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((sum, rings) => sum + polygon(rings), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, member) => sum + planarArea(member), 0);
    default:
      return 0;
  }
}
