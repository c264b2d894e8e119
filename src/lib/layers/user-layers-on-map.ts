/**
 * Keeps the map's sources and style layers in step with the user's imported layers: a layer
 * added to UserData appears (one GeoJSON source, the layers of src/lib/style/imported-style.ts,
 * under the plan's labels), a deleted one disappears, a hidden one is switched off.
 *
 * A small layer goes to MapLibre as the object itself. A big one (more than FEATURES_PER_UPDATE
 * features) would be cloned to MapLibre's worker in one long main-thread task (~0.5 s for 100 000
 * parcels), so its source starts empty and the features are added by `updateData` in batches,
 * one batch per task, each waiting for MapLibre's worker to take the one before (otherwise
 * MapLibre merges the waiting batches into one big message again). `updateData` needs feature
 * ids: the map's copies get their position in the layer as id — what `generateId` gives small
 * layers — so a click finds the stored feature the same way for both.
 *
 * Measured in Chromium with 100 000 parcels (~60 MB of GeoJSON): handing MapLibre a blob: URL
 * instead — even a Blob built in a worker — took longer overall (10–16 s to idle against 7–8 s)
 * and blocked the main thread at least as long, because MapLibre's worker sends data loaded
 * from a URL back to the main thread.
 */
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature } from 'geojson';
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

/** Features per `updateData` batch: ~2500 parcels take ~15 ms to send to MapLibre's worker. */
export const FEATURES_PER_UPDATE = 2500;

/** The part of a GeoJSONSource used to feed a big layer in batches. */
interface UpdatableSource {
  updateData(diff: { add: Feature[] }): Promise<void>;
}

const isUpdatable = (source: unknown): source is UpdatableSource =>
  typeof (source as Partial<UpdatableSource> | null)?.updateData === 'function';

/** Lets the page breathe between batches (a macrotask, so rendering and input get their turn). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
  /** Big layers still being fed to MapLibre in batches, by id. */
  #feeding = new Map<string, Promise<void>>();

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

  /** Resolves once every layer on the map has all its features in MapLibre. */
  async fed(): Promise<void> {
    while (this.#feeding.size > 0) await Promise.all(this.#feeding.values());
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
    let feeding = false;
    if (!this.map.getSource(source)) {
      if (layer.features.length <= FEATURES_PER_UPDATE) {
        this.map.addSource(source, importedSource(featureCollectionOf(layer)));
      } else {
        this.map.addSource(source, {
          ...importedSource({ type: 'FeatureCollection', features: [] }),
          generateId: false
        });
        feeding = true;
      }
    }
    const before = this.#beforeId();
    // A layer being fed stays switched off until it has every feature: MapLibre would otherwise
    // reload and redraw its tiles after every batch.
    for (const style of importedLayerStyle(layer.id, this.theme, {
      visible: visible && !feeding
    })) {
      if (!this.map.getLayer(style.id)) this.map.addLayer(style, before);
    }
    this.#shown.set(layer.id, layer);
    if (visible) this.#hidden.delete(layer.id);
    else this.#hidden.add(layer.id);
    if (feeding) this.#feed(layer);
  }

  /** Adds a big layer's features to its (empty) source in batches, one per task. */
  #feed(layer: StoredLayer): void {
    const feeding = (async () => {
      const features = layer.features;
      for (let start = 0; start < features.length; start += FEATURES_PER_UPDATE) {
        await nextTask();
        // Stop when the layer left the map (or was replaced) meanwhile.
        if (this.#shown.get(layer.id) !== layer) return;
        const source = this.map.getSource(importedSourceId(layer.id));
        if (!isUpdatable(source)) return;
        const end = Math.min(start + FEATURES_PER_UPDATE, features.length);
        const batch: Feature[] = [];
        for (let index = start; index < end; index++) batch.push({ ...features[index], id: index });
        await source.updateData({ add: batch });
      }
      if (this.#shown.get(layer.id) === layer && !this.#hidden.has(layer.id)) {
        this.#setStyleVisibility(layer.id, true);
      }
    })()
      // A source removed mid-way rejects its waiting update: the layer is gone, nothing to do.
      .catch(() => undefined)
      .finally(() => {
        if (this.#feeding.get(layer.id) === feeding) this.#feeding.delete(layer.id);
      });
    this.#feeding.set(layer.id, feeding);
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
    // A layer still being fed is switched on when its last batch is in (see #feed).
    if (!this.#feeding.has(id)) this.#setStyleVisibility(id, visible);
    if (visible) this.#hidden.delete(id);
    else this.#hidden.add(id);
  }

  #setStyleVisibility(id: string, visible: boolean): void {
    for (const styleId of importedStyleLayerIds(id)) {
      this.map.setLayoutProperty(styleId, 'visibility', visible ? 'visible' : 'none');
    }
  }
}
