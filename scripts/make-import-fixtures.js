#!/usr/bin/env node
/**
 * Writes the import test corpus, tests/fixtures/import/ (issue #5): good files in every format and
 * coordinate system, and bad files that each break one rule. Deterministic — run it again and
 * `git diff` shows nothing. The expectations live in tests/fixtures/import/expected.json (written
 * by hand, not here). Big inputs (the 10⁶-vertex ring, the size limit) are generated inside the
 * tests instead of being committed.
 *
 * Usage: node scripts/make-import-fixtures.js
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import proj4 from 'proj4';
import { zipOf } from './hostile-files.js';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'import');

/** CGCS2000 3° Gauss-Krüger zones used below (GRS80 ellipsoid, as EPSG defines them). */
export const GK = {
  'EPSG:4527':
    '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  'EPSG:4528':
    '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  'EPSG:4549':
    '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'
};

/** @typedef {number[]} Position */

/**
 * @param {string} crs
 * @param {Position} position lon, lat
 * @returns {Position} easting, northing rounded to the millimetre
 */
export function project(crs, position) {
  const [x, y] = proj4('WGS84', GK[/** @type {keyof typeof GK} */ (crs)], position);
  return [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
}

/**
 * A closed square ring in 凌河区, `size` degrees wide, counter-clockwise.
 * @param {number} lon
 * @param {number} lat
 * @param {number} size
 * @returns {Position[]}
 */
export function square(lon, lat, size) {
  return [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat]
  ];
}

/**
 * @param {unknown} geometry
 * @param {Record<string, unknown>} properties
 * @param {string | number} [id]
 */
export function feature(geometry, properties = {}, id) {
  return id === undefined
    ? { type: 'Feature', properties, geometry }
    : { type: 'Feature', id, properties, geometry };
}

/** @param {unknown[]} features @param {Record<string, unknown>} [extra] */
export function collection(features, extra = {}) {
  return { type: 'FeatureCollection', ...extra, features };
}

const PARCEL = { type: 'Polygon', coordinates: [square(121.15, 41.12, 0.01)] };

/** @param {string} name @param {string | Uint8Array} content */
function write(name, content) {
  writeFileSync(join(OUT, name), content);
}

/** @param {string} name @param {unknown} value */
function writeJson(name, value) {
  write(name, `${JSON.stringify(value, null, 1)}\n`);
}

// ---------------------------------------------------------------- encodings

/** @type {Map<string, number[]> | null} */
let gbkTable = null;

/**
 * GBK bytes of a string (Node has a GBK decoder but no encoder: invert the decoder).
 * @param {string} text
 * @returns {Uint8Array}
 */
