/**
 * Everything a popup or details panel says about one plan feature, computed without the DOM:
 * names, accuracy, the measured size next to the plan's figures, and the paragraphs that
 * mention it.
 */
import type { Feature, Geometry } from 'geojson';
import { bbox, pointOnFeature } from '@turf/turf';
import { ellipsoidalArea, turfArea } from '$lib/geo/area.js';
import { geodesicLength, turfLength } from '$lib/geo/length.js';
import { areaTexts, isAreaUnit, lengthTexts, toMetres, toSquareMetres } from '$lib/geo/units.js';
import type { Bilingual } from '$lib/i18n/types';
import type { Assignment } from '$lib/storage/types';
import { locationLabel, paragraphById } from '$lib/plan';
import { DEFAULT_TOLERANCE_PCT } from '$lib/plan/audit-tolerance';
import { quoteMentioning } from '$lib/plan/quote';
import { ACCURACY_LABELS } from './accuracy';
import { assignmentSourceLabel } from './assignments';
import { FEATURE_KINDS } from './kinds';
import { layerRegistry } from './registry';
import type { PlanFeature, PlanFigure } from './types';

export interface MeasuredSize {
  quantity: 'area' | 'length';
  /** m² on the CGCS2000 ellipsoid, or geodesic metres. */
  ellipsoidal: number;
  /** Turf's spherical figure, shown beside the ellipsoidal one. */
  turf: number;
  /** e.g. `835亩 · 55.7公顷 · 0.557平方公里` / `835 mu · 55.7 ha · 0.557 km²`, or `7.5公里` / `7.5 km`. */
  texts: Bilingual;
  /** The Chinese half of `texts`. */
  text: string;
}

export interface FigureComparison {
  figure: PlanFigure;
  /** Where the plan states it, e.g. `第五章 第一节 第4段`. */
  where: string;
  stated: string;
  /** Relative difference of the measured size from the stated one, in percent; null when unmeasured. */
  deltaPct: number | null;
  /** True when the geometry is schematic or derived and drawn to this size: agreement proves nothing. */
  byConstruction: boolean;
}

export interface ParagraphRef {
  id: string;
  label: string;
  excerpt: string;
}

export interface FeatureInfo {
  id: string;
  name: string;
  nameEn: string;
  kind: { zh: string; en: string };
  layer: { zh: string; en: string };
  accuracy: (typeof ACCURACY_LABELS)[keyof typeof ACCURACY_LABELS] & { code: string };
  located: boolean;
  measured: MeasuredSize | null;
  figures: FigureComparison[];
  refs: ParagraphRef[];
  locationBasis: string;
  /** How far the place may lie from what is drawn, metres; null when not stated. */
  uncertaintyM: number | null;
  source: string;
  /** Where the map should look: [west, south, east, north], null without geometry. */
  bounds: [number, number, number, number] | null;
  /** A point on the feature (inside polygons) to open its popup at; null without geometry. */
  anchor: [number, number] | null;
}

const EXCERPT_CHARS = 90;

/** Area or length of a geometry, or null for points and empty geometry. */
export function measure(geometry: Geometry | null): MeasuredSize | null {
  if (!geometry) return null;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    const ellipsoidal = ellipsoidalArea(geometry);
    const texts = areaTexts(ellipsoidal);
    return { quantity: 'area', ellipsoidal, turf: turfArea(geometry), texts, text: texts.zh };
  }
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
    const ellipsoidal = geodesicLength(geometry);
    const texts = lengthTexts(ellipsoidal);
    return { quantity: 'length', ellipsoidal, turf: turfLength(geometry), texts, text: texts.zh };
  }
  return null;
}

function compare(
  figure: PlanFigure,
  measured: MeasuredSize | null,
  accuracy: string
): FigureComparison {
  const statedSi = isAreaUnit(figure.unit)
    ? toSquareMetres(figure.value, figure.unit)
    : toMetres(figure.value, figure.unit);
  const comparable = measured !== null && measured.quantity === figure.quantity;
  return {
    figure,
    where: locationLabel(figure.paragraphId) ?? figure.paragraphId,
    stated: `${figure.value}${figure.unit}`,
    deltaPct: comparable ? ((measured.ellipsoidal - statedSi) / statedSi) * 100 : null,
    byConstruction: comparable && (accuracy === 'schematic' || accuracy === 'derived')
  };
}

/** The sentence of the paragraph that names the feature (or the paragraph's opening). */
function excerptOf(paragraphId: string, names: readonly string[]): string {
  const paragraph = paragraphById(paragraphId);
  return paragraph ? quoteMentioning(paragraph.text, names, EXCERPT_CHARS) : '';
}

/** Where to look at a feature and where to open its popup. */
function placement(feature: PlanFeature): Pick<FeatureInfo, 'bounds' | 'anchor'> {
  if (!feature.geometry) return { bounds: null, anchor: null };
  const located = feature as Feature<Geometry>;
  const [west, south, east, north] = bbox(located);
  const [lon, lat] = pointOnFeature(located).geometry.coordinates;
  return { bounds: [west, south, east, north], anchor: [lon, lat] };
}

/** @example describeFeature(featureById('zijing-industrial-park')!).figures[0].stated === '6.9平方公里' */
export function describeFeature(feature: PlanFeature): FeatureInfo {
  const p = feature.properties;
  const measured = measure(feature.geometry);
  const layer = layerRegistry.find((declaration) => declaration.id === p.layer);
  return {
    id: p.id,
    name: p.name,
    nameEn: p.nameEn,
    kind: FEATURE_KINDS[p.kind] ?? { zh: p.kind, en: p.kind },
    layer: layer?.label ?? { zh: p.layer, en: p.layer },
    accuracy: { code: p.accuracy, ...ACCURACY_LABELS[p.accuracy] },
    located: feature.geometry !== null,
    measured,
    figures: p.figures.map((figure) => compare(figure, measured, p.accuracy)),
    refs: p.planRefs.map((id) => ({
      id,
      label: locationLabel(id) ?? id,
      excerpt: excerptOf(id, [p.name, ...(p.aliases ?? []), ...(p.mentions ?? [])])
    })),
    locationBasis: p.locationBasis,
    uncertaintyM: feature.geometry ? (p.uncertaintyM ?? null) : null,
    source: p.source,
    ...placement(feature)
  };
}

/** A boundary the user gave a plan feature, measured against the plan's figures. */
export interface UserBoundaryInfo {
  /** 导入的边界 / 绘制的边界. */
  source: { zh: string; en: string };
  assignedAt: string;
  measured: MeasuredSize | null;
  figures: (FigureComparison & { withinTolerance: boolean | null })[];
  /** The audit's default tolerance, percent, that `withinTolerance` uses. */
  tolerancePct: number;
}

/**
 * The user's boundary of a plan feature against the plan's figures — the same comparison the
 * audit makes, with the audit's default tolerance.
 *
 * @example describeUserBoundary(featureById('zijing-industrial-park')!, assignment).figures[0].deltaPct
 */
export function describeUserBoundary(
  feature: PlanFeature,
  assignment: Assignment,
  tolerancePct = DEFAULT_TOLERANCE_PCT
): UserBoundaryInfo {
  const measured = measure(assignment.geometry);
  return {
    source: assignmentSourceLabel(assignment.source),
    assignedAt: assignment.assignedAt,
    measured,
    figures: feature.properties.figures.map((figure) => {
      const comparison = compare(figure, measured, 'imported');
      return {
        ...comparison,
        withinTolerance:
          comparison.deltaPct === null ? null : Math.abs(comparison.deltaPct) <= tolerancePct
      };
    }),
    tolerancePct
  };
}
