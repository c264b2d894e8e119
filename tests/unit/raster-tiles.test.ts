/**
 * Overview tiles of big user layers: RasterTileWriter paints what PackedTileIndex cuts (the same
 * features and rings as the vector tile, in canvas pixels), UserTileIndex.raster encodes it, the
 * worker handler and UserTileServer pass it on, the protocol serves it under `….png`, and the
 * style draws a big layer with it below the theme's bigLayerDetailMinZoom (UserLayersOnMap's
 * part is in user-layers-on-map.test.ts).
 * Node has no canvas: a recording one stands in, its "PNG" the JSON of what was painted.
 */
import { VectorTile } from '@mapbox/vector-tile';
import type { Feature, Geometry } from 'geojson';
import { PbfReader } from 'pbf';
import { describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { packFeatures, PackedFeatures } from '$lib/storage/packed-features';
import { PackedTileIndex, TILE_EXTENT } from '$lib/tiles/packed-tiles';
import { RasterTileWriter, type RasterContext } from '$lib/tiles/raster-tile-writer';
import { layerRegistry } from '$lib/layers/registry';
import {
  parseUserTileUrl,
  registerUserTileProtocol,
  USER_TILE_SCHEME,
  UserTileServer,
  userOverviewUrl,
  type UserTileLoader
} from '$lib/tiles/user-tiles-client';
import { RASTER_TILE_SIZE, USER_TILE_LAYER, type RasterPaint } from '$lib/tiles/user-tiles-format';
import { UserTileWorkerApi } from '$lib/tiles/user-tiles-protocol';
import { expose, wrap } from 'comlink';
import { InProcessWorker } from './support/tile-worker';
import { UserTileIndex, type MakeRasterCanvas, type RasterCanvas } from '$lib/tiles/user-tiles';
import { buildStyle } from '$lib/style/build-style';
import {
  importedLayerColour,
  importedLayerIdOf,
  importedLayerStyle,
  importedOverviewPaint,
  importedOverviewSource,
  importedOverviewSourceId,
  importedSourceId,
  importedStyleLayerIds,
  importedTileSource
} from '$lib/style/imported-style';
import { defaultTheme } from '$lib/style/theme';
import { tileOf } from './support/tiles';

const PAINT: RasterPaint = {
  colour: '#3949ab',
  fillOpacity: 0.3,
  lineWidth: 2.5,
  pointRadius: 5,
  pointStroke: '#ffffff',
  pointStrokeWidth: 1.5
};

type Call = [string, ...unknown[]];

/** A 2D context that records every call, with the style in force at each fill and stroke. */
class RecordingContext implements RasterContext {
  calls: Call[] = [];
  fillStyle: RasterContext['fillStyle'] = '#000000';
  strokeStyle: RasterContext['strokeStyle'] = '#000000';
  lineWidth = 1;
  globalAlpha = 1;
  lineJoin: CanvasLineJoin = 'miter';
  lineCap: CanvasLineCap = 'butt';
  beginPath() {
    this.calls.push(['beginPath']);
  }
  moveTo(x: number, y: number) {
    this.calls.push(['moveTo', x, y]);
  }
  lineTo(x: number, y: number) {
    this.calls.push(['lineTo', x, y]);
  }
  closePath() {
    this.calls.push(['closePath']);
  }
  arc(x: number, y: number, radius: number) {
    this.calls.push(['arc', x, y, radius]);
  }
  fill(rule?: CanvasFillRule | Path2D) {
    const fillRule = typeof rule === 'string' ? rule : 'nonzero';
    this.calls.push(['fill', fillRule, this.fillStyle, this.globalAlpha]);
  }
  stroke() {
    const { strokeStyle, lineWidth, globalAlpha, lineJoin, lineCap } = this;
    this.calls.push(['stroke', strokeStyle, lineWidth, globalAlpha, lineJoin, lineCap]);
  }
}

/** What was painted, shape by shape: the rings traced since beginPath, and how they were drawn. */
function shapesOf(calls: Call[]) {
  const shapes: { rings: number[][][]; drawn: Call[] }[] = [];
  let current: { rings: number[][][]; drawn: Call[] } | null = null;
  for (const call of calls) {
    const [name, ...args] = call;
    if (name === 'beginPath') shapes.push((current = { rings: [], drawn: [] }));
    else if (name === 'moveTo' || name === 'arc') current!.rings.push([args as number[]]);
    else if (name === 'lineTo') current!.rings.at(-1)!.push(args as number[]);
    else if (name === 'fill' || name === 'stroke') current!.drawn.push(call);
  }
  return shapes;
}

/** A canvas that records; its "PNG" is the JSON of the calls painted on it. */
class RecordingCanvas implements RasterCanvas {
  readonly context = new RecordingContext();
  constructor(readonly size: number) {}
  getContext() {
    return this.context;
  }
  async convertToBlob(options: { type: string }) {
    return new Blob([JSON.stringify({ size: this.size, calls: this.context.calls })], options);
  }
}

const recordingCanvas: MakeRasterCanvas = (size) => new RecordingCanvas(size);

function square(lon: number, lat: number, half: number): number[][] {
  return [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half]
  ];
}

