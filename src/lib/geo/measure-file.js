/**
 * Measuring imported features against plan figures — the engine behind the `linghe-audit`
 * command (bin/linghe-audit.js). The command reads the file through the browser's own import
 * (src/lib/import/import-file.ts: every format, validation, CRS decision, text decoding); this
 * module measures each usable feature and compares it with a figure, by the audit's own rules
 * (audit-rules.js), so the page and the command line give one answer.
 */
import { ellipsoidalArea, turfArea } from './area.js';
import { deltaPercent, isAreal, isLinear, measureFor, withinTolerance } from './audit-rules.js';
import { fromWgs84ToGaussKruger, gaussKrugerZone, planarArea } from './crs.js';
import { featureName } from './feature-name.js';
import { geodesicLength, geodesicPerimeter, turfLength } from './length.js';
import { SQUARE_METRES_PER_MU, isAreaUnit, toMetres, toSquareMetres } from './units.js';

/** @typedef {import('geojson').Geometry} Geometry */
/** @typedef {import('geojson').Feature<Geometry | null>} Feature */
/** @typedef {import('./crs.js').Crs} Crs */
/** @typedef {import('./units.js').PlanUnit} PlanUnit */

/**
 * One input feature, in input order, its coordinates in WGS-84 (as the import gives them).
 * @typedef {object} InputFeature
 * @property {number} index 1-based position in the input
 * @property {Feature} feature
 */

/**
 * A figure to compare a feature with.
 * @typedef {object} FigureToCompare
 * @property {string} text as written, e.g. '835亩'
 * @property {number} value
 * @property {PlanUnit} unit
 * @property {'area' | 'length'} quantity
 * @property {'argument' | 'plan'} source typed on the command line, or a plan feature's figure
 * @property {string} [paragraphId] plan paragraph, for plan figures
 * @property {string} [quote] the plan's words, for plan figures
 */

/**
 * @typedef {'within' | 'outside' | 'no-figure' | 'not-areal' | 'not-linear' | 'no-geometry'} AuditStatus
 * within/outside: compared, |Δ| ≤ / > tolerance; no-figure: nothing to compare with;
 * not-areal: an area figure but no polygon; not-linear: a length figure but no line;
 * no-geometry: a figure but the feature has no geometry.
 */

/**
 * One measured feature — a row of `linghe-audit --json`.
 * @typedef {object} MeasuredFeature
 * @property {number} index 1-based position in the input
 * @property {string | null} name
 * @property {string | null} id
 * @property {string | null} geometryType
 * @property {Crs} crs the CRS the coordinates were read in
 * @property {number | null} ellipsoidM2 area on CGCS2000, m²; null when not areal
 * @property {number | null} turfM2 Turf's spherical area, m²; null when not areal
 * @property {number | null} planarM2 plane area in the projection (projected input only), m²
 * @property {number | null} mu ellipsoidal area in 亩
 * @property {number | null} hectares ellipsoidal area in 公顷
 * @property {number | null} km2 ellipsoidal area in 平方公里
 * @property {number | null} perimeterM geodesic perimeter of an areal feature, m
 * @property {number | null} lengthM geodesic length on CGCS2000 of a linear feature, m
 * @property {number | null} turfLengthM Turf's spherical length, m
 * @property {FigureToCompare | null} figure
 * @property {number | null} figureM2 the figure in m² (area figures)
 * @property {number | null} figureM the figure in m (length figures)
 * @property {number | null} deltaPct (measured − figure) / figure × 100
 * @property {AuditStatus} status
 */

/** A plan layer or argument that cannot be used; `message` says where and why. */
export class InputError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * How a message names a feature: `feature #2 "紫荆产业园" (zijing-industrial-park)`.
 * @param {InputFeature} input
 */
export function describeFeature({ index, feature }) {
  const name = featureName(feature.properties);
  const id = idOf(feature);
  return `要素 feature #${index}${name ? ` "${name}"` : ''}${id && id !== name ? ` (${id})` : ''}`;
}

/**
 * The id a feature is matched with plan features by: `properties.id`, else the feature's `id`.
 * @param {Feature} feature
 */
