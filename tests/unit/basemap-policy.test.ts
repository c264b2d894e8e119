/**
 * The narrowing policy the app adds as it starts (issue #16): the site itself plus the saved
 * basemap's origins, nothing else; turning the basemap off narrows further; a new origin needs a
 * reload. The browser test (tests/browser/csp.test.js) checks Chromium enforces it.
 */
import { describe, expect, test } from 'vitest';
import {
  addNarrowingPolicy,
  basemapOrigins,
  narrowingPolicy,
  pageAllows
} from '../../src/lib/style/basemap-policy';
import { BASEMAP_PRESETS, checkBasemap } from '../../src/lib/style/basemap';

const osm = { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OSM' };

/** Just enough of a Document for the functions under test. */
function fakeDocument() {
  const metas: Array<{ httpEquiv: string; content: string; attrs: Map<string, string> }> = [];
  const head = {
    append: (meta: (typeof metas)[number]) => void metas.push(meta),
    querySelectorAll: () =>
      metas.map((meta) => ({ getAttribute: (name: string) => meta.attrs.get(name) ?? null }))
  };
  const createElement = () => {
    const attrs = new Map<string, string>();
    return {
      httpEquiv: '',
      content: '',
      attrs,
      setAttribute: (k: string, v: string) => attrs.set(k, v)
    };
  };
  return { doc: { head, createElement } as unknown as Document, metas };
}

describe('narrowing policy', () => {
  test('no basemap: only the site itself (and data:/blob: images)', () => {
    expect(narrowingPolicy(null)).toBe("connect-src 'self'; img-src 'self' data: blob:");
    expect(basemapOrigins(null)).toEqual([]);
  });

  test('a basemap adds exactly its origins, its overlay once if on the same origin', () => {
    expect(narrowingPolicy(osm)).toBe(
      "connect-src 'self' https://tile.openstreetmap.org; " +
        "img-src 'self' data: blob: https://tile.openstreetmap.org"
    );
    const preset = BASEMAP_PRESETS.find((p) => p.id === 'tianditu-vec');
    const check = checkBasemap(preset?.url ?? '', '© 天地图', {
      overlayUrl: preset?.overlayUrl,
      key: 'abc'
    });
    expect(check.ok && basemapOrigins(check.config)).toEqual(['https://t0.tianditu.gov.cn']);
    expect(
      basemapOrigins({ ...osm, overlayUrl: 'http://127.0.0.1:8080/{z}/{x}/{y}.png?v=1' })
    ).toEqual(['https://tile.openstreetmap.org', 'http://127.0.0.1:8080']);
  });

  test('a page allows a basemap only if every policy it added does', () => {
    const { doc, metas } = fakeDocument();
    addNarrowingPolicy(doc, osm);
    expect(metas[0].httpEquiv).toBe('Content-Security-Policy');
    expect(metas[0].content).toBe(narrowingPolicy(osm));
    expect(pageAllows(doc, osm)).toBe(true);
    expect(pageAllows(doc, { ...osm, url: 'https://other.example/{z}/{x}/{y}.png' })).toBe(false);
    addNarrowingPolicy(doc, null); // turned off: narrower still
    expect(pageAllows(doc, osm)).toBe(false);
  });
});
