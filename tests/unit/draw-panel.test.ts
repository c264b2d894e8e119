/**
 * The drawing panel's state and actions (src/lib/draw/draw-panel.svelte.ts) on the real UserData
 * and store (fake-indexeddb), with a fake DrawController: tools, saving drawn and edited shapes,
 * renaming, deleting, assigning a drawing as a plan feature's boundary, and a failing store.
 */
import 'fake-indexeddb/auto';
import type { Polygon } from 'geojson';
import { describe, expect, test } from 'vitest';
import type { DrawTool } from '$lib/draw/draw-controller';
import { DrawPanelState, type PanelController } from '$lib/draw/draw-panel.svelte';
import { openImportStore, type ImportStore } from '$lib/storage/store';
import { UserData } from '$lib/storage/user-data.svelte';

const ZIJING = 'zijing-industrial-park';
let databases = 0;

function square(size = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [121.2, 41.1],
        [121.2 + size, 41.1],
        [121.2 + size, 41.1 + size],
        [121.2, 41.1 + size],
        [121.2, 41.1]
      ]
    ]
  };
}

async function setUp(open?: () => Promise<ImportStore>) {
  const userData = new UserData();
  await userData.load(open ?? (() => openImportStore({ name: `draw-panel-${++databases}` })));
  const active: boolean[] = [];
  const panel = new DrawPanelState(
    () => userData,
    (on) => active.push(on)
  );
  const tools: DrawTool[] = [];
  const selected: string[] = [];
  const controller: PanelController = {
    setTool: (tool) => void tools.push(tool),
    select: (id) => void selected.push(id),
    sync: (drawings) => ({
      rejected: drawings
        .filter((d) => d.feature.geometry?.type === 'MultiPolygon')
        .map((d) => ({
          id: d.id,
          reason: 'not drawable'
        }))
    }),
    destroy: () => {}
  };
  let made = 0;
  panel.makeController = () => {
    made += 1;
    return controller;
  };
  return { userData, panel, active, tools, selected, made: () => made };
}

