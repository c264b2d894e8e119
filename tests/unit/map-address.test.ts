/**
 * The map page's address read into the map's state and written back (layers/map-address.ts),
 * with the page's location and history stubbed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allFeatures } from '$lib/layers/catalog';
import { MapAddress } from '$lib/layers/map-address';
import { MapState } from '$lib/layers/map-state.svelte';
import { layerRegistry } from '$lib/layers/registry';

/** A page at `href`; replaceState moves it, as the browser's does. */
function openAt(href: string) {
  const page = { location: new URL(href) };
  vi.stubGlobal('window', {});
  vi.stubGlobal('location', page.location);
  vi.stubGlobal('history', {
    state: null,
    replaceState: (_state: unknown, _title: string, url: URL) => {
      page.location.href = String(url);
    }
  });
  return page;
}

afterEach(() => vi.unstubAllGlobals());

describe('MapAddress', () => {
  it('shows the layers a link names, and the view it asks for', () => {
    openAt('https://example.org/?layers=parks#13/41.12/121.18');
    const state = new MapState();
    const address = new MapAddress(state, layerRegistry);
    expect(address.linked?.view).toMatchObject({ zoom: 13, lat: 41.12, lon: 121.18 });
    expect(Object.entries(state.visible).filter(([, on]) => on)).toEqual([['parks', true]]);
    expect(state.notice).toBeNull();
    expect(address.embedded).toBe(false);
  });

  it('says what it refused, and keeps the default layers', () => {
    openAt('https://example.org/?layers=nonsense#x/y');
    const state = new MapState();
    const before = { ...state.visible };
    new MapAddress(state, layerRegistry);
    expect(state.notice).toEqual({ kind: 'viewRefused' });
    expect(state.visible).toEqual(before);
  });

  it('opens a linked feature, or says the plan has none such', () => {
    const id = allFeatures[0].properties.id;
    openAt(`https://example.org/?feature=${id}`);
    const state = new MapState();
    new MapAddress(state, layerRegistry).openLinkedFeature();
    expect(state.selectedId).toBe(id);
    openAt('https://example.org/?feature=no-such-feature');
    const other = new MapState();
    new MapAddress(other, layerRegistry).openLinkedFeature();
    expect(other.selectedId).toBeNull();
    expect(other.notice).toEqual({ kind: 'featureNotFound', id: 'no-such-feature' });
  });

  it('links the embedded map to the full map at the same view', () => {
    openAt('https://example.org/?embed=1&layers=parks#13/41.12/121.18');
    const address = new MapAddress(new MapState(), layerRegistry);
    expect(address.embedded).toBe(true);
    expect(address.fullMapLink()).toBe('https://example.org/?layers=parks#13/41.12/121.18');
  });

  it('writes the feature into the address bar, and keeps an unknown one with its notice', () => {
    const page = openAt('https://example.org/?feature=no-such-feature');
    const state = new MapState();
    const address = new MapAddress(state, layerRegistry);
    address.openLinkedFeature();
    address.showInAddressBar(null);
    expect(page.location.search).toBe('?feature=no-such-feature');
    const id = allFeatures[0].properties.id;
    state.selectedId = id;
    address.showInAddressBar(null);
    expect(page.location.searchParams.get('feature')).toBe(id);
  });
});