const feature = (geometry: Geometry): Feature => ({ type: 'Feature', properties: {}, geometry });

/** Near Jinzhou: a square with a hole, two squares, one crossing z14 tile edges, a line, points. */
function mixedLayer(): Feature[] {
  const [lon, lat] = [121.13, 41.1];
  return [
    feature({
      type: 'Polygon',
      coordinates: [square(lon, lat, 0.004), square(lon, lat, 0.001).reverse()]
    }),
    feature({
      type: 'MultiPolygon',
      coordinates: [[square(lon + 0.01, lat, 0.002)], [square(lon + 0.02, lat + 0.01, 0.003)]]
    }),
    feature({ type: 'Polygon', coordinates: [square(121.1133, 41.0943, 0.01)] }),
    feature({
      type: 'LineString',
      coordinates: [
        [lon - 0.01, lat - 0.01],
        [lon + 0.005, lat + 0.002],
        [lon + 0.015, lat - 0.004]
      ]
    }),
    feature({
      type: 'MultiPoint',
      coordinates: [
        [lon + 0.003, lat + 0.006],
        [lon - 0.006, lat + 0.002]
      ]
    })
  ];
}

function indexOf(features: Feature[]): PackedTileIndex {
  const index = new PackedTileIndex();
  index.addRecord(packFeatures(features), null);
  index.finish();
  return index;
}

/** The tile's features as MapLibre decodes them: type and rings in tile units. */
function decodedTile(bytes: Uint8Array | null) {
  if (!bytes) return [];
  const layer = new VectorTile(new PbfReader(bytes)).layers[USER_TILE_LAYER];
  return Array.from({ length: layer.length }, (_, i) => {
    const tileFeature = layer.feature(i);
    const rings = tileFeature.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y]));
    return { type: tileFeature.type, rings };
  });
}

