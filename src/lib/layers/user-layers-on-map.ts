/**
 * Keeps the map's sources and style layers in step with the user's imported layers: a layer
 * added to UserData appears (a source, the layers of src/lib/style/imported-style.ts, under the
 * plan's labels), a deleted one disappears, a hidden one is switched off.
 *
 * A small layer (up to FEATURES_PER_GEOJSON_SOURCE features) goes to MapLibre as a GeoJSON
 * source holding the object itself. A big one is drawn from vector tiles that a worker of this
 * app cuts from it (user-tiles-client.ts, served through addProtocol): its features are handed to
 * that worker in slices, one per task, and the layer is switched on once the worker has built its
 * index. Either way a drawn feature's id is its position in the layer, so a click finds the
 * stored feature (and its unclipped geometry) the same way. Below the theme's
 * bigLayerDetailMinZoom a big layer is one picture instead: PNG tiles its worker paints
 * (raster-tile-writer.ts), which MapLibre only has to show.
 *
 * Measured in Chromium with 100 000 parcels (~60 MB of GeoJSON), MapLibre's own GeoJSON source
 * was the wrong tool for a big layer: fed with `updateData` in batches (so that no single
 * structured clone blocks the page) it rebuilt its index after every batch and kept a copy of
 * every feature: 18 s from listed to drawn and 1.4 GB more memory, against 5 s and 0.3 GB from
 * tiles (bench:import). Handed a blob: URL instead, MapLibre's worker sent the parsed data back
 * to the page in one long task.
 */
