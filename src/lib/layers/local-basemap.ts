/**
 * Draws the optional offline street basemap when the site has one: a deployer drops
 * `basemap.pmtiles` beside index.html, no rebuild. The page asks for it once (a HEAD request to
 * its own origin); only when it is there are pmtiles and the Protomaps style loaded and the
 * archive read, in byte ranges, from the same origin. Without it the map stays as it is.
 */
import { addProtocol, type Map as MapLibreMap } from 'maplibre-gl';
import { setContextDimmed } from '$lib/style/basemap';

export type LocalBasemapState = 'absent' | 'drawn' | 'failed';

let protocolAdded = false;

/**
 * @param map the loaded map
 * @param archiveUrl absolute URL of basemap.pmtiles on the site's origin
 * @param beforeId the style layer to draw it under (the context layer's opaque fill, dimmed)
 * @returns what happened; also written to the map container's `data-local-basemap`
 */
export async function addLocalBasemap(
  map: MapLibreMap,
  archiveUrl: string,
  beforeId: string | null
): Promise<LocalBasemapState> {
  const report = (state: LocalBasemapState) => {
    map.getContainer().dataset.localBasemap = state;
    return state;
  };
  const probe = await fetch(archiveUrl, { method: 'HEAD', cache: 'no-cache' }).catch(() => null);
  if (!probe?.ok) return report('absent');
  try {
    const [{ PMTiles, Protocol }, style] = await Promise.all([
      import('pmtiles'),
      import('$lib/style/local-basemap-style')
    ]);
    if (!protocolAdded) {
      const protocol = new Protocol({ metadata: true });
      addProtocol('pmtiles', protocol.tile);
      protocol.add(new PMTiles(archiveUrl));
      protocolAdded = true;
    }
    const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
    map.addSource(style.LOCAL_BASEMAP_SOURCE, style.localBasemapSource(archiveUrl));
    for (const layer of style.localBasemapLayers()) map.addLayer(layer, before);
    setContextDimmed(map, beforeId, 'local-basemap', true);
    await new Promise((resolve) => map.once('idle', resolve));
    return report('drawn');
  } catch (error) {
    // A broken archive must not break the map: say so once and draw without it.
    console.warn('basemap.pmtiles could not be drawn / 离线底图无法显示:', error);
    return report('failed');
  }
}