describe('RasterTileWriter', () => {
  test.each([
    [12, 1],
    [14, 1],
    [14, 2],
    [13, 1]
  ])(
    'paints at z%i (pixel ratio %i) exactly the rings of the vector tile, in canvas pixels',
    (z, ratio) => {
      const index = indexOf(mixedLayer());
      const tiles = new Set<string>();
      for (const f of mixedLayer()) {
        const coordinates = JSON.stringify(f.geometry)
          .match(/-?\d+\.\d+/g)!
          .map(Number);
        for (let k = 0; k < coordinates.length; k += 2) {
          tiles.add(tileOf(coordinates[k], coordinates[k + 1], z).join('/'));
        }
      }
      expect(tiles.size).toBeGreaterThan(z === 14 ? 1 : 0);
      let painted = 0;
      let holes = 0;
      for (const tile of tiles) {
        const [tz, x, y] = tile.split('/').map(Number);
        const context = new RecordingContext();
        const size = RASTER_TILE_SIZE * ratio;
        const writer = new RasterTileWriter(context, PAINT, size);
        index.cut(tz, x, y, writer);
        writer.finish();
        const vector = decodedTile(index.tile(tz, x, y));
        expect(writer.featureCount).toBe(vector.length);
        painted += vector.length;
        const toTileUnits = (rings: number[][][]) =>
          rings.map((ring) =>
            ring.map(([px, py]) => [(px * TILE_EXTENT) / size, (py * TILE_EXTENT) / size])
          );
        const shapes = shapesOf(context.calls);
        // Fills and lines in the tile's order, then the points (painted on top, one arc each).
        const pointShapes = shapes.filter(
          (shape) => shape.drawn[0]?.[0] === 'fill' && shape.drawn[1]
        );
        const others = shapes.slice(0, shapes.length - pointShapes.length);
        const vectorOthers = vector.filter((f) => f.type !== 1);
        expect(others.map((shape) => toTileUnits(shape.rings))).toEqual(
          vectorOthers.map((f) => f.rings)
        );
        for (const [k, shape] of others.entries()) {
          if (vectorOthers[k].type === 3) {
            expect(shape.drawn).toEqual([['fill', 'evenodd', PAINT.colour, PAINT.fillOpacity]]);
          } else {
            expect(shape.drawn).toEqual([
              ['stroke', PAINT.colour, PAINT.lineWidth * ratio, 1, 'round', 'round']
            ]);
          }
        }
        const vectorPoints = vector.filter((f) => f.type === 1).flatMap((f) => f.rings);
        expect(pointShapes.map((shape) => toTileUnits(shape.rings)[0][0])).toEqual(
          vectorPoints.map((ring) => ring[0])
        );
        for (const shape of pointShapes) {
          expect(shape.drawn).toEqual([
            ['fill', 'nonzero', PAINT.colour, 1],
            // (Joins and caps do not matter to a circle.)
            [
              'stroke',
              PAINT.pointStroke,
              PAINT.pointStrokeWidth * ratio,
              1,
              ...shape.drawn[1].slice(4)
            ]
          ]);
        }
        const arcs = context.calls.filter((call) => call[0] === 'arc');
        for (const arc of arcs) expect(arc[3]).toBe(PAINT.pointRadius * ratio);
        holes += others.filter((shape) => shape.rings.length > 1).length;
      }
      // Every feature of the layer was painted somewhere (more, where tiles share one).
      expect(painted).toBeGreaterThanOrEqual(mixedLayer().length);
      expect(holes).toBeGreaterThan(0);
    }
  );

  test('a tile with nothing in it paints nothing', () => {
    const context = new RecordingContext();
    const writer = new RasterTileWriter(context, PAINT, RASTER_TILE_SIZE);
    indexOf(mixedLayer()).cut(14, 0, 0, writer);
    writer.finish();
    expect(writer.featureCount).toBe(0);
    expect(context.calls).toEqual([]);
  });
});

