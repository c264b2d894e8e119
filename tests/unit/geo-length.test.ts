import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { length as turfLengthDirect } from '@turf/turf';
import type { FeatureCollection, LineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { geodesicLength, geodesicPerimeter, turfLength } from '$lib/geo/length.js';
import { CGCS2000_A } from '$lib/geo/ellipsoid.js';

const fixtures = fileURLToPath(new URL('../fixtures/area/', import.meta.url));

function line(...coordinates: Position[]): LineString {
  return { type: 'LineString', coordinates };
}

describe('geodesicLength', () => {
  it('gives the textbook lengths of 1° along the equator and along a meridian', () => {
    // Equator: a·π/180. Meridian 0°→1°: 110 574.39 m on GRS 80/WGS-84 (published tables).
    expect(geodesicLength(line([0, 0], [1, 0]))).toBeCloseTo((CGCS2000_A * Math.PI) / 180, 6);
    expect(geodesicLength(line([0, 0], [0, 1]))).toBeCloseTo(110_574.389, 2);
  });

  it('sums the segments of a LineString and the parts of a MultiLineString', () => {
    const a = line([121.1, 41.1], [121.15, 41.12], [121.2, 41.1]);
    const first = geodesicLength(line([121.1, 41.1], [121.15, 41.12]));
    const second = geodesicLength(line([121.15, 41.12], [121.2, 41.1]));
    expect(geodesicLength(a)).toBeCloseTo(first + second, 9);
    expect(
      geodesicLength({ type: 'MultiLineString', coordinates: [a.coordinates, a.coordinates] })
    ).toBeCloseTo(2 * geodesicLength(a), 9);
    expect(
      geodesicLength({
        type: 'GeometryCollection',
        geometries: [a, { type: 'Point', coordinates: [0, 0] }]
      })
    ).toBeCloseTo(geodesicLength(a), 9);
  });

  it('is 0 for polygons, points, missing geometry and single positions', () => {
    expect(geodesicLength(null)).toBe(0);
    expect(geodesicLength({ type: 'Point', coordinates: [121, 41] })).toBe(0);
    expect(geodesicLength(line([121, 41]))).toBe(0);
    expect(
      geodesicLength({
        type: 'Polygon',
        coordinates: [
          [
            [121, 41],
            [121.1, 41],
            [121, 41.1],
            [121, 41]
          ]
        ]
      })
    ).toBe(0);
  });

  it('never exceeds the sum of its parts split at a midpoint (triangle inequality)', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.double({ min: 120.8, max: 121.6, noNaN: true }),
          fc.double({ min: 40.8, max: 41.4, noNaN: true })
        ),
        fc.tuple(
          fc.double({ min: 120.8, max: 121.6, noNaN: true }),
          fc.double({ min: 40.8, max: 41.4, noNaN: true })
        ),
        fc.tuple(
          fc.double({ min: 120.8, max: 121.6, noNaN: true }),
          fc.double({ min: 40.8, max: 41.4, noNaN: true })
        ),
        (a, b, c) => {
          const direct = geodesicLength(line(a, c));
          expect(direct).toBeLessThanOrEqual(geodesicLength(line(a, b, c)) + 1e-6);
        }
      ),
      { numRuns: 200, seed: 11 }
    );
  });

  it('rejects a coordinate that is not a number', () => {
    expect(() => geodesicLength(line([121, 41], [Number.NaN, 41]))).toThrow(/not a finite number/);
  });
});

