import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FeatureCollection, Geometry } from 'geojson';
import { compactCollection, expandCollection } from '../../src/lib/geo/compact-geojson.js';
import districts from '$geodata/context/jinzhou-districts.geojson';

const collectionOf = (...geometries: (Geometry | null)[]): FeatureCollection =>
  ({
    type: 'FeatureCollection',
    features: geometries.map((geometry, i) => ({
      type: 'Feature',
      properties: { i },
      geometry
    }))
  }) as FeatureCollection;

/** Compacts and expands through JSON text, as the bundle does. */
function roundTrip(collection: FeatureCollection) {
  const compact = compactCollection(collection);
  if (!compact) return null;
  return expandCollection(JSON.parse(JSON.stringify(compact)));
}

describe('compact GeoJSON (the bundle form of geodata/)', () => {
  it('gives back every geometry type, holes, collections and null geometry exactly', () => {
    const ring = [
      [121.1, 41.1],
      [121.2, 41.1],
      [121.2, 41.2],
      [121.1, 41.1]
    ];
    const hole = [
      [121.15, 41.12],
      [121.16, 41.12],
      [121.16, 41.13],
      [121.15, 41.12]
    ];
    const input = collectionOf(
      { type: 'Point', coordinates: [121.123, -41.5] },
      {
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [-3.25, 4]
        ]
      },
      { type: 'LineString', coordinates: ring.slice(0, 3) },
      { type: 'MultiLineString', coordinates: [ring, hole] },
      { type: 'Polygon', coordinates: [ring, hole] },
      { type: 'MultiPolygon', coordinates: [[ring], [hole]] },
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [0, 0] },
          { type: 'Polygon', coordinates: [ring] }
        ]
      },
      null
    );
    expect(JSON.stringify(roundTrip(input))).toBe(JSON.stringify(input));
  });

  it('counts the decimals of numbers JavaScript writes with an exponent', () => {
    const compact = compactCollection(collectionOf({ type: 'Point', coordinates: [1.5e-7, 2] }));
    expect(compact?.scale).toBe(1e8);
    expect(
      JSON.stringify(roundTrip(collectionOf({ type: 'Point', coordinates: [1.5e-7, 2] })))
    ).toContain('[1.5e-7,2]');
  });

  it('writes differences of integers in units of the finest decimal', () => {
    const compact = compactCollection(
      collectionOf({
        type: 'LineString',
        coordinates: [
          [121.1234, 41.5],
          [121.1237, 41.4998]
        ]
      })
    );
    expect(compact?.scale).toBe(10_000);
    const [feature] = (compact?.collection as FeatureCollection).features;
    expect((feature.geometry as { coordinates: unknown }).coordinates).toEqual([
      1_211_234, 415_000, 3, -2
    ]);
  });

  it('leaves alone what it cannot give back exactly: 3-D, over 9 decimals, bad values', () => {
    expect(compactCollection(collectionOf({ type: 'Point', coordinates: [1, 2, 3] }))).toBeNull();
    expect(compactCollection(collectionOf({ type: 'Point', coordinates: [1e-10, 2] }))).toBeNull();
    expect(compactCollection(collectionOf({ type: 'Point', coordinates: [1e21, 2] }))).toBeNull();
    expect(
      compactCollection(collectionOf({ type: 'Point', coordinates: [1.0000000001, 2] }))
    ).toBeNull();
    expect(
      compactCollection(collectionOf({ type: 'Point', coordinates: [Number.NaN, 2] }))
    ).toBeNull();
    expect(
      compactCollection(collectionOf({ type: 'Polygon', coordinates: [[1, 2]] } as never))
    ).toBeNull();
  });

  it('gives back any 2-D coordinates of up to 7 decimals exactly (property)', () => {
    const coordinate = fc
      .tuple(fc.integer({ min: -180_0000000, max: 180_0000000 }), fc.integer({ min: 0, max: 7 }))
      .map(([units, decimals]) => Number((units / 1e7).toFixed(decimals)));
    const position = fc.tuple(coordinate, coordinate);
    fc.assert(
      fc.property(
        fc.array(fc.array(position, { minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        (lines) => {
          const input = collectionOf({ type: 'MultiLineString', coordinates: lines });
          expect(compactCollection(input)).not.toBeNull();
          expect(JSON.stringify(roundTrip(input))).toBe(JSON.stringify(input));
        }
      )
    );
  });

  it('is what the app imports: the districts as the file has them, a third of the bytes', () => {
    const file = JSON.parse(
      readFileSync('geodata/context/jinzhou-districts.geojson', 'utf8')
    ) as FeatureCollection;
    expect(JSON.stringify(districts)).toBe(JSON.stringify(file));
    const compact = compactCollection(file);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(file).length / 2);
  });
});
