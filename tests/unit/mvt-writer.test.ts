/**
 * MvtLayerWriter (src/lib/tiles/mvt-writer.ts) against @maplibre/vt-pbf's fromGeojsonVt as the
 * oracle: the same features must give the same bytes, byte for byte.
 */
import { VectorTile } from '@mapbox/vector-tile';
import type { GeoJSONVTFeature, GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import fc from 'fast-check';
import { PbfReader } from 'pbf';
import { describe, expect, test } from 'vitest';
import {
  MVT_LINESTRING,
  MVT_POINT,
  MVT_POLYGON,
  MvtGeometry,
  MvtLayerWriter,
  type MvtGeometryType
} from '../../src/lib/tiles/mvt-writer';

const EXTENT = 8192;

/** A feature as geojson-vt hands it to vt-pbf (tile coordinates, transformed). */
interface TestFeature {
  id: number;
  type: MvtGeometryType;
  tags: Record<string, unknown> | null;
  rings: [number, number][][];
}

function vtPbfBytes(name: string, features: TestFeature[]): Uint8Array {
  const tile = {
    transformed: true,
    features: features.map(
      ({ id, type, tags, rings }) =>
        ({ id, type, tags, geometry: type === MVT_POINT ? rings[0] : rings }) as GeoJSONVTFeature
    )
  } as unknown as GeoJSONVTTile;
  return fromGeojsonVt({ [name]: tile }, { version: 2, extent: EXTENT });
}

function writerBytes(name: string, features: TestFeature[]): Uint8Array | null {
  const writer = new MvtLayerWriter(name, EXTENT);
  const geometry = new MvtGeometry();
  for (const { id, type, tags, rings } of features) {
    geometry.clear();
    for (const ring of rings) {
      for (const [x, y] of ring) geometry.addPoint(x, y);
      geometry.endRing();
    }
    const keys = tags ? Object.keys(tags) : [];
    if (keys.length === 1 && id % 2 === 0) {
      writer.addFeatureWithProperty(id, type, geometry, keys[0], tags![keys[0]]);
    } else {
      writer.addFeature(id, type, geometry, tags);
    }
  }
  return writer.finish();
}

/** Where two byte arrays first differ (a short failure report for tiles of many kB), or -1. */
function firstDifference(a: Uint8Array | null, b: Uint8Array): number {
  if (a === null) return 0;
  const length = Math.min(a.length, b.length);
  for (let k = 0; k < length; k++) if (a[k] !== b[k]) return k;
  return a.length === b.length ? -1 : length;
}

const coordinate = fc.oneof(
  fc.integer({ min: -200, max: 8400 }),
  fc.integer({ min: -(2 ** 20), max: 2 ** 20 })
);
const point = fc.tuple(coordinate, coordinate);
/** A ring, closed (its first point repeated) or not, up to 6 000 points (lengths ≥ 2¹⁴). */
const ring = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.array(point, { minLength: 1, maxLength: 8 }), weight: 10 },
      { arbitrary: fc.array(point, { minLength: 40, maxLength: 200 }), weight: 5 },
      { arbitrary: fc.array(point, { minLength: 3000, maxLength: 6000 }), weight: 1 }
    ),
    fc.boolean()
  )
  .map(([points, closed]) => (closed ? [...points, points[0]] : points));

const value = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('0', 'true', ''),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.constantFrom(0, -0, 1.5, -2.25, 2 ** 53, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 })
);
const tags = fc.oneof(
  fc.constant(null),
  fc.dictionary(fc.constantFrom('name', 'kind', '名称', 'a', 'b', '0'), value, { maxKeys: 4 })
);

const featureArbitrary: fc.Arbitrary<TestFeature> = fc
  .record({
    id: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 2 ** 32 })),
    type: fc.constantFrom(MVT_POINT, MVT_LINESTRING, MVT_POLYGON),
    tags,
    rings: fc.array(ring, { minLength: 1, maxLength: 4 })
  })
  .map((feature) =>
    feature.type === MVT_POINT ? { ...feature, rings: [feature.rings[0]] } : feature
  );

