/**
 * The user's placements on the map: one GeoJSON source and three style layers (area, line,
 * point) in the `user` accuracy's look — a magenta dashed outline and ringed point that no plan
 * layer uses, so a placement never passes for official data. A click on one opens its plan
 * feature. Layer ids start with `user-`, so the plan layers leave such a click to them.
 * The source and its layers are added with the first placement to show: an empty source still
 * costs a stencil pass on every frame the map draws (issue #17).
 */
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';

export const PLACEMENT_SOURCE = 'user-placements';
/** The colour of the `user` accuracy class, here and on its badge. */
export const USER_COLOUR = '#be185d';
export const PLACEMENT_LAYERS = [
  'user-placement-fill',
  'user-placement-line',
  'user-placement-point'
] as const;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export class PlacementsOnMap {
  readonly #map: MapLibreMap;
  readonly #onpick: (planFeatureId: string) => void;
  readonly #selectable: () => boolean;

  /**
   * @param onpick told the plan feature's id when a placement is clicked
   * @param selectable false while a tool is on (a click then belongs to that tool)
   */
  constructor(map: MapLibreMap, onpick: (id: string) => void, selectable: () => boolean) {
    this.#map = map;
    this.#onpick = onpick;
    this.#selectable = selectable;
  }

  /** Whether the source and its layers are on the map (they are once there was a placement). */
  get added(): boolean {
    return this.#map.getSource(PLACEMENT_SOURCE) !== undefined;
  }

  /** Shows exactly these placements (see placements.ts placementCollection). */
  show(collection: FeatureCollection): void {
    if (!this.added) {
      if (collection.features.length === 0) return;
      this.#add();
    }
    this.#map.getSource<GeoJSONSource>(PLACEMENT_SOURCE)?.setData(collection);
  }

  destroy(): void {
    if (!this.added) return;
    for (const id of PLACEMENT_LAYERS) {
      this.#map.off('click', id, this.#onClick);
      this.#map.off('mouseenter', id, this.#onEnter);
      this.#map.off('mouseleave', id, this.#onLeave);
      if (this.#map.getLayer(id)) this.#map.removeLayer(id);
    }
    this.#map.removeSource(PLACEMENT_SOURCE);
  }

  #add(): void {
    const map = this.#map;
    map.addSource(PLACEMENT_SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: PLACEMENT_LAYERS[0],
      type: 'fill',
      source: PLACEMENT_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': USER_COLOUR, 'fill-opacity': 0.12 }
    });
    map.addLayer({
      id: PLACEMENT_LAYERS[1],
      type: 'line',
      source: PLACEMENT_SOURCE,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': USER_COLOUR, 'line-width': 2.5, 'line-dasharray': [2, 1.5] }
    });
    map.addLayer({
      id: PLACEMENT_LAYERS[2],
      type: 'circle',
      source: PLACEMENT_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 7,
        'circle-color': '#ffffff',
        'circle-stroke-color': USER_COLOUR,
        'circle-stroke-width': 3.5
      }
    });
    for (const id of PLACEMENT_LAYERS) {
      map.on('click', id, this.#onClick);
      map.on('mouseenter', id, this.#onEnter);
      map.on('mouseleave', id, this.#onLeave);
    }
  }

  readonly #onClick = (event: MapLayerMouseEvent): void => {
    if (!this.#selectable()) return;
    const id: unknown = event.features?.[0]?.properties?.id;
    if (typeof id === 'string') this.#onpick(id);
  };

  readonly #onEnter = (): void => {
    if (this.#selectable()) this.#map.getCanvas().style.cursor = 'pointer';
  };

  readonly #onLeave = (): void => {
    if (this.#selectable()) this.#map.getCanvas().style.cursor = '';
  };
}
