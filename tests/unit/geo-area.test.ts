import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { area as turfAreaDirect } from '@turf/turf';
import type { FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  AUTHALIC_RADIUS,
  authalicSine,
  ellipsoidalArea,
  geographicLibArea,
  signedRingArea,
  turfArea
} from '$lib/geo/area.js';
import { CGCS2000_A, CGCS2000_F, cgcs2000Geodesic } from '$lib/geo/ellipsoid.js';
import { findSelfIntersection } from '$lib/import/self-intersection';

const fixtures = fileURLToPath(new URL('../fixtures/area/', import.meta.url));
const DEGREE = Math.PI / 180;

interface ExpectedAreas {
  features: { name: string; geographicLibM2: number; geodesicPerimeterM: number }[];
}

function relativeDifference(value: number, reference: number): number {
  return Math.abs(value - reference) / Math.abs(reference);
}

/** A star-shaped (so simple) ring around a centre, radius in metres. */
function starRing(lon: number, lat: number, radiusMetres: number, radii: number[]): Position[] {
  const ring = radii.map((factor, i) => {
    const angle = (2 * Math.PI * i) / radii.length;
    const r = radiusMetres * factor;
    return [
      lon + (r * Math.cos(angle)) / (111_320 * Math.cos(lat * DEGREE)),
      lat + (r * Math.sin(angle)) / 110_950
    ];
  });
  return [...ring, ring[0]];
}

function polygon(...rings: Position[][]): Polygon {
  return { type: 'Polygon', coordinates: rings };
}

/**
 * Independent reference for small polygons: a local azimuthal equidistant projection built from
 * GeographicLib's inverse problem, then the plane shoelace. Its area error is ~(ρ/R)² ≈ 1e-11 at
 * ρ = 30 m, far below GeographicLib PolygonArea's own round-off on such tiny shapes.
 */
function localProjectionArea(ring: Position[]): number {
  const geodesic = cgcs2000Geodesic();
  const [lon0, lat0] = ring[0];
  const points = ring.map(([lon, lat]) => {
    if (lon === lon0 && lat === lat0) return [0, 0];
    const { s12 = 0, azi1 = 0 } = geodesic.Inverse(lat0, lon0, lat, lon);
    return [s12 * Math.sin(azi1 * DEGREE), s12 * Math.cos(azi1 * DEGREE)];
  });
  let twice = 0;
  for (let i = 0; i < points.length - 1; i++) {
    twice += points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1];
  }
  return Math.abs(twice / 2);
}

describe('ellipsoidalArea against GeographicLib on the fixtures', () => {
  const inputs = readdirSync(`${fixtures}in`).filter((name) => name.endsWith('.geojson'));

  it('has the five required kinds of fixture', () => {
    expect(inputs).toEqual(
      expect.arrayContaining([
        'parcel.geojson',
        'linghe-district.geojson',
        'synthetic-district.geojson',
        'polygon-0.2deg.geojson',
        'polygon-with-holes.geojson',
        'multipolygon.geojson'
      ])
    );
  });

  for (const input of inputs) {
    const collection: FeatureCollection = JSON.parse(
      readFileSync(`${fixtures}in/${input}`, 'utf8')
    );
    const expected: ExpectedAreas = JSON.parse(
      readFileSync(`${fixtures}out/${input.replace('.geojson', '.json')}`, 'utf8')
    );

    it(`${input}: within 1e-7 of GeographicLib's PolygonArea`, () => {
      expect(expected.features).toHaveLength(collection.features.length);
      collection.features.forEach((feature, index) => {
        const reference = expected.features[index].geographicLibM2;
        expect(reference).toBeGreaterThan(1000);
        expect(relativeDifference(ellipsoidalArea(feature.geometry), reference)).toBeLessThan(1e-7);
      });
    });

    it(`${input}: the stored expectation is what GeographicLib computes today`, () => {
      collection.features.forEach((feature, index) => {
        expect(geographicLibArea(feature.geometry)).toBeCloseTo(
          expected.features[index].geographicLibM2,
          6
        );
      });
    });
  }

  it('gives the 凌河区 ring an area of about 40 km²', () => {
    const collection: FeatureCollection = JSON.parse(
      readFileSync(`${fixtures}in/linghe-district.geojson`, 'utf8')
    );
    const area = ellipsoidalArea(collection.features[0].geometry);
    expect(area).toBeGreaterThan(38e6);
    expect(area).toBeLessThan(42e6);
  });
});

