/**
 * Placing an unlocated plan feature (src/lib/placing/): the saved drawing, reading it back (and
 * refusing damaged ones), the map's collection, the note rule, the backup round trip with its
 * checks, and the contribution file the build merges.
 */
import 'fake-indexeddb/auto';
import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openImportStore, type Drawing } from '$lib/storage/store';
import {
  checkNote,
  isPlacementDrawing,
  MAX_NOTE_LENGTH,
  placementCollection,
  placementDrawing,
  placementId,
  placementBounds,
  placementOf,
  placementsOf
} from '$lib/placing/placements';
import { contributionFile, contributionFileName } from '$lib/placing/contribution-file';
import { validateContribution } from '$lib/layers/contribution.js';

const VILLAGE = { id: 'baigu-village', name: '百股村' };
const POINT: Point = { type: 'Point', coordinates: [121.175784, 41.125761] };
const T0 = new Date('2026-12-01T10:00:00.000Z');
const T1 = new Date('2026-12-02T10:00:00.000Z');

const ownDrawing: Drawing = {
  id: 'd1',
  feature: {
    type: 'Feature',
    id: 'd1',
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.1, 41.1],
        [121.2, 41.1]
      ]
    },
    properties: { name: '线 Line 1' }
  },
  createdAt: T0.toISOString(),
  updatedAt: T0.toISOString()
};

describe('placement drawings', () => {
  it('saves the feature, the trimmed note and keeps the creation time when moved', () => {
    const first = placementDrawing(VILLAGE, POINT, '  门牌 ', T0);
    expect(first.id).toBe(placementId('baigu-village'));
    expect(first.feature.properties).toEqual({
      name: '百股村',
      placementFor: 'baigu-village',
      placementNote: '门牌'
    });
    const placement = placementOf(first)!;
    expect(placement).toMatchObject({ planFeatureId: 'baigu-village', note: '门牌' });
    const moved = placementDrawing(
      VILLAGE,
      { type: 'Point', coordinates: [121.18, 41.13] },
      placement.note,
      T1,
      placement
    );
    expect(moved.createdAt).toBe(T0.toISOString());
    expect(moved.updatedAt).toBe(T1.toISOString());
  });

  it('tells placements from the user’s own drawings and ignores damaged ones', () => {
    const placed = placementDrawing(VILLAGE, POINT, '', T0);
    expect(isPlacementDrawing(placed)).toBe(true);
    expect(isPlacementDrawing(ownDrawing)).toBe(false);
    expect(placementOf(ownDrawing)).toBeNull();
    const wrongId = { ...placed, id: 'other' };
    const badNote = {
      ...placed,
      feature: {
        ...placed.feature,
        properties: { placementFor: 'baigu-village', placementNote: 3 }
      }
    };
    const multi = {
      ...placed,
      feature: {
        ...placed.feature,
        geometry: { type: 'MultiPoint' as const, coordinates: [[121.1, 41.1]] }
      }
    };
    expect([wrongId, badNote, multi].map(placementOf)).toEqual([null, null, null]);
    expect([...placementsOf([ownDrawing, placed, wrongId]).keys()]).toEqual(['baigu-village']);
  });

  it('draws each placement with its plan feature’s id and accuracy user, but the moving one', () => {
    const placements = placementsOf([
      placementDrawing(VILLAGE, POINT, '', T0),
      placementDrawing(
        { id: 'baigu-river', name: '百股河' },
        ownDrawing.feature.geometry as never,
        '',
        T0
      )
    ]);
    const name = (id: string) => `name of ${id}`;
    const all = placementCollection(placements.values(), name);
    expect(all.features.map((f) => f.properties)).toEqual([
      { id: 'baigu-village', name: 'name of baigu-village', accuracy: 'user' },
      { id: 'baigu-river', name: 'name of baigu-river', accuracy: 'user' }
    ]);
    const moving = placementCollection(placements.values(), name, 'baigu-village');
    expect(moving.features.map((f) => f.properties?.id)).toEqual(['baigu-river']);
  });

  it('frames a point, a line and an area', () => {
    expect(placementBounds(POINT)).toEqual([121.175784, 41.125761, 121.175784, 41.125761]);
    expect(placementBounds(ownDrawing.feature.geometry as never)).toEqual([
      121.1, 41.1, 121.2, 41.1
    ]);
    const area = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [121.1, 41.1],
          [121.3, 41.0],
          [121.2, 41.2],
          [121.1, 41.1]
        ]
      ]
    };
    expect(placementBounds(area)).toEqual([121.1, 41.0, 121.3, 41.2]);
  });

  it('keeps a note up to its limit', () => {
    expect(checkNote(` ${'字'.repeat(MAX_NOTE_LENGTH)} `)).toEqual({
      ok: true,
      note: '字'.repeat(MAX_NOTE_LENGTH)
    });
    expect(checkNote('字'.repeat(MAX_NOTE_LENGTH + 1))).toEqual({
      ok: false,
      tooLong: MAX_NOTE_LENGTH + 1
    });
  });
});

describe('a placement in the backup', () => {
  it('goes out and comes back exactly, checked like every drawing', async () => {
    const store = await openImportStore({ name: 'placements-backup' });
    const placed = placementDrawing(VILLAGE, POINT, '门牌', T0);
    expect((await store.saveDrawing(placed)).ok).toBe(true);
    const backup = await store.exportAll();
    expect((await store.importAll(backup, 'replace')).ok).toBe(true);
    expect(await store.listDrawings()).toEqual([placed]);
    expect(placementOf((await store.listDrawings())[0])?.note).toBe('门牌');

    const broken = structuredClone(backup);
    broken.features[0].geometry = { type: 'Point', coordinates: [121.1, 95] };
    const refused = await store.importAll(broken, 'replace');
    expect(refused.ok).toBe(false);
    expect(await store.listDrawings()).toEqual([placed]);
    store.close();
  });
});

describe('the contribution file', () => {
  const placement = placementOf(placementDrawing(VILLAGE, POINT, '村委会门牌', T0))!;

  it('is the build’s contract and passes its check', () => {
    const outcome = contributionFile(placement, VILLAGE, T1);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.fileName).toBe(contributionFileName('baigu-village'));
    const json = JSON.parse(outcome.text);
    expect(json.features[0].properties).toMatchObject({
      id: 'baigu-village',
      locationBasis: '村委会门牌',
      placedAt: T1.toISOString()
    });
    const rules = { knownIds: new Set(['baigu-village']), inJinzhou: () => true };
    expect(validateContribution(outcome.fileName, json, rules)).toEqual([]);
  });

  it('says why it cannot be made: no note, outside 锦州, a feature already located', () => {
    const noNote = contributionFile({ ...placement, note: '' }, VILLAGE, T1);
    expect(noNote.ok === false && noNote.problems.map((p) => p.en)).toEqual([
      'baigu-village.geojson: feature #1 (baigu-village): locationBasis is missing: say where the position comes from'
    ]);
    const far = { ...placement, geometry: { type: 'Point' as const, coordinates: [116.4, 39.9] } };
    const outside = contributionFile(far, VILLAGE, T1);
    expect(outside.ok === false && outside.problems[0].zh).toContain('不在锦州市范围内');
    const located = contributionFile(placement, { id: 'zijingshan-eco-park', name: '紫荆山' }, T1);
    expect(located.ok === false && located.problems[0].en).toContain('already has a position');
  });
});
