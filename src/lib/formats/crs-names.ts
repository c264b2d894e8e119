/**
 * Recognising the coordinate system a file declares — a GeoJSON `crs` name, an EPSG code or a
 * Shapefile `.prj` (WKT) — as one of the systems the importer converts from. Anything else is
 * reported by name (`supported: false`) so the user is asked instead of the data being misread.
 */
import { gaussKrugerZone, type Crs, type GaussKrugerZone } from '../geo/crs.js';
import type { CrsId } from '../import/types';

export interface DeclaredCrs {
  /** The recognised CRS, or null if the declaration names something we cannot convert. */
  crs: CrsId | null;
  /** What the file calls it, for messages. */
  name: string;
}

const FIRST_PREFIXED = 4513; // zone 25, CM 75°E, easting with zone prefix
const FIRST_CM = 4534; // CM 75°E, no zone prefix
const LAST_CM = 4554; // CM 135°E, no zone prefix

/** The Gauss-Krüger zone of `crs` (crs.js), or null for anything else. */
export function gaussKrugerZoneOf(crs: CrsId): GaussKrugerZone | null {
  try {
    return gaussKrugerZone(crs as Crs);
  } catch {
    return null;
  }
}

/** EPSG id of the 3° zone with this central meridian, with or without the zone prefix. */
export function gaussKrugerCrs(centralMeridian: number, zonePrefixed: boolean): CrsId | null {
  if (!Number.isInteger(centralMeridian / 3) || centralMeridian < 75 || centralMeridian > 135) {
    return null;
  }
  const zone = centralMeridian / 3;
  return `EPSG:${(zonePrefixed ? FIRST_PREFIXED : FIRST_CM) + zone - 25}`;
}

/** True for longitude/latitude systems (including the Chinese offset ones). */
export function isGeographic(crs: CrsId): boolean {
  return crs === 'wgs84' || crs === 'cgcs2000' || crs === 'gcj02' || crs === 'bd09';
}

/** Every CRS the importer converts from, for a picker. */
export function supportedCrsIds(): CrsId[] {
  const ids: CrsId[] = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'];
  for (let epsg = FIRST_PREFIXED; epsg <= LAST_CM; epsg++) ids.push(`EPSG:${epsg}`);
  return ids;
}

/** A short human label, e.g. 'CGCS2000 3° GK zone 40 (EPSG:4528)'. */
export function describeCrs(crs: CrsId): string {
  const gk = gaussKrugerZoneOf(crs);
  if (gk) {
    return gk.zonePrefix !== null
      ? `CGCS2000 3° GK zone ${gk.zonePrefix} (${crs})`
      : `CGCS2000 3° GK CM ${gk.centralMeridian}E (${crs})`;
  }
  const labels: Record<string, string> = {
    wgs84: 'WGS-84',
    cgcs2000: 'CGCS2000',
    gcj02: 'GCJ-02',
    bd09: 'BD-09'
  };
  return labels[crs] ?? crs;
}

function fromEpsgCode(code: number): CrsId | null {
  if (code === 4326) return 'wgs84';
  if (code === 4490) return 'cgcs2000';
  const crs = `EPSG:${code}`;
  return gaussKrugerZoneOf(crs) ? crs : null;
}

/**
 * The CRS named by a GeoJSON `crs` member or a user-typed string: EPSG codes in any of the usual
 * spellings (`EPSG:4528`, `urn:ogc:def:crs:EPSG::4528`, `http://www.opengis.net/def/crs/EPSG/0/4528`),
 * CRS84, and the informal names of the Chinese systems.
 *
 * @example crsFromName('urn:ogc:def:crs:EPSG::4527') // → { crs: 'EPSG:4527', name: '…' }
 */
export function crsFromName(raw: string): DeclaredCrs {
  const name = raw.trim();
  const lower = name.toLowerCase();
  const epsg = /epsg(?::{1,2}|\/\d+\/|\/)(\d{4,5})$/.exec(lower) ?? /^(\d{4,5})$/.exec(lower);
  if (epsg) return { crs: fromEpsgCode(Number(epsg[1])), name };
  if (/crs:?84$|^wgs[\s_-]*84$|^wgs[\s_-]*1984$/.test(lower)) return { crs: 'wgs84', name };
  if (/^cgcs[\s_-]*2000$/.test(lower)) return { crs: 'cgcs2000', name };
  if (/^gcj[\s_-]*0?2$/.test(lower)) return { crs: 'gcj02', name };
  if (/^bd[\s_-]*0?9$/.test(lower)) return { crs: 'bd09', name };
  return { crs: null, name };
}

