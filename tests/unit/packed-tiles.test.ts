/**
 * PackedTileIndex (src/lib/tiles/packed-tiles.ts) against @maplibre/geojson-vt as the oracle:
 * the same layer, packed for ours and as GeoJSON (ids = positions) for geojson-vt with the
 * options user-tiles.ts used, must give the same decoded tiles — ids, types, rings and points in
 * the same order, properties — at z14 and at the simplified zooms below.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import fc from 'fast-check';
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { readFileSync } from 'node:fs';
import { PbfReader } from 'pbf';
import { seededRandom } from '../../bench/seeded-random.js';
import { tileOf, type TileAddress } from './support/tiles';
import { describe, expect, test } from 'vitest';
import { packFeatures, sliceRecord } from '../../src/lib/storage/packed-features';
import {
  ALL_PROPERTIES,
  PackedTileIndex,
  TILE_BUFFER,
  TILE_EXTENT,
  TILE_TOLERANCE
} from '../../src/lib/tiles/packed-tiles';
import {
  USER_TILE_LABEL_MIN_ZOOM,
  USER_TILE_LAYER,
  USER_TILE_MAX_ZOOM
} from '../../src/lib/tiles/user-tiles-format';
import { defaultTheme } from '../../src/lib/style/theme';

// --- helpers -------------------------------------------------------------------------------

/** Every tile at zoom z over the lon/lat box, one tile wider on each side (buffers). */
function tilesOver(west: number, south: number, east: number, north: number, z: number) {
  const [, x0, y0] = tileOf(west, north, z);
  const [, x1, y1] = tileOf(east, south, z);
  const tiles: TileAddress[] = [];
  const last = 2 ** z - 1;
  for (let x = Math.max(0, x0 - 1); x <= Math.min(last, x1 + 1); x++) {
    for (let y = Math.max(0, y0 - 1); y <= Math.min(last, y1 + 1); y++) tiles.push([z, x, y]);
  }
  return tiles;
}

interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, unknown>;
  geometry: number[][][];
}

function decoded(bytes: Uint8Array | null): DecodedFeature[] | null {
  if (!bytes) return null;
  const layer = new VectorTile(new PbfReader(bytes)).layers[USER_TILE_LAYER];
  if (!layer) return [];
  return Array.from({ length: layer.length }, (_, i) => {
    const feature = layer.feature(i);
    return {
      id: feature.id,
      type: feature.type,
      properties: feature.properties,
      geometry: feature.loadGeometry().map((ring) => ring.map((point) => [point.x, point.y]))
    };
  });
}

/** geojson-vt over the same features, with the options user-tiles.ts gave it. */
function oracle(features: Feature[]) {
  const index = new GeoJSONVT(
    {
      type: 'FeatureCollection',
      features: features.map((feature, id) => ({ ...feature, id }))
    },
    {
      maxZoom: USER_TILE_MAX_ZOOM,
      extent: TILE_EXTENT,
      tolerance: TILE_TOLERANCE,
      buffer: TILE_BUFFER,
      indexMaxZoom: 5,
      indexMaxPoints: 100_000,
      generateId: false,
      updateable: false
    }
  );
  return (z: number, x: number, y: number) => {
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) return null;
    return fromGeojsonVt({ [USER_TILE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT });
  };
}

/** Our index over the features, added in records of `sliceSize`. */
function ours(
  features: Feature[],
  sliceSize = features.length,
  label: string | null | typeof ALL_PROPERTIES = ALL_PROPERTIES
) {
  const record = packFeatures(features);
  const index = new PackedTileIndex();
  const step = Math.max(1, sliceSize);
  for (let start = 0; start < record.count; start += step) {
    index.addRecord(sliceRecord(record, start, Math.min(record.count, start + step)), label);
  }
  index.finish();
  return index;
}

