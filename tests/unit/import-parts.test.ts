/**
 * The importer's parts one by one (issue #5): format detection, encodings, CRS names and .prj
 * files, the JSON error locator, the XML parser, the ZIP reader, the self-intersection sweep,
 * feature validation, provenance hints and the message catalogue.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
  crsFromName,
  crsFromPrj,
  describeCrs,
  gaussKrugerCrs
} from '../../src/lib/formats/crs-names';
import { detectFormat } from '../../src/lib/formats/detect-format';
import { ImportFileError } from '../../src/lib/formats/file-error';
import { locateJsonError } from '../../src/lib/formats/json-syntax';
import {
  crsQuestion,
  featureProblem,
  fileError,
  MESSAGE_CODES,
  notice,
  storageError
} from '../../src/lib/import/messages';
import { looksProjected } from '../../src/lib/geo/crs.js';
import { extentLooksProjected } from '../../src/lib/import/extent';
import { provenanceHints } from '../../src/lib/import/provenance';
import { findSelfIntersection } from '../../src/lib/import/self-intersection';
import {
  decodeUtf8OrThrow,
  decodeUtf8Strict,
  firstInvalidUtf8Offset,
  normaliseEncodingLabel
} from '../../src/lib/formats/text-encoding';
import { checkFeature } from '../../src/lib/import/validate';
import { parseXml, XmlSyntaxError } from '../../src/lib/formats/xml';
import { crc32, listZip } from '../../src/lib/formats/zip';
import { zipOf as zipOfEntries } from '../../scripts/hostile-files.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  test.each([
    ['{"type":"Feature"}', 'a.txt', { kind: 'format', format: 'geojson' }],
    ['\uFEFF  [1]', 'a.json', { kind: 'format', format: 'geojson' }],
    ['<?xml version="1.0"?><kml/>', 'a.xml', { kind: 'format', format: 'kml' }],
    ['<!DOCTYPE html><html>', 'a.geojson', { kind: 'refused', code: 'html-page' }],
    ['hello', 'a.kml', { kind: 'format', format: 'kml' }],
    ['hello', 'a.dat', { kind: 'refused', code: 'unknown-format', params: { name: 'a.dat' } }]
  ])('%j named %s', (content, name, expected) => {
    expect(detectFormat(text(content), name)).toEqual(expected);
  });

  test('magic bytes win over the name', () => {
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'x.geojson')).toEqual({
      kind: 'format',
      format: 'zip'
    });
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'x.KMZ')).toEqual({
      kind: 'format',
      format: 'kmz'
    });
    expect(detectFormat(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'x.json')).toMatchObject({
      params: { kind: 'PDF' }
    });
    expect(detectFormat(new Uint8Array([0, 0, 0x27, 0x0a, 0, 0]), 'x.bin')).toEqual({
      kind: 'refused',
      code: 'shp-alone'
    });
    expect(detectFormat(new Uint8Array([0x7b, 0, 0x22, 0]), 'x.json')).toEqual({
      kind: 'refused',
      code: 'encoding-utf16'
    });
    expect(detectFormat(new Uint8Array(), 'x.json')).toEqual({
      kind: 'refused',
      code: 'empty-file'
    });
  });
});

describe('text encodings', () => {
  test('cpg labels written by Chinese GIS software', () => {
    expect(normaliseEncodingLabel('ANSI 936')).toBe('gbk');
    expect(normaliseEncodingLabel(' 936\r\n')).toBe('gbk');
    expect(normaliseEncodingLabel('CP936')).toBe('gbk');
    expect(normaliseEncodingLabel('GB2312')).toBe('gbk');
    expect(normaliseEncodingLabel('UTF-8')).toBe('utf-8');
    expect(normaliseEncodingLabel('65001')).toBe('utf-8');
    expect(normaliseEncodingLabel('GB18030')).toBe('gb18030');
    expect(normaliseEncodingLabel('1252')).toBe('windows-1252');
    expect(normaliseEncodingLabel('klingon')).toBeNull();
    expect(normaliseEncodingLabel('')).toBeNull();
  });

  test('the first invalid UTF-8 byte is located', () => {
    expect(firstInvalidUtf8Offset(text('ab凌河'))).toBe(8);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc1, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe5, 0x87]))).toBe(2); // cut short
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xc1, 0xbf]))).toBe(1); // overlong
  });

  test('UTF-8 decodes, a BOM dropped and U+FFFD kept; bytes that are not UTF-8 throw', () => {
    expect(decodeUtf8OrThrow(text('\uFEFF凌河 \uFFFD'))).toBe('凌河 \uFFFD');
    expect(() => decodeUtf8OrThrow(new Uint8Array([0x61, 0xc1, 0x80]))).toThrow(TypeError);
    expect(decodeUtf8Strict(new Uint8Array([0x61, 0x62, 0xe5, 0x87]))).toEqual({
      ok: false,
      offset: 2
    });
    expect(decodeUtf8Strict(text('ab凌'))).toEqual({ ok: true, text: 'ab凌' });
  });
});

describe('CRS names and .prj files', () => {
  test.each([
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'wgs84'],
    ['urn:ogc:def:crs:EPSG::4326', 'wgs84'],
    ['EPSG:4490', 'cgcs2000'],
    ['http://www.opengis.net/def/crs/EPSG/0/4528', 'EPSG:4528'],
    ['urn:ogc:def:crs:EPSG::4549', 'EPSG:4549'],
    ['GCJ-02', 'gcj02'],
    ['bd09', 'bd09'],
    ['EPSG:3857', null],
    ['EPSG:2385', null],
    ['Beijing 1954', null]
  ])('crsFromName(%s) → %s', (name, crs) => {
    expect(crsFromName(name).crs).toBe(crs);
  });

  const gk = (
    name: string,
    cm: number,
    falseEasting: number,
    datum = 'China_Geodetic_Coordinate_System_2000'
  ) =>
    `PROJCS["${name}",GEOGCS["GCS_${datum}",DATUM["D_${datum}",SPHEROID["${datum}",6378137.0,298.257222101]],` +
    `PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],` +
    `PARAMETER["False_Easting",${falseEasting}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],` +
    `PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;

  test.each([
    [gk('CGCS2000_3_Degree_GK_CM_120E', 120, 500000), 'EPSG:4549'],
    [gk('CGCS2000_3_Degree_GK_Zone_40', 120, 40500000), 'EPSG:4528'],
    [gk('CGCS2000_3_Degree_GK_Zone_39', 117, 39500000), 'EPSG:4527'],
    // A 6° zone with CM 117°E and no prefix is the same projection as the 3° one.
    [gk('CGCS2000_GK_CM_117E', 117, 500000), 'EPSG:4548'],
    // A 6° zone with its own prefix (20) is not a 3° zone.
    [gk('CGCS2000_GK_Zone_20', 117, 20500000), null],
    [gk('Xian_1980_3_Degree_GK_CM_120E', 120, 500000, 'Xian_1980'), null],
    [gk('Beijing_1954_3_Degree_GK_CM_120E', 120, 500000, 'Beijing_1954'), null],
    [
      'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
      'wgs84'
    ],
    [
      'GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]]]',
      'cgcs2000'
    ],
    [
      'PROJCS["CGCS2000 / 3-degree Gauss-Kruger CM 120E",GEOGCS["China Geodetic Coordinate System 2000"],AUTHORITY["EPSG","4549"]]',
      'EPSG:4549'
    ],
    [
      'PROJCRS["CGCS2000 / 3-degree Gauss-Kruger zone 40",BASEGEOGCRS["China Geodetic Coordinate System 2000"],ID["EPSG",4528]]',
      'EPSG:4528'
    ],
    [
      'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984"],PROJECTION["Mercator_Auxiliary_Sphere"],AUTHORITY["EPSG","3857"]]',
      null
    ],
    ['not a prj at all', null]
  ])('crsFromPrj #%#', (wkt, crs) => {
    expect(crsFromPrj(wkt).crs).toBe(crs);
  });

  test('names are kept for messages; zones are described', () => {
    expect(crsFromPrj(gk('Xian_1980_3_Degree_GK_CM_120E', 120, 500000, 'Xian_1980')).name).toBe(
      'Xian_1980_3_Degree_GK_CM_120E'
    );
    expect(describeCrs('EPSG:4528')).toBe('CGCS2000 3° GK zone 40 (EPSG:4528)');
    expect(describeCrs('EPSG:4549')).toBe('CGCS2000 3° GK CM 120E (EPSG:4549)');
    expect(gaussKrugerCrs(120, true)).toBe('EPSG:4528');
    expect(gaussKrugerCrs(121, false)).toBeNull();
  });
});

describe('locateJsonError', () => {
  test.each([
    ['{"a": [1, 2,]}', 12, 'trailing comma'],
    ['{"a": 1,}', 8, 'trailing comma'],
    ["{'a': 1}", 1, 'single quotes'],
    ['{"a": NaN}', 6, 'NaN is not a JSON value'],
    ['{"a": 1 "b": 2}', 8, 'missing “,” or “}”'],
    ['{"a" 1}', 5, '“:” is missing'],
    ['{"a": "x\ny"}', 8, 'line break'],
    ['[1] [2]', 4, 'more text after the end'],
    ['{"a": tru}', 6, 'unexpected character']
  ])('%s', (json, offset, reason) => {
    const found = locateJsonError(json);
    expect(found).toMatchObject({ offset, truncated: false });
    expect(found?.en).toContain(reason);
    expect(() => JSON.parse(json)).toThrow();
  });

  test('valid JSON has no error; cut-off JSON is truncated', () => {
    expect(locateJsonError('{"a": [1, {"b": "\\u4e00"}], "c": null}')).toBeNull();
    expect(locateJsonError('{"a": [1, 2')).toMatchObject({ truncated: true, offset: 11 });
    expect(locateJsonError('{"a": "unterminated')).toMatchObject({ truncated: true });
  });

  test('agrees with JSON.parse on arbitrary JSON, and on it cut anywhere', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (json, cut) => {
        expect(locateJsonError(json)).toBeNull();
        const prefix = json.slice(0, cut % (json.length + 1));
        let parses = true;
        try {
          JSON.parse(prefix);
        } catch {
          parses = false;
        }
        expect(locateJsonError(prefix) === null).toBe(parses);
      }),
      { numRuns: 300 }
    );
  });

  test('100 000 nested brackets do not overflow the stack', () => {
    expect(locateJsonError('['.repeat(100_000) + ']'.repeat(99_999))).toMatchObject({
      truncated: true
    });
  });
});

describe('parseXml', () => {
  test('elements, attributes, entities, CDATA and document order', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\n<!-- c --><kml a="1 &amp; 2"><b>x &lt;y&gt; &#x51CC;&#27827;</b><c><![CDATA[<i>raw</i>]]></c><b/></kml>'
    );
    const root = doc.documentElement;
    expect(root?.nodeName).toBe('kml');
    expect(root?.getAttribute('a')).toBe('1 & 2');
    const bs = doc.getElementsByTagName('b');
    expect(bs).toHaveLength(2);
    expect(bs[0].textContent).toBe('x <y> 凌河');
    expect(doc.getElementsByTagName('c')[0].childNodes.item(0)?.nodeType).toBe(4);
    expect(doc.getElementsByTagName('*').map((n) => n.nodeName)).toEqual(['kml', 'b', 'c', 'b']);
    expect(parseXml('<gx:Track xmlns:gx="x"/>').documentElement?.localName).toBe('Track');
  });

  const failure = (xml: string) => {
    try {
      parseXml(xml);
    } catch (error) {
      return error as XmlSyntaxError;
    }
    throw new Error('parsed');
  };

  test('errors say where', () => {
    expect(failure('<a>\n  <b></a>')).toMatchObject({
      line: 2,
      column: 6,
      detailEn: 'end tag </a> does not match <b>'
    });
    expect(failure('<a>&nbsp;</a>')).toMatchObject({ detailEn: 'unknown entity &nbsp;' });
    expect(failure('<a x=1/>')).toMatchObject({
      detailEn: 'the value of attribute x is not quoted'
    });
    expect(failure('<a/><b/>')).toMatchObject({ detailEn: 'more than one root element' });
    expect(failure('<a><b>text')).toMatchObject({ unclosedTag: 'b' });
    expect(failure('')).toMatchObject({ detailEn: 'there is no root element' });
  });
});

describe('listZip', () => {
  /** One entry, deflated or stored, with honest headers unless `crc` says otherwise. */
  function zipOf(name: string, data: Uint8Array, { method = 8, crc = crc32(data) } = {}) {
    const body = method === 8 ? deflateRawSync(data) : data;
    return zipOfEntries([{ name, data: body, method: method as 0 | 8, crc, size: data.length }]);
  }

  test('reads stored and deflated entries', async () => {
    const data = text('凌河区 '.repeat(100));
    for (const method of [0, 8]) {
      const [entry] = listZip(zipOf('地块.dbf', data, { method }), 1e6);
      expect(entry.name).toBe('地块.dbf');
      expect(await entry.read()).toEqual(data);
    }
  });

  test('CRC mismatch, unknown method and expansion limit are file errors', async () => {
    const data = text('abc');
    const [bad] = listZip(zipOf('a.shp', data, { crc: 1 }), 1e6);
    await expect(bad.read()).rejects.toMatchObject({ code: 'zip-corrupt' });
    expect(() => listZip(zipOf('a.shp', data, { method: 14 }), 1e6)).toThrow(ImportFileError);
    expect(() => listZip(zipOf('a.shp', data, { method: 14 }), 1e6)).toThrow(/zip-unsupported/);
    expect(() => listZip(zipOf('a.shp', data), 2)).toThrow(/zip-too-large/);
  });

  test('crc32 matches the standard check value', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
  });
});