export function idOf(feature) {
  const id = feature.properties?.id ?? feature.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * Figure of a plan feature (from geodata/layers) in the shape `measureFeature` takes.
 * @param {{ value: number, unit: PlanUnit, quantity: 'area' | 'length', paragraphId?: string, quote?: string }} figure
 * @returns {FigureToCompare}
 */
export function planFigure(figure) {
  return {
    text: `${figure.value}${figure.unit}`,
    value: figure.value,
    unit: figure.unit,
    quantity: figure.quantity,
    source: 'plan',
    ...(figure.paragraphId ? { paragraphId: figure.paragraphId } : {}),
    ...(figure.quote ? { quote: figure.quote } : {})
  };
}

/**
 * The figure of a plan feature to compare an input feature with: the first whose quantity the
 * geometry can measure (area for polygons, length for lines), else the first one.
 * @param {Geometry | null} geometry
 * @param {FigureToCompare[]} figures
 * @returns {FigureToCompare | null}
 */
export function chooseFigure(geometry, figures) {
  if (figures.length === 0) return null;
  const wanted = isAreal(geometry) ? 'area' : isLinear(geometry) ? 'length' : null;
  return figures.find((figure) => figure.quantity === wanted) ?? figures[0];
}

/**
 * A figure in base units: square metres for an area figure, metres for a length figure (the
 * other one null; both null when the unit does not fit the quantity).
 * @param {FigureToCompare | null} figure
 * @returns {{ figureM2: number | null, figureM: number | null }}
 * @example figureInBaseUnits(planFigure({ value: 2, unit: '公顷', quantity: 'area' }))
 *   // → { figureM2: 20000, figureM: null }
 */
export function figureInBaseUnits(figure) {
  return {
    figureM2:
      figure && figure.quantity === 'area' && isAreaUnit(figure.unit)
        ? toSquareMetres(figure.value, figure.unit)
        : null,
    figureM:
      figure && figure.quantity === 'length' && !isAreaUnit(figure.unit)
        ? toMetres(figure.value, figure.unit)
        : null
  };
}

/**
 * How a geometry's ellipsoidal measure compares with a figure (`figureBase`: the figure in m² or
 * m, see figureInBaseUnits).
 * @param {Geometry | null} geometry WGS-84
 * @param {FigureToCompare | null} figure
 * @param {number | null} figureBase
 * @param {number} tolerancePct e.g. 1 for ±1 %
 * @returns {{ deltaPct: number | null, status: AuditStatus }}
 * @example compareWithFigure(null, figure, 10000, 1) // → { deltaPct: null, status: 'no-geometry' }
 */
export function compareWithFigure(geometry, figure, figureBase, tolerancePct) {
  if (!figure) return { deltaPct: null, status: 'no-figure' };
  const measured = measureFor(geometry, figure.quantity);
  if (!geometry) return { deltaPct: null, status: 'no-geometry' };
  if (!measured) {
    return { deltaPct: null, status: figure.quantity === 'area' ? 'not-areal' : 'not-linear' };
  }
  if (!figureBase) return { deltaPct: null, status: 'no-figure' };
  const deltaPct = deltaPercent(measured.ellipsoidal, figureBase);
  return { deltaPct, status: withinTolerance(deltaPct, tolerancePct) ? 'within' : 'outside' };
}

/**
 * Measures one feature (coordinates in WGS-84, read from `crs`) and compares it with a figure.
 * @param {InputFeature} input
 * @param {Crs} crs the CRS the file's coordinates were in (for the planar area of projected input)
 * @param {FigureToCompare | null} figure
 * @param {number} tolerancePct e.g. 1 for ±1 %
 * @returns {MeasuredFeature}
 */
export function measureFeature(input, crs, figure, tolerancePct) {
  const { feature } = input;
  const geometry = feature.geometry;
  const areal = isAreal(geometry);
  const linear = isLinear(geometry);
  const ellipsoidM2 = areal ? ellipsoidalArea(geometry) : null;
  const { figureM2, figureM } = figureInBaseUnits(figure);
  const { deltaPct, status } = compareWithFigure(
    geometry,
    figure,
    figureM2 ?? figureM,
    tolerancePct
  );
  return {
    index: input.index,
    name: featureName(feature.properties),
    id: idOf(feature),
    geometryType: geometry ? geometry.type : null,
    crs,
    ellipsoidM2,
    turfM2: areal ? turfArea(geometry) : null,
    planarM2:
      areal && geometry && gaussKrugerZone(crs)
        ? planarArea(fromWgs84ToGaussKruger(geometry, crs))
        : null,
    mu: ellipsoidM2 === null ? null : ellipsoidM2 / SQUARE_METRES_PER_MU,
    hectares: ellipsoidM2 === null ? null : ellipsoidM2 / 1e4,
    km2: ellipsoidM2 === null ? null : ellipsoidM2 / 1e6,
    perimeterM: areal ? geodesicPerimeter(geometry) : null,
    lengthM: linear ? geodesicLength(geometry) : null,
    turfLengthM: linear ? turfLength(geometry) : null,
    figure,
    figureM2,
    figureM,
    deltaPct,
    status
  };
}