describe('the drawing panel', () => {
  test('a tool is switched on and off, and the page is told whether one is on', async () => {
    const { panel, active, tools } = await setUp();
    panel.toggleTool('polygon');
    expect(panel.tool).toBe('polygon');
    panel.toggleTool('polygon');
    expect(panel.tool).toBe('static');
    panel.chooseTool('select');
    expect(active).toEqual([true, false, true]);
    expect(tools).toEqual(['polygon', 'static', 'select']);
  });

  test('terra-draw goes on the map only once a tool is chosen or there are drawings', async () => {
    const first = await setUp();
    first.panel.syncMap();
    expect(first.made()).toBe(0);
    expect(first.panel.controller).toBeNull();
    expect(first.panel.canDraw).toBe(true);
    first.panel.chooseTool('static');
    expect(first.made()).toBe(0);
    first.panel.chooseTool('linestring');
    expect(first.made()).toBe(1);
    first.panel.chooseTool('polygon');
    first.panel.syncMap();
    expect(first.made()).toBe(1);

    const second = await setUp();
    await second.panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    second.panel.syncMap();
    expect(second.made()).toBe(1);
    expect(second.panel.controller).not.toBeNull();

    const third = await setUp();
    third.panel.makeController = null;
    expect(third.panel.canDraw).toBe(false);
    third.panel.chooseTool('polygon');
    expect(third.panel.controller).toBeNull();
    expect(third.tools).toEqual([]);
  });

  test('a drawn shape is saved with a numbered name, an edit keeps it and moves its boundary', async () => {
    const { panel, userData } = await setUp();
    await panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    expect(panel.rows.map((row) => row.name)).toEqual(['多边形 Polygon 1']);
    expect(panel.rows[0].isPolygon).toBe(true);
    expect(panel.rows[0].measurement?.quantity).toBe('area');
    expect(panel.message?.text.en).toBe('Saved “多边形 Polygon 1”.');

    panel.chosenTarget['drawing-a'] = ZIJING;
    await panel.assignBoundary(panel.rows[0].drawing);
    expect(panel.rows[0].boundaryOf).toEqual([ZIJING]);
    const firstMeasure = panel.rows[0].measurement;

    await panel.saveShape({ id: 'drawing-a', geometry: square(0.02), action: 'edit' });
    expect(panel.rows.map((row) => row.name)).toEqual(['多边形 Polygon 1']);
    expect(userData.assignments[0].geometry).toEqual(userData.drawings[0].feature.geometry);
    expect(panel.rows[0].measurement).not.toEqual(firstMeasure);
    expect(panel.message?.text.en).toBe('Saved the changes to “多边形 Polygon 1”.');
  });

  test('renaming refuses an empty name and saves a new one', async () => {
    const { panel } = await setUp();
    await panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    panel.startRename(panel.rows[0].drawing);
    expect(panel.renamingId).toBe('drawing-a');
    expect(panel.renameText).toBe('多边形 Polygon 1');
    panel.renameText = '  ';
    await panel.commitRename(panel.rows[0].drawing);
    expect(panel.message?.kind).toBe('error');
    expect(panel.renamingId).toBe('drawing-a');
    panel.renameText = '东区边界';
    await panel.commitRename(panel.rows[0].drawing);
    expect(panel.rows[0].name).toBe('东区边界');
    expect(panel.renamingId).toBeNull();
    expect(panel.message).toBeNull();
  });

  test('assigning needs a chosen feature; unassigning and deleting leave no trace', async () => {
    const { panel, userData } = await setUp();
    await panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    await panel.assignBoundary(panel.rows[0].drawing);
    expect(panel.message?.kind).toBe('error');
    expect(userData.assignments).toEqual([]);

    panel.chosenTarget['drawing-a'] = ZIJING;
    await panel.assignBoundary(panel.rows[0].drawing);
    expect(userData.assignments.map((a) => a.planFeatureId)).toEqual([ZIJING]);
    await panel.unassign(ZIJING);
    expect(panel.rows[0].boundaryOf).toEqual([]);

    panel.confirmingDeleteId = 'drawing-a';
    await panel.deleteDrawing(panel.rows[0].drawing);
    expect(panel.confirmingDeleteId).toBeNull();
    expect(panel.rows).toEqual([]);
    expect(panel.message?.kind).toBe('ok');
  });

  test('editing on the map selects the drawing with the select tool', async () => {
    const { panel, tools, selected } = await setUp();
    await panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    panel.editOnMap(panel.rows[0].drawing);
    expect(panel.tool).toBe('select');
    expect(tools).toEqual(['select']);
    expect(selected).toEqual(['drawing-a']);
  });

  test('drawings the map cannot show are marked', async () => {
    const { panel, userData } = await setUp();
    await panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    const [drawing] = userData.drawings;
    const multi = {
      ...drawing,
      id: 'drawing-b',
      feature: {
        ...drawing.feature,
        id: 'drawing-b',
        geometry: { type: 'MultiPolygon' as const, coordinates: [square().coordinates] }
      }
    };
    await userData.saveDrawing(multi);
    panel.syncMap();
    expect(panel.notOnMap).toEqual(['drawing-b']);
  });

  test('a store that fails says what was not saved and keeps the list as it was', async () => {
    const real = await openImportStore({ name: `draw-panel-${++databases}` });
    const failing = Object.create(real) as ImportStore;
    const error = { code: 'storage-quota', zh: '存储空间已满', en: 'storage is full' };
    failing.saveDrawing = async () => ({ ok: false, error });
    const { panel } = await setUp(async () => failing);
    await panel.saveShape({ id: 'drawing-a', geometry: square(), action: 'draw' });
    expect(panel.message?.kind).toBe('error');
    expect(panel.message?.text.en).toContain('storage is full');
    expect(panel.rows).toEqual([]);
  });
});
