import gcoord from 'gcoord';
import type { Geometry, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  CrsError,
  fromWgs84ToGaussKruger,
  gaussKrugerProjString,
  gaussKrugerZone,
  looksProjected,
  parseCrs,
  planarArea,
  suggestProjectedCrs,
  toWgs84,
  type Crs
} from '$lib/geo/crs.js';
import { ellipsoidalArea } from '$lib/geo/area.js';
import { CGCS2000_A, CGCS2000_F } from '$lib/geo/ellipsoid.js';

const DEGREE = Math.PI / 180;

/**
 * Independent Gauss-Krüger forward projection: Krüger's series to n⁶ as published by Karney
 * (2011, "Transverse Mercator with an accuracy of a few nanometers", eqs. 7–11, 35), on CGCS2000
 * with scale 1. Used to check the proj4 strings, not proj4 itself.
 */
function gaussKrugerForward(
  lon: number,
  lat: number,
  centralMeridian: number,
  falseEasting: number
): Position {
  const f = CGCS2000_F;
  const n = f / (2 - f);
  const e = Math.sqrt(f * (2 - f));
  const rectifyingRadius = (CGCS2000_A / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256);
  const alpha = [
    n / 2 -
      (2 * n ** 2) / 3 +
      (5 * n ** 3) / 16 +
      (41 * n ** 4) / 180 -
      (127 * n ** 5) / 288 +
      (7891 * n ** 6) / 37800,
    (13 * n ** 2) / 48 -
      (3 * n ** 3) / 5 +
      (557 * n ** 4) / 1440 +
      (281 * n ** 5) / 630 -
      (1983433 * n ** 6) / 1935360,
    (61 * n ** 3) / 240 -
      (103 * n ** 4) / 140 +
      (15061 * n ** 5) / 26880 +
      (167603 * n ** 6) / 181440,
    (49561 * n ** 4) / 161280 - (179 * n ** 5) / 168 + (6601661 * n ** 6) / 7257600,
    (34729 * n ** 5) / 80640 - (3418889 * n ** 6) / 1995840,
    (212378941 * n ** 6) / 319334400
  ];
  const phi = lat * DEGREE;
  const lambda = (lon - centralMeridian) * DEGREE;
  const tau = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
  const xiPrime = Math.atan2(tau, Math.cos(lambda));
  const etaPrime = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + tau * tau));
  let xi = xiPrime;
  let eta = etaPrime;
  alpha.forEach((coefficient, index) => {
    const j2 = 2 * (index + 1);
    xi += coefficient * Math.sin(j2 * xiPrime) * Math.cosh(j2 * etaPrime);
    eta += coefficient * Math.cos(j2 * xiPrime) * Math.sinh(j2 * etaPrime);
  });
  return [falseEasting + rectifyingRadius * eta, rectifyingRadius * xi];
}

const JINZHOU: Position = [121.2, 41.12];

function point(coordinates: Position): Point {
  return { type: 'Point', coordinates };
}

describe('parseCrs', () => {
  it('accepts the geographic names in any case and with dashes', () => {
    expect(parseCrs('wgs84')).toBe('wgs84');
    expect(parseCrs('WGS-84')).toBe('wgs84');
    expect(parseCrs('EPSG:4326')).toBe('wgs84');
    expect(parseCrs('cgcs2000')).toBe('cgcs2000');
    expect(parseCrs('4490')).toBe('cgcs2000');
    expect(parseCrs('GCJ-02')).toBe('gcj02');
    expect(parseCrs(' bd09 ')).toBe('bd09');
  });

  it('accepts the CGCS2000 Gauss-Krüger codes with or without EPSG:', () => {
    expect(parseCrs('EPSG:4527')).toBe('EPSG:4527');
    expect(parseCrs('4527')).toBe('EPSG:4527');
    expect(parseCrs('epsg:4549')).toBe('EPSG:4549');
    expect(parseCrs('4513')).toBe('EPSG:4513');
    expect(parseCrs('4554')).toBe('EPSG:4554');
  });

  it('rejects anything else with a message naming the input and the choices', () => {
    for (const bad of ['utm', '4512', '4555', 'EPSG:3857', '', 'EPSG:45270']) {
      expect(() => parseCrs(bad)).toThrow(CrsError);
    }
    expect(() => parseCrs('EPSG:3857')).toThrow(/unsupported CRS "EPSG:3857".*EPSG:4513/);
  });
});

