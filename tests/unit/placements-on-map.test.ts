/**
 * The placements' source and layers (src/lib/placing/placements-on-map.ts) go on the map with
 * the first placement to show: an empty source would cost a stencil pass on every frame.
 */
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import {
  PLACEMENT_LAYERS,
  PLACEMENT_SOURCE,
  PlacementsOnMap
} from '$lib/placing/placements-on-map';

/** Just enough of a MapLibre map: sources, layers and layer listeners, recorded. */
function fakeMap() {
  const sources = new Map<string, { data: unknown; setData(data: unknown): void }>();
  const layers: string[] = [];
  const listeners: string[] = [];
  const map = {
    addSource: (id: string, spec: { data: unknown }) => {
      const source = { data: spec.data, setData: (data: unknown) => (source.data = data) };
      sources.set(id, source);
    },
    getSource: (id: string) => sources.get(id),
    removeSource: (id: string) => sources.delete(id),
    addLayer: (layer: { id: string }) => layers.push(layer.id),
    getLayer: (id: string) => (layers.includes(id) ? { id } : undefined),
    removeLayer: (id: string) => layers.splice(layers.indexOf(id), 1),
    on: (type: string, layer: string) => listeners.push(`${type} ${layer}`),
    off: (type: string, layer: string) => listeners.splice(listeners.indexOf(`${type} ${layer}`), 1)
  };
  return { map: map as unknown as MapLibreMap, sources, layers, listeners };
}

const none: FeatureCollection = { type: 'FeatureCollection', features: [] };
const one: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'plan-a' },
      geometry: { type: 'Point', coordinates: [121.15, 41.12] }
    }
  ]
};

describe('PlacementsOnMap', () => {
  it('adds nothing to the map until there is a placement to show', () => {
    const { map, sources, layers, listeners } = fakeMap();
    const placements = new PlacementsOnMap(
      map,
      () => {},
      () => true
    );
    placements.show(none);
    expect(placements.added).toBe(false);
    expect([...sources.keys(), ...layers, ...listeners]).toEqual([]);
    placements.destroy();
    expect(sources.size).toBe(0);
  });

  it('adds its source, three layers and their listeners with the first one, and removes them', () => {
    const { map, sources, layers, listeners } = fakeMap();
    const placements = new PlacementsOnMap(
      map,
      () => {},
      () => true
    );
    placements.show(one);
    expect([...sources.keys()]).toEqual([PLACEMENT_SOURCE]);
    expect(sources.get(PLACEMENT_SOURCE)?.data).toEqual(one);
    expect(layers).toEqual([...PLACEMENT_LAYERS]);
    expect(listeners).toHaveLength(3 * PLACEMENT_LAYERS.length);
    // Emptied later, the layers stay (the next placement needs them) and show nothing.
    placements.show(none);
    expect(sources.get(PLACEMENT_SOURCE)?.data).toEqual(none);
    expect(layers).toHaveLength(3);
    placements.destroy();
    expect([...sources.keys(), ...layers, ...listeners]).toEqual([]);
  });
});