describe('findSelfIntersection', () => {
  const square: Position[] = [
    [0, 0],
    [2, 0],
    [2, 2],
    [0, 2],
    [0, 0]
  ];

  test.each([
    ['a square', [square], 'none'],
    [
      'a bow tie',
      [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0]
        ]
      ],
      'found'
    ],
    [
      'a spike folding back on its edge',
      [
        [
          [0, 0],
          [2, 0],
          [1, 0],
          [1, 1],
          [0, 0]
        ]
      ],
      'found'
    ],
    [
      'collinear vertices along an edge',
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0]
        ]
      ],
      'none'
    ],
    [
      'repeated vertices',
      [
        [
          [0, 0],
          [2, 0],
          [2, 0],
          [2, 2],
          [0, 2],
          [0, 0],
          [0, 0]
        ]
      ],
      'none'
    ],
    [
      'a ring touching itself at a vertex',
      [
        [
          [0, 0],
          [2, 0],
          [1, 1],
          [2, 2],
          [0, 2],
          [1, 1],
          [0, 0]
        ]
      ],
      'found'
    ],
    [
      'a hole inside',
      [
        square,
        [
          [0.5, 0.5],
          [0.5, 1.5],
          [1.5, 1.5],
          [1.5, 0.5],
          [0.5, 0.5]
        ]
      ],
      'none'
    ],
    [
      'a hole touching the shell at one point',
      [
        square,
        [
          [0, 1],
          [1, 1.5],
          [1, 0.5],
          [0, 1]
        ]
      ],
      'none'
    ],
    [
      'a hole crossing the shell',
      [
        square,
        [
          [1, 1],
          [3, 1],
          [3, 1.5],
          [1, 1]
        ]
      ],
      'found'
    ],
    [
      'a hole sharing an edge stretch',
      [
        square,
        [
          [0, 0.5],
          [0, 1.5],
          [1, 1],
          [0, 0.5]
        ]
      ],
      'found'
    ]
  ])('%s', (_name, rings, kind) => {
    expect(findSelfIntersection(rings as Position[][]).kind).toBe(kind);
  });

  test('the sweep agrees with comparing every pair of edges', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 3,
          maxLength: 80
        }),
        (points) => {
          const ring: Position[] = [...points, points[0]];
          const edges: Position[][] = [];
          for (let i = 0; i + 1 < ring.length; i++) {
            const [a, b] = [ring[i], ring[i + 1]];
            if (a[0] !== b[0] || a[1] !== b[1]) edges.push([a, b]);
          }
          let expected = false;
          for (let i = 0; i < edges.length && !expected; i++) {
            for (let j = i + 1; j < edges.length && !expected; j++) {
              const adjacent = j === i + 1 || (i === 0 && j === edges.length - 1);
              expected = pairConflicts(edges[i], edges[j], adjacent);
            }
          }
          expect(findSelfIntersection([ring]).kind).toBe(expected ? 'found' : 'none');
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('findSelfIntersection on simple rings', () => {
  test('star-shaped rings of 48–400 edges are simple; swapping two vertices makes them cross', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 2, noNaN: true }), { minLength: 48, maxLength: 400 }),
        (radii) => {
          const n = radii.length;
          const ring: Position[] = radii.map((r, i) => [
            r * Math.cos((2 * Math.PI * i) / n),
            r * Math.sin((2 * Math.PI * i) / n)
          ]);
          ring.push(ring[0]);
          expect(findSelfIntersection([ring]).kind).toBe('none');
          // Swap two vertices a quarter turn apart: the edges around them now cross.
          const twisted = ring.slice(0, n);
          const k = Math.floor(n / 4);
          [twisted[1], twisted[1 + k]] = [twisted[1 + k], twisted[1]];
          twisted.push(twisted[0]);
          expect(findSelfIntersection([twisted]).kind).toBe('found');
        }
      ),
      { numRuns: 100 }
    );
  });
});

