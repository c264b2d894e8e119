import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawOnceLoaded } from '$lib/layers/first-frame';

/** The parts of a MapLibre map drawOnceLoaded touches: its painter and its source's state. */
function fakeMap() {
  const drawn: number[] = [];
  const state = { hasSource: false, loaded: false };
  const painter = {
    render(frame: number) {
      drawn.push(frame);
    }
  };
  const map = {
    painter,
    getSource: () => (state.hasSource ? {} : undefined),
    isSourceLoaded: () => {
      if (!state.hasSource) throw new Error('There is no source with this ID');
      return state.loaded;
    }
  };
  const render = (frame: number) => (painter.render as (frame: number) => void)(frame);
  return { map: map as unknown as MapLibreMap, state, drawn, render, painter };
}

describe('drawOnceLoaded', () => {
  it('draws nothing before the style has the source, nor while its tiles load', () => {
    const { map, state, drawn, render } = fakeMap();
    drawOnceLoaded(map, 'map');
    render(1);
    state.hasSource = true;
    render(2);
    expect(drawn).toEqual([]);
  });

  it('draws from the first frame the source has loaded, and every frame after it', () => {
    const { map, state, drawn, render, painter } = fakeMap();
    const original = painter.render;
    drawOnceLoaded(map, 'map');
    state.hasSource = true;
    render(1);
    state.loaded = true;
    render(2);
    // New tiles loading later (a pan) no longer hold frames back: MapLibre draws as it does.
    state.loaded = false;
    render(3);
    expect(drawn).toEqual([2, 3]);
    expect(painter.render).toBe(original);
  });
});
