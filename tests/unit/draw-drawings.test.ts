/**
 * The mapping between terra-draw's features and saved drawings (issue #5): what is saved, what
 * terra-draw gets back on reload (checked against terra-draw's own validation), names, and the
 * sync plan that keeps the map showing exactly the saved drawings.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Geometry, LineString, Polygon } from 'geojson';
import { TerraDrawExtend, TerraDrawLineStringMode, TerraDrawPolygonMode } from 'terra-draw';
import {
  defaultDrawingName,
  drawingFromTerraFeature,
  drawingName,
  isDrawingId,
  MAX_NAME_LENGTH,
  newDrawingId,
  planSync,
  renameDrawing,
  terraFeatureFromDrawing
} from '../../src/lib/draw/drawings';
import { openImportStore, type Drawing, type ImportStore } from '../../src/lib/storage/store';

const triangle: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121.2, 41.1],
      [121.21, 41.1],
      [121.21, 41.11],
      [121.2, 41.1]
    ]
  ]
};
const path: LineString = {
  type: 'LineString',
  coordinates: [
    [121.2, 41.1],
    [121.21, 41.105]
  ]
};
const T0 = new Date('2024-05-01T08:00:00Z');
const T1 = new Date('2024-05-02T09:30:00Z');

function drawing(id: string, geometry: Geometry, name?: string): Drawing {
  return {
    id,
    feature: { type: 'Feature', id, geometry, properties: name === undefined ? {} : { name } },
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString()
  };
}

/** terra-draw's own check of a feature, as `addFeatures` runs it when drawings are restored. */
function terraValidation(feature: unknown, mode: 'polygon' | 'linestring') {
  const store = new TerraDrawExtend.GeoJSONStore({
    idStrategy: { isValidId: isDrawingId, getId: newDrawingId }
  });
  const drawMode = mode === 'polygon' ? new TerraDrawPolygonMode() : new TerraDrawLineStringMode();
  drawMode.register({
    mode,
    store: store as never,
    setDoubleClickToZoom: () => undefined,
    setCursor: () => undefined,
    onChange: () => undefined,
    onSelect: () => undefined,
    onDeselect: () => undefined,
    onFinish: () => undefined,
    project: () => ({ x: 0, y: 0 }),
    unproject: () => ({ lng: 0, lat: 0 }),
    coordinatePrecision: 9
  });
  return drawMode.validateFeature(feature);
}

describe('drawingFromTerraFeature', () => {
  it('saves plain GeoJSON: the geometry and a name, none of terra-draw’s bookkeeping', () => {
    const saved = drawingFromTerraFeature(
      { id: 'd1', geometry: triangle },
      { now: T0, name: '多边形 Polygon 1' }
    );
    expect(saved).toEqual({
      id: 'd1',
      feature: {
        type: 'Feature',
        id: 'd1',
        geometry: triangle,
        properties: { name: '多边形 Polygon 1' }
      },
      createdAt: T0.toISOString(),
      updatedAt: T0.toISOString()
    });
    expect(saved.feature.geometry).not.toBe(triangle); // a copy: terra-draw may reuse its arrays
  });

  it('keeps the name and creation time of the drawing an edit replaces', () => {
    const first = drawing('d1', triangle, '东区边界');
    const moved: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121.201, 41.1],
          [121.211, 41.1],
          [121.211, 41.11],
          [121.201, 41.1]
        ]
      ]
    };
    const edited = drawingFromTerraFeature(
      { id: 'd1', geometry: moved },
      { now: T1, previous: first }
    );
    expect(edited.createdAt).toBe(T0.toISOString());
    expect(edited.updatedAt).toBe(T1.toISOString());
    expect(drawingName(edited)).toBe('东区边界');
    expect(edited.feature.geometry).toEqual(moved);
  });

  it('drops heights and rounds to the 9 decimals terra-draw keeps', () => {
    const saved = drawingFromTerraFeature(
      {
        id: 'd2',
        geometry: {
          type: 'LineString',
          coordinates: [
            [121.2000000000004, 41.1, 35],
            [121.21, 41.1]
          ]
        }
      },
      { now: T0 }
    );
    expect((saved.feature.geometry as LineString).coordinates[0]).toEqual([121.2, 41.1]);
  });
});