describe('gaussKrugerZone', () => {
  it('numbers the prefixed zones 25–45 from EPSG:4513 with CM = 3 × zone', () => {
    expect(gaussKrugerZone('EPSG:4513')).toMatchObject({ centralMeridian: 75, zonePrefix: 25 });
    expect(gaussKrugerZone('EPSG:4527')).toMatchObject({
      centralMeridian: 117,
      falseEasting: 39_500_000,
      zonePrefix: 39
    });
    expect(gaussKrugerZone('EPSG:4528')).toMatchObject({
      centralMeridian: 120,
      falseEasting: 40_500_000,
      zonePrefix: 40
    });
    expect(gaussKrugerZone('EPSG:4533')).toMatchObject({ centralMeridian: 135, zonePrefix: 45 });
  });

  it('maps EPSG:4534–4554 to CM 75°E–135°E without prefix', () => {
    expect(gaussKrugerZone('EPSG:4534')).toMatchObject({
      centralMeridian: 75,
      falseEasting: 500_000
    });
    expect(gaussKrugerZone('EPSG:4549')).toMatchObject({
      centralMeridian: 120,
      falseEasting: 500_000,
      zonePrefix: null
    });
    expect(gaussKrugerZone('EPSG:4554')).toMatchObject({ centralMeridian: 135, zonePrefix: null });
  });

  it('is null for geographic CRSs and writes the published proj string', () => {
    expect(gaussKrugerZone('wgs84')).toBeNull();
    const zone = gaussKrugerZone('EPSG:4528');
    expect(zone && gaussKrugerProjString(zone)).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'
    );
  });
});

describe('toWgs84 from Gauss-Krüger', () => {
  const inZone40 = gaussKrugerForward(JINZHOU[0], JINZHOU[1], 120, 40_500_000);
  const inCm120 = gaussKrugerForward(JINZHOU[0], JINZHOU[1], 120, 500_000);

  it('has independent expected values for 121.2°E 41.12°N (Krüger series)', () => {
    expect(inZone40[0]).toBeCloseTo(40_600_779.898, 3);
    expect(inZone40[1]).toBeCloseTo(4_554_594.002, 3);
    expect(inCm120[0]).toBeCloseTo(600_779.898, 3);
  });

  it('projects 121.2°E 41.12°N like the published formulas in EPSG:4528 and EPSG:4549', () => {
    const projected40 = fromWgs84ToGaussKruger(point(JINZHOU), 'EPSG:4528').coordinates;
    const projected49 = fromWgs84ToGaussKruger(point(JINZHOU), 'EPSG:4549').coordinates;
    expect(Math.abs(projected40[0] - inZone40[0])).toBeLessThan(1e-3);
    expect(Math.abs(projected40[1] - inZone40[1])).toBeLessThan(1e-3);
    expect(Math.abs(projected49[0] - inCm120[0])).toBeLessThan(1e-3);
    expect(Math.abs(projected49[1] - inCm120[1])).toBeLessThan(1e-3);
  });

  it('inverts the published projection back to 121.2°E 41.12°N (both codes)', () => {
    for (const [crs, position] of [
      ['EPSG:4528', inZone40],
      ['EPSG:4549', inCm120]
    ] as [Crs, Position][]) {
      const [lon, lat] = toWgs84(point(position), crs).coordinates;
      expect(lon).toBeCloseTo(121.2, 9);
      expect(lat).toBeCloseTo(41.12, 9);
    }
  });

  it('uses the zone prefix: the zone 39 code (EPSG:4527, CM 117°E) works for its own zone', () => {
    const west = gaussKrugerForward(117.6, 40.5, 117, 39_500_000);
    const [lon, lat] = toWgs84(point(west), 'EPSG:4527').coordinates;
    expect(lon).toBeCloseTo(117.6, 9);
    expect(lat).toBeCloseTo(40.5, 9);
  });

  it('round-trips polygons with holes and keeps a third ordinate', () => {
    const shape: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.1, 41.1, 12],
          [121.2, 41.1, 13],
          [121.2, 41.2, 14],
          [121.1, 41.1, 12]
        ],
        [
          [121.15, 41.12],
          [121.17, 41.12],
          [121.17, 41.14],
          [121.15, 41.12]
        ]
      ]
    };
    const back = toWgs84(fromWgs84ToGaussKruger(shape, 'EPSG:4528'), 'EPSG:4528');
    back.coordinates.flat().forEach((position, index) => {
      const original = shape.coordinates.flat()[index];
      expect(position[0]).toBeCloseTo(original[0], 9);
      expect(position[1]).toBeCloseTo(original[1], 9);
      expect(position.slice(2)).toEqual(original.slice(2));
    });
  });

  it('names the right code when the easting belongs to another zone or has no prefix', () => {
    expect(() => toWgs84(point(inZone40), 'EPSG:4527')).toThrow(/zone 40: use EPSG:4528/);
    expect(() => toWgs84(point(inZone40), 'EPSG:4549')).toThrow(/zone prefix 40: use EPSG:4528/);
    expect(() => toWgs84(point(inCm120), 'EPSG:4528')).toThrow(/no zone prefix: use EPSG:4549/);
    expect(() => toWgs84(point(JINZHOU), 'EPSG:4528')).toThrow(/look like longitude\/latitude/);
  });

  it('does not modify its input', () => {
    const input = point([...inZone40]);
    toWgs84(input, 'EPSG:4528');
    expect(input.coordinates).toEqual(inZone40);
  });
});