function wktParameter(wkt: string, parameter: string): number | null {
  const match = new RegExp(`PARAMETER\\[\\s*"${parameter}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return match ? Number(match[1]) : null;
}

/** The EPSG id of the outermost authority: the last one in WKT1 and the last ID in WKT2. */
function outerEpsgOf(wkt: string): number | null {
  const ids = [...wkt.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].map((m) =>
    Number(m[1])
  );
  return ids.length ? ids[ids.length - 1] : null;
}

/**
 * Which of the two datums the WKT's geographic CRS and DATUM name. The datum is named by those,
 * not by the spheroid (Xian 1980 and CGCS2000 files may share spheroid-like names).
 */
function datumOf(
  wkt: string,
  name: string,
  geographic: boolean
): { cgcs2000: boolean; wgs84: boolean } {
  const geographicName = geographic
    ? name
    : (/(?:GEOGCS|BASEGEOGCRS|GEOGCRS)\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '');
  const datumName = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt)?.[1] ?? '';
  const datumText = `${geographicName} ${datumName}`.toLowerCase();
  return {
    cgcs2000:
      /cgcs[\s_]*2000|china[\s_]geodetic[\s_]coordinate[\s_]system[\s_]2000|china[\s_]2000/.test(
        datumText
      ),
    wgs84: /wgs[\s_]*(19)?84/.test(datumText)
  };
}

/**
 * The CGCS2000 Gauss-Krüger zone of a projected WKT: by its parameters when it has them (they
 * decide), else by its name; null when neither names one.
 */
function gaussKrugerOfProjection(wkt: string, name: string): CrsId | null {
  const centralMeridian = wktParameter(wkt, 'central_meridian');
  const falseEasting = wktParameter(wkt, 'false_easting');
  const scale = wktParameter(wkt, 'scale_factor');
  const transverseMercator = /gauss|transverse_mercator|transverse mercator/.test(
    wkt.toLowerCase()
  );
  if (centralMeridian !== null && falseEasting !== null && transverseMercator) {
    if (scale !== null && Math.abs(scale - 1) > 1e-9) return null;
    // A 6° zone whose central meridian is a multiple of 3 is the same projection as the 3° zone
    // with that meridian.
    if (falseEasting === 500000) return gaussKrugerCrs(centralMeridian, false);
    const zone = centralMeridian / 3;
    if (falseEasting === zone * 1e6 + 500000) return gaussKrugerCrs(centralMeridian, true);
    return null;
  }
  const nameLower = name.toLowerCase();
  if (!/3[\s_-]*degree/.test(nameLower)) return null;
  const zoneByName = /zone[\s_]*(\d+)/.exec(nameLower);
  if (zoneByName) return gaussKrugerCrs(Number(zoneByName[1]) * 3, true);
  const cmByName = /cm[\s_]*(\d+)\s*e/.exec(nameLower);
  if (cmByName) return gaussKrugerCrs(Number(cmByName[1]), false);
  return null;
}

/**
 * The CRS of a Shapefile `.prj` (ESRI WKT1, as ArcGIS, QGIS and SuperMap write it; OGC WKT1 and
 * WKT2 EPSG ids are honoured too). Recognises WGS-84, CGCS2000 geographic and every CGCS2000 3°
 * Gauss-Krüger zone, by EPSG id, by name (`CGCS2000_3_Degree_GK_Zone_40`,
 * `CGCS2000_3_Degree_GK_CM_120E`) or by its parameters. Beijing 1954, Xian 1980, 6° zones and
 * Web Mercator come back with `crs: null` and their name.
 *
 * @example crsFromPrj('PROJCS["CGCS2000_3_Degree_GK_CM_120E",…]') // → { crs: 'EPSG:4549', … }
 */
export function crsFromPrj(wkt: string): DeclaredCrs {
  const text = wkt.trim();
  const name = /^[A-Z]+\s*\[\s*"([^"]*)"/i.exec(text)?.[1] ?? text.slice(0, 60);
  const kind = /^([A-Z]+)/i.exec(text)?.[1]?.toUpperCase() ?? '';
  const projected = kind === 'PROJCS' || kind === 'PROJCRS';
  const geographic = kind === 'GEOGCS' || kind === 'GEOGCRS' || kind === 'GEODCRS';
  if (!projected && !geographic) return { crs: null, name };

  const outerEpsg = outerEpsgOf(text);
  if (outerEpsg !== null) {
    const fromCode = fromEpsgCode(outerEpsg);
    if (fromCode && isGeographic(fromCode) === geographic) return { crs: fromCode, name };
  }
  const { cgcs2000, wgs84 } = datumOf(text, name, geographic);
  if (geographic) return { crs: cgcs2000 ? 'cgcs2000' : wgs84 ? 'wgs84' : null, name };
  return { crs: cgcs2000 ? gaussKrugerOfProjection(text, name) : null, name };
}
