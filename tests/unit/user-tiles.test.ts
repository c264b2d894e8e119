/**
 * Vector tiles of big user layers (user-tiles.ts), the worker's API
 * (user-tiles-protocol.ts), the page-side server and the `linghe-user://` protocol
 * (user-tiles-client.ts). Tiles are decoded with @mapbox/vector-tile, as MapLibre would.
 */
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import type { Feature, Polygon } from 'geojson';
import { PackedFeatures, packFeatures } from '../../src/lib/storage/packed-features';
import type { addProtocol } from 'maplibre-gl';
import { PbfReader } from 'pbf';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { tileOf } from './support/tiles';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { expose, wrap } from 'comlink';
import {
  FEATURES_PER_TILE_SLICE,
  parseUserTileUrl,
  registerUserTileProtocol,
  USER_TILE_SCHEME,
  UserTileServer,
  userTileUrl,
  type UserTileLoader
} from '../../src/lib/tiles/user-tiles-client';
import { UserTileWorkerApi } from '../../src/lib/tiles/user-tiles-protocol';
import { InProcessWorker } from './support/tile-worker';
import {
  USER_TILE_BUFFER,
  USER_TILE_EXTENT,
  USER_TILE_LAYER,
  USER_TILE_MAX_ZOOM,
  UserTileIndex
} from '../../src/lib/tiles/user-tiles';

// --- helpers -------------------------------------------------------------------------------

/** Longitude (degrees) of the west edge of tile column x at zoom z. */
const westEdge = (z: number, x: number) => (x / 2 ** z) * 360 - 180;

/** A closed counter-clockwise rectangle polygon. */
function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south]
      ]
    ]
  };
}

/** A square polygon feature ~`halfMetres` around lon/lat, with a property to see dropped. */
function parcel(lon: number, lat: number, halfMetres = 250, name = 'parcel'): Feature {
  const dLat = halfMetres / 111_320;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return {
    type: 'Feature',
    properties: { name, area: 12.5 },
    geometry: rectangle(lon - dLon, lat - dLat, lon + dLon, lat + dLat)
  };
}

const noGeometry = (): Feature => ({
  type: 'Feature',
  properties: { name: 'empty' },
  geometry: null as unknown as Polygon
});

function decode(bytes: ArrayBuffer | Uint8Array) {
  return new VectorTile(new PbfReader(bytes));
}

