/**
 * PackedGeometries (the user-tile worker's compact store) gives back every geometry exactly as
 * added, in x and y; featuresOnDemand makes features as geojson-vt reads them.
 */
import fc from 'fast-check';
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PackedGeometries } from '$lib/layers/packed-geometries';
import { featuresOnDemand } from '$lib/layers/user-tiles';

const position = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true })
);
const positions = (min: number) => fc.array(position, { minLength: min, maxLength: 6 });
const parts = (min: number) => fc.array(positions(min), { minLength: 1, maxLength: 3 });
const geometry: fc.Arbitrary<Geometry> = fc.oneof(
  position.map((coordinates) => ({ type: 'Point' as const, coordinates })),
  positions(1).map((coordinates) => ({ type: 'MultiPoint' as const, coordinates })),
  positions(2).map((coordinates) => ({ type: 'LineString' as const, coordinates })),
  parts(2).map((coordinates) => ({ type: 'MultiLineString' as const, coordinates })),
  parts(4).map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc
    .array(parts(4), { minLength: 1, maxLength: 3 })
    .map((coordinates) => ({ type: 'MultiPolygon' as const, coordinates }))
);

describe('PackedGeometries', () => {
  it('gives back every geometry exactly as added, also after trim()', () => {
    fc.assert(
      fc.property(fc.array(geometry, { minLength: 1, maxLength: 30 }), (geometries) => {
        const packed = new PackedGeometries();
        for (const g of geometries) packed.add(g);
        expect(packed.length).toBe(geometries.length);
        geometries.forEach((g, i) => expect(packed.geometry(i)).toEqual(g));
        packed.trim();
        geometries.forEach((g, i) => expect(packed.geometry(i)).toEqual(g));
      })
    );
  });

  it('keeps x and y of a position only, and a GeometryCollection as it is', () => {
    const packed = new PackedGeometries();
    packed.add({
      type: 'LineString',
      coordinates: [
        [121, 41, 35.5],
        [121.1, 41.1, 36]
      ]
    });
    const collection: Geometry = {
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [121, 41] }]
    };
    packed.add(collection);
    packed.add({ type: 'Point', coordinates: [121.2, 41.2] });
    expect(packed.geometry(0)).toEqual({
      type: 'LineString',
      coordinates: [
        [121, 41],
        [121.1, 41.1]
      ]
    });
    expect(packed.geometry(1)).toBe(collection);
    expect(packed.geometry(2)).toEqual({ type: 'Point', coordinates: [121.2, 41.2] });
  });

  it('refuses unknown types and positions it does not have', () => {
    const packed = new PackedGeometries();
    expect(() => packed.add({ type: 'Circle' } as unknown as Geometry)).toThrow(/Circle/);
    expect(packed.length).toBe(0);
    expect(() => packed.geometry(0)).toThrow(RangeError);
  });
});

describe('featuresOnDemand', () => {
  it('reads like an array by index, length and iteration, making a new feature each time', () => {
    const made: number[] = [];
    const features = featuresOnDemand(3, (i): Feature => {
      made.push(i);
      return {
        type: 'Feature',
        id: i,
        properties: null,
        geometry: { type: 'Point', coordinates: [i, i] }
      };
    });
    expect(features.length).toBe(3);
    expect(features[1].id).toBe(1);
    expect(features[3]).toBeUndefined();
    expect([...features].map((f) => f.id)).toEqual([0, 1, 2]);
    expect(features[2]).not.toBe(features[2]);
    expect(made).toEqual([1, 0, 1, 2, 2, 2]);
  });
});
