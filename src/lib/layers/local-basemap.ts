/**
 * Draws the optional offline street basemap when the site has one: a deployer replaces the
 * placeholder `basemap.pmtiles` beside index.html with a PMTiles archive, no rebuild. The page
 * reads the file's first bytes once, from its own origin; only when they are a PMTiles archive's
 * are pmtiles and the Protomaps style loaded and the archive read, in byte ranges. Otherwise the
 * map stays as it is.
 *
 * Why a placeholder rather than no file: Chromium logs every 4xx response as "Failed to load
 * resource", fetch() included, and a static host can only tell whether a file is there by being
 * asked for it. The build ships a short text file under the name, so the question is answered
 * with a 206 and no line in the console.
 */
import { addProtocol, type Map as MapLibreMap } from 'maplibre-gl';
import { setContextDimmed } from '$lib/style/basemap';

export type LocalBasemapState = 'absent' | 'drawn' | 'failed';

let protocolAdded = false;

/** Every PMTiles archive (version 3) starts with these bytes. */
const PMTILES_MAGIC = 'PMTiles';

/**
 * Whether the file at `url` starts like a PMTiles archive: its first bytes, asked for as a byte
 * range and read as a stream, so a host that ignores ranges does not send the whole archive.
 */
async function isPmtilesArchive(url: string): Promise<boolean> {
  const response = await fetch(url, {
    headers: { Range: `bytes=0-${PMTILES_MAGIC.length - 1}` },
    cache: 'no-cache'
  }).catch(() => null);
  if (!response?.ok || !response.body) return false;
  const reader = response.body.getReader();
  const bytes: number[] = [];
  try {
    while (bytes.length < PMTILES_MAGIC.length) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes.push(...value.subarray(0, PMTILES_MAGIC.length - bytes.length));
    }
  } catch {
    return false;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return String.fromCharCode(...bytes) === PMTILES_MAGIC;
}

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
  if (!(await isPmtilesArchive(archiveUrl))) return report('absent');
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