describe('ellipsoidalArea on random polygons near Jinzhou (fast-check)', () => {
  it('stays within 1e-7 of GeographicLib for parcels to districts (30 m – 25 km radius)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 120.8, max: 121.6, noNaN: true }),
        fc.double({ min: 40.8, max: 41.4, noNaN: true }),
        fc.double({ min: 30, max: 25_000, noNaN: true }),
        fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }),
        (lon, lat, radius, radii) => {
          const shape = polygon(starRing(lon, lat, radius, radii));
          const reference = geographicLibArea(shape);
          // GeographicLib's accumulated round-off is ~3e-5 m² (see localProjectionArea below),
          // so the bound is relative with a 1e-4 m² floor for the smallest shapes.
          const tolerance = Math.max(1e-7 * reference, 1e-4);
          expect(Math.abs(ellipsoidalArea(shape) - reference)).toBeLessThanOrEqual(tolerance);
        }
      ),
      { numRuns: 400, seed: 4 }
    );
  });

  it('matches a local projection within 1e-8 for tiny parcels (1–30 m radius)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 120.8, max: 121.6, noNaN: true }),
        fc.double({ min: 40.8, max: 41.4, noNaN: true }),
        fc.double({ min: 1, max: 30, noNaN: true }),
        fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 3, maxLength: 20 }),
        (lon, lat, radius, radii) => {
          const ring = starRing(lon, lat, radius, radii);
          const reference = localProjectionArea(ring);
          expect(relativeDifference(ellipsoidalArea(polygon(ring)), reference)).toBeLessThan(1e-8);
        }
      ),
      { numRuns: 300, seed: 7 }
    );
  });
});

describe('ellipsoidalArea error bound away from Jinzhou', () => {
  function triangle(lon: number, lat: number, size: number): Polygon {
    return polygon([
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat]
    ]);
  }

  for (const latitude of [0, 20, 41, 60]) {
    it(`keeps 1° triangles within 5e-8 and 3° ones within 2e-7 at ${latitude}°N`, () => {
      const one = triangle(100, latitude, 1);
      const three = triangle(100, latitude, 3);
      expect(relativeDifference(ellipsoidalArea(one), geographicLibArea(one))).toBeLessThan(5e-8);
      expect(relativeDifference(ellipsoidalArea(three), geographicLibArea(three))).toBeLessThan(
        2e-7
      );
    });
  }

  it('handles the southern hemisphere and edges across the antimeridian', () => {
    const across = polygon([
      [179.9, -41.2],
      [-179.95, -41.2],
      [-179.9, -41.05],
      [179.95, -41.0],
      [179.9, -41.2]
    ]);
    const area = ellipsoidalArea(across);
    expect(area).toBeGreaterThan(1e8);
    expect(relativeDifference(area, geographicLibArea(across))).toBeLessThan(1e-8);
  });

  it('would be off by more than 1e-7 without the geodesic curvature term (it matters)', () => {
    // The same 0.2° triangle measured with the great-circle trapezoids alone, from the
    // engine's own pieces: the curvature term is the difference.
    const shape = polygon([
      [121.1, 41.05],
      [121.3, 41.05],
      [121.3, 41.25],
      [121.1, 41.05]
    ]);
    const reference = geographicLibArea(shape);
    const ring = shape.coordinates[0];
    let excess = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const s1 = authalicSine(ring[i][1]);
      const s2 = authalicSine(ring[i + 1][1]);
      const c1 = Math.sqrt(1 - s1 * s1);
      const c2 = Math.sqrt(1 - s2 * s2);
      const dLon = (ring[i + 1][0] - ring[i][0]) * DEGREE;
      excess += 2 * Math.atan((Math.tan(dLon / 2) * (s1 + s2)) / (1 + c1 * c2 + s1 * s2));
    }
    const greatCirclesOnly = Math.abs(excess) * AUTHALIC_RADIUS ** 2;
    expect(relativeDifference(greatCirclesOnly, reference)).toBeGreaterThan(1e-6);
    expect(relativeDifference(ellipsoidalArea(shape), reference)).toBeLessThan(1e-8);
  });
});

