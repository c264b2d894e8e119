import { describe, expect, it } from 'vitest';
import { MAX_MAP_PIXEL_RATIO, mapPixelRatio } from '$lib/layers/map-config';

describe('the pixel ratio the map draws at', () => {
  it('follows the screen up to 2 device pixels per CSS pixel', () => {
    expect(MAX_MAP_PIXEL_RATIO).toBe(2);
    expect(mapPixelRatio(1)).toBe(1);
    expect(mapPixelRatio(1.25)).toBe(1.25);
    expect(mapPixelRatio(2)).toBe(2);
    expect(mapPixelRatio(3)).toBe(2);
  });

  it('draws at 1 when the browser reports nonsense', () => {
    for (const bad of [0, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(mapPixelRatio(bad)).toBe(1);
    }
  });
});
