/**
 * Keeps the map's sources and style layers in step with the user's imported layers: a layer
 * added to UserData appears (one GeoJSON source, the layers of src/lib/style/imported-style.ts,
 * under the plan's labels), a deleted one disappears, a hidden one is switched off.
 *
 * The features go to MapLibre as the object itself. Measured in Chromium with 100 000 parcels
 * (~60 MB of GeoJSON): handing MapLibre a blob: URL instead — even a Blob built in a worker —
 * took longer overall (10–16 s to idle against 7–8 s) and blocked the main thread at least as
 * long, because MapLibre's worker sends data loaded from a URL back to the main thread.
 */
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StoredLayer } from '$lib/import/store';
import { featureCollectionOf } from '$lib/import/user-layers';
import {
  importedLayerStyle,
  importedSource,
  importedSourceId,
  importedStyleLayerIds,
  USER_LAYER_PREFIX
} from '$lib/style/imported-style';
import type { Theme } from '$lib/style/theme';

/** The part of maplibre-gl's Map this module uses (tests pass a fake). */
export interface MapLike {
  addSource(id: string, source: SourceSpecification): unknown;
  removeSource(id: string): unknown;
  getSource(id: string): unknown;
  addLayer(layer: LayerSpecification, beforeId?: string): unknown;
  removeLayer(id: string): unknown;
  getLayer(id: string): { type: string } | undefined;
  getLayersOrder(): string[];
  setLayoutProperty(layerId: string, name: string, value: unknown): unknown;
}

export class UserLayersOnMap {
  /** The layer objects on the map, by id (a replaced object is redrawn). */
  #shown = new Map<string, StoredLayer>();
  #hidden = new Set<string>();

  constructor(
    readonly map: MapLike,
    readonly theme: Theme
  ) {}

  /** Adds, removes and shows or hides style layers so the map matches `layers`. */
  sync(layers: readonly StoredLayer[], hidden: ReadonlySet<string>): void {
    const wanted = new Map(layers.map((layer) => [layer.id, layer]));
    for (const [id, layer] of this.#shown) {
      if (wanted.get(id) !== layer) this.#remove(id);
    }
    for (const layer of layers) {
      const visible = !hidden.has(layer.id);
      if (!this.#shown.has(layer.id)) this.#add(layer, visible);
      else if (this.#hidden.has(layer.id) === visible) this.#setVisible(layer.id, visible);
    }
  }

  /** Clickable style layers of the visible user layers, for queryRenderedFeatures. */
  interactiveLayerIds(): string[] {
    return [...this.#shown.keys()]
      .filter((id) => !this.#hidden.has(id))
      .flatMap((id) => importedStyleLayerIds(id));
  }

  /** The stored layer drawn by a source or style layer id, if it is on the map. */
  layerOf(layerId: string): StoredLayer | undefined {
    return this.#shown.get(layerId);
  }

  /** Removes everything this module added. */
  clear(): void {
    for (const id of [...this.#shown.keys()]) this.#remove(id);
  }

  /** Below the first label that is not the user's, so plan names stay readable on top. */
  #beforeId(): string | undefined {
    return this.map
      .getLayersOrder()
      .find((id) => !id.startsWith(USER_LAYER_PREFIX) && this.map.getLayer(id)?.type === 'symbol');
  }

  #add(layer: StoredLayer, visible: boolean): void {
    const source = importedSourceId(layer.id);
    if (!this.map.getSource(source)) {
      this.map.addSource(source, importedSource(featureCollectionOf(layer)));
    }
    const before = this.#beforeId();
    for (const style of importedLayerStyle(layer.id, this.theme, { visible })) {
      if (!this.map.getLayer(style.id)) this.map.addLayer(style, before);
    }
    this.#shown.set(layer.id, layer);
    if (visible) this.#hidden.delete(layer.id);
    else this.#hidden.add(layer.id);
  }

  #remove(id: string): void {
    for (const styleId of importedStyleLayerIds(id)) {
      if (this.map.getLayer(styleId)) this.map.removeLayer(styleId);
    }
    const source = importedSourceId(id);
    if (this.map.getSource(source)) this.map.removeSource(source);
    this.#shown.delete(id);
    this.#hidden.delete(id);
  }

  #setVisible(id: string, visible: boolean): void {
    for (const styleId of importedStyleLayerIds(id)) {
      this.map.setLayoutProperty(styleId, 'visibility', visible ? 'visible' : 'none');
    }
    if (visible) this.#hidden.delete(id);
    else this.#hidden.add(id);
  }
}