describe('geodesicPerimeter', () => {
  it('matches the fixture perimeters and counts holes', () => {
    for (const name of ['polygon-with-holes', 'multipolygon', 'parcel']) {
      const collection: FeatureCollection = JSON.parse(
        readFileSync(`${fixtures}in/${name}.geojson`, 'utf8')
      );
      const expected = JSON.parse(readFileSync(`${fixtures}out/${name}.json`, 'utf8'));
      collection.features.forEach((feature, index) => {
        expect(geodesicPerimeter(feature.geometry)).toBeCloseTo(
          expected.features[index].geodesicPerimeterM,
          6
        );
      });
    }
    const outer: Position[] = [
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
      [121.202, 41.102]
    ];
    const ringLength = (ring: Position[]) => geodesicLength(line(...ring));
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(
      ringLength(outer) + ringLength(hole),
      9
    );
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [outer] })).toBeCloseTo(3901.15, 2);
  });

  it('closes rings that do not repeat their first vertex, and is 0 for lines', () => {
    const open: Position[] = [
      [121.2, 41.1],
      [121.21, 41.1],
      [121.21, 41.11],
      [121.2, 41.11]
    ];
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [open] })).toBeCloseTo(
      geodesicPerimeter({ type: 'Polygon', coordinates: [[...open, open[0]]] }),
      9
    );
    expect(geodesicPerimeter(line(...open))).toBe(0);
  });
});

describe('turfLength', () => {
  it('is Turf’s spherical length in metres, within 0.5 % of the geodesic near Jinzhou', () => {
    const river = line([121.1, 41.08], [121.15, 41.1], [121.22, 41.09], [121.26, 41.06]);
    expect(turfLength(river)).toBeCloseTo(
      turfLengthDirect(
        { type: 'Feature', properties: {}, geometry: river },
        { units: 'kilometers' }
      ) * 1000,
      6
    );
    expect(Math.abs(turfLength(river) / geodesicLength(river) - 1)).toBeLessThan(5e-3);
    expect(turfLength({ type: 'Point', coordinates: [121, 41] })).toBe(0);
    expect(turfLength(null)).toBe(0);
  });
});

describe('rings, collections and nothing', () => {
  const a: Position = [121.2, 41.1];
  const b: Position = [121.21, 41.1];
  const c: Position = [121.21, 41.11];

  it('closes a ring whose last position differs from the first in x or in y only', () => {
    const closed = geodesicLength(line(a, b, c, [121.2, 41.105], a));
    expect(
      geodesicPerimeter({ type: 'Polygon', coordinates: [[a, b, c, [121.2, 41.105]]] })
    ).toBeCloseTo(closed, 9);
    const sameY: Position = [121.205, 41.1];
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [[a, c, sameY]] })).toBeCloseTo(
      geodesicLength(line(a, c, sameY, a)),
      9
    );
  });

  it('walks a ring of two positions there and back', () => {
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [[a, b]] })).toBeCloseTo(
      2 * geodesicLength(line(a, b)),
      9
    );
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [[a, a]] })).toBe(0);
  });

  it('gives 0 for rings of fewer than two positions and for no geometry', () => {
    expect(geodesicPerimeter({ type: 'Polygon', coordinates: [[a], []] })).toBe(0);
    expect(geodesicPerimeter(null)).toBe(0);
    expect(geodesicPerimeter(undefined)).toBe(0);
    expect(geodesicPerimeter({ type: 'Point', coordinates: a })).toBe(0);
  });

  it('sums the polygons of a collection, ignoring its lines', () => {
    const square = { type: 'Polygon' as const, coordinates: [[a, b, c, a]] };
    expect(
      geodesicPerimeter({
        type: 'GeometryCollection',
        geometries: [square, line(a, b), square]
      })
    ).toBeCloseTo(2 * geodesicPerimeter(square), 9);
  });

  it('measures MultiLineStrings and collections with Turf as well', () => {
    const ab = line(a, b);
    const bc = line(b, c);
    const both = turfLength(ab) + turfLength(bc);
    expect(turfLength(ab)).toBeGreaterThan(800);
    expect(
      turfLength({ type: 'MultiLineString', coordinates: [ab.coordinates, bc.coordinates] })
    ).toBeCloseTo(both, 6);
    expect(
      turfLength({
        type: 'GeometryCollection',
        geometries: [ab, { type: 'Point', coordinates: a }, bc]
      })
    ).toBeCloseTo(both, 6);
    expect(turfLength({ type: 'Polygon', coordinates: [[a, b, c, a]] })).toBe(0);
  });
});
