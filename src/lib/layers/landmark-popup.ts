/**
 * Clicking a landmark (参考地标) opens its own popup: what it is, how far it may reach, where its
 * position comes from and under which licence. Plan features keep the click when both are hit.
 * The popup's component loads on the first click, not with the first view.
 */
import { mount, unmount } from 'svelte';
import { Popup, type Map as MapLibreMap } from 'maplibre-gl';
import type { LandmarkProperties } from './landmarks-contract';
import { layerRegistry } from './registry';
import { landmarkPointLayerId } from '$lib/style/build-style';

const LANDMARK_LAYER = landmarkPointLayerId(layerRegistry);

/**
 * Who gets a click: a landmark's small point wins over the plan areas and lines it lies in (the
 * 主城区 covers most landmarks), a plan feature's point wins over a landmark.
 * @param hitLayers the style layer ids of the features under the click
 * @example landmarkTakesClick(['landmarks-point', 'structure-fill']) // true
 * @example landmarkTakesClick(['landmarks-point', 'projects-point']) // false
 */
export function landmarkTakesClick(hitLayers: readonly string[]): boolean {
  return (
    LANDMARK_LAYER !== null &&
    hitLayers.includes(LANDMARK_LAYER) &&
    !hitLayers.some((id) => id !== LANDMARK_LAYER && id.endsWith('-point'))
  );
}

/**
 * @param map the map
 * @param selectable false while a drawing tool is on (a click then adds a vertex)
 */
export function attachLandmarkPopups(map: MapLibreMap, selectable: () => boolean): void {
  const layer = LANDMARK_LAYER;
  if (!layer) return;
  /** Every landmark's properties, evidence, source and licence included: loaded on first click. */
  let byId: Map<string, LandmarkProperties> | null = null;
  const details = async () => {
    const [{ default: LandmarkDetails }, { default: full }] = await Promise.all([
      import('$lib/components/LandmarkDetails.svelte'),
      import('$geodata/reference/landmarks.geojson')
    ]);
    byId ??= new Map(
      full.features.map((feature) => {
        const properties = feature.properties as LandmarkProperties;
        return [properties.id, properties];
      })
    );
    return { LandmarkDetails, byId };
  };
  const popup = new Popup({ maxWidth: '340px', closeOnClick: true });
  let content: ReturnType<typeof mount> | null = null;
  popup.on('close', () => {
    if (content) unmount(content);
    content = null;
  });
  let shown = 0;
  map.on('click', layer, async (event) => {
    if (!selectable()) return;
    const hitLayers = map.queryRenderedFeatures(event.point).map((feature) => feature.layer.id);
    if (!landmarkTakesClick(hitLayers)) return;
    const hit = event.features?.[0];
    if (hit?.geometry.type !== 'Point') return;
    const [lon, lat] = hit.geometry.coordinates;
    const click = ++shown;
    const { LandmarkDetails, byId: landmarks } = await details();
    const landmark = landmarks.get(String(hit.properties?.id));
    if (click !== shown || !landmark) return; // a later click won, or not a landmark
    popup.remove();
    const target = document.createElement('div');
    content = mount(LandmarkDetails, { target, props: { landmark } });
    popup.setLngLat([lon, lat]).setDOMContent(target).addTo(map);
  });
  map.on('mouseenter', layer, () => {
    if (selectable()) map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', layer, () => {
    if (selectable()) map.getCanvas().style.cursor = '';
  });
}
