/**
 * The style of the optional offline street basemap: a vector PMTiles archive named
 * `basemap.pmtiles` beside index.html (cut from the Protomaps daily build), drawn under the plan
 * layers with the Protomaps basemap style — light flavour, Chinese labels. Nothing is fetched
 * from elsewhere: the style has no sprite (icons are dropped) and no glyphs URL (MapLibre draws
 * every label with the local fonts, as it does the plan's).
 */
import { layers, namedFlavor } from '@protomaps/basemaps';
import type {
  LayerSpecification,
  VectorSourceSpecification
} from '@maplibre/maplibre-gl-style-spec';

/** The archive's file name, beside index.html. */
export const LOCAL_BASEMAP_FILE = 'basemap.pmtiles';
export const LOCAL_BASEMAP_SOURCE = 'local-basemap';
/** Style layer ids of the basemap start with this. */
export const LOCAL_BASEMAP_PREFIX = 'local-basemap-';
/** Protomaps' build is OpenStreetMap data (ODbL). */
export const LOCAL_BASEMAP_ATTRIBUTION = '底图 Basemap: © OpenStreetMap contributors · Protomaps';

/** The vector source, read through the `pmtiles://` protocol from the archive's URL. */
export function localBasemapSource(archiveUrl: string): VectorSourceSpecification {
  return {
    type: 'vector',
    url: `pmtiles://${archiveUrl}`,
    attribution: LOCAL_BASEMAP_ATTRIBUTION
  };
}

/**
 * The Protomaps light layers with Chinese (简体) labels, renamed into our namespace, without
 * their background (the map has its own) and without icons (there is no sprite to fetch).
 */
export function localBasemapLayers(): LayerSpecification[] {
  return layers(LOCAL_BASEMAP_SOURCE, namedFlavor('light'), { lang: 'zh-Hans' })
    .filter((layer) => layer.type !== 'background')
    .map((layer) => {
      const renamed = { ...layer, id: `${LOCAL_BASEMAP_PREFIX}${layer.id}` } as LayerSpecification;
      if ('layout' in renamed && renamed.layout && 'icon-image' in renamed.layout) {
        const layout: Record<string, unknown> = { ...renamed.layout };
        for (const key of Object.keys(layout)) if (key.startsWith('icon-')) delete layout[key];
        return { ...renamed, layout } as LayerSpecification;
      }
      return renamed;
    });
}
