import { BASEMAP_STORAGE_KEY, parseSavedBasemap } from '$lib/style/basemap';
import { addNarrowingPolicy } from '$lib/style/basemap-policy';
import { startWorkerEarly } from '$lib/layers/early-worker';
import { MAP_CONTAINER_ID } from '$lib/layers/map-config';
// The same URL MapView gives MapLibre (`setWorkerUrl`), so that MapLibre is handed this worker.
import mapWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * Runs once as the app starts, before any page renders or fetches: narrows the page's
 * connections and images to the site itself plus the basemap saved in this browser, if any
 * (src/lib/style/basemap-policy.ts explains why it is done here and not in the server's header).
 */
export function init(): void {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(BASEMAP_STORAGE_KEY);
  } catch {
    // Storage refused (private mode, sandboxed frame): no basemap, so the narrowest policy.
  }
  addNarrowingPolicy(document, parseSavedBasemap(saved));
  // A page that opens on the map (its container is prerendered): MapLibre's worker starts now,
  // while the page hydrates, not once the map is made (layers/early-worker.ts).
  if (document.getElementById(MAP_CONTAINER_ID)) startWorkerEarly(mapWorkerUrl);
}
