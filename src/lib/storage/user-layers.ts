/**
 * The user's imported layers as the map page shows them: a stored layer made from an import
 * result, its size in the plan's units (ellipsoidal area on CGCS2000, geodesic length), its extent
 * for “zoom to”, and one feature described for a popup. DOM-free; every value taken from the file
 * is returned as plain text.
 */
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties } from 'geojson';
import { ellipsoidalArea } from '../geo/area.js';
import { isAreal, isLinear } from '../geo/audit-rules.js';
import { NAME_KEYS, isNameValue, nameKeyOf } from '../geo/feature-name.js';
import { geodesicLength } from '../geo/length.js';
import { areaTexts, lengthTexts } from '../geo/units.js';
import type { Bilingual } from '../i18n/types';
import type { Bbox, ImportResult, LayerSummary } from '../import/types';
import type { StoredLayer } from './types';
import { featureAt, type FeatureList } from './feature-list';
import { extendBbox } from '../import/validate';

export type { Bbox, LayerSummary } from '../import/types';

/**
 * A layer to store from a successful import: its features in WGS-84, named after the file.
 * @param importedAt ISO 8601 time of the import
 * @example layerFromImport(result, 'parcels.zip', crypto.randomUUID(), new Date().toISOString())
 */
export function layerFromImport(
  result: ImportResult,
  fileName: string,
  id: string,
  importedAt: string
): StoredLayer {
  if (result.status !== 'ok' || !result.usedCrs) {
    throw new Error(`Only a successful import makes a layer (status ${result.status})`);
  }
  return {
    id,
    name: fileName,
    sourceFile: fileName,
    format: result.format,
    crs: result.usedCrs,
    importedAt,
    features: result.features,
    // Without the import's totals, nor the features and measurements to add them up from (a
    // result packed into a Blob), the layer list measures the layer itself (summarizeLayer).
    ...(result.summary
      ? { summary: result.summary }
      : result.features.length === result.stats.usableCount &&
          result.measurements.length === result.features.length
        ? { summary: summarizeImport(result) }
        : {})
  };
}

/**
 * The summary of an import's usable features from what the import measured (areas, lengths,
 * extent), without measuring again: one cheap pass over the geometry types.
 */
export function summarizeImport(result: ImportResult): LayerSummary {
  const summary = emptyLayerSummary(result.features.length);
  summary.bbox = result.stats.bbox ? [...result.stats.bbox] : null;
  let index = -1;
  for (const { geometry } of result.features) {
    index++;
    if (!geometry) continue;
    const { areaM2, lengthM } = result.measurements[index];
    if (isAreal(geometry)) {
      summary.polygonCount++;
      summary.areaM2 += areaM2 ?? 0;
    } else if (isLinear(geometry)) {
      summary.lineCount++;
      summary.lengthM += lengthM ?? 0;
    } else summary.pointCount++;
  }
  return summary;
}

/**
 * True for geometry that can be a plan feature's boundary: one with an area to audit (audit-rules.js
 * `isAreal`, so a GeometryCollection with a polygon can, as on the command line).
 */
export function canBeBoundary(geometry: Geometry | null): boolean {
  return isAreal(geometry);
}

/** A summary of `featureCount` features with nothing counted yet. */
export function emptyLayerSummary(featureCount = 0): LayerSummary {
  return {
    featureCount,
    polygonCount: 0,
    lineCount: 0,
    pointCount: 0,
    areaM2: 0,
    lengthM: 0,
    bbox: null
  };
}

/** Layers are replaced, never changed in place, so a summary can be kept per layer object. */
const summaries = new WeakMap<StoredLayer, LayerSummary>();

/**
 * Counts, total area and length, and extent of a layer: the one the import measured when the
 * layer has it, else measured here (cached per layer object: measuring 100 000 parcels takes a
 * moment).
 */
export function summarizeLayer(layer: StoredLayer): LayerSummary {
  const cached = summaries.get(layer) ?? layer.summary;
  if (cached) return cached;
  const summary = emptyLayerSummary(layer.features.length);
  let box: Bbox | null = null;
  for (const feature of layer.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    if (isAreal(geometry)) {
      summary.polygonCount++;
      summary.areaM2 += ellipsoidalArea(geometry);
    } else if (isLinear(geometry)) {
      summary.lineCount++;
      summary.lengthM += geodesicLength(geometry);
    } else summary.pointCount++;
    box = extendBbox(box, geometry);
  }
  summary.bbox = box;
  summaries.set(layer, summary);
  return summary;
}