/** Exhaustive reference for one pair of edges of the same ring (integer coordinates). */
function pairConflicts([a, b]: Position[], [c, d]: Position[], adjacent: boolean): boolean {
  const orient = (p: Position, q: Position, r: Position) =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const on = (p: Position, q: Position, r: Position) =>
    r[0] >= Math.min(p[0], q[0]) &&
    r[0] <= Math.max(p[0], q[0]) &&
    r[1] >= Math.min(p[1], q[1]) &&
    r[1] <= Math.max(p[1], q[1]);
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 === 0 && o2 === 0 && o3 === 0) {
    // Collinear: overlap longer than a point?
    const axis = a[0] !== b[0] ? 0 : 1;
    const lo = Math.max(Math.min(a[axis], b[axis]), Math.min(c[axis], d[axis]));
    const hi = Math.min(Math.max(a[axis], b[axis]), Math.max(c[axis], d[axis]));
    if (hi > lo) return true;
    return !adjacent && hi === lo;
  }
  if (adjacent) return false;
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  return (
    (o1 === 0 && on(a, b, c)) ||
    (o2 === 0 && on(a, b, d)) ||
    (o3 === 0 && on(c, d, a)) ||
    (o4 === 0 && on(c, d, b))
  );
}

describe('checkFeature', () => {
  const point = (coordinates: unknown) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates }
  });

  test.each([
    [point(['121', 41]), 'non-numeric-coordinate', 'geometry.coordinates[0]'],
    [point([121, Infinity]), 'non-finite-coordinate', 'geometry.coordinates[1]'],
    [point([121]), 'position-too-short', 'geometry.coordinates'],
    [point([[121, 41]]), 'bad-coordinate-nesting', 'geometry.coordinates[0]'],
    [point('121,41'), 'bad-coordinate-nesting', 'geometry.coordinates'],
    [
      { type: 'Feature', properties: {}, geometry: { type: 'Point' } },
      'coordinates-missing',
      'geometry'
    ],
    [
      { type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [1, 2] } },
      'unknown-geometry-type',
      'geometry.type'
    ],
    [
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } },
      'empty-geometry',
      'geometry.coordinates'
    ],
    [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0]
              ]
            ],
            [
              [
                [5, 5],
                [6, 5],
                [6, 6]
              ]
            ]
          ]
        }
      },
      'ring-not-closed',
      'geometry.coordinates[1][0]'
    ],
    [
      { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection' } },
      'coordinates-missing',
      'geometry.geometries'
    ],
    [{ type: 'FeatureCollection', features: [] }, 'not-a-feature', undefined]
  ])('%j → %s at %s', (candidate, code, path) => {
    const result = checkFeature(candidate, 4);
    expect(result.feature).toBeNull();
    expect(result.problems[0]).toMatchObject({ code, featureIndex: 4, severity: 'error' });
    expect(result.problems[0].path).toBe(path);
    expect(result.problems[0].zh).toMatch(/^第 5 个要素：/);
    expect(result.problems[0].en).toMatch(/^Feature #5: /);
  });

  test('one problem per kind per feature, however many bad values', () => {
    const ring = Array.from({ length: 1000 }, () => ['x', 'y']);
    const result = checkFeature(
      {
        type: 'Feature',
        id: 9,
        properties: {},
        geometry: { type: 'LineString', coordinates: ring }
      },
      0
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ featureId: 9, code: 'non-numeric-coordinate' });
    expect(result.problems[0].zh).toContain('（id 9）');
  });

  test('null properties become {}; the id and a WGS-84 bbox are kept', () => {
    const result = checkFeature(
      {
        type: 'Feature',
        id: 'a',
        bbox: [0, 0, 1, 1],
        properties: null,
        geometry: { type: 'Point', coordinates: [1, 1] }
      },
      0
    );
    expect(result.problems).toEqual([]);
    expect(result.feature).toEqual({
      type: 'Feature',
      id: 'a',
      bbox: [0, 0, 1, 1],
      properties: {},
      geometry: { type: 'Point', coordinates: [1, 1] }
    });
  });

  test('geojson-validation is consulted as a second opinion', () => {
    const result = checkFeature(
      {
        type: 'Feature',
        properties: {},
        bbox: [1, 2, 3],
        geometry: { type: 'Point', coordinates: [1, 1] }
      },
      0
    );
    expect(result.feature).not.toBeNull();
    expect(result.problems[0]).toMatchObject({ code: 'geojson-spec', severity: 'warning' });
    expect(result.problems[0].en).toContain('bbox, must be a 2*n array');
  });
});