describe('toWgs84 from geographic CRSs', () => {
  it('treats wgs84 and cgcs2000 as identity and drops a stale bbox', () => {
    const input: Geometry = {
      type: 'LineString',
      coordinates: [JINZHOU, [121.3, 41.2]],
      bbox: [0, 0, 1, 1]
    };
    for (const crs of ['wgs84', 'cgcs2000'] as Crs[]) {
      const output = toWgs84(input, crs);
      expect(output).toEqual({ type: 'LineString', coordinates: [JINZHOU, [121.3, 41.2]] });
      expect(output).not.toBe(input);
    }
  });

  it('undoes the GCJ-02 and BD-09 offsets (a few hundred metres near Jinzhou) to ~1e-6°', () => {
    const gcj = gcoord.transform([...JINZHOU] as [number, number], gcoord.WGS84, gcoord.GCJ02);
    const bd = gcoord.transform([...JINZHOU] as [number, number], gcoord.WGS84, gcoord.BD09);
    const offsetMetres = Math.hypot(
      (gcj[0] - JINZHOU[0]) * 84_000,
      (gcj[1] - JINZHOU[1]) * 111_000
    );
    expect(offsetMetres).toBeGreaterThan(100);
    expect(offsetMetres).toBeLessThan(1000);
    for (const [crs, position] of [
      ['gcj02', gcj],
      ['bd09', bd]
    ] as [Crs, Position][]) {
      const [lon, lat] = toWgs84(point(position), crs).coordinates;
      expect(Math.abs(lon - JINZHOU[0])).toBeLessThan(2e-6);
      expect(Math.abs(lat - JINZHOU[1])).toBeLessThan(2e-6);
    }
  });

  it('refuses projected metres as lon/lat and suggests the CRS from the easting', () => {
    expect(() => toWgs84(point([40_600_779.9, 4_554_594]), 'wgs84')).toThrow(
      /outside longitude\/latitude range.*EPSG:4528/
    );
  });
});