/**
 * The layer's features as one FeatureCollection of plain objects (the map source's data, which
 * MapLibre clones to its worker: a layer's PackedFeatures cannot be cloned).
 */
export function featureCollectionOf(
  layer: StoredLayer
): FeatureCollection<Geometry, GeoJsonProperties> {
  return { type: 'FeatureCollection', features: [...layer.features] };
}

const MAX_VALUE_CHARS = 200;

/**
 * The property a layer's features are labelled with on the map: the first of the name-like keys
 * (name, 名称, DKMC 地块名称, XMMC 项目名称, …) that at least half of the first `sample` features
 * fill with text or a number; null when none does.
 *
 * @example labelKeyOf(layer.features) // 'name'
 */
export function labelKeyOf(
  features: FeatureList<Feature<Geometry | null, GeoJsonProperties>>,
  sample = 200
): string | null {
  // Each read of a packed layer unpacks the feature: read the sample once, not once per key.
  const looked = Math.min(sample, features.length);
  const sampled: (GeoJsonProperties | undefined)[] = [];
  for (let i = 0; i < looked; i++) sampled.push(features.at(i)?.properties);
  if (looked === 0) return null;
  return (
    NAME_KEYS.find((key) => {
      let filled = 0;
      for (const properties of sampled) if (isNameValue(properties?.[key])) filled++;
      return filled * 2 >= looked;
    }) ?? null
  );
}

/** A property value as text, shortened: strings verbatim, everything else as JSON. */
export function propertyText(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (value === undefined) text = '';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

export interface ImportedFeatureInfo {
  layerId: string;
  layerName: string;
  /** Position in the layer's features (what an assignment's `featureIndex` records). */
  index: number;
  featureId: string | number | undefined;
  /** A name from the properties, or `要素 #n / Feature #n`. */
  title: string;
  /** The first properties, as [key, text]. */
  properties: [string, string][];
  /** How many more properties the feature has. */
  moreProperties: number;
  geometryType: string;
  /** Ellipsoidal area or geodesic length in words, or null for points. */
  /** `text` in both spellings (`835亩 · …` / `835 mu · …`) for the UI to show one. */
  measured: { quantity: 'area' | 'length'; value: number; text: Bilingual } | null;
  canBeBoundary: boolean;
}

/** Properties shown in a popup before “and n more”. */
export const POPUP_PROPERTIES = 12;

/**
 * What a popup says about feature `index` of an imported layer.
 * @example describeImportedFeature(layer, 0).measured?.text.zh // '1399亩 · 93.3公顷 · 0.933平方公里'
 */
export function describeImportedFeature(
  layer: StoredLayer,
  index: number,
  maxProperties = POPUP_PROPERTIES
): ImportedFeatureInfo {
  const feature: Feature<Geometry, GeoJsonProperties> | undefined = featureAt(
    layer.features,
    index
  );
  if (!feature) throw new RangeError(`Layer ${layer.id} has no feature #${index + 1}`);
  const entries = Object.entries(feature.properties ?? {});
  const nameKey = nameKeyOf(feature.properties);
  const geometry = feature.geometry;
  let measured: ImportedFeatureInfo['measured'] = null;
  if (isAreal(geometry)) {
    const value = ellipsoidalArea(geometry);
    measured = { quantity: 'area', value, text: areaTexts(value) };
  } else if (isLinear(geometry)) {
    const value = geodesicLength(geometry);
    measured = { quantity: 'length', value, text: lengthTexts(value) };
  }
  return {
    layerId: layer.id,
    layerName: layer.name,
    index,
    featureId: feature.id,
    title: nameKey
      ? propertyText(feature.properties?.[nameKey])
      : `要素 #${index + 1} / Feature #${index + 1}`,
    properties: entries
      .slice(0, maxProperties)
      .map(([key, value]) => [propertyText(key), propertyText(value)]),
    moreProperties: Math.max(0, entries.length - maxProperties),
    geometryType: geometry?.type ?? 'null',
    measured,
    canBeBoundary: canBeBoundary(geometry)
  };
}
