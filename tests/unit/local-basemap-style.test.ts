// The optional offline basemap's style (src/lib/style/local-basemap-style.ts) and the shared rule
// that dims the context fill while any basemap is drawn under it.
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import {
  LOCAL_BASEMAP_PREFIX,
  LOCAL_BASEMAP_SOURCE,
  localBasemapLayers,
  localBasemapSource
} from '$lib/style/local-basemap-style';
import { DIMMED_CONTEXT_OPACITY, setContextDimmed } from '$lib/style/basemap';
import { buildStyle, contextFillLayerId } from '$lib/style/build-style';
import { layerRegistry } from '$lib/layers/registry';
import { defaultTheme } from '$lib/style/theme';

describe('localBasemapLayers', () => {
  const layers = localBasemapLayers();

  it('is the Protomaps light style with Chinese labels, fetching nothing but the archive', () => {
    expect(layers.length).toBeGreaterThan(40);
    expect(layers.every((layer) => layer.id.startsWith(LOCAL_BASEMAP_PREFIX))).toBe(true);
    expect(layers.some((layer) => layer.type === 'background')).toBe(false);
    const text = JSON.stringify(layers);
    expect(text).toContain('name:zh-Hans');
    // No sprite: icons are dropped, so no image is ever asked for.
    expect(text).not.toContain('icon-image');
    const source = localBasemapSource('http://127.0.0.1:4193/basemap.pmtiles');
    expect(source).toMatchObject({
      type: 'vector',
      url: 'pmtiles://http://127.0.0.1:4193/basemap.pmtiles'
    });
    expect(source.attribution).toContain('© OpenStreetMap contributors');
  });

  it('makes a valid style drawn under the context layer, with no glyphs or sprite URL', () => {
    const style = buildStyle(layerRegistry, defaultTheme);
    style.sources[LOCAL_BASEMAP_SOURCE] = localBasemapSource('https://example.org/basemap.pmtiles');
    const at = style.layers.findIndex((l) => l.id === contextFillLayerId(layerRegistry));
    style.layers.splice(at, 0, ...layers);
    expect(validateStyleMin(style)).toEqual([]);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });
});

describe('setContextDimmed', () => {
  it('dims the context fill while any basemap is on, and restores it when none is', () => {
    const calls: unknown[] = [];
    const map = { setPaintProperty: (...args: unknown[]) => calls.push(args) };
    setContextDimmed(map, 'context-fill', 'local-basemap', true);
    setContextDimmed(map, 'context-fill', 'online', false);
    setContextDimmed(map, 'context-fill', 'online', true);
    setContextDimmed(map, 'context-fill', 'online', false);
    setContextDimmed(map, 'context-fill', 'local-basemap', false);
    expect(calls.map((call) => (call as unknown[])[2])).toEqual([
      DIMMED_CONTEXT_OPACITY,
      DIMMED_CONTEXT_OPACITY,
      DIMMED_CONTEXT_OPACITY,
      DIMMED_CONTEXT_OPACITY,
      1
    ]);
  });
});