export function encodeGbk(text) {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        try {
          const char = decoder.decode(new Uint8Array([lead, trail]));
          if (!gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
        } catch {
          // not a GBK code
        }
      }
    }
  }
  /** @type {number[]} */
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(char);
      if (!pair) throw new Error(`no GBK code for ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** @param {string} text */
function utf16le(text) {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

// ---------------------------------------------------------------- ZIP

/**
 * A ZIP archive (deflated entries, fixed timestamp so output is reproducible), written with the
 * hostile files' ZIP writer (scripts/hostile-files.js).
 * `declaredSize` makes the headers lie about the expanded size (a ZIP bomb's trick).
 * @param {{ name: string; data: Uint8Array; encrypted?: boolean; gbkName?: boolean; declaredSize?: number }[]} entries
 */
export function zip(entries) {
  return zipOf(
    entries.map((entry) => ({
      name: entry.gbkName ? encodeGbk(entry.name) : entry.name,
      data: deflateRawSync(entry.data),
      method: 8,
      size: entry.declaredSize ?? entry.data.length,
      crc: crc32(entry.data),
      flags: (entry.encrypted ? 0x1 : 0) | (entry.gbkName ? 0 : 0x800),
      date: 0x5821 // 2024-01-01
    }))
  );
}

// ---------------------------------------------------------------- Shapefile

/**
 * A polygon .shp (shape type 5), one part per ring, coordinates as given.
 * @param {(Position[][] | null)[]} polygons rings per record; null for a null shape
 */
export function shpPolygons(polygons) {
  /** @type {Buffer[]} */
  const records = [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  polygons.forEach((rings, i) => {
    if (!rings) {
      const record = Buffer.alloc(12);
      record.writeInt32BE(i + 1, 0);
      record.writeInt32BE(2, 4);
      record.writeInt32LE(0, 8);
      records.push(record);
      return;
    }
    const points = rings.flat();
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    content.writeInt32LE(5, 0);
    content.writeDoubleLE(Math.min(...xs), 4);
    content.writeDoubleLE(Math.min(...ys), 12);
    content.writeDoubleLE(Math.max(...xs), 20);
    content.writeDoubleLE(Math.max(...ys), 28);
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((ring, r) => {
      content.writeInt32LE(start, 44 + 4 * r);
      start += ring.length;
    });
    points.forEach((p, k) => {
      content.writeDoubleLE(p[0], 44 + 4 * rings.length + 16 * k);
      content.writeDoubleLE(p[1], 52 + 4 * rings.length + 16 * k);
    });
    minX = Math.min(minX, ...xs);
    minY = Math.min(minY, ...ys);
    maxX = Math.max(maxX, ...xs);
    maxY = Math.max(maxY, ...ys);
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    records.push(header, content);
  });
  const body = Buffer.concat(records);
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE((100 + body.length) / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  [minX, minY, maxX, maxY].forEach((v, k) =>
    header.writeDoubleLE(Number.isFinite(v) ? v : 0, 36 + 8 * k)
  );
  return new Uint8Array(Buffer.concat([header, body]));
}

/**
 * A dBASE III table. Text is encoded with `encode` (GBK or UTF-8); `deleted` marks records.
 * @param {{ name: string; type: 'C' | 'N'; length: number; decimals?: number }[]} fields
 * @param {(string | number)[][]} rows
 * @param {(text: string) => Uint8Array} encode
 * `foxpro`: a Visual FoxPro header (263 bytes of backlink after the field terminator);
 * `padding`: bytes per record beyond the fields (a record length that disagrees with them).
 * @param {{ deleted?: number[]; languageDriver?: number; foxpro?: boolean; padding?: number }} [options]
 */
export function dbf(fields, rows, encode, options = {}) {
  const headerLength = 32 + 32 * fields.length + 1 + (options.foxpro ? 263 : 0);
  const recordLength = 1 + fields.reduce((sum, f) => sum + f.length, 0) + (options.padding ?? 0);
  const bytes = new Uint8Array(headerLength + recordLength * rows.length + 1);
  const view = new DataView(bytes.buffer);
  bytes[0] = options.foxpro ? 0x30 : 0x03;
  bytes[1] = 124;
  bytes[2] = 1;
  bytes[3] = 1;
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = options.languageDriver ?? 0;
  fields.forEach((field, k) => {
    const at = 32 + 32 * k;
    bytes.set(encode(field.name).subarray(0, 10), at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals ?? 0;
  });
  bytes[32 + 32 * fields.length] = 0x0d;
  rows.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    bytes[at++] = options.deleted?.includes(r) ? 0x2a : 0x20;
    fields.forEach((field, k) => {
      const cell = new Uint8Array(field.length).fill(0x20);
      const value = row[k];
      const encoded =
        field.type === 'N'
          ? new TextEncoder().encode(String(value).padStart(field.length, ' '))
          : encode(String(value));
      cell.set(encoded.subarray(0, field.length));
      bytes.set(cell, at);
      at += field.length;
    });
  });
  bytes[bytes.length - 1] = 0x1a;
  return bytes;
}

export const PRJ_GK_CM_120E =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",' +
  'DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],' +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
export const PRJ_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",' +
  'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const PRJ_XIAN80 =
  'PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS["GCS_Xian_1980",DATUM["D_Xian_1980",' +
  'SPHEROID["Xian_1980",6378140.0,298.257]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
  'PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],' +
  'PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],' +
  'UNIT["Meter",1.0]]';

/** Three parcels in 凌河区 with Chinese names (the GBK test data). */
const SHP_PARCELS = [
  { name: '紫荆产业园地块', code: 1, ring: square(121.2, 41.12, 0.004) },
  { name: '凌河公园', code: 2, ring: square(121.16, 41.1, 0.006) },
  { name: '石桥子街道', code: 3, ring: square(121.14, 41.13, 0.003) }
];
const SHP_FIELDS = /** @type {const} */ ([
  { name: 'NAME', type: 'C', length: 40 },
  { name: '编号', type: 'N', length: 6 }
]);

/**
 * Shapefile parts for SHP_PARCELS in a CRS.
 * @param {string | null} crs null: longitude/latitude
 * @param {(text: string) => Uint8Array} encode
 * @param {{ deleted?: number[]; languageDriver?: number; foxpro?: boolean; padding?: number }} [options]
 */
function parcelShapefile(crs, encode, options) {
  const rings = SHP_PARCELS.map((p) => [
    // Shapefile outer rings run clockwise.
    (crs ? p.ring.map((q) => project(crs, q)) : p.ring).slice().reverse()
  ]);
  return {
    shp: shpPolygons(rings),
    dbf: dbf(
      [...SHP_FIELDS],
      SHP_PARCELS.map((p) => [p.name, p.code]),
      encode,
      options
    )
  };
}

const utf8 = (/** @type {string} */ text) => new TextEncoder().encode(text);
const ascii = utf8;

// ---------------------------------------------------------------- KML

/** @param {string} placemarks @param {string} [name] */
export function kml(placemarks, name = '测试 KML') {
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
<name>${name}</name>
${placemarks}
</Document>
</kml>
`;
}