describe('looksProjected and suggestProjectedCrs', () => {
  it('spots coordinates outside the lon/lat range anywhere in the geometry', () => {
    expect(looksProjected(point(JINZHOU))).toBe(false);
    expect(looksProjected(point([600_779.9, 4_554_594]))).toBe(true);
    expect(
      looksProjected({
        type: 'GeometryCollection',
        geometries: [
          point(JINZHOU),
          {
            type: 'LineString',
            coordinates: [
              [0, 0],
              [10, 95]
            ]
          }
        ]
      })
    ).toBe(true);
    expect(looksProjected(null)).toBe(false);
  });

  it('reads the zone from an 8-digit easting, else suggests CM 120°E', () => {
    expect(suggestProjectedCrs([40_600_779.9, 4_554_594])).toBe('EPSG:4528');
    expect(suggestProjectedCrs([39_400_000, 4_554_594])).toBe('EPSG:4527');
    expect(suggestProjectedCrs([600_779.9, 4_554_594])).toBe('EPSG:4549');
  });
});

describe('planarArea', () => {
  it('is the shoelace area in projected units, holes subtracted, orientation ignored', () => {
    const square: Position[] = [
      [0, 0],
      [30, 0],
      [30, 20],
      [0, 20],
      [0, 0]
    ];
    const hole: Position[] = [
      [5, 5],
      [5, 10],
      [10, 10],
      [10, 5],
      [5, 5]
    ];
    expect(planarArea({ type: 'Polygon', coordinates: [square] })).toBe(600);
    expect(planarArea({ type: 'Polygon', coordinates: [[...square].reverse(), hole] })).toBe(575);
    expect(planarArea({ type: 'MultiPolygon', coordinates: [[square], [hole]] })).toBe(625);
    expect(planarArea({ type: 'LineString', coordinates: square })).toBe(0);
  });

  it('keeps full precision with 8-digit eastings', () => {
    const square: Position[] = [
      [40_600_000.5, 4_554_000.25],
      [40_600_100.5, 4_554_000.25],
      [40_600_100.5, 4_554_100.25],
      [40_600_000.5, 4_554_100.25],
      [40_600_000.5, 4_554_000.25]
    ];
    expect(planarArea({ type: 'Polygon', coordinates: [square] })).toBe(10_000);
  });

  it('exceeds the ellipsoidal area by the squared scale factor of the projection', () => {
    // x km east of the CM the Gauss-Krüger scale factor is ≈ 1 + x²/(2ρν), with ρν the product of
    // the principal radii of curvature (√(ρν) ≈ 6 375 500 m at 41°N): ≈ 1.000127 at 101 km.
    const block: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.2, 41.1],
          [121.22, 41.1],
          [121.22, 41.12],
          [121.2, 41.12],
          [121.2, 41.1]
        ]
      ]
    };
    const projected = fromWgs84ToGaussKruger(block, 'EPSG:4528');
    const ratio = planarArea(projected) / ellipsoidalArea(block);
    const corners = projected.coordinates[0].slice(0, 4);
    const x = corners.reduce((sum, [easting]) => sum + easting - 40_500_000, 0) / corners.length;
    expect(ratio).toBeCloseTo(1 + (x / 6_375_500) ** 2, 6);
  });
});

