import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_PRESETS,
  BASEMAP_SOURCE,
  basemapStyle,
  checkBasemap,
  parseSavedBasemap
} from '$lib/style/basemap';
import { buildStyle, contextFillLayerId } from '$lib/style/build-style';
import { layerRegistry } from '$lib/layers/registry';
import { defaultTheme } from '$lib/style/theme';

describe('checkBasemap', () => {
  it('accepts an XYZ template in Web Mercator', () => {
    const check = checkBasemap(' https://tile.openstreetmap.org/{z}/{x}/{y}.png ', '© OSM ');
    expect(check).toEqual({
      ok: true,
      config: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OSM' }
    });
  });

  it.each([
    ['not a url', /不是有效的网址/],
    ['ftp://example.org/{z}/{x}/{y}.png', /https:\/\/ 或 http:\/\//],
    ['https://example.org/tiles/{z}/{x}.png', /\{z\}、\{x\} 和 \{y\}/],
    [BASEMAP_PRESETS.find((preset) => preset.needsKey)!.url, /\{key\}/],
    ['https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', /GCJ-02/],
    ['https://wprd02.amap.com/tiles/{z}/{x}/{y}', /GCJ-02/]
  ])('refuses %s with a reason', (url, reason) => {
    const check = checkBasemap(url, '');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.zh).toMatch(reason);
      expect(check.en.length).toBeGreaterThan(10);
    }
  });
});

describe('basemapStyle', () => {
  it('adds a valid raster source and layer below the context fill', () => {
    const style = buildStyle(layerRegistry, defaultTheme);
    const { source, layer } = basemapStyle({
      url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors'
    });
    style.sources[BASEMAP_SOURCE] = source;
    const before = style.layers.findIndex((l) => l.id === contextFillLayerId(layerRegistry));
    expect(before).toBeGreaterThan(0);
    style.layers.splice(before, 0, layer);
    expect(validateStyleMin(style)).toEqual([]);
    expect(source.attribution).toBe('© OpenStreetMap contributors');
  });
});

describe('parseSavedBasemap', () => {
  it('keeps the map offline for anything malformed', () => {
    expect(parseSavedBasemap(null)).toBeNull();
    expect(parseSavedBasemap('{')).toBeNull();
    expect(parseSavedBasemap('{"url": 3}')).toBeNull();
    expect(
      parseSavedBasemap(JSON.stringify({ url: 'https://x.amap.com/{z}/{x}/{y}', attribution: '' }))
    ).toBeNull();
  });

  it('reads back what was saved', () => {
    const config = { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OSM' };
    expect(parseSavedBasemap(JSON.stringify(config))).toEqual(config);
  });
});