import type { LayerSpecification, SourceSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { StoredLayer } from '$lib/storage/types';
import { featureCollectionOf, labelKeyOf } from '$lib/storage/user-layers';
import {
  importedLayerStyle,
  importedOverviewPaint,
  importedOverviewSource,
  importedOverviewSourceId,
  importedSource,
  importedSourceId,
  importedStyleLayerIds,
  importedTileSource,
  USER_LAYER_PREFIX
} from '$lib/style/imported-style';
import type { Theme } from '$lib/style/theme';
import { userOverviewUrl, userTileUrl, type UserTileServer } from '../tiles/user-tiles-client';
import { RASTER_TILE_SIZE, USER_TILE_LAYER, USER_TILE_MAX_ZOOM } from '../tiles/user-tiles-format';

/** Layers with more features than this are drawn from tiles cut in a worker. */
export const FEATURES_PER_GEOJSON_SOURCE = 2500;

/**
 * Whether big layers get a painted overview below the theme's bigLayerDetailMinZoom: the tile
 * worker paints it on an OffscreenCanvas, which a page has where its workers do.
 */
export const OVERVIEWS_PAINTABLE = typeof OffscreenCanvas !== 'undefined';

/** Whether a layer is drawn from tiles (and its outlines only once zoomed in; see the theme). */
export function isDrawnFromTiles(layer: StoredLayer): boolean {
  return layer.features.length > FEATURES_PER_GEOJSON_SOURCE;
}

/** The part of UserTileServer this module uses (tests pass a fake). */
export type TileServerLike = Pick<UserTileServer, 'load' | 'drop' | 'featureAt'>;

/**
 * How near (CSS pixels) a click must be to a point or line of an overview to pick it: a point's
 * 5 px circle and its stroke, a line's half width and a little to spare.
 */
export const OVERVIEW_PICK_PIXELS = 7;

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
  /** Big layers whose tiles are still being prepared, by id. */
  #feeding = new Map<string, Promise<void>>();
  /** Big layers drawn from tiles (their tile index lives in `tiles`). */
  #tiled = new Set<string>();

  /**
   * @param onUndrawable told when a big layer cannot be drawn (the tile worker failed on it),
   *   with the reason, so the layer list can say so; the layer stays listed and switched off.
   * @param overviews whether big layers get a painted overview below the theme's
   *   bigLayerDetailMinZoom (the tile worker paints it on an OffscreenCanvas; a browser without
   *   one draws them as vectors at every zoom)
   */
  constructor(
    readonly map: MapLike,
    readonly theme: Theme,
    readonly tiles: TileServerLike,
    readonly onUndrawable: (layerId: string, reason: string) => void = () => undefined,
    readonly overviews = OVERVIEWS_PAINTABLE
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

  /**
   * Clickable style layers of the visible user layers, for queryRenderedFeatures (an overview
   * is a picture: nothing in it can be clicked).
   */
  interactiveLayerIds(): string[] {
    return [...this.#shown.keys()]
      .filter((id) => !this.#hidden.has(id))
      .flatMap((id) => this.#styleLayerIds(id))
      .filter((styleId) => this.map.getLayer(styleId)?.type !== 'raster');
  }

  /**
   * The feature of a big layer's overview drawn on top at lon/lat on a map at `zoom`: the
   * overview is a picture, so its tile worker says which feature is there (the topmost visible
   * layer first). Null when none is, or no overview shows at that zoom.
   */
  async overviewFeatureAt(
    lon: number,
    lat: number,
    zoom: number
  ): Promise<{ layerId: string; id: number } | null> {
    if (!this.overviews || zoom >= this.theme.imported.bigLayerDetailMinZoom) return null;
    const order = this.map.getLayersOrder();
    const topmostFirst = [...this.#tiled]
      .filter((id) => !this.#hidden.has(id) && !this.#feeding.has(id))
      .sort(
        (a, b) =>
          order.indexOf(importedOverviewSourceId(b)) - order.indexOf(importedOverviewSourceId(a))
      );
    const radius = OVERVIEW_PICK_PIXELS / (RASTER_TILE_SIZE * 2 ** zoom);
    for (const layerId of topmostFirst) {
      const id = await this.tiles.featureAt(layerId, lon, lat, radius);
      if (id !== null) return { layerId, id };
    }
    return null;
  }

  /** The stored layer drawn by a source or style layer id, if it is on the map. */
  layerOf(layerId: string): StoredLayer | undefined {
    return this.#shown.get(layerId);
  }

  /** Resolves once every layer on the map can be drawn (a big layer's tiles are ready). */
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
    const tiled = isDrawnFromTiles(layer);
    if (!this.map.getSource(source)) {
      this.map.addSource(
        source,
        tiled
          ? importedTileSource(userTileUrl(layer.id), USER_TILE_MAX_ZOOM)
          : importedSource(featureCollectionOf(layer))
      );
    }
    const overview = tiled && this.overviews;
    const overviewSource = importedOverviewSourceId(layer.id);
    if (overview && !this.map.getSource(overviewSource)) {
      this.map.addSource(
        overviewSource,
        importedOverviewSource(userOverviewUrl(layer.id), this.theme)
      );
    }
    const before = this.#beforeId();
    // A tiled layer stays switched off until its tiles are ready: switched on, MapLibre would ask
    // for tiles the worker cannot cut yet (and keep the empty answers).
    const label = labelKeyOf(layer.features);
    for (const style of importedLayerStyle(layer.id, this.theme, {
      visible: visible && !tiled,
      label,
      ...(tiled ? { big: { sourceLayer: USER_TILE_LAYER, overview } } : {})
    })) {
      if (!this.map.getLayer(style.id)) this.map.addLayer(style, before);
    }
    this.#shown.set(layer.id, layer);
    if (visible) this.#hidden.delete(layer.id);
    else this.#hidden.add(layer.id);
    if (tiled) {
      this.#tiled.add(layer.id);
      this.#feed(layer, label, overview);
    }
  }

  /** Has the tile worker index a big layer, then switches the layer on (unless hidden). */
  #feed(layer: StoredLayer, label: string | null, overview: boolean): void {
    const paint = overview ? importedOverviewPaint(layer.id, this.theme) : undefined;
    const feeding = this.tiles
      .load(layer.id, layer.features, label, paint)
      .then(() => {
        // The layer may have left the map (or been replaced) meanwhile.
        if (this.#shown.get(layer.id) === layer && !this.#hidden.has(layer.id)) {
          this.#setStyleVisibility(layer.id, true);
        }
      })
      // A layer the worker cannot index stays off; the list still shows it, with the reason.
      // (One that left the map meanwhile — the worker stopped with the page — needs no word.)
      .catch((error: unknown) => {
        if (this.#shown.get(layer.id) === layer) {
          this.onUndrawable(layer.id, error instanceof Error ? error.message : String(error));
        }
      })
      .finally(() => {
        if (this.#feeding.get(layer.id) === feeding) this.#feeding.delete(layer.id);
      });
    this.#feeding.set(layer.id, feeding);
  }

  #remove(id: string): void {
    for (const styleId of importedStyleLayerIds(id)) {
      if (this.map.getLayer(styleId)) this.map.removeLayer(styleId);
    }
    for (const source of [importedSourceId(id), importedOverviewSourceId(id)]) {
      if (this.map.getSource(source)) this.map.removeSource(source);
    }
    if (this.#tiled.delete(id)) this.tiles.drop(id);
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
    for (const styleId of this.#styleLayerIds(id)) {
      this.map.setLayoutProperty(styleId, 'visibility', visible ? 'visible' : 'none');
    }
  }

  /** The style layers of a user layer that are on the map (a layer without labels has none). */
  #styleLayerIds(id: string): string[] {
    return importedStyleLayerIds(id).filter((styleId) => this.map.getLayer(styleId));
  }
}
