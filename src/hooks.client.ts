import { BASEMAP_STORAGE_KEY, parseSavedBasemap } from '$lib/style/basemap';
import { addNarrowingPolicy } from '$lib/style/basemap-policy';

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
}
