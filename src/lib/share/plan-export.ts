/**
 * The plan features on the map, as files to take away: GeoJSON in the project's data contract
 * (every property as geodata/ has it: id, names, layer, kind, planRefs, figures, accuracy,
 * locationBasis, source) and CSV for spreadsheets (both languages in the headers, measured size
 * on the CGCS2000 ellipsoid). Features without a position are kept, with null geometry.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { csvDocument, csvNumber, csvText, type CsvColumn } from '$lib/csv';
import { ACCURACY_LABELS } from '$lib/layers/accuracy';
import { measure } from '$lib/layers/feature-info';
import { FEATURE_KINDS } from '$lib/layers/kinds';
import type { PlanFeature, PlanFeatureProperties } from '$lib/layers/types';

/** Said in every export, so the file cannot travel without its caveat. */
export const EXPORT_NOTE = {
  zh: '凌河规划地图导出。规划示意图：位置多为按规划文字示意，不作为权属、面积或用地审批依据。',
  en: 'Exported from the Linghe Plan Map. Schematic planning map: most positions are schematic and are no basis for land rights, areas or approvals.'
};

/**
 * The features as a GeoJSON FeatureCollection (RFC 7946, WGS-84), with a note of where it comes
 * from as a foreign member.
 * @example planFeaturesGeoJson([featureById('zijing-industrial-park')!], '2026-12-01').features.length // 1
 */
export function planFeaturesGeoJson(
  features: readonly PlanFeature[],
  exportedAt: string
): FeatureCollection<Geometry | null, PlanFeatureProperties> & {
  linghePlanMapExport: { exportedAt: string; note: typeof EXPORT_NOTE };
} {
  return {
    type: 'FeatureCollection',
    linghePlanMapExport: { exportedAt, note: EXPORT_NOTE },
    features: features.map((feature) => ({
      type: 'Feature',
      properties: structuredClone(feature.properties),
      geometry: feature.geometry === null ? null : structuredClone(feature.geometry)
    }))
  };
}

interface CsvRow {
  feature: PlanFeature;
  measured: ReturnType<typeof measure>;
}

const COLUMNS: CsvColumn<CsvRow>[] = [
  ['要素编号 (id)', (r) => csvText(r.feature.properties.id)],
  ['名称 (name)', (r) => csvText(r.feature.properties.name)],
  ['英文名称 (English name)', (r) => csvText(r.feature.properties.nameEn)],
  ['图层 (layer)', (r) => r.feature.properties.layer],
  [
    '类型 (kind)',
    (r) => csvText(FEATURE_KINDS[r.feature.properties.kind]?.zh ?? r.feature.properties.kind)
  ],
  ['位置精度 (accuracy)', (r) => r.feature.properties.accuracy],
  [
    '位置精度说明 (accuracy, Chinese)',
    (r) => ACCURACY_LABELS[r.feature.properties.accuracy].meaning.zh
  ],
  [
    '位置精度说明英文 (accuracy, English)',
    (r) => ACCURACY_LABELS[r.feature.properties.accuracy].meaning.en
  ],
  ['已上图 (located)', (r) => (r.feature.geometry ? 'yes' : 'no')],
  [
    '椭球面积 (area, m², ellipsoidal)',
    (r) => (r.measured?.quantity === 'area' ? csvNumber(r.measured.ellipsoidal, 1) : '')
  ],
  [
    '长度 (length, m, geodesic)',
    (r) => (r.measured?.quantity === 'length' ? csvNumber(r.measured.ellipsoidal, 1) : '')
  ],
  [
    '规划数值 (plan figures)',
    (r) =>
      csvText(
        r.feature.properties.figures.map((f) => `${f.value}${f.unit} (${f.paragraphId})`).join('; ')
      )
  ],
  ['规划段落 (plan paragraphs)', (r) => r.feature.properties.planRefs.join(' ')],
  ['位置依据 (location basis)', (r) => csvText(r.feature.properties.locationBasis)],
  ['来源 (source)', (r) => csvText(r.feature.properties.source)]
];

/**
 * The features as CSV (UTF-8 with BOM, CRLF), one row each, measured on the ellipsoid.
 * @example planFeaturesCsv([featureById('zijing-industrial-park')!]).split('\r\n').length // 3
 */
export function planFeaturesCsv(features: readonly PlanFeature[]): string {
  return csvDocument(
    COLUMNS,
    features.map((feature) => ({ feature, measured: measure(feature.geometry) }))
  );
}