function tileFeatures(bytes: ArrayBuffer | Uint8Array | null): VectorTileFeature[] {
  expect(bytes).not.toBeNull();
  const layer = decode(bytes!).layers[USER_TILE_LAYER];
  expect(layer).toBeDefined();
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

const idsIn = (bytes: ArrayBuffer | Uint8Array | null) =>
  tileFeatures(bytes)
    .map((feature) => feature.id)
    .sort((a, b) => a! - b!);

const JINZHOU: [number, number] = [121.13, 41.1];

function builtIndex(...slices: Feature[][]): UserTileIndex {
  const index = new UserTileIndex();
  for (const slice of slices) index.add(slice);
  index.finish();
  return index;
}

// --- UserTileIndex -----------------------------------------------------------------------

describe('UserTileIndex', () => {
  test('a polygon near Jinzhou is in its z10 and z14 tiles, as a polygon with its position as id', () => {
    const index = builtIndex(
      [parcel(121.3, 41.2), noGeometry()],
      [parcel(121.0, 41.0), parcel(...JINZHOU)]
    );
    for (const z of [10, USER_TILE_MAX_ZOOM]) {
      const [, x, y] = tileOf(...JINZHOU, z);
      const features = tileFeatures(index.tile(z, x, y));
      const feature = features.find((candidate) => candidate.id === 3);
      expect(feature, `z${z}`).toBeDefined();
      expect(feature!.type).toBe(3);
      expect(feature!.extent).toBe(USER_TILE_EXTENT);
      // Decoded back to lon/lat, the square is where it was put (within the tile grid's step).
      const ring = (feature!.toGeoJSON(x, y, z).geometry as Polygon).coordinates[0];
      const lons = ring.map(([lon]) => lon);
      const lats = ring.map(([, lat]) => lat);
      const expected = parcel(...JINZHOU).geometry as Polygon;
      const [[west, south], , [east, north]] = expected.coordinates[0];
      const step = 360 / 2 ** z / USER_TILE_EXTENT;
      expect(Math.min(...lons)).toBeCloseTo(west, 0);
      expect(Math.abs(Math.min(...lons) - west)).toBeLessThan(step);
      expect(Math.abs(Math.max(...lons) - east)).toBeLessThan(step);
      expect(Math.abs(Math.min(...lats) - south)).toBeLessThan(step);
      expect(Math.abs(Math.max(...lats) - north)).toBeLessThan(step);
    }
  });

  test('ids count across slices and null geometries keep their position', () => {
    // Twelve small parcels in one z14 tile; positions 1, 5 and 6 have no geometry.
    const [lon, lat] = JINZHOU;
    const slices: Feature[][] = [
      [parcel(lon, lat, 30), noGeometry(), parcel(lon + 0.001, lat, 30)],
      [parcel(lon + 0.002, lat, 30), parcel(lon + 0.003, lat, 30), noGeometry()],
      [],
      [noGeometry(), parcel(lon, lat + 0.001, 30), parcel(lon + 0.001, lat + 0.001, 30)],
      [parcel(lon + 0.002, lat + 0.001, 30), parcel(lon + 0.003, lat + 0.001, 30)],
      [parcel(lon + 0.004, lat + 0.001, 30)]
    ];
    const index = builtIndex(...slices);
    expect(index.featureCount).toBe(12);
    const [z, x, y] = tileOf(lon + 0.002, lat + 0.0005, 14);
    expect(idsIn(index.tile(z, x, y))).toEqual([0, 2, 3, 4, 7, 8, 9, 10, 11]);
  });

  test('a tile far from every feature is null', () => {
    const index = builtIndex([parcel(...JINZHOU)]);
    expect(index.tile(14, ...(tileOf(116.4, 39.9, 14).slice(1) as [number, number]))).toBeNull();
    // The neighbour of the parcel's z14 tile, beyond the buffer, is empty too.
    const [z, x, y] = tileOf(...JINZHOU, 14);
    expect(index.tile(z, x, y + 2)).toBeNull();
    expect(index.tile(z, x, y)).not.toBeNull();
  });

  test('a polygon across a tile edge is in both tiles, clipped to each (plus the buffer)', () => {
    const [z, x, y] = tileOf(...JINZHOU, 14);
    const edge = westEdge(z, x);
    const [, lat] = JINZHOU;
    const crossing: Feature = {
      type: 'Feature',
      properties: {},
      geometry: rectangle(edge - 0.004, lat - 0.001, edge + 0.004, lat + 0.001)
    };
    const index = builtIndex([crossing]);
    const buffer = USER_TILE_BUFFER;
    for (const column of [x - 1, x]) {
      const [feature] = tileFeatures(index.tile(z, column, y));
      expect(feature.id).toBe(0);
      expect(feature.type).toBe(3);
      const xs = feature.loadGeometry()[0].map((point) => point.x);
      // Clipped: nothing beyond the buffer, and the cut lies at the buffer's edge.
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(-buffer);
      expect(Math.max(...xs)).toBeLessThanOrEqual(USER_TILE_EXTENT + buffer);
      if (column === x) expect(Math.min(...xs)).toBe(-buffer);
      else expect(Math.max(...xs)).toBe(USER_TILE_EXTENT + buffer);
    }
  });

  test('tile features carry the properties they were given and nothing else', () => {
    const index = builtIndex([
      { ...parcel(...JINZHOU, 250), properties: { name: '锦州' } },
      { ...parcel(...JINZHOU, 250), properties: null }
    ]);
    const [z, x, y] = tileOf(...JINZHOU, 12);
    const features = tileFeatures(index.tile(z, x, y)).sort((a, b) => Number(a.id) - Number(b.id));
    expect(features.map((f) => [f.id, f.properties])).toEqual([
      [0, { name: '锦州' }],
      [1, {}]
    ]);
  });

  test('points and lines are tiled too, as types 1 and 2', () => {
    const [lon, lat] = JINZHOU;
    const index = builtIndex([
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [lon, lat] } },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [lon - 0.001, lat],
            [lon + 0.001, lat + 0.0005]
          ]
        }
      }
    ]);
    const types = tileFeatures(index.tile(...tileOf(lon, lat, 14))).map((f) => [f.id, f.type]);
    expect(types.sort()).toEqual([
      [0, 1],
      [1, 2]
    ]);
  });

  test('misuse and bad geometry types are refused with clear messages', () => {
    const index = new UserTileIndex();
    expect(() => index.tile(0, 0, 0)).toThrow(/before finish/);
    expect(() =>
      index.add([
        parcel(...JINZHOU),
        { type: 'Feature', properties: {}, geometry: { type: 'Circle' } } as never
      ])
    ).toThrow(/Feature #1 .*"Circle"/);
    index.finish();
    expect(() => index.add([parcel(...JINZHOU)])).toThrow(/after finish/);
    expect(() => index.finish()).toThrow(/twice/);
    expect(() => index.tile(3, 8, 0)).toThrow(RangeError);
  });

  test('after finish() the input features and geometries can be garbage-collected', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const index = new UserTileIndex();
    const refs: WeakRef<object>[] = [];
    (() => {
      const features = manyParcels(200);
      for (const feature of features)
        refs.push(new WeakRef(feature), new WeakRef(feature.geometry));
      index.add(features.slice(0, 100));
      index.add(features.slice(100));
    })();
    index.finish();
    // WeakRefs made in this job stay alive until it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(refs.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    expect(index.tile(...tileOf(...JINZHOU, 14))).not.toBeNull();
  });

  test('a tile asked for again is the same, in a buffer of its own; deeper tiles still come', () => {
    const index = builtIndex(manyParcels(500));
    const [z, x, y] = tileOf(...JINZHOU, 13);
    const first = index.tile(z, x, y)!;
    const firstCopy = first.slice();
    structuredClone(first.buffer, { transfer: [first.buffer] }); // as the handler posts it
    expect(first.byteLength).toBe(0); // detached
    const again = index.tile(z, x, y)!;
    expect(again).toEqual(firstCopy);
    expect(again.buffer).not.toBe(first.buffer);
    // The z14 children are cut from the z13 tile's source, which stays.
    const childIds = [0, 1, 2, 3].flatMap((i) => {
      const child = index.tile(z + 1, 2 * x + (i % 2), 2 * y + Math.floor(i / 2));
      return child ? idsIn(child) : [];
    });
    expect(new Set(childIds)).toEqual(new Set(idsIn(firstCopy)));
  });

  test('the returned bytes own their buffer exactly (safe to transfer)', () => {
    const index = builtIndex([parcel(...JINZHOU)]);
    const bytes = index.tile(...tileOf(...JINZHOU, 13))!;
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });
});