describe('extentLooksProjected', () => {
  test('agrees with crs.js looksProjected on the extent the validation walk gathers', () => {
    const coordinate = fc.oneof(
      fc.double({ min: -200, max: 200, noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e8, max: 1e8, noNaN: true, noDefaultInfinity: true })
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 12 }),
        (positions) => {
          const geometry = { type: 'MultiPoint' as const, coordinates: positions };
          const { extent } = checkFeature({ type: 'Feature', properties: {}, geometry }, 0);
          expect(extent).not.toBeNull();
          expect(extentLooksProjected(extent as [number, number, number, number])).toBe(
            looksProjected(geometry)
          );
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe('provenanceHints', () => {
  test('finds GCJ-02 and BD-09 words, not look-alikes', () => {
    expect(provenanceHints('x.geojson', ['name: 高德POI'], []).gcj02?.zh).toBe(
      '文件说明“name: 高德POI”'
    );
    expect(provenanceHints('export_GCJ02.geojson', [], []).gcj02?.en).toBe(
      'file name “export_GCJ02.geojson”'
    );
    expect(provenanceHints('x', [], [{ properties: { coord_sys: 'bd-09' } }]).bd09?.en).toBe(
      'property “coord_sys” = “bd-09”'
    );
    const none = provenanceHints(
      'abd9x-gcj021.geojson',
      ['camapgn', 'datavault'],
      [{ properties: { code: 'bd90' } }]
    );
    expect(none).toEqual({ gcj02: null, bd09: null });
  });
});

describe('message catalogue', () => {
  const all = [
    ...MESSAGE_CODES.fileErrors.map((code) => fileError(code, {})),
    ...MESSAGE_CODES.storageErrors.map((code) => storageError(code, {})),
    ...MESSAGE_CODES.crsQuestions.map((code) => crsQuestion(code, {})),
    ...MESSAGE_CODES.notices.map((code) => notice(code, {})),
    ...MESSAGE_CODES.featureProblems.map((code) => featureProblem(code, 0, undefined, {}))
  ];

  test('every code has a Chinese and an English sentence', () => {
    expect(all.length).toBeGreaterThan(60);
    for (const message of all) {
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/^[A-Z“]/);
      expect(message.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(message.zh).not.toBe(message.en);
    }
  });

  test('unknown codes are a programming error', () => {
    expect(() => fileError('no-such-code')).toThrow(/no-such-code/);
  });
});