describe('PackedTileIndex.featureAt: what a click on the overview hits', () => {
  const [lon, lat] = [121.13, 41.1];
  const radius = 7 / (512 * 2 ** 12); // 7 px at z12
  const degreesPerPixel = 360 / (512 * 2 ** 12);

  test('a polygon where the point is inside it, not in its hole; null elsewhere', () => {
    const index = indexOf(mixedLayer().slice(0, 2));
    expect(index.featureAt(lon + 0.003, lat, radius)).toBe(0); // in the ring around the hole
    expect(index.featureAt(lon, lat, radius)).toBeNull(); // in the hole
    expect(index.featureAt(lon + 0.02, lat + 0.01, radius)).toBe(1); // the second polygon
    expect(index.featureAt(lon + 0.5, lat, radius)).toBeNull();
  });

  test('points and lines within the radius, over the polygons below them', () => {
    const index = indexOf(mixedLayer());
    // The line's middle vertex lies inside the big square (feature 0); the line is on top.
    expect(index.featureAt(lon + 0.005, lat + 0.002, radius)).toBe(3);
    // A point a few pixels off still hits; twice the radius off does not.
    expect(index.featureAt(lon + 0.003 + 4 * degreesPerPixel, lat + 0.006, radius)).toBe(4);
    expect(index.featureAt(lon + 0.003 + 14 * degreesPerPixel, lat + 0.006, radius)).toBeNull();
    // A point drawn over a polygon that comes later in the layer still wins: circles lie on top.
    const pointFirst = indexOf([
      feature({ type: 'Point', coordinates: [lon, lat] }),
      feature({ type: 'Polygon', coordinates: [square(lon, lat, 0.004)] })
    ]);
    expect(pointFirst.featureAt(lon, lat, radius)).toBe(0);
    expect(pointFirst.featureAt(lon + 0.002, lat, radius)).toBe(1);
  });

  test('of overlapping polygons, the later one (drawn last); a geometry kept in the text counts', () => {
    const index = indexOf([
      feature({ type: 'Polygon', coordinates: [square(lon, lat, 0.004)] }),
      feature({ type: 'Polygon', coordinates: [square(lon + 0.002, lat, 0.004)] }),
      feature({
        type: 'GeometryCollection',
        geometries: [{ type: 'Polygon', coordinates: [square(lon + 0.05, lat, 0.002)] }]
      })
    ]);
    expect(index.featureAt(lon + 0.001, lat, radius)).toBe(1);
    expect(index.featureAt(lon - 0.003, lat, radius)).toBe(0);
    expect(index.featureAt(lon + 0.05, lat, radius)).toBe(2);
  });

  test('is refused before finish', () => {
    expect(() => new PackedTileIndex().featureAt(lon, lat, radius)).toThrow(/before finish/);
  });
});

describe('UserTileIndex.raster', () => {
  const [z, x, y] = tileOf(121.13, 41.1, 12);

  function built(): UserTileIndex {
    const index = new UserTileIndex();
    index.addPacked(packFeatures(mixedLayer()), null);
    index.finish();
    return index;
  }

  test('paints on a canvas of 512 × the pixel ratio (1 to 2) and gives its encoded bytes', async () => {
    const index = built();
    const sizes: number[] = [];
    for (const ratio of [1, 2, 3, 0.5, 1.5]) {
      const bytes = await index.raster(z, x, y, PAINT, ratio, (size) => {
        sizes.push(size);
        return new RecordingCanvas(size);
      });
      const painted = JSON.parse(new TextDecoder().decode(bytes!));
      expect(painted.size).toBe(sizes.at(-1));
      expect(painted.calls.length).toBeGreaterThan(0);
    }
    expect(sizes).toEqual([512, 1024, 1024, 512, 768]);
    // A tile no feature reaches is not painted at all.
    expect(await index.raster(12, 0, 0, PAINT, 1, recordingCanvas)).toBeNull();
  });

  test('is refused before finish, off the grid, and without a 2D context', async () => {
    const unfinished = new UserTileIndex();
    await expect(unfinished.raster(z, x, y, PAINT, 1, recordingCanvas)).rejects.toThrow(
      /before finish/
    );
    const index = built();
    await expect(index.raster(3, 8, 0, PAINT, 1, recordingCanvas)).rejects.toThrow(
      /No tile 3\/8\/0/
    );
    const noContext: MakeRasterCanvas = () => ({
      getContext: () => null,
      convertToBlob: async () => new Blob([])
    });
    await expect(index.raster(z, x, y, PAINT, 1, noContext)).rejects.toThrow(/No 2D canvas/);
  });
});