describe('terraFeatureFromDrawing', () => {
  it('gives terra-draw back a polygon it accepts, in polygon mode', () => {
    const feature = terraFeatureFromDrawing(drawing('d1', triangle, 'x'));
    expect(feature).toEqual({
      type: 'Feature',
      id: 'd1',
      geometry: triangle,
      properties: { mode: 'polygon' }
    });
    expect(terraValidation(feature, 'polygon')).toMatchObject({ valid: true });
  });

  it('gives terra-draw back a line it accepts, in linestring mode', () => {
    const feature = terraFeatureFromDrawing(drawing('d2', path));
    expect(feature?.properties.mode).toBe('linestring');
    expect(terraValidation(feature, 'linestring')).toMatchObject({ valid: true });
  });

  it('rounds coordinates from a restored backup that terra-draw would refuse as too precise', () => {
    const precise: Polygon = {
      type: 'Polygon',
      coordinates: [triangle.coordinates[0].map(([x, y]) => [x + 1e-12, y - 1e-12])]
    };
    const raw = { type: 'Feature', id: 'd3', geometry: precise, properties: { mode: 'polygon' } };
    expect(terraValidation(raw, 'polygon')).toMatchObject({ valid: false });
    const feature = terraFeatureFromDrawing(drawing('d3', precise));
    expect(terraValidation(feature, 'polygon')).toMatchObject({ valid: true });
  });

  it('gives points to terra-draw’s point mode (placing a plan feature uses them)', () => {
    const feature = terraFeatureFromDrawing(
      drawing('p', { type: 'Point', coordinates: [121.1234567891234, 41] })
    );
    expect(feature).toEqual({
      type: 'Feature',
      id: 'p',
      geometry: { type: 'Point', coordinates: [121.123456789, 41] },
      properties: { mode: 'point' }
    });
  });

  it('returns null for what terra-draw cannot edit (multi-polygons, holes)', () => {
    expect(
      terraFeatureFromDrawing(
        drawing('m', { type: 'MultiPolygon', coordinates: [triangle.coordinates] })
      )
    ).toBe(null);
    const holed: Polygon = { type: 'Polygon', coordinates: [...triangle.coordinates, []] };
    expect(terraFeatureFromDrawing(drawing('h', holed))).toBe(null);
  });
});

describe('names', () => {
  it('numbers new drawings by kind, skipping names already taken', () => {
    expect(defaultDrawingName('polygon', [])).toBe('多边形 Polygon 1');
    const existing = [
      drawing('a', triangle, '多边形 Polygon 1'),
      drawing('b', path, '线 Line 1'),
      drawing('c', triangle, '多边形 Polygon 3')
    ];
    expect(defaultDrawingName('polygon', existing)).toBe('多边形 Polygon 4');
    expect(defaultDrawingName('linestring', existing)).toBe('线 Line 2');
  });

  it('shows a placeholder for a drawing saved without a name', () => {
    expect(drawingName(drawing('a', triangle))).toBe('未命名 Unnamed');
    expect(drawingName(drawing('a', triangle, '  '))).toBe('未命名 Unnamed');
  });

  it('renames, trimming spaces, and refuses empty or overlong names with a bilingual reason', () => {
    const renamed = renameDrawing(drawing('a', triangle, 'old'), '  东区边界 ', T1);
    expect(renamed.ok && drawingName(renamed.drawing)).toBe('东区边界');
    expect(renamed.ok && renamed.drawing.updatedAt).toBe(T1.toISOString());
    const empty = renameDrawing(drawing('a', triangle, 'old'), '   ', T1);
    expect(empty).toMatchObject({ ok: false, error: { zh: /不能为空/, en: /cannot be empty/ } });
    const long = renameDrawing(drawing('a', triangle), 'x'.repeat(MAX_NAME_LENGTH + 1), T1);
    expect(long).toMatchObject({ ok: false, error: { en: /at most 100/ } });
  });
});

