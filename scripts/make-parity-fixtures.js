#!/usr/bin/env node
/**
 * Writes tests/fixtures/parity/: boundary files in every geometry type (holes and collections
 * included), every CRS and every format the map imports, and cases.json, the table that
 * tests/unit/parity.test.ts runs through `linghe-audit` and through the browser's audit
 * (importFile → a boundary assignment → auditRows). For each feature the table holds the expected
 * status and the reference area: GeographicLib's PolygonArea on CGCS2000 of the geometry as written,
 * converted to WGS-84 — an independent measure of what both paths must report. Deterministic.
 *
 * Usage: node scripts/make-parity-fixtures.js
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geographicLibArea } from '../src/lib/geo/area.js';
import { toWgs84 } from '../src/lib/geo/crs.js';
import {
  PRJ_CGCS2000,
  PRJ_GK_CM_120E,
  collection,
  dbf,
  encodeGbk,
  feature,
  kml,
  kmlCoordinates,
  project,
  shpPolygons,
  square,
  zip
} from './make-import-fixtures.js';

/** @typedef {import('geojson').Geometry} Geometry */
/** @typedef {number[]} Position */
/** @typedef {import('../src/lib/geo/crs.js').Crs} Crs */

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'parity');

/** The square of the issue: 0.01° at 121.2°E 41.1°N, 932 886.8 m² (1399.3亩). */
const SQUARE = square(121.2, 41.1, 0.01);
/** A hole a quarter of its size in its middle, clockwise. */
const HOLE = square(121.2025, 41.1025, 0.005).reverse();
const SQUARE_EAST = square(121.22, 41.1, 0.01);
const LINE = [
  [121.2, 41.1],
  [121.22, 41.11]
];
const POINT = [121.205, 41.105];

/** @type {{ file: string, crs?: string, figure: string, tolerance?: number, features: { status: string, areaM2: number | null, name?: string }[] }[]} */
const cases = [];

/**
 * Reference area of a geometry as written in `crs`, or null when it has no area.
 * @param {Geometry | null} geometry
 * @param {Crs} crs
 */
function referenceArea(geometry, crs) {
  if (!geometry) return null;
  const area = geographicLibArea(toWgs84(geometry, crs));
  return area > 0 ? Math.round(area * 1000) / 1000 : null;
}

/** @param {string} name @param {string | Uint8Array} content */
function write(name, content) {
  writeFileSync(join(OUT, name), content);
}

/**
 * Writes a GeoJSON file and its case.
 * @param {string} name
 * @param {{ geometry: Geometry | null, name: string, status: string }[]} features
 * @param {{ crs?: string, declare?: string, figure?: string, tolerance?: number, read?: Crs, project?: string }} [options]
 */
function geojsonCase(name, features, options = {}) {
  /** @param {Geometry | null} geometry @returns {Geometry | null} */
  const written = (geometry) =>
    geometry && options.project ? projectGeometry(geometry, options.project) : geometry;
  const extra = options.declare
    ? { crs: { type: 'name', properties: { name: options.declare } } }
    : {};
  const geometries = features.map((f) => written(f.geometry));
  write(
    name,
    `${JSON.stringify(
      collection(
        features.map((f, i) => feature(geometries[i], { name: f.name })),
        extra
      ),
      null,
      1
    )}\n`
  );
  const read = options.read ?? /** @type {Crs} */ (options.crs ?? 'wgs84');
  cases.push({
    file: name,
    ...(options.crs ? { crs: options.crs } : {}),
    figure: options.figure ?? '1399亩',
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    features: features.map((f, i) => ({
      name: f.name,
      status: f.status,
      areaM2: referenceArea(geometries[i], read)
    }))
  });
}

/**
 * @param {Geometry} geometry
 * @param {string} crs
 * @returns {Geometry}
 */
function projectGeometry(geometry, crs) {
  /** @param {Position[]} ring */
  const ring = (ring) => ring.map((p) => project(crs, p));
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
    default:
      throw new Error(`projectGeometry: ${geometry.type}`);
  }
}

