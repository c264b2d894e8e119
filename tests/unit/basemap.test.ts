import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_OVERLAY_LAYER,
  BASEMAP_OVERLAY_SOURCE,
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

describe('天地图 with its annotation layer', () => {
  const tianditu = BASEMAP_PRESETS.find((preset) => preset.id === 'tianditu-vec')!;

  it('puts the names (cva_w) over the vector base (vec_w), both with the key given', () => {
    expect(tianditu.overlayUrl).toMatch(/\/cva_w\/wmts\?.*LAYER=cva.*tk=\{key\}/);
    const check = checkBasemap(tianditu.url, tianditu.attribution, {
      overlayUrl: tianditu.overlayUrl,
      key: ' a1b2 '
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.config.url).toMatch(/\/vec_w\/.*tk=a1b2$/);
    expect(check.config.overlayUrl).toMatch(/\/cva_w\/.*tk=a1b2$/);
    const { overlay } = basemapStyle(check.config);
    expect(overlay?.layer).toMatchObject({
      id: BASEMAP_OVERLAY_LAYER,
      source: BASEMAP_OVERLAY_SOURCE
    });
    expect(overlay?.source.tiles).toEqual([check.config.overlayUrl]);
    // Saved and read back with its overlay.
    expect(parseSavedBasemap(JSON.stringify(check.config))).toEqual(check.config);
  });

  it('asks for the key rather than requesting tiles with {key} in them', () => {
    const check = checkBasemap(tianditu.url, tianditu.attribution, {
      overlayUrl: tianditu.overlayUrl
    });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.zh).toMatch(/密钥/);
    const badOverlay = checkBasemap('https://tile.openstreetmap.org/{z}/{x}/{y}.png', '', {
      overlayUrl: 'https://wprd02.amap.com/tiles/{z}/{x}/{y}'
    });
    expect(badOverlay.ok).toBe(false);
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