describe('MvtLayerWriter against vt-pbf', () => {
  test('random layers give vt-pbf’s bytes exactly', () => {
    fc.assert(
      fc.property(
        fc.array(featureArbitrary, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('features', 'a', '图层'.repeat(50)),
        (features, name) => {
          expect(firstDifference(writerBytes(name, features), vtPbfBytes(name, features))).toBe(-1);
        }
      ),
      { numRuns: 60, endOnFailure: true } // shrinking rings of thousands of points takes minutes
    );
  });

  test('a layer of 5 000 polygons (messages of every length size) is vt-pbf’s bytes', () => {
    const features: TestFeature[] = Array.from({ length: 5000 }, (_, i) => {
      const square: [number, number][] = [
        [i, i],
        [i + 30, i],
        [i + 30, i + 30],
        [i, i + 30],
        [i, i]
      ];
      return {
        id: i,
        type: MVT_POLYGON,
        tags: { name: `地块 ${i % 700}`, n: i % 3 },
        rings: [square]
      };
    });
    const bytes = writerBytes('features', features)!;
    expect(bytes.length).toBeGreaterThan(2 ** 14);
    expect(firstDifference(bytes, vtPbfBytes('features', features))).toBe(-1);
  });
});

describe('MvtLayerWriter', () => {
  test('decodes to the features written, polygon rings closed by ClosePath', () => {
    const writer = new MvtLayerWriter('features', EXTENT);
    const geometry = new MvtGeometry();
    for (const [x, y] of [
      [100, 100],
      [200, 100],
      [200, 200],
      [100, 100]
    ]) {
      geometry.addPoint(x, y);
    }
    geometry.endRing();
    writer.addFeatureWithProperty(7, MVT_POLYGON, geometry, 'name', '地块');
    geometry.clear();
    geometry.addPoint(-5, 3);
    geometry.addPoint(9000, 4);
    geometry.endRing();
    writer.addFeature(8, MVT_POINT, geometry, { name: '地块', height: 1.5, gone: null });
    expect(writer.featureCount).toBe(2);
    const bytes = writer.finish()!;
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    const layer = new VectorTile(new PbfReader(bytes)).layers.features;
    expect(layer.extent).toBe(EXTENT);
    expect(layer.version).toBe(2);
    expect(layer.length).toBe(2);
    const polygon = layer.feature(0);
    expect([polygon.id, polygon.type, polygon.properties]).toEqual([7, 3, { name: '地块' }]);
    expect(polygon.loadGeometry().map((r) => r.map((p) => [p.x, p.y]))).toEqual([
      [
        [100, 100],
        [200, 100],
        [200, 200],
        [100, 100]
      ]
    ]);
    const points = layer.feature(1);
    expect([points.id, points.type, points.properties]).toEqual([
      8,
      1,
      { name: '地块', height: 1.5 }
    ]);
    expect(points.loadGeometry().map((r) => r.map((p) => [p.x, p.y]))).toEqual([
      [[-5, 3]],
      [[9000, 4]]
    ]);
  });

  test('keys named like Object.prototype members are written as any other', () => {
    const writer = new MvtLayerWriter('features', EXTENT);
    const geometry = new MvtGeometry();
    geometry.addPoint(1, 2);
    geometry.endRing();
    writer.addFeature(0, MVT_POINT, geometry, { name: 'a', constructor: 'b', toString: 3 });
    const layer = new VectorTile(new PbfReader(writer.finish()!)).layers.features;
    expect(layer.feature(0).properties).toEqual({ name: 'a', constructor: 'b', toString: 3 });
  });

  test('a layer without features is null, and a finished writer refuses more', () => {
    const writer = new MvtLayerWriter('features', EXTENT);
    expect(writer.finish()).toBeNull();
    expect(() => writer.addFeature(0, MVT_POINT, new MvtGeometry(), null)).toThrow(/finish/);
    expect(() => writer.finish()).toThrow(/twice/);
  });

  test('the geometry arrays grow past their first size', () => {
    const geometry = new MvtGeometry();
    for (let ring = 0; ring < 100; ring++) {
      for (let k = 0; k < 20; k++) geometry.addPoint(ring, k);
      geometry.endRing();
    }
    expect(geometry.pointCount).toBe(2000);
    expect(geometry.ringCount).toBe(100);
    expect(Array.from(geometry.coordinates.subarray(3998, 4000))).toEqual([99, 19]);
    expect(geometry.ringEnds[99]).toBe(2000);
  });
});