/** @param {Position[]} ring */
export function kmlCoordinates(ring) {
  return ring.map((p) => p.join(',')).join(' ');
}

// ---------------------------------------------------------------- the corpus

function main() {
  mkdirSync(OUT, { recursive: true });

  // Good files.
  const goodFeatures = [
    feature(PARCEL, { name: '紫荆产业园', area_mu: 1650 }, 'parcel-1'),
    feature(
      {
        type: 'Polygon',
        coordinates: [square(121.17, 41.1, 0.02), square(121.175, 41.105, 0.005).reverse()]
      },
      { name: '凌河公园（含水面）' },
      'park-with-hole'
    ),
    feature(
      {
        type: 'MultiPolygon',
        coordinates: [[square(121.2, 41.13, 0.002)], [square(121.21, 41.13, 0.002)]]
      },
      { name: '两块地' },
      7
    ),
    feature(
      {
        type: 'LineString',
        coordinates: [
          [121.13, 41.1],
          [121.2, 41.11],
          [121.25, 41.12]
        ]
      },
      { name: '小凌河（示意）' }
    ),
    feature({ type: 'Point', coordinates: [121.145, 41.125] }, { name: '古玩城' })
  ];
  writeJson('good-wgs84.geojson', collection(goodFeatures));

  // Parcels projected to EPSG:4527 (zone 39, CM 117°E) with the legacy GeoJSON crs member. The
  // source lon/lat of the first vertex is kept in the properties so the test can check the way back.
  const projectedParcels = [square(121.15, 41.12, 0.01), square(121.19, 41.1, 0.008)].map(
    (ring, i) =>
      feature(
        { type: 'Polygon', coordinates: [ring.map((p) => project('EPSG:4527', p))] },
        { name: `地块 ${i + 1}`, lon0: ring[0][0], lat0: ring[0][1] },
        `gk-${i + 1}`
      )
  );
  writeJson(
    'good-epsg4527.geojson',
    collection(projectedParcels, {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4527' } }
    })
  );

  const goodKml = kml(`<Placemark id="pm-1">
<name>紫荆产业园</name>
<description><![CDATA[<b>835</b> 亩]]></description>
<ExtendedData><Data name="mu"><value>835</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>
${kmlCoordinates(square(121.2, 41.12, 0.01))}
</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(square(121.203, 41.123, 0.002).reverse())}</coordinates></LinearRing></innerBoundaryIs>
</Polygon>
</Placemark>
<Placemark><name>两块地</name><MultiGeometry>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(square(121.15, 41.1, 0.002))}</coordinates></LinearRing></outerBoundaryIs></Polygon>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(square(121.16, 41.1, 0.002))}</coordinates></LinearRing></outerBoundaryIs></Polygon>
</MultiGeometry></Placemark>
<Placemark><name>古玩城 &amp; 夜市</name><Point><coordinates>121.145,41.125,0</coordinates></Point></Placemark>`);
  write('good.kml', goodKml);
  write('good.kmz', zip([{ name: 'doc.kml', data: utf8(goodKml) }]));

  const gkGbk = parcelShapefile('EPSG:4549', encodeGbk);
  write(
    'good-shapefile-gk-gbk-cpg.zip',
    zip([
      { name: '地块.shp', data: gkGbk.shp, gbkName: true },
      { name: '地块.dbf', data: gkGbk.dbf, gbkName: true },
      { name: '地块.prj', data: ascii(PRJ_GK_CM_120E), gbkName: true },
      { name: '地块.cpg', data: ascii('GBK'), gbkName: true }
    ])
  );
  const geoGbk = parcelShapefile(null, encodeGbk);
  write(
    'good-shapefile-gbk-no-cpg.zip',
    zip([
      { name: 'parcels/parcels.shp', data: geoGbk.shp },
      { name: 'parcels/parcels.dbf', data: geoGbk.dbf },
      { name: 'parcels/parcels.prj', data: ascii(PRJ_CGCS2000) },
      { name: '__MACOSX/parcels/._parcels.shp', data: ascii('resource fork') }
    ])
  );

  // Bad GeoJSON: whole-file problems.
  const goodText = JSON.stringify(collection(goodFeatures), null, 1);
  write('truncated.geojson', goodText.slice(0, Math.floor(goodText.length * 0.6)));
  write('not-json.geojson', '地块边界（请见附件）\nThis is a note, not JSON.\n');
  write(
    'trailing-comma.geojson',
    '{\n "type": "FeatureCollection",\n "features": [\n  {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [121.1, 41.1]}},\n ]\n}\n'
  );
  write(
    'nan-literal.geojson',
    '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN, 41.1]}}]}\n'
  );
  write('empty.geojson', '');
  write('utf16.geojson', utf16le(goodText));
  write(
    'gbk-encoded.geojson',
    encodeGbk(JSON.stringify(collection([feature(PARCEL, { name: '凌河区地块' })])))
  );
  write(
    'html-page.geojson',
    '<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>页面不存在</body></html>\n'
  );
  writeJson('topojson.json', { type: 'Topology', objects: {}, arcs: [] });
  writeJson('wrong-top-type.geojson', { type: 'FeatureCollections', features: [] });
  writeJson('features-not-array.geojson', { type: 'FeatureCollection', features: { 0: PARCEL } });
  writeJson('empty-collection.geojson', collection([]));
  write(
    'image.geojson',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
  );

  // Bad GeoJSON: problems with single features (each file also holds one good feature, which
  // must still come through).
  const good = feature(PARCEL, { name: 'good' }, 'good');
  /** @param {string} name @param {unknown[]} bad @param {Record<string, unknown>} [extra] */
  const withGood = (name, bad, extra) => writeJson(name, collection([good, ...bad], extra));
  withGood('unknown-geometry-type.geojson', [
    feature({ type: 'Polygone', coordinates: [square(121.1, 41.1, 0.01)] }, {}, 'typo')
  ]);
  withGood('string-coordinates.geojson', [
    feature({ type: 'Point', coordinates: ['121.15', '41.12'] }, {}, 'strings')
  ]);
  withGood('null-coordinates.geojson', [
    feature(
      {
        type: 'LineString',
        coordinates: [
          [121.1, null],
          [121.2, 41.1]
        ]
      },
      {},
      'nulls'
    )
  ]);
  write(
    'huge-numbers.geojson',
    `{"type":"FeatureCollection","features":[${JSON.stringify(good)},{"type":"Feature","id":"huge","properties":{},"geometry":{"type":"Point","coordinates":[1e400,41.1]}}]}\n`
  );
  withGood('out-of-range.geojson', [
    feature({ type: 'Polygon', coordinates: [square(121.15, 89.995, 0.01)] }, {}, 'north-of-pole')
  ]);
  withGood('unclosed-ring.geojson', [
    feature({ type: 'Polygon', coordinates: [square(121.15, 41.12, 0.01).slice(0, 4)] }, {}, 'open')
  ]);
  withGood('short-ring.geojson', [
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.1, 41.1],
            [121.2, 41.1],
            [121.1, 41.1]
          ]
        ]
      },
      {},
      'sliver'
    )
  ]);
  withGood('bowtie.geojson', [
    feature(
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.1, 41.1],
            [121.12, 41.12],
            [121.12, 41.1],
            [121.1, 41.12],
            [121.1, 41.1]
          ]
        ]
      },
      { name: '8字形' },
      'bowtie'
    )
  ]);
  withGood('hole-crosses-shell.geojson', [
    feature(
      { type: 'Polygon', coordinates: [square(121.1, 41.1, 0.01), square(121.105, 41.105, 0.01)] },
      {},
      'hole-out'
    )
  ]);
  writeJson(
    'empty-geometries.geojson',
    collection([
      feature(null, { name: 'no geometry' }),
      feature({ type: 'Polygon', coordinates: [] }, { name: 'empty polygon' }),
      feature({ type: 'MultiPolygon', coordinates: [] }, { name: 'empty multipolygon' }),
      feature({ type: 'GeometryCollection', geometries: [] }, { name: 'empty collection' })
    ])
  );
  // 5000 levels of arrays: JSON.stringify would overflow the stack, so the text is assembled.
  const depth = 5000;
  const deepArray = `${'['.repeat(depth)}121.1,41.1${']'.repeat(depth)}`;
  /** @type {unknown} */
  let nestedCollection = { type: 'Point', coordinates: [121.1, 41.1] };
  for (let i = 0; i < 40; i++)
    nestedCollection = { type: 'GeometryCollection', geometries: [nestedCollection] };
  write(
    'deeply-nested.geojson',
    `{"type":"FeatureCollection","features":[${JSON.stringify(good)},` +
      `{"type":"Feature","id":"deep-array","properties":{},"geometry":{"type":"Polygon","coordinates":${deepArray}}},` +
      `${JSON.stringify(feature(nestedCollection, {}, 'deep-collection'))}]}\n`
  );
  withGood('not-a-feature.geojson', [42, 'parcel', { type: 'Point', coordinates: [121.1, 41.1] }]);
  withGood('position-too-short.geojson', [
    feature({ type: 'Point', coordinates: [121.1] }, {}, 'one')
  ]);
  withGood('line-too-short.geojson', [
    feature({ type: 'LineString', coordinates: [[121.1, 41.1]] }, {}, 'dot')
  ]);
  withGood('html-in-names.geojson', [
    feature(PARCEL, { name: '<img src=x onerror="alert(1)">地块', note: '<b>粗体</b>' }, 'html')
  ]);
  withGood('duplicate-ids.geojson', [feature(PARCEL, { name: 'again' }, 'good')]);
  withGood('properties-not-object.geojson', [
    { type: 'Feature', id: 'arr', properties: ['紫荆'], geometry: PARCEL }
  ]);
  withGood('missing-properties.geojson', [{ type: 'Feature', id: 'noprops', geometry: PARCEL }]);

  // Coordinate systems.
  const gk40 = square(121.15, 41.12, 0.01).map((p) => project('EPSG:4528', p));
  const gkCm120 = square(121.15, 41.12, 0.01).map((p) => project('EPSG:4549', p));
  writeJson(
    'projected-zone-prefixed-no-crs.geojson',
    collection([feature({ type: 'Polygon', coordinates: [gk40] }, { name: '40 带' })])
  );
  writeJson(
    'projected-no-crs.geojson',
    collection([feature({ type: 'Polygon', coordinates: [gkCm120] }, { name: 'CM 120E' })])
  );
  writeJson(
    'declared-wgs84-but-projected.geojson',
    collection([feature({ type: 'Polygon', coordinates: [gkCm120] }, {})], {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }
    })
  );
  writeJson(
    'declared-projected-but-degrees.geojson',
    collection([feature(PARCEL, {})], {
      crs: { type: 'name', properties: { name: 'EPSG:4549' } }
    })
  );
  writeJson(
    'zone-mismatch.geojson',
    collection([feature({ type: 'Polygon', coordinates: [gk40] }, {})], {
      crs: { type: 'name', properties: { name: 'EPSG:4527' } }
    })
  );
  writeJson(
    'unsupported-crs.geojson',
    collection([feature({ type: 'Polygon', coordinates: [gkCm120] }, {})], {
      crs: { type: 'name', properties: { name: 'EPSG:2385' } }
    })
  );
  writeJson(
    'declared-wgs84-hint-in-properties.geojson',
    collection([feature(PARCEL, { name: '紫荆产业园', 来源: '高德地图拾取' })], {
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }
    })
  );
  writeJson('bd09-in-file-name-baidu.geojson', collection([feature(PARCEL, { name: '凌河公园' })]));

  // Bad KML.
  write(
    'mismatched-tags.kml',
    kml('<Placemark><name>坏标签</name><Point><coordinates>121.1,41.1</coordinates></Placemark>')
  );
  write('truncated.kml', goodKml.slice(0, Math.floor(goodKml.length / 2)));
  write(
    'not-kml.kml',
    '<?xml version="1.0"?>\n<gpx version="1.1"><wpt lat="41.1" lon="121.1"/></gpx>\n'
  );
  write(
    'bad-coordinates.kml',
    kml(`<Placemark><name>好</name><Point><coordinates>121.15,41.12</coordinates></Point></Placemark>
<Placemark id="bad"><name>坏坐标</name><LineString><coordinates>121.1,41.1 121.2,北纬41度</coordinates></LineString></Placemark>`)
  );
  write(
    'unclosed-ring.kml',
    kml(`<Placemark><name>好</name><Point><coordinates>121.15,41.12</coordinates></Point></Placemark>
<Placemark id="open"><name>未闭合</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(square(121.1, 41.1, 0.01).slice(0, 4))}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>`)
  );
  write(
    'entity-expansion.kml',
    '<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<kml><Document><name>&b;</name></Document></kml>\n'
  );
  write('no-placemarks.kml', kml('<Folder><name>空文件夹</name></Folder>'));

  // Bad ZIP / Shapefile.
  const geoUtf8 = parcelShapefile(null, utf8);
  write(
    'zip-without-shp.zip',
    zip([
      { name: 'parcels.dbf', data: geoUtf8.dbf },
      { name: 'parcels.prj', data: ascii(PRJ_CGCS2000) },
      { name: 'readme.txt', data: utf8('边界数据') }
    ])
  );
  write('not-a-zip.zip', utf8('PK? no — this is just text with a .zip name\n'));
  const goodZip = zip([
    { name: 'parcels.shp', data: geoUtf8.shp },
    { name: 'parcels.dbf', data: geoUtf8.dbf },
    { name: 'parcels.prj', data: ascii(PRJ_CGCS2000) }
  ]);
  write('truncated.zip', goodZip.slice(0, Math.floor(goodZip.length / 2)));
  write(
    'encrypted.zip',
    zip([
      { name: 'parcels.shp', data: geoUtf8.shp, encrypted: true },
      { name: 'parcels.dbf', data: geoUtf8.dbf, encrypted: true }
    ])
  );
  write(
    'shp-truncated.zip',
    zip([
      { name: 'parcels.shp', data: geoUtf8.shp.slice(0, geoUtf8.shp.length - 40) },
      { name: 'parcels.dbf', data: geoUtf8.dbf },
      { name: 'parcels.prj', data: ascii(PRJ_CGCS2000) }
    ])
  );
  const gkNoPrj = parcelShapefile('EPSG:4549', utf8);
  write(
    'shp-projected-no-prj.zip',
    zip([
      { name: 'parcels.shp', data: gkNoPrj.shp },
      { name: 'parcels.dbf', data: gkNoPrj.dbf }
    ])
  );
  write(
    'shp-xian80-prj.zip',
    zip([
      { name: 'parcels.shp', data: gkNoPrj.shp },
      { name: 'parcels.dbf', data: gkNoPrj.dbf },
      { name: 'parcels.prj', data: ascii(PRJ_XIAN80) }
    ])
  );
  const withDeleted = parcelShapefile(null, utf8, { deleted: [1] });
  write(
    'shp-deleted-record.zip',
    zip([
      { name: 'parcels.shp', data: withDeleted.shp },
      { name: 'parcels.dbf', data: withDeleted.dbf },
      { name: 'parcels.prj', data: ascii(PRJ_CGCS2000) }
    ])
  );
  write('lone.shp', geoUtf8.shp);

  hostileFiles(geoUtf8);

  console.log(`wrote ${readdirSync(OUT).length} files to ${OUT}`);
}