/** Asserts that ours and geojson-vt's tiles are the same, tile by tile; returns features seen. */
function expectSameTiles(features: Feature[], tiles: TileAddress[], sliceSize?: number): number {
  const expected = oracle(features);
  const index = ours(features, sliceSize);
  let seen = 0;
  for (const [z, x, y] of tiles) {
    const mine = decoded(index.tile(z, x, y));
    const theirs = decoded(expected(z, x, y));
    expect(mine, `tile ${z}/${x}/${y}`).toEqual(theirs);
    seen += mine?.length ?? 0;
  }
  return seen;
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

/** A star-shaped closed ring around lon/lat, `radius` in degrees of latitude. */
function starRing(
  lon: number,
  lat: number,
  radius: number,
  jitter: number[],
  clockwise = false
): Position[] {
  const count = jitter.length;
  const ring: Position[] = jitter.map((j, k) => {
    const angle = (2 * Math.PI * (k + 0.8 * j)) / count;
    const r = radius * (0.6 + 0.4 * j);
    return [
      round7(lon + (r * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180)),
      round7(lat + r * Math.sin(angle))
    ];
  });
  if (clockwise) ring.reverse();
  ring.push([...ring[0]]);
  return ring;
}

const JINZHOU: [number, number] = [121.13, 41.1];
/** The random layers lie in this box (a few z14 tiles), features reaching a little beyond. */
const AREA = { west: 121.1, south: 41.08, east: 121.16, north: 41.12 };

/** A random feature in AREA: parcel, big polygon, hole, multipolygon, line, points, collection. */
const featureArbitrary: fc.Arbitrary<Feature> = fc
  .record({
    shape: fc.constantFrom(
      'parcel',
      'parcel',
      'parcel',
      'big',
      'holed',
      'multi',
      'line',
      'multiline',
      'point',
      'multipoint',
      'collection',
      'bboxed',
      'null'
    ),
    lon: fc.double({ min: AREA.west, max: AREA.east, noNaN: true }),
    lat: fc.double({ min: AREA.south, max: AREA.north, noNaN: true }),
    radius: fc.double({ min: 0.00002, max: 0.004, noNaN: true }),
    jitter: fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), {
      minLength: 3,
      maxLength: 40
    }),
    name: fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.boolean())
  })
  .map(({ shape, lon, lat, radius, jitter, name }): Feature => {
    const properties = { name };
    const ring = (scale = 1, clockwise = false, dLon = 0) =>
      starRing(lon + dLon, lat, radius * scale, jitter, clockwise);
    const walk = (): Position[] =>
      jitter.map((j, k) => [
        round7(lon + radius * 3 * (k / jitter.length - 0.5)),
        round7(lat + radius * (j - 0.5))
      ]);
    let geometry: Geometry | null;
    switch (shape) {
      case 'parcel':
        geometry = { type: 'Polygon', coordinates: [ring()] };
        break;
      case 'big':
        geometry = { type: 'Polygon', coordinates: [ring(8)] };
        break;
      case 'holed':
        geometry = { type: 'Polygon', coordinates: [ring(3), ring(1, true)] };
        break;
      case 'multi':
        geometry = {
          type: 'MultiPolygon',
          coordinates: [[ring(2), ring(0.5, true)], [ring(1, false, radius * 5)]]
        };
        break;
      case 'line':
        geometry = { type: 'LineString', coordinates: walk() };
        break;
      case 'multiline':
        geometry = {
          type: 'MultiLineString',
          coordinates: [walk(), walk().map(([x, y]) => [x, round7(y + radius)])]
        };
        break;
      case 'point':
        geometry = { type: 'Point', coordinates: [round7(lon), round7(lat)] };
        break;
      case 'multipoint':
        geometry = { type: 'MultiPoint', coordinates: walk() };
        break;
      case 'collection':
        geometry = {
          type: 'GeometryCollection',
          geometries: [
            { type: 'Point', coordinates: [round7(lon), round7(lat)] },
            { type: 'Polygon', coordinates: [ring(2)] },
            {
              type: 'GeometryCollection',
              geometries: [{ type: 'LineString', coordinates: walk() }]
            }
          ]
        };
        break;
      case 'bboxed':
        geometry = {
          type: 'Polygon',
          coordinates: [ring(1.5)],
          bbox: [lon - radius, lat - radius, lon + radius, lat + radius]
        } as Polygon;
        break;
      default:
        geometry = null;
    }
    return { type: 'Feature', properties, geometry } as Feature;
  });

const areaTiles = (z: number) => tilesOver(AREA.west, AREA.south, AREA.east, AREA.north, z);

// --- against geojson-vt ------------------------------------------------------------------