describe('ellipsoidalArea geometry handling', () => {
  const ring: Position[] = [
    [121.2, 41.1],
    [121.21, 41.1],
    [121.21, 41.11],
    [121.2, 41.11],
    [121.2, 41.1]
  ];
  const hole: Position[] = [
    [121.202, 41.102],
    [121.204, 41.102],
    [121.204, 41.104],
    [121.202, 41.104],
    [121.202, 41.102]
  ];

  it('ignores orientation and whether the ring repeats its first vertex', () => {
    const area = ellipsoidalArea(polygon(ring));
    expect(area).toBeCloseTo(932_886.8, 0);
    expect(ellipsoidalArea(polygon([...ring].reverse()))).toBeCloseTo(area, 6);
    expect(ellipsoidalArea(polygon(ring.slice(0, -1)))).toBeCloseTo(area, 6);
    expect(signedRingArea(ring)).toBeGreaterThan(0);
    expect(signedRingArea([...ring].reverse())).toBeLessThan(0);
  });

  it('subtracts holes whatever their orientation, and sums MultiPolygons and collections', () => {
    const outer = ellipsoidalArea(polygon(ring));
    const inner = ellipsoidalArea(polygon(hole));
    expect(ellipsoidalArea(polygon(ring, hole))).toBeCloseTo(outer - inner, 6);
    expect(ellipsoidalArea(polygon(ring, [...hole].reverse()))).toBeCloseTo(outer - inner, 6);
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [[ring, hole], [hole]] };
    expect(ellipsoidalArea(multi)).toBeCloseTo(outer, 6);
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [polygon(ring), { type: 'Point', coordinates: [121, 41] }]
    };
    expect(ellipsoidalArea(collection)).toBeCloseTo(outer, 6);
  });

  it('returns 0 for non-areal or missing geometry and degenerate rings', () => {
    expect(ellipsoidalArea(null)).toBe(0);
    expect(ellipsoidalArea(undefined)).toBe(0);
    expect(ellipsoidalArea({ type: 'Point', coordinates: [121, 41] })).toBe(0);
    expect(ellipsoidalArea({ type: 'LineString', coordinates: ring })).toBe(0);
    expect(ellipsoidalArea({ type: 'MultiLineString', coordinates: [ring] })).toBe(0);
    expect(
      ellipsoidalArea(
        polygon([
          [121, 41],
          [121.1, 41],
          [121, 41]
        ])
      )
    ).toBe(0);
    expect(ellipsoidalArea({ type: 'Polygon', coordinates: [] })).toBe(0);
  });

  it('rejects a ring with a coordinate that is not a number', () => {
    const broken = ring.map((position, i) => (i === 2 ? [Number.NaN, 41.11] : position));
    expect(() => ellipsoidalArea(polygon(broken))).toThrow(/not a finite number/);
  });
});

describe('authalic latitude and radius', () => {
  const e2 = CGCS2000_F * (2 - CGCS2000_F);
  const e = Math.sqrt(e2);
  const q = (s: number) => (1 - e2) * (s / (1 - e2 * s * s) + Math.atanh(e * s) / e);

  it('matches the closed form q(φ)/q(90°) up to the first omitted term, e¹⁰·sin¹¹φ', () => {
    for (let latitude = -89.5; latitude <= 90; latitude += 0.5) {
      const s = Math.sin(latitude * DEGREE);
      const expected = q(s) / q(1);
      // c₅·sin¹¹φ ≈ 7.3e-12·sin¹¹φ (c₅ = (1 − e²)·(12/11)·e¹⁰/q(90°)); the bound allows twice that.
      const omitted = 1.1 * e2 ** 5 * Math.abs(s) ** 11;
      expect(Math.abs(authalicSine(latitude) - expected)).toBeLessThan(omitted + 2e-16);
    }
    expect(Math.abs(authalicSine(41.12) - q(Math.sin(41.12 * DEGREE)) / q(1))).toBeLessThan(3e-13);
    expect(authalicSine(0)).toBe(0);
    expect(authalicSine(90)).toBeCloseTo(1, 10);
  });

  it('uses the authalic radius whose sphere has the ellipsoid’s surface', () => {
    expect(AUTHALIC_RADIUS).toBeCloseTo(6_371_007.181, 3);
    const ellipsoidSurface = 2 * Math.PI * CGCS2000_A ** 2 * q(1);
    expect(4 * Math.PI * AUTHALIC_RADIUS ** 2).toBeCloseTo(ellipsoidSurface, -3);
  });
});