// ---------------------------------------------------------------- Hostile files (issue #16)

/**
 * Small files built the way an attacker would (the big ones are generated inside the tests).
 * @param {{ shp: Uint8Array; dbf: Uint8Array }} parcels
 */
function hostileFiles(parcels) {
  const prj = ascii(PRJ_CGCS2000);
  // 1. Headers that claim 1 000 bytes for a .shp that inflates to 1 MB.
  const bomb = new Uint8Array(1024 * 1024);
  bomb.set(parcels.shp);
  write(
    'zip-size-lies.zip',
    zip([
      { name: 'parcels.shp', data: bomb, declaredSize: 1000 },
      { name: 'parcels.dbf', data: parcels.dbf },
      { name: 'parcels.prj', data: prj }
    ])
  );

  // 8. Files whose messages were unclear: blanks only, UTF-32, a KMZ without KML, KML whose
  // elements carry a namespace prefix.
  write('blank.geojson', utf8('  \n\t\r\n   \n'));
  const utf32 = new Uint8Array(4 + 4 * 40);
  utf32.set([0xff, 0xfe, 0, 0]);
  [...'{"type":"FeatureCollection","features":[]}'.slice(0, 40)].forEach((c, i) => {
    utf32[4 + 4 * i] = c.charCodeAt(0);
  });
  write('utf32.geojson', utf32);
  write('kmz-without-kml.kmz', zip([{ name: 'images/photo.png', data: utf8('not a png') }]));
  write(
    'namespace-prefixed.kml',
    `<?xml version="1.0" encoding="UTF-8"?>
<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"><kml:Document>
<kml:Placemark><kml:name>带前缀</kml:name><kml:Point><kml:coordinates>121.145,41.125</kml:coordinates></kml:Point></kml:Placemark>
<kml:Placemark><kml:name>面</kml:name><kml:Polygon><kml:outerBoundaryIs><kml:LinearRing><kml:coordinates>${kmlCoordinates(square(121.2, 41.12, 0.004))}</kml:coordinates></kml:LinearRing></kml:outerBoundaryIs></kml:Polygon></kml:Placemark>
</kml:Document></kml:kml>
`
  );
  // 5. A second .kml in a KMZ is named, not ignored silently.
  write(
    'kmz-two-kml.kmz',
    zip([
      {
        name: 'doc.kml',
        data: utf8(
          kml(
            '<Placemark><name>一</name><Point><coordinates>121.1,41.1</coordinates></Point></Placemark>'
          )
        )
      },
      {
        name: 'extra/second.kml',
        data: utf8(
          kml(
            '<Placemark><name>二</name><Point><coordinates>121.2,41.1</coordinates></Point></Placemark>'
          )
        )
      }
    ])
  );

  // 5. A repeated member: JSON.parse keeps the last and drops the rest.
  const point = (/** @type {number} */ lon) =>
    JSON.stringify(feature({ type: 'Point', coordinates: [lon, 41.1] }, { name: `p${lon}` }));
  write(
    'repeated-features.geojson',
    `{"type":"FeatureCollection","features":[${point(121.1)}],"features":[${point(121.2)},${point(121.3)}]}\n`
  );
  write(
    'repeated-geometry.geojson',
    `{"type":"FeatureCollection","features":[${point(121.1)},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[121.2,41.1]},"geometry":{"type":"Point","coordinates":[121.3,41.1]}}]}\n`
  );

  // 5. Attribute tables read wrong or dropped before: a FoxPro header, repeated field names, a
  // field named __proto__, a record length that disagrees with the fields; a hole outside its
  // shell; two layers whose names differ only in case.
  const shapefile = (
    /** @type {string} */ base,
    /** @type {{ shp: Uint8Array; dbf: Uint8Array }} */ parts
  ) =>
    zip([
      { name: `${base}.shp`, data: parts.shp },
      { name: `${base}.dbf`, data: parts.dbf },
      { name: `${base}.prj`, data: prj }
    ]);
  write(
    'dbf-foxpro-header.zip',
    shapefile('parcels', parcelShapefile(null, utf8, { foxpro: true }))
  );
  write('dbf-record-length.zip', shapefile('parcels', parcelShapefile(null, utf8, { padding: 5 })));
  const twoNames = {
    shp: parcels.shp,
    dbf: dbf(
      [
        { name: 'NAME', type: 'C', length: 40 },
        { name: 'NAME', type: 'C', length: 20 },
        { name: '__proto__', type: 'C', length: 10 }
      ],
      SHP_PARCELS.map((p, i) => [p.name, `别名${i + 1}`, `p${i + 1}`]),
      utf8
    )
  };
  write('dbf-repeated-and-proto-fields.zip', shapefile('parcels', twoNames));
  const outside = square(121.3, 41.12, 0.001); // counter-clockwise: a hole, beside the shell
  write(
    'shp-hole-outside.zip',
    shapefile('parcels', {
      shp: shpPolygons([[square(121.2, 41.12, 0.004).reverse(), outside]]),
      dbf: dbf([{ name: 'NAME', type: 'C', length: 10 }], [['hole']], utf8)
    })
  );
  write(
    'shp-layers-differ-in-case.zip',
    zip([
      { name: 'Parcels.shp', data: parcels.shp },
      { name: 'Parcels.dbf', data: parcels.dbf },
      { name: 'parcels.shp', data: parcels.shp },
      { name: 'parcels.dbf', data: parcels.dbf },
      { name: 'parcels.prj', data: prj }
    ])
  );

  // 6. The second record's point count runs past its end: records 1 and 3 still import.
  const broken = parcels.shp.slice();
  const view = new DataView(broken.buffer);
  let at = 100;
  at += 8 + view.getInt32(at + 4, false) * 2; // the second record's header
  view.setInt32(at + 8 + 40, 100000, true); // numPoints
  // 7. A hole larger than its shell (its area came out negative), a hole beside its shell, and a
  // polar cap (a ring around the North Pole, closed through it along the antimeridian).
  const shell = square(121.2, 41.12, 0.004);
  writeJson(
    'hole-larger-than-shell.geojson',
    collection([
      feature({ type: 'Polygon', coordinates: [square(121.15, 41.1, 0.004)] }, { name: '好' }),
      feature(
        { type: 'Polygon', coordinates: [shell, square(121.18, 41.1, 0.05).reverse()] },
        { name: '洞比外环大' }
      )
    ])
  );
  write(
    'hole-outside-shell.kml',
    kml(`<Placemark><name>好</name><Point><coordinates>121.15,41.1</coordinates></Point></Placemark>
<Placemark id="beside"><name>洞在外面</name><Polygon>
<outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(shell)}</coordinates></LinearRing></outerBoundaryIs>
<innerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(square(121.3, 41.12, 0.001).reverse())}</coordinates></LinearRing></innerBoundaryIs>
</Polygon></Placemark>`)
  );
  writeJson(
    'polar-cap.geojson',
    collection([
      feature(
        {
          type: 'Polygon',
          coordinates: [
            [
              [-180, 80],
              [-90, 80],
              [0, 80],
              [90, 80],
              [180, 80],
              [180, 90],
              [-180, 90],
              [-180, 80]
            ]
          ]
        },
        { name: 'north of 80°N' }
      )
    ])
  );

  write(
    'shp-broken-record.zip',
    zip([
      { name: 'parcels.shp', data: broken },
      { name: 'parcels.dbf', data: parcels.dbf },
      { name: 'parcels.prj', data: prj }
    ])
  );
}

// Run as a script; scripts/make-parity-fixtures.js imports the writers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