describe('PackedTileIndex against geojson-vt', () => {
  test('z14 tiles (no simplification) of random layers are the same, feature for feature', () => {
    let seen = 0;
    fc.assert(
      fc.property(
        fc.array(featureArbitrary, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        (features, sliceSize) => {
          seen += expectSameTiles(features, areaTiles(14), sliceSize);
        }
      ),
      { numRuns: 40 }
    );
    expect(seen).toBeGreaterThan(200); // the tiles were not all empty
  });

  test('simplified zooms (z13 down to z0) of random layers are the same too', () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.array(featureArbitrary, { minLength: 1, maxLength: 30 }), (features) => {
        const tiles = [13, 12, 11, 10, 8, 5, 2, 0].flatMap(areaTiles);
        seen += expectSameTiles(features, tiles);
      }),
      { numRuns: 30 }
    );
    expect(seen).toBeGreaterThan(200);
  });

  test('a thousand parcels across tile edges: every z10–z14 tile the same, and something in them', () => {
    const random = seededRandom(7);
    const features: Feature[] = Array.from({ length: 1000 }, () => ({
      type: 'Feature',
      properties: null,
      geometry: {
        type: 'Polygon',
        coordinates: [
          starRing(
            AREA.west + (AREA.east - AREA.west) * random(),
            AREA.south + (AREA.north - AREA.south) * random(),
            0.0002 + 0.002 * random(),
            Array.from({ length: 18 }, random)
          )
        ]
      }
    }));
    const tiles = [14, 13, 12, 11, 10].flatMap(areaTiles);
    expect(expectSameTiles(features, tiles, 300)).toBeGreaterThan(1000);
  });

  test('parcels, lines and points with properties: the bytes are vt-pbf’s bytes of geojson-vt’s tiles', () => {
    const random = seededRandom(11);
    const features: Feature[] = Array.from({ length: 600 }, (_, i) => {
      const ring = starRing(
        AREA.west + (AREA.east - AREA.west) * random(),
        AREA.south + (AREA.north - AREA.south) * random(),
        0.0002 + 0.002 * random(),
        Array.from({ length: 12 }, random)
      );
      const geometry: Geometry =
        i % 10 === 0
          ? { type: 'LineString', coordinates: ring }
          : i % 10 === 1
            ? { type: 'MultiPoint', coordinates: ring.slice(0, 4) }
            : { type: 'Polygon', coordinates: [ring] };
      const name = i % 3 === 0 ? `地块 ${i % 40}` : i % 3 === 1 ? i * 0.5 : -i;
      const properties = { name, even: i % 2 === 0, gone: null, nested: { i: i % 5 } };
      return { type: 'Feature', properties, geometry };
    });
    const expected = oracle(features);
    const index = ours(features, 250);
    let compared = 0;
    for (const [z, x, y] of [14, 13, 12, 10].flatMap(areaTiles)) {
      const mine = index.tile(z, x, y);
      const theirs = expected(z, x, y);
      expect(mine === null, `tile ${z}/${x}/${y}`).toBe(theirs === null);
      if (!mine || !theirs) continue;
      // Buffer.compare keeps a failure's report short: tiles are kilobytes.
      expect(Buffer.compare(mine, theirs), `tile ${z}/${x}/${y}`).toBe(0);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});

// --- ids, labels, bad input --------------------------------------------------------------

const square = (lon: number, lat: number, half = 0.0003, name: unknown = 'x'): Feature => ({
  type: 'Feature',
  properties: { name, other: 1 },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half]
      ]
    ]
  }
});

/** A feature without geometry (GeoJSON allows null; the type here does not). */
const nothing = (): Feature =>
  ({ type: 'Feature', properties: { name: 'none' }, geometry: null }) as unknown as Feature;

