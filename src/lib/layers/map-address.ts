/**
 * The map page's address (layers/view-url.ts says its format): what a link asks for — the view,
 * the layers, a feature, the embedded map — read into the map's state as the page opens and
 * whenever the address changes (back, forward, an edited hash), and the address bar kept
 * following the map, so that a copied link brings the same map back.
 */
import { untrack } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { featureById } from './catalog';
import type { MapState } from './map-state.svelte';
import type { LayerDeclaration } from './registry';
import {
  isEmbed,
  readViewFromUrl,
  writeViewToUrl,
  type MapView,
  type ViewFromUrl
} from './view-url';

export class MapAddress {
  /** What the address said as the page opened; null while prerendering (there is none). */
  readonly linked: ViewFromUrl | null;
  /** `?embed=1`: a compact map for an iframe on another site, without header and panel. */
  readonly embedded: boolean;
  #mapState: MapState;
  #layerIds: readonly LayerKey[];
  #defaultLayers: readonly LayerKey[];

  /**
   * Reads the address the page opened with into `mapState` (its layers, and a notice for what
   * was refused), before the map is made.
   * @param layers the registry's layers: their ids, and which are on by default
   */
  constructor(
    mapState: MapState,
    layers: readonly Pick<LayerDeclaration, 'id' | 'defaultVisible'>[]
  ) {
    this.#mapState = mapState;
    this.#layerIds = layers.map((layer) => layer.id);
    this.#defaultLayers = layers.filter((layer) => layer.defaultVisible).map((layer) => layer.id);
    const browsing = typeof window !== 'undefined';
    this.linked = browsing ? readViewFromUrl(new URL(location.href), this.#layerIds) : null;
    if (this.linked) this.#show(this.linked);
    this.embedded = browsing && isEmbed(location.search);
  }

  /** A notice for what was refused; the layers the address names, when it names them. */
  #show(read: ViewFromUrl) {
    if (read.refused.length > 0) this.#mapState.notice = { kind: 'viewRefused' };
    if (read.layers) {
      for (const id of this.#layerIds) this.#mapState.visible[id] = read.layers.includes(id);
    }
  }

  /**
   * Back, forward or an edited address: shows what it says (a bad value changes nothing).
   * @param map the map, once loaded: it jumps to the address's view
   */
  follow(map: MapLibreMap | null): void {
    const url = new URL(location.href);
    const read = readViewFromUrl(url, this.#layerIds);
    this.#show(read);
    if (read.view && map) {
      const { lon, lat, zoom, bearing, pitch } = read.view;
      map.jumpTo({ center: [lon, lat], zoom, bearing, pitch });
    }
    const feature = url.searchParams.get('feature');
    this.#mapState.selectedId = feature && featureById(feature) ? feature : null;
  }

  /** The `?feature=` the page opened with: selected, or a notice that the plan has none such. */
  openLinkedFeature(): void {
    const requested = new URLSearchParams(location.search).get('feature');
    if (requested === null) return;
    if (featureById(requested)) this.#mapState.selectedId = requested;
    else this.#mapState.notice = { kind: 'featureNotFound', id: requested };
  }

  /** The full map at the embedded view (the same address without `embed`). */
  fullMapLink(): string {
    const url = new URL(location.href);
    url.searchParams.delete('embed');
    return url.href;
  }

  /**
   * Writes the map's view, layers and feature into the address bar (an unknown linked feature
   * stays in it, with its notice). Run in an effect, it follows the state it reads.
   * @param view the map's view after its last move; null until the map has moved
   */
  showInAddressBar(view: MapView | null): void {
    const id = this.#mapState.selectedId;
    const visible = this.#layerIds.filter((layerId) => this.#mapState.visible[layerId]);
    let url = new URL(location.href);
    if (view) url = writeViewToUrl(url, view, visible, this.#defaultLayers);
    const unknownFeature = untrack(() => this.#mapState.notice?.kind === 'featureNotFound');
    if (id) url.searchParams.set('feature', id);
    else if (!unknownFeature) url.searchParams.delete('feature');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }
}

type LayerKey = LayerDeclaration['id'];