describe('planSync', () => {
  const d1 = drawing('d1', triangle, 'a');
  const d2 = drawing('d2', path, 'b');

  it('adds every saved drawing to an empty map (a reload)', () => {
    const plan = planSync([d1, d2], new Map(), new Set());
    expect(plan.add.map((f) => f.id)).toEqual(['d1', 'd2']);
    expect(plan.update).toEqual([]);
    expect(plan.remove).toEqual([]);
  });

  it('changes nothing when terra-draw already shows the saved geometry', () => {
    const shown = new Map<string, Geometry>([
      ['d1', triangle],
      ['d2', path]
    ]);
    expect(planSync([d1, d2], shown, new Set(['d1', 'd2']))).toEqual({
      add: [],
      update: [],
      remove: [],
      notDrawable: []
    });
  });

  it('updates a drawing whose saved geometry changed (e.g. a restored backup)', () => {
    const shown = new Map<string, Geometry>([['d1', triangle]]);
    const changed = drawing('d1', {
      type: 'Polygon',
      coordinates: [triangle.coordinates[0].map(([x, y]) => [x, y + 0.01])]
    });
    expect(planSync([changed], shown, new Set(['d1'])).update.map((f) => f.id)).toEqual(['d1']);
  });

  it('removes a deleted drawing, but never one that was not saved yet', () => {
    const shown = new Map<string, Geometry>([
      ['d1', triangle],
      ['unsaved', path]
    ]);
    const plan = planSync([], shown, new Set(['d1']));
    expect(plan.remove).toEqual(['d1']);
  });

  it('lists saved drawings terra-draw cannot hold', () => {
    const multi = drawing('m', { type: 'MultiPolygon', coordinates: [triangle.coordinates] });
    expect(planSync([multi], new Map(), new Set()).notDrawable).toEqual(['m']);
  });
});

describe('through the browser store and back', () => {
  const opened: ImportStore[] = [];
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });

  it('restores into terra-draw exactly what was drawn, also after an export and import', async () => {
    const store = await openImportStore({ name: 'draw-round-trip', now: () => T1 });
    opened.push(store);
    const polygonDrawing = drawingFromTerraFeature(
      { id: newDrawingId(), geometry: triangle },
      { now: T0, name: '多边形 Polygon 1' }
    );
    const lineDrawing = drawingFromTerraFeature(
      { id: newDrawingId(), geometry: path },
      { now: T1, name: '线 Line 1' }
    );
    expect(await store.saveDrawing(polygonDrawing)).toEqual({ ok: true });
    expect(await store.saveDrawing(lineDrawing)).toEqual({ ok: true });

    const restored = await store.listDrawings();
    expect(restored).toEqual([polygonDrawing, lineDrawing]);
    const features = restored.map(terraFeatureFromDrawing);
    expect(features.map((f) => f?.geometry)).toEqual([triangle, path]);
    expect(features.map((f) => f?.id)).toEqual([polygonDrawing.id, lineDrawing.id]);

    const backup = await store.exportAll();
    const other = await openImportStore({ name: 'draw-round-trip-2' });
    opened.push(other);
    expect(await other.importAll(JSON.parse(JSON.stringify(backup)))).toMatchObject({
      ok: true,
      drawings: 2
    });
    const fromBackup = await other.listDrawings();
    expect(fromBackup.map(terraFeatureFromDrawing)).toEqual(features);
    expect(fromBackup.map(drawingName)).toEqual(['多边形 Polygon 1', '线 Line 1']);
  });
});