describe('PackedTileIndex', () => {
  const [lon, lat] = JINZHOU;
  const here = tileOf(lon, lat, 14);

  test('ids are positions across records; null geometries take a position but no place', () => {
    const features = [
      square(lon, lat),
      nothing(),
      square(lon + 0.001, lat),
      nothing(),
      nothing(),
      square(lon, lat + 0.001)
    ];
    const record = packFeatures(features);
    const index = new PackedTileIndex();
    index.addRecord(sliceRecord(record, 0, 2), null);
    index.addRecord(sliceRecord(record, 2, 2), null); // an empty slice
    index.addRecord(sliceRecord(record, 2, 5), null);
    index.addRecord(sliceRecord(record, 5, 6), null);
    expect(index.featureCount).toBe(6);
    index.finish();
    const tile = decoded(index.tile(...here))!;
    expect(tile.map((feature) => feature.id)).toEqual([0, 2, 5]);
    expect(tile.every((feature) => feature.type === 3)).toBe(true);
  });

  test('only tiles from USER_TILE_LABEL_MIN_ZOOM carry the label; shallower ones none', () => {
    const features = [square(lon, lat, 0.0003, '地块 1'), square(lon + 0.001, lat, 0.0003, 7)];
    const index = ours(features, 2, 'name');
    for (let z = 10; z <= USER_TILE_MAX_ZOOM; z++) {
      const tile = decoded(index.tile(...tileOf(lon, lat, z)))!;
      expect(tile.map((feature) => feature.id)).toEqual([0, 1]);
      expect({ z, properties: tile.map((feature) => feature.properties) }).toEqual({
        z,
        properties: z >= USER_TILE_LABEL_MIN_ZOOM ? [{ name: '地块 1' }, { name: 7 }] : [{}, {}]
      });
    }
    // Big layers' names show from a zoom drawn from tiles that carry them.
    expect(defaultTheme.imported.bigLayerLabelMinZoom).toBeGreaterThanOrEqual(
      USER_TILE_LABEL_MIN_ZOOM
    );
  });

  test('the label is kept when it is text or a number, nothing else of the properties', () => {
    const features = [
      square(lon, lat, 0.0003, '地块 1'),
      square(lon, lat, 0.0002, 42.5),
      square(lon, lat, 0.0001, true),
      square(lon, lat, 0.00005, { nested: 1 }),
      { ...square(lon, lat), properties: null }
    ];
    const index = ours(features, 2, 'name');
    const tile = decoded(index.tile(...here))!;
    expect(tile.map((feature) => [feature.id, feature.properties])).toEqual([
      [0, { name: '地块 1' }],
      [1, { name: 42.5 }],
      [2, {}],
      [3, {}],
      [4, {}]
    ]);
    const unlabelled = decoded(ours(features, 5, null).tile(...here))!;
    expect(unlabelled.map((feature) => feature.properties)).toEqual(features.map(() => ({})));
    const all = decoded(ours(features.slice(0, 1), 1, ALL_PROPERTIES).tile(...here))!;
    expect(all[0].properties).toEqual({ name: '地块 1', other: 1 });
  });

  test('a GeometryCollection gives tile features of its position, each member as its type', () => {
    const collection: Feature = {
      type: 'Feature',
      properties: { name: 'gc' },
      geometry: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [lon, lat] },
          {
            type: 'LineString',
            coordinates: [
              [lon - 0.001, lat],
              [lon + 0.001, lat + 0.0005]
            ]
          }
        ]
      }
    };
    const index = ours([square(lon, lat), collection, square(lon + 0.0005, lat)], 3, 'name');
    const tile = decoded(index.tile(...here))!;
    expect(tile.map((feature) => [feature.id, feature.type, feature.properties])).toEqual([
      [0, 3, { name: 'x' }],
      [1, 1, { name: 'gc' }],
      [1, 2, { name: 'gc' }],
      [2, 3, { name: 'x' }]
    ]);
  });

  test('a geometry that cannot be tiled is refused by position, and nothing of its record added', () => {
    const index = new PackedTileIndex();
    index.addRecord(packFeatures([square(lon, lat)]), null);
    const circle = { type: 'Feature', properties: {}, geometry: { type: 'Circle' } } as never;
    expect(() => index.addRecord(packFeatures([square(lon, lat), circle]), null)).toThrow(
      /Feature #2 .*"Circle"/
    );
    const text = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: ['121', 41] }
    } as never;
    expect(() => index.addRecord(packFeatures([text]), null)).toThrow(/Feature #1 .*Point/);
    expect(index.featureCount).toBe(1);
    index.finish();
    expect(decoded(index.tile(...here))!.map((feature) => feature.id)).toEqual([0]);
  });

  test('tile coordinates: outside the grid throw, deeper than z14 and empty tiles are null', () => {
    const index = new PackedTileIndex();
    expect(() => index.tile(0, 0, 0)).toThrow(/before finish/);
    index.addRecord(packFeatures([square(lon, lat)]), null);
    index.finish();
    expect(() => index.finish()).toThrow(/twice/);
    expect(() => index.addRecord(packFeatures([]), null)).toThrow(/after finish/);
    for (const [z, x, y] of [
      [3, 8, 0],
      [3, 0, -1],
      [1.5, 0, 0],
      [25, 0, 0],
      [2, 0.5, 1]
    ]) {
      expect(() => index.tile(z, x, y), `${z}/${x}/${y}`).toThrow(RangeError);
    }
    const [, x15, y15] = tileOf(lon, lat, 15);
    expect(index.tile(15, x15, y15)).toBeNull();
    expect(index.tile(14, 0, 0)).toBeNull();
    expect(index.tile(...tileOf(lon, lat, 10))).not.toBeNull();
    const empty = new PackedTileIndex();
    empty.finish();
    expect(empty.tile(0, 0, 0)).toBeNull();
  });

  test('the bytes own their buffer exactly', () => {
    const bytes = ours([square(lon, lat)]).tile(...here)!;
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  test('the app’s tile path does not load geojson-vt (types only)', () => {
    const engine = [
      'packed-tiles.ts',
      'tile-math.ts',
      'tile-source.ts',
      'tile-prepare.ts',
      'tile-clip.ts',
      'tile-frame.ts'
    ];
    for (const file of [...engine, 'feature-grid.ts', 'user-tiles.ts', 'user-tiles-protocol.ts']) {
      const source = readFileSync(new URL(`../../src/lib/tiles/${file}`, import.meta.url), 'utf8');
      const imports = source.match(/^import .*from '@maplibre\/geojson-vt';$/gm) ?? [];
      expect(
        imports.every((line) => line.startsWith('import type ')),
        file
      ).toBe(true);
    }
  });
});