/** @type {Geometry} */
const polygon = { type: 'Polygon', coordinates: [SQUARE] };
/** @type {Geometry} */
const withHole = { type: 'Polygon', coordinates: [SQUARE, HOLE] };
/** @type {Geometry} */
const twoSquares = { type: 'MultiPolygon', coordinates: [[SQUARE], [SQUARE_EAST]] };

function geojsonCases() {
  geojsonCase('polygon.geojson', [{ geometry: polygon, name: '地块', status: 'within' }]);
  // Δ is +0.024 %: outside a tolerance of 0.02 %.
  const [{ features }] = cases;
  cases.push({
    file: 'polygon.geojson',
    figure: '1399亩',
    tolerance: 0.02,
    features: [{ ...features[0], status: 'outside' }]
  });
  geojsonCase('collection.geojson', [
    {
      geometry: {
        type: 'GeometryCollection',
        geometries: [{ type: 'Point', coordinates: POINT }, polygon]
      },
      name: '点和面',
      status: 'within'
    }
  ]);
  geojsonCase('nested-collection.geojson', [
    {
      geometry: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: LINE }] },
          { type: 'GeometryCollection', geometries: [polygon] }
        ]
      },
      name: '嵌套集合',
      status: 'within'
    }
  ]);
  geojsonCase('hole.geojson', [{ geometry: withHole, name: '含水面', status: 'outside' }]);
  geojsonCase(
    'multipolygon.geojson',
    [{ geometry: twoSquares, name: '两块地', status: 'within' }],
    {
      figure: '2798亩'
    }
  );
  geojsonCase('mixed.geojson', [
    { geometry: { type: 'LineString', coordinates: LINE }, name: '线', status: 'not-areal' },
    {
      geometry: {
        type: 'MultiLineString',
        coordinates: [LINE, LINE.map(([x, y]) => [x, y + 0.01])]
      },
      name: '多线',
      status: 'not-areal'
    },
    { geometry: { type: 'Point', coordinates: POINT }, name: '点', status: 'not-areal' },
    {
      geometry: { type: 'MultiPoint', coordinates: [POINT, SQUARE[2]] },
      name: '多点',
      status: 'not-areal'
    },
    {
      geometry: {
        type: 'GeometryCollection',
        geometries: [{ type: 'LineString', coordinates: LINE }]
      },
      name: '线的集合',
      status: 'not-areal'
    },
    { geometry: null, name: '无几何', status: 'no-geometry' },
    { geometry: polygon, name: '地块', status: 'within' }
  ]);
  // Each CRS: zone 40 with prefix (given), CM 120°E declared in the file, the datums.
  geojsonCase('gk-epsg4528.geojson', [{ geometry: withHole, name: '投影含洞', status: 'within' }], {
    crs: 'EPSG:4528',
    project: 'EPSG:4528',
    figure: '1049.5亩'
  });
  geojsonCase(
    'gk-epsg4549-declared.geojson',
    [{ geometry: twoSquares, name: '投影两块', status: 'within' }],
    {
      declare: 'urn:ogc:def:crs:EPSG::4549',
      project: 'EPSG:4549',
      read: 'EPSG:4549',
      figure: '2798亩'
    }
  );
  for (const crs of /** @type {const} */ (['cgcs2000', 'gcj02', 'bd09'])) {
    geojsonCase(`${crs}.geojson`, [{ geometry: polygon, name: crs, status: 'within' }], { crs });
  }
}