describe('edges of the CRS rules', () => {
  it('reads whole names and codes only, and throws its own error type', () => {
    for (const text of ['x4528', '4528x', 'epsg:4528x', 'EPSG:4512', '4555']) {
      expect(() => parseCrs(text), text).toThrow(CrsError);
    }
    expect(() => parseCrs('nad83')).toThrow(expect.objectContaining({ name: 'CrsError' }));
    expect(gaussKrugerZone('xEPSG:4528' as Crs)).toBeNull();
    expect(gaussKrugerZone('EPSG:4528x' as Crs)).toBeNull();
    expect(() => gaussKrugerZone('EPSG:4512')).toThrow(/unsupported CRS "EPSG:4512"/);
    expect(() => gaussKrugerZone('EPSG:4555')).toThrow(CrsError);
    expect(gaussKrugerZone('EPSG:4533')).toMatchObject({ centralMeridian: 135, zonePrefix: 45 });
    expect(gaussKrugerZone('EPSG:4534')).toMatchObject({ centralMeridian: 75, zonePrefix: null });
  });

  it('takes every geometry type through the conversion, dropping bboxes', () => {
    const p: Position = [121.2, 41.1];
    const q: Position = [121.3, 41.2];
    const geometries: Geometry[] = [
      { type: 'MultiPoint', coordinates: [p, q] },
      { type: 'MultiLineString', coordinates: [[p, q]] },
      { type: 'MultiPolygon', coordinates: [[[p, q, [121.3, 41.1], p]]] },
      {
        type: 'GeometryCollection',
        geometries: [{ type: 'Point', coordinates: q }]
      }
    ];
    for (const geometry of geometries) {
      expect(toWgs84({ ...geometry, bbox: [0, 0, 1, 1] }, 'wgs84')).toEqual(geometry);
      const projected = fromWgs84ToGaussKruger(geometry, 'EPSG:4528');
      expect(looksProjected(projected)).toBe(true);
      const back = toWgs84(projected, 'EPSG:4528');
      expect(back.type).toBe(geometry.type);
      expect(JSON.stringify(back).length).toBeGreaterThan(20);
    }
  });

  it('takes ±180° and ±90° as geographic, anything beyond as projected', () => {
    const at = (x: number, y: number): Point => ({ type: 'Point', coordinates: [x, y] });
    expect(looksProjected(at(180, 90))).toBe(false);
    expect(looksProjected(at(-180, -90))).toBe(false);
    expect(looksProjected(at(0, 90.5))).toBe(true);
    expect(looksProjected(at(0, -90.5))).toBe(true);
    expect(looksProjected(at(-180.5, 0))).toBe(true);
  });

  it('reads zones 25 and 45 from the prefix, nothing outside', () => {
    expect(suggestProjectedCrs([25_500_000, 4_500_000])).toBe('EPSG:4513');
    expect(suggestProjectedCrs([45_500_000, 4_500_000])).toBe('EPSG:4533');
    expect(suggestProjectedCrs([24_500_000, 4_500_000])).toBe('EPSG:4549');
    expect(suggestProjectedCrs([46_500_000, 4_500_000])).toBe('EPSG:4549');
  });

  it('says what is wrong with an easting, and where', () => {
    const at = (x: number, y: number): Point => ({ type: 'Point', coordinates: [x, y] });
    expect(() => toWgs84(at(40_500_000, NaN), 'EPSG:4528')).toThrow(
      '坐标不是数字 coordinate is not a number: [40500000, NaN]'
    );
    expect(() => toWgs84(at(NaN, 4_500_000), 'EPSG:4549')).toThrow(
      /not a number: \[NaN, 4500000\]/
    );
    expect(() => toWgs84(at(25_500_000, 4_500_000), 'EPSG:4528')).toThrow(
      'easting does not fit EPSG:4528 (zone 40, CM 120°E) at [25500000, 4500000]: it belongs to zone 25: use EPSG:4513'
    );
    expect(() => toWgs84(at(45_500_000, 4_500_000), 'EPSG:4528')).toThrow(/zone 45: use EPSG:4533/);
    expect(() => toWgs84(at(999_999, 4_500_000), 'EPSG:4528')).toThrow(
      /it has no zone prefix: use EPSG:4549 \(the same CM without prefix\)/
    );
    expect(() => toWgs84(at(1_000_000, 4_500_000), 'EPSG:4528')).toThrow(
      /EPSG:4528 eastings start with 40 \(e\.g\. 40500000\)/
    );
    expect(() => toWgs84(at(-5, 4_500_000), 'EPSG:4528')).toThrow(/eastings start with 40/);
    expect(() => toWgs84(at(1_000_000, 4_500_000), 'EPSG:4549')).toThrow(
      '东坐标与投影不符 easting does not fit EPSG:4549 (CM 120°E, no zone prefix) at [1000000, 4500000]: EPSG:4549 eastings lie between 0 and 1 000 000 m'
    );
    expect(() => toWgs84(at(-1, 4_500_000), 'EPSG:4549')).toThrow(/lie between 0 and 1 000 000 m/);
    expect(toWgs84(at(0, 4_500_000), 'EPSG:4549').coordinates[0]).toBeLessThan(120);
  });
});