describe('UserTileWorkerApi, overview tiles', () => {
  const [z, x, y] = tileOf(121.13, 41.1, 12);

  test('answers a raster request with the painted tile; null where there is nothing', async () => {
    const api = new UserTileWorkerApi(recordingCanvas);
    api.add('a', mixedLayer());
    api.finish('a');
    const data = await api.raster('a', z, x, y, PAINT, 2);
    expect(data).toBeInstanceOf(ArrayBuffer);
    expect(JSON.parse(new TextDecoder().decode(data!)).size).toBe(1024);
    expect(await api.raster('a', 12, 0, 0, PAINT, 1)).toBeNull();
  });

  test('through comlink, a painted tile’s buffer is transferred, not copied', async () => {
    const api = new UserTileWorkerApi(recordingCanvas);
    api.add('a', mixedLayer());
    api.finish('a');
    let painted: ArrayBuffer | null = null;
    const { port1, port2 } = new MessageChannel();
    expose(
      {
        raster: async () => {
          painted = await api.raster('a', z, x, y, PAINT, 1);
          return painted;
        }
      },
      port2
    );
    const received = await wrap<{ raster(): Promise<ArrayBuffer | null> }>(port1).raster();
    expect(JSON.parse(new TextDecoder().decode(received!)).size).toBe(RASTER_TILE_SIZE);
    expect(painted!.byteLength).toBe(0); // detached: moved to the page
    port1.close();
    port2.close();
  });

  test('answers which feature is under a point, null for an unknown layer', () => {
    const api = new UserTileWorkerApi(recordingCanvas);
    expect(api.featureAt('a', 121.133, 41.1, 1e-6)).toBeNull();
    api.add('a', mixedLayer());
    api.finish('a');
    expect(api.featureAt('a', 121.133, 41.1, 1e-6)).toBe(0);
  });

  test('unknown layers answer null; without a canvas the answer says why', async () => {
    const api = new UserTileWorkerApi(null);
    expect(await api.raster('nope', z, x, y, PAINT, 1)).toBeNull();
    api.add('a', mixedLayer());
    api.finish('a');
    await expect(api.raster('a', z, x, y, PAINT, 1)).rejects.toThrow(
      new RegExp(`Overview tile ${z}/${x}/${y} of layer a: .*no OffscreenCanvas`)
    );
  });
});

describe('overview tiles through UserTileServer and the linghe-user:// protocol', () => {
  const [z, x, y] = tileOf(121.13, 41.1, 12);

  test('overview URLs end in .png and parse back as such', () => {
    const template = userOverviewUrl('p q');
    expect(template).toBe(`${USER_TILE_SCHEME}://p%20q/{z}/{x}/{y}.png`);
    const url = template.replace('{z}', '12').replace('{x}', '3426').replace('{y}', '1533');
    expect(parseUserTileUrl(url)).toEqual({
      layerId: 'p q',
      z: 12,
      x: 3426,
      y: 1533,
      overview: true
    });
    expect(parseUserTileUrl(url.replace('.png', ''))).toMatchObject({ overview: false });
    expect(parseUserTileUrl(`${url}.png`)).toBeNull();
    expect(parseUserTileUrl(url.replace('.png', '.jpg'))).toBeNull();
  });

  test('the server asks with the layer’s paint and this screen’s pixel ratio; the protocol serves it', async () => {
    let worker: InProcessWorker | undefined;
    const server = new UserTileServer(() => (worker = new InProcessWorker(recordingCanvas)));
    await server.load('with', new PackedFeatures(packFeatures(mixedLayer())), null, PAINT);
    await server.load('without', mixedLayer());
    const registered = new Map<string, UserTileLoader>();
    registerUserTileProtocol(server, (scheme, load) => registered.set(scheme, load));
    const load = registered.get(USER_TILE_SCHEME)!;
    const tileUrl = (id: string) =>
      userOverviewUrl(id).replace('{z}', `${z}`).replace('{x}', `${x}`).replace('{y}', `${y}`);

    const painted = await load({ url: tileUrl('with') }, new AbortController());
    const json = JSON.parse(new TextDecoder().decode(painted.data));
    expect(json.size).toBe(RASTER_TILE_SIZE); // Node has no devicePixelRatio: 1
    expect(json.calls).toContainEqual(['fill', 'evenodd', PAINT.colour, PAINT.fillOpacity]);
    const request = worker!.calls.find((call) => call.method === 'raster');
    expect(request?.args).toEqual(['with', z, x, y, PAINT, 1]);

    // A layer loaded without an overview, or never loaded, gets a transparent 1 × 1 PNG.
    for (const id of ['without', 'never']) {
      const empty = await load({ url: tileUrl(id) }, new AbortController());
      const bytes = new Uint8Array(empty.data);
      expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
      expect(new DataView(empty.data).getUint32(16)).toBe(1); // width
    }
    expect(worker!.calls.filter((call) => call.method === 'raster')).toHaveLength(1);
    // What a click on the overview hits, asked of the worker; a layer never loaded: null.
    expect(await server.featureAt('with', 121.133, 41.1, 1e-6)).toBe(0);
    expect(await server.featureAt('never', 121.133, 41.1, 1e-6)).toBeNull();
    server.drop('with');
    const afterDrop = await load({ url: tileUrl('with') }, new AbortController());
    expect(afterDrop.data.byteLength).toBeLessThan(100);
    server.terminate();
    await expect(server.featureAt('without', 121.133, 41.1, 1e-6)).rejects.toThrow(/terminated/);
  });
});