describe('turfArea', () => {
  it('is Turf’s spherical area, about 0.13 % below the ellipsoid near Jinzhou', () => {
    const shape = polygon(starRing(121.2, 41.12, 800, [1, 0.8, 0.9, 1, 0.7, 0.95]));
    expect(turfArea(shape)).toBe(turfAreaDirect(shape));
    const ratio = turfArea(shape) / ellipsoidalArea(shape);
    expect(ratio).toBeGreaterThan(0.998);
    expect(ratio).toBeLessThan(0.999);
    expect(turfArea(null)).toBe(0);
    expect(
      turfArea({
        type: 'LineString',
        coordinates: [
          [121, 41],
          [121.1, 41]
        ]
      })
    ).toBe(0);
  });
});

describe('a ring around a pole (issue #16, class 7)', () => {
  const cap: Polygon = {
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
  };

  it('is measured as the cap, not as the band between it and the equator', () => {
    const expected = geographicLibArea(cap);
    expect(expected).toBeGreaterThan(2.5e12);
    expect(expected).toBeLessThan(2.6e12);
    // Its 90°-long edges are far beyond the parcels the 1e-7 bound is for; still within 1e-4.
    expect(Math.abs(ellipsoidalArea(cap) - expected) / expected).toBeLessThan(1e-4);
    const reversed: Polygon = { type: 'Polygon', coordinates: [[...cap.coordinates[0]].reverse()] };
    expect(ellipsoidalArea(reversed)).toBeCloseTo(ellipsoidalArea(cap), -3);
    const south: Polygon = {
      type: 'Polygon',
      coordinates: [cap.coordinates[0].map(([lon, lat]) => [lon, -lat]).reverse()]
    };
    expect(ellipsoidalArea(south)).toBeCloseTo(ellipsoidalArea(cap), -3);
  });

  it('is not called self-intersecting, with or without its edge through the pole', () => {
    expect(findSelfIntersection(cap.coordinates)).toEqual({ kind: 'none' });
    const seam = [
      [-180, 80],
      [-90, 80],
      [0, 80],
      [90, 80],
      [180, 80],
      [-180, 80]
    ];
    expect(findSelfIntersection([seam])).toEqual({ kind: 'none' });
    expect(ellipsoidalArea({ type: 'Polygon', coordinates: [seam] })).toBeCloseTo(
      ellipsoidalArea(cap),
      -3
    );
  });

  it('a hole larger than its shell is refused, never a negative area', () => {
    const shell = [
      [121, 41],
      [121.01, 41],
      [121.01, 41.01],
      [121, 41.01],
      [121, 41]
    ];
    const around = [
      [120.9, 40.9],
      [120.9, 41.1],
      [121.1, 41.1],
      [121.1, 40.9],
      [120.9, 40.9]
    ];
    expect(findSelfIntersection([shell, around])).toEqual({ kind: 'hole-outside', ring: 2 });
    const inside = [
      [121.002, 41.002],
      [121.002, 41.004],
      [121.004, 41.004],
      [121.004, 41.002],
      [121.002, 41.002]
    ];
    expect(findSelfIntersection([shell, inside])).toEqual({ kind: 'none' });
  });
});

describe('edges of the area functions', () => {
  const square: Position[] = [
    [121.2, 41.1],
    [121.21, 41.1],
    [121.21, 41.11],
    [121.2, 41.11],
    [121.2, 41.1]
  ];

  it('gives 0 for an empty ring rather than failing', () => {
    expect(signedRingArea([])).toBe(0);
    expect(ellipsoidalArea({ type: 'Polygon', coordinates: [[]] })).toBe(0);
    expect(geographicLibArea({ type: 'Polygon', coordinates: [[]] })).toBe(0);
  });

  it('has GeographicLib sum collections and ignore what has no area', () => {
    const polygon: Polygon = { type: 'Polygon', coordinates: [square] };
    const one = geographicLibArea(polygon);
    expect(one).toBeCloseTo(ellipsoidalArea(polygon), 2);
    expect(
      geographicLibArea({
        type: 'GeometryCollection',
        geometries: [polygon, { type: 'Point', coordinates: [121, 41] }, polygon]
      })
    ).toBeCloseTo(2 * one, 6);
    expect(geographicLibArea({ type: 'LineString', coordinates: square })).toBe(0);
    expect(geographicLibArea(null)).toBe(0);
    expect(geographicLibArea(undefined)).toBe(0);
  });
});