// --- the worker-side handler ---------------------------------------------------------------

describe('UserTileWorkerApi', () => {
  const [z, x, y] = tileOf(...JINZHOU, 14);

  test('builds a layer from its slices, and answers its tiles once finished', () => {
    const api = new UserTileWorkerApi();
    api.add('a', [noGeometry(), parcel(...JINZHOU)]);
    api.add('a', [parcel(...JINZHOU, 100)]);
    expect(api.tile('a', z, x, y)).toBeNull(); // not finished yet
    api.finish('a');
    const data = api.tile('a', z, x, y);
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect(idsIn(data)).toEqual([1, 2]);
  });

  test('unknown, unfinished and dropped layers answer null', () => {
    const api = new UserTileWorkerApi();
    expect(api.tile('nope', z, x, y)).toBeNull();
    api.add('b', [parcel(...JINZHOU)]);
    expect(api.tile('b', z, x, y)).toBeNull();
    api.finish('b');
    expect(api.tile('b', z, x, y)).toBeInstanceOf(ArrayBuffer);
    api.drop('b');
    expect(api.tile('b', z, x, y)).toBeNull();
  });

  test('a dropped layer can be loaded again under the same id', () => {
    const api = new UserTileWorkerApi();
    api.add('c', [parcel(...JINZHOU)]);
    api.finish('c');
    api.drop('c');
    api.add('c', [noGeometry(), noGeometry(), parcel(...JINZHOU)]);
    api.finish('c');
    expect(idsIn(api.tile('c', z, x, y))).toEqual([2]);
  });

  test('an empty layer is ready with no tiles; bad input fails its finish; bad tiles say why', () => {
    const api = new UserTileWorkerApi();
    api.finish('empty');
    expect(api.tile('empty', 0, 0, 0)).toBeNull();
    api.add('bad', [
      parcel(...JINZHOU),
      { type: 'Feature', properties: {}, geometry: { type: 'Nope' } } as never
    ]);
    api.add('bad', [parcel(...JINZHOU)]);
    expect(() => api.finish('bad')).toThrow(/Feature #1 .*"Nope"/);
    expect(api.tile('bad', z, x, y)).toBeNull();
    api.add('ok', [parcel(...JINZHOU)]);
    api.finish('ok');
    api.add('ok', [parcel(...JINZHOU)]);
    expect(() => api.finish('ok')).toThrow(/already finished/);
    api.add('z', [parcel(...JINZHOU)]);
    api.finish('z');
    expect(() => api.tile('z', 2, 9, 0)).toThrow(/Tile 2\/9\/0 of layer z: /);
  });

  test('through comlink, a tile’s buffer is transferred, not copied', async () => {
    const api = new UserTileWorkerApi();
    api.add('t', [parcel(...JINZHOU)]);
    api.finish('t');
    let made: ArrayBuffer | null = null;
    const { port1, port2 } = new MessageChannel();
    expose(
      {
        tile: () => {
          made = api.tile('t', z, x, y);
          return made;
        }
      },
      port2
    );
    const remote = wrap<{ tile(): ArrayBuffer | null }>(port1);
    const received = await remote.tile();
    expect(idsIn(received)).toEqual([0]);
    expect(made!.byteLength).toBe(0); // detached: moved to the page
    port1.close();
    port2.close();
  });
});

// --- the page-side server -------------------------------------------------------------------

function serverWithFakeWorker() {
  const workers: InProcessWorker[] = [];
  const server = new UserTileServer(() => {
    const worker = new InProcessWorker();
    workers.push(worker);
    return worker;
  });
  return { server, workers };
}

/** `count` small parcels in a grid around Jinzhou, ~100 m apart. */
function manyParcels(count: number): Feature[] {
  return Array.from({ length: count }, (_, i) =>
    parcel(JINZHOU[0] + (i % 80) * 0.0012, JINZHOU[1] + Math.floor(i / 80) * 0.0009, 40, `p${i}`)
  );
}

/** The features of each `add` call the worker received. */
const addedSlices = (worker: InProcessWorker) =>
  worker.calls.filter((call) => call.method === 'add').map((call) => call.args[1] as Feature[]);

describe('UserTileServer', () => {
  test('sends a packed layer as its record in slices; its tiles are the plain layer’s', async () => {
    const features = manyParcels(3000);
    const { server: plainServer } = serverWithFakeWorker();
    await plainServer.load('plain', features, 'name');
    const { server, workers } = serverWithFakeWorker();
    await server.load('packed', new PackedFeatures(packFeatures(features)), 'name');
    expect(workers[0].methods).toEqual(['addPacked', 'addPacked', 'finish']);
    const tile = tileOf(...JINZHOU, 14);
    const decode = async (s: UserTileServer, id: string) =>
      tileFeatures(new Uint8Array((await s.tile(id, ...tile))!)).map((f) => [f.id, f.properties]);
    const fromPacked = await decode(server, 'packed');
    expect(fromPacked.length).toBeGreaterThan(0);
    expect(fromPacked).toEqual(await decode(plainServer, 'plain'));
  });

  test('sends the label property with the geometry when asked, and it reaches the tiles', async () => {
    const { server, workers } = serverWithFakeWorker();
    const features = manyParcels(10);
    await server.load('named', features, 'name');
    const [add] = addedSlices(workers[0]);
    expect(add[3]?.properties).toEqual({ name: 'p3' });
    const data = await server.tile('named', ...tileOf(...JINZHOU, 14));
    const names = tileFeatures(new Uint8Array(data!)).map((f) => f.properties.name);
    expect(names).toContain('p0');
  });

  test('sends 6000 features in slices, one per task, then finish; resolves when built', async () => {
    const { server, workers } = serverWithFakeWorker();
    expect(workers).toHaveLength(0); // lazy
    const features = manyParcels(6000);
    const loading = server.load('big', features);
    // Only the first slice goes out in the caller's task.
    expect(workers).toHaveLength(1);
    expect(workers[0].methods).toEqual(['add']);
    await loading;
    const adds = addedSlices(workers[0]);
    expect(adds.map((slice) => slice.length)).toEqual([
      FEATURES_PER_TILE_SLICE,
      FEATURES_PER_TILE_SLICE,
      6000 - 2 * FEATURES_PER_TILE_SLICE
    ]);
    expect(workers[0].calls.at(-1)).toEqual({ method: 'finish', args: ['big'] });
    // Only geometry crosses to the worker.
    expect(adds[1][0]).toEqual({
      type: 'Feature',
      geometry: features[FEATURES_PER_TILE_SLICE].geometry,
      properties: null
    });

    // tile() round-trips; ids are positions in `features`.
    const target = 5432;
    const [lon, lat] = [
      JINZHOU[0] + (target % 80) * 0.0012,
      JINZHOU[1] + Math.floor(target / 80) * 0.0009
    ];
    const data = await server.tile('big', ...tileOf(lon, lat, 14));
    expect(data).toBeInstanceOf(ArrayBuffer);
    const found = tileFeatures(data).find((feature) => feature.id === target);
    expect(found?.type).toBe(3);
    const ring = (
      found!.toGeoJSON(...(tileOf(lon, lat, 14).slice(1) as [number, number]), 14)
        .geometry as Polygon
    ).coordinates[0];
    const centre = ring.slice(0, 4).reduce((sum, [x]) => sum + x, 0) / 4;
    expect(centre).toBeCloseTo(lon, 4);
    expect(await server.tile('big', 14, 0, 0)).toBeNull();
    expect(await server.tile('never-loaded', 14, 0, 0)).toBeNull();
    server.terminate();
  });

  test('a tile for a layer never loaded does not start the worker', async () => {
    const { server, workers } = serverWithFakeWorker();
    expect(await server.tile('x', 0, 0, 0)).toBeNull();
    expect(workers).toHaveLength(0);
  });

  test('drop during a load stops the sending and resolves the load quietly', async () => {
    const { server, workers } = serverWithFakeWorker();
    const loading = server.load('d', manyParcels(6000));
    server.drop('d');
    await expect(loading).resolves.toBeUndefined();
    expect(workers[0].methods).toEqual(['add', 'drop']);
    expect(await server.tile('d', ...tileOf(...JINZHOU, 14))).toBeNull();
  });

  test('drop while waiting for the build resolves; a new load of the same id gets its own answer', async () => {
    const { server, workers } = serverWithFakeWorker();
    const first = server.load('r', [parcel(...JINZHOU)]);
    // Loading the same id again drops the first load (resolved quietly) and starts over; the
    // first load's answer must not end the second.
    const second = server.load('r', [noGeometry(), parcel(...JINZHOU)]);
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    expect(workers[0].methods).toEqual(['add', 'finish', 'drop', 'add', 'finish']);
    expect(idsIn(await server.tile('r', ...tileOf(...JINZHOU, 14)))).toEqual([1]);
  });

  test('a layer the worker cannot build rejects its load with the reason', async () => {
    const { server } = serverWithFakeWorker();
    const bad = { type: 'Feature', properties: {}, geometry: { type: 'Blob' } } as never;
    await expect(server.load('bad', [parcel(...JINZHOU), bad])).rejects.toThrow(
      /Feature #1 .*"Blob"/
    );
    expect(await server.tile('bad', ...tileOf(...JINZHOU, 14))).toBeNull();
  });

  test('terminate rejects pending loads and tiles, and later calls', async () => {
    const { server, workers } = serverWithFakeWorker();
    await server.load('t', [parcel(...JINZHOU)]);
    const tile = server.tile('t', ...tileOf(...JINZHOU, 14));
    const loading = server.load('u', manyParcels(6000));
    server.terminate();
    await expect(tile).rejects.toThrow(/terminated/);
    await expect(loading).rejects.toThrow(/terminated/);
    await expect(server.tile('t', 0, 0, 0)).rejects.toThrow(/terminated/);
    await expect(server.load('v', [])).rejects.toThrow(/terminated/);
    expect(workers[0].terminated).toBe(true);
    const addsOfU = workers[0].calls.filter((c) => c.method === 'add' && c.args[0] === 'u');
    expect(addsOfU).toHaveLength(1);
  });

  test('a crashed worker rejects what is pending with its message', async () => {
    const { server, workers } = serverWithFakeWorker();
    const loading = server.load('c', [parcel(...JINZHOU)]);
    workers[0].fail('out of memory');
    await expect(loading).rejects.toThrow(/User tile worker failed: out of memory/);
  });

  test('an aborted tile request rejects with the AbortError; its late answer is ignored', async () => {
    const { server } = serverWithFakeWorker();
    await server.load('a', [parcel(...JINZHOU)]);
    const controller = new AbortController();
    const tile = server.tile('a', ...tileOf(...JINZHOU, 14), controller.signal);
    controller.abort();
    await expect(tile).rejects.toMatchObject({ name: 'AbortError' });
    await expect(server.tile('a', 0, 0, 0, controller.signal)).rejects.toMatchObject({
      name: 'AbortError'
    });
    // The server still works after the ignored answer arrives.
    expect(await server.tile('a', ...tileOf(...JINZHOU, 14))).toBeInstanceOf(ArrayBuffer);
  });
});

// --- URLs and the MapLibre protocol -------------------------------------------------------

describe('linghe-user:// tiles', () => {
  test('URL templates encode the layer id and parse back', () => {
    const id = 'layer/1 凌河?#%';
    const template = userTileUrl(id);
    expect(template).toBe(
      `${USER_TILE_SCHEME}://layer%2F1%20%E5%87%8C%E6%B2%B3%3F%23%25/{z}/{x}/{y}`
    );
    const url = template.replace('{z}', '14').replace('{x}', '13704').replace('{y}', '6136');
    expect(parseUserTileUrl(url)).toEqual({
      layerId: id,
      z: 14,
      x: 13704,
      y: 6136,
      overview: false
    });
  });

  test.each([
    'https://example.com/1/0/0',
    'linghe-user://a/1/0',
    'linghe-user://a/1/2/0', // x beyond the grid at z1
    'linghe-user://a/25/0/0',
    'linghe-user://a/1/0/0?x=1',
    'linghe-user:///1/0/0',
    'linghe-user://%E0%A4%A/1/0/0', // malformed escape
    'linghe-user://a/{z}/{x}/{y}'
  ])('%s is not a user tile URL', (url) => {
    expect(parseUserTileUrl(url)).toBeNull();
  });

  test('the protocol serves tiles, an empty ArrayBuffer for none, and rejects bad URLs by name', async () => {
    const { server } = serverWithFakeWorker();
    await server.load('p q', [parcel(...JINZHOU)]);
    const registered = new Map<string, UserTileLoader>();
    const removed: string[] = [];
    const unregister = registerUserTileProtocol(
      server,
      (scheme, load) => registered.set(scheme, load),
      (scheme) => removed.push(scheme)
    );
    const load = registered.get(USER_TILE_SCHEME)!;
    expect(load).toBeTypeOf('function');
    const urlOf = (z: number, x: number, y: number) =>
      userTileUrl('p q').replace('{z}', `${z}`).replace('{x}', `${x}`).replace('{y}', `${y}`);

    const [z, x, y] = tileOf(...JINZHOU, 14);
    const full = await load({ url: urlOf(z, x, y) }, new AbortController());
    expect(idsIn(full.data)).toEqual([0]);
    const empty = await load({ url: urlOf(14, 0, 0) }, new AbortController());
    expect(empty.data).toBeInstanceOf(ArrayBuffer);
    expect(empty.data.byteLength).toBe(0);
    expect(Object.keys(decode(empty.data).layers)).toEqual([]);

    const bad = 'linghe-user://p%20q/14/99999999/0';
    await expect(load({ url: bad }, new AbortController())).rejects.toThrow(bad);

    const aborted = new AbortController();
    aborted.abort();
    await expect(load({ url: urlOf(z, x, y) }, aborted)).rejects.toMatchObject({
      name: 'AbortError'
    });

    expect(removed).toEqual([]);
    unregister();
    expect(removed).toEqual([USER_TILE_SCHEME]);
    server.terminate();
  });
});

// maplibre-gl's addProtocol fits the one registerUserTileProtocol is given. A type check, made
// when the tests are type-checked (npm run check), not a test: at run time it checks nothing.
expectTypeOf<typeof addProtocol>().toExtend<Parameters<typeof registerUserTileProtocol>[1]>();