describe('the overview in the style', () => {
  const LAYER_ID = '0b7c1e9a-5d7e-4c2f-9a61-2f0d3c4b5a69';
  const detail = defaultTheme.imported.bigLayerDetailMinZoom;

  test('a big layer with an overview: one raster layer below the detail zoom, vectors from it', () => {
    const base = buildStyle(layerRegistry, defaultTheme);
    const layers = importedLayerStyle(LAYER_ID, defaultTheme, {
      big: { sourceLayer: USER_TILE_LAYER, overview: true },
      label: 'name'
    });
    const overviewSource = importedOverviewSource(userOverviewUrl(LAYER_ID), defaultTheme);
    const style: StyleSpecification = {
      ...base,
      sources: {
        ...base.sources,
        [importedSourceId(LAYER_ID)]: importedTileSource(
          `linghe-user://${LAYER_ID}/{z}/{x}/{y}`,
          14
        ),
        [importedOverviewSourceId(LAYER_ID)]: overviewSource
      },
      layers: [...base.layers, ...layers]
    };
    expect(validateStyleMin(style)).toEqual([]);
    expect(overviewSource).toEqual({
      type: 'raster',
      tiles: [userOverviewUrl(LAYER_ID)],
      tileSize: 512,
      minzoom: 0,
      maxzoom: detail - 1
    });
    expect(layers.map((layer) => [layer.type, layer.minzoom, layer.maxzoom])).toEqual([
      ['raster', undefined, detail],
      ['fill', detail, undefined],
      ['line', detail, undefined],
      ['circle', detail, undefined],
      ['symbol', defaultTheme.imported.bigLayerLabelMinZoom, undefined]
    ]);
    expect(layers[0]).toMatchObject({ source: importedOverviewSourceId(LAYER_ID) });
    expect([...importedStyleLayerIds(LAYER_ID)].sort()).toEqual(
      layers.map((layer) => layer.id).sort()
    );
    expect(importedLayerIdOf(importedOverviewSourceId(LAYER_ID))).toBe(LAYER_ID);
  });

  test('the overview is painted as the vector layers draw', () => {
    const layers = importedLayerStyle(LAYER_ID, defaultTheme);
    const paint = importedOverviewPaint(LAYER_ID, defaultTheme);
    const fill = layers.find((layer) => layer.type === 'fill')!;
    const line = layers.find((layer) => layer.type === 'line')!;
    const circle = layers.find((layer) => layer.type === 'circle')!;
    expect(paint).toEqual({
      colour: importedLayerColour(LAYER_ID, defaultTheme),
      fillOpacity: fill.paint?.['fill-opacity' as never],
      lineWidth: line.paint?.['line-width' as never],
      pointRadius: circle.paint?.['circle-radius' as never],
      pointStroke: circle.paint?.['circle-stroke-color' as never],
      pointStrokeWidth: circle.paint?.['circle-stroke-width' as never]
    });
  });
});