/** A KML with a polygon with a hole, a MultiGeometry of a point and a polygon, and a line. */
function kmlText() {
  const polygonKml = (/** @type {Position[]} */ outer, /** @type {Position[] | null} */ inner) =>
    `<Polygon><outerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(outer)}</coordinates></LinearRing></outerBoundaryIs>` +
    (inner
      ? `<innerBoundaryIs><LinearRing><coordinates>${kmlCoordinates(inner)}</coordinates></LinearRing></innerBoundaryIs>`
      : '') +
    '</Polygon>';
  return kml(`<Placemark><name>紫荆地块</name>${polygonKml(SQUARE, null)}</Placemark>
<Placemark><name>含水面</name>${polygonKml(SQUARE, HOLE)}</Placemark>
<Placemark><name>点和面</name><MultiGeometry><Point><coordinates>${POINT.join(',')}</coordinates></Point>${polygonKml(SQUARE, null)}</MultiGeometry></Placemark>
<Placemark><name>河堤</name><LineString><coordinates>${kmlCoordinates(LINE)}</coordinates></LineString></Placemark>`);
}

const KML_FEATURES = [
  { name: '紫荆地块', geometry: polygon, status: 'within' },
  { name: '含水面', geometry: withHole, status: 'outside' },
  { name: '点和面', geometry: polygon, status: 'within' },
  { name: '河堤', geometry: null, status: 'not-areal' }
];

function kmlCases() {
  const text = kmlText();
  write('parcels.kml', text);
  write('parcels.kmz', zip([{ name: 'doc.kml', data: new TextEncoder().encode(text) }]));
  for (const file of ['parcels.kml', 'parcels.kmz']) {
    cases.push({
      file,
      figure: '1399亩',
      features: KML_FEATURES.map((f) => ({
        name: f.name,
        status: f.status,
        areaM2: referenceArea(f.geometry, 'wgs84')
      }))
    });
  }
}

/** Shapefile rings: outer clockwise, holes counter-clockwise (ESRI's rule). */
const SHP_FEATURES = [
  { name: '紫荆产业园地块', rings: [SQUARE.slice().reverse()], status: 'within' },
  {
    name: '凌河公园（含水面）',
    rings: [SQUARE.slice().reverse(), HOLE.slice().reverse()],
    status: 'outside'
  }
];

/**
 * A zipped Shapefile of SHP_FEATURES and its case.
 * @param {string} name
 * @param {string | null} crs projected CRS of the coordinates, or null for degrees
 * @param {string} prj
 * @param {boolean} cpg whether a .cpg says GBK (else the reader must guess it)
 */
function shapefileCase(name, crs, prj, cpg) {
  const rings = SHP_FEATURES.map((f) =>
    f.rings.map((ring) => (crs ? ring.map((p) => project(crs, p)) : ring))
  );
  const table = dbf(
    [{ name: 'DKMC', type: 'C', length: 40 }],
    SHP_FEATURES.map((f) => [f.name]),
    encodeGbk
  );
  const entries = [
    { name: 'parcels.shp', data: shpPolygons(rings) },
    { name: 'parcels.dbf', data: table },
    { name: 'parcels.prj', data: new TextEncoder().encode(prj) },
    ...(cpg ? [{ name: 'parcels.cpg', data: new TextEncoder().encode('GBK') }] : [])
  ];
  write(name, zip(entries));
  const read = /** @type {Crs} */ (crs === 'EPSG:4549' ? 'EPSG:4549' : 'cgcs2000');
  cases.push({
    file: name,
    figure: '1399亩',
    features: SHP_FEATURES.map((f, i) => ({
      name: f.name,
      status: f.status,
      areaM2: referenceArea({ type: 'Polygon', coordinates: rings[i] }, read)
    }))
  });
}

function main() {
  mkdirSync(OUT, { recursive: true });
  geojsonCases();
  kmlCases();
  shapefileCase('parcels-gk-epsg4549-gbk-cpg.zip', 'EPSG:4549', PRJ_GK_CM_120E, true);
  shapefileCase('parcels-cgcs2000-gbk-no-cpg.zip', null, PRJ_CGCS2000, false);
  write('cases.json', `${JSON.stringify(cases, null, 1)}\n`);
  console.log(`wrote ${readdirSync(OUT).length} files to ${OUT}`);
}

main();
