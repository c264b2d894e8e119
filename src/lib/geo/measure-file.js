/**
 * Measuring the features of one GeoJSON document against plan figures — the engine behind the
 * `linghe-audit` command (bin/linghe-audit.js). Pure: the caller reads files and prints; this
 * module checks the document, converts coordinates, measures and compares, and explains every
 * problem in one line naming the feature and the reason (Chinese and English).
 */
import { ellipsoidalArea, turfArea } from './area.js';
import {
  firstNonGeographicPosition,
  gaussKrugerZone,
  planarArea,
  suggestProjectedCrs,
  toWgs84
} from './crs.js';
import { geodesicLength, geodesicPerimeter, turfLength } from './length.js';
import { SQUARE_METRES_PER_MU, isAreaUnit, toMetres, toSquareMetres } from './units.js';
import { GEOMETRY_TYPES } from './geometry-types.js';

/** @typedef {import('geojson').Geometry} Geometry */
/** @typedef {import('geojson').Feature<Geometry | null>} Feature */
/** @typedef {import('./crs.js').Crs} Crs */
/** @typedef {import('./units.js').PlanUnit} PlanUnit */

/**
 * One input feature, in input order.
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

/** A document or feature that cannot be measured; `message` says where and why. */
export class InputError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

const MAX_COLLECTION_DEPTH = 8;

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A short, safe rendering of a value for a message.
 * @param {unknown} value
 */
function show(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * How a message names a feature: `feature #2 "紫荆产业园" (zijing-industrial-park)`.
 * @param {InputFeature} input
 */
export function describeFeature({ index, feature }) {
  const name = nameOf(feature);
  const id = idOf(feature);
  return `要素 feature #${index}${name ? ` "${name}"` : ''}${id && id !== name ? ` (${id})` : ''}`;
}

/** @param {Feature} feature */
function nameOf(feature) {
  const properties = feature.properties ?? {};
  const name = properties.name ?? properties.名称 ?? properties.NAME ?? properties.Name;
  return typeof name === 'string' || typeof name === 'number' ? String(name) : null;
}

/** @param {Feature} feature */
function idOf(feature) {
  const id = feature.properties?.id ?? feature.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * Why a position is unusable, or null.
 * @param {unknown} position
 */
function positionProblem(position) {
  if (!Array.isArray(position) || position.length < 2) {
    return `is not a coordinate pair: ${show(position)}`;
  }
  if (!position.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    return `has a value that is not a finite number: ${show(position)}`;
  }
  return null;
}

/**
 * Why a list of positions is unusable as a line or ring, or null.
 * @param {unknown} positions
 * @param {string} what e.g. 'ring 1'
 * @param {'line' | 'ring'} kind
 */
function pathProblem(positions, what, kind) {
  if (!Array.isArray(positions)) return `${what} is not an array of positions: ${show(positions)}`;
  for (let i = 0; i < positions.length; i++) {
    const problem = positionProblem(positions[i]);
    if (problem) return `${what}, position ${i} ${problem}`;
  }
  if (kind === 'line' && positions.length < 2) {
    return `${what} has ${positions.length} position(s), a line needs at least 2`;
  }
  if (kind === 'ring') {
    if (positions.length < 4) {
      return `${what} has ${positions.length} position(s), a polygon ring needs at least 4`;
    }
    const first = positions[0];
    const last = positions[positions.length - 1];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      return `${what} is not closed: first ${show(first)} ≠ last ${show(last)}`;
    }
  }
  return null;
}

/**
 * Why a GeoJSON geometry is unusable (structure, numbers, closed rings), or null when it is fine.
 * @param {unknown} geometry
 * @param {number} [depth]
 * @returns {string | null}
 */
export function geometryProblem(geometry, depth = 0) {
  if (geometry === null) return null;
  if (!isObject(geometry)) return `geometry is not an object: ${show(geometry)}`;
  const type = geometry.type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
    return `unknown geometry type ${show(type)}`;
  }
  if (type === 'GeometryCollection') {
    if (depth >= MAX_COLLECTION_DEPTH) return 'GeometryCollections are nested too deeply';
    if (!Array.isArray(geometry.geometries)) return 'GeometryCollection has no "geometries" array';
    for (let i = 0; i < geometry.geometries.length; i++) {
      const member = geometry.geometries[i];
      if (member === null) return `GeometryCollection member ${i} is null`;
      const problem = geometryProblem(member, depth + 1);
      if (problem) return `GeometryCollection member ${i}: ${problem}`;
    }
    return null;
  }
  const coordinates = geometry.coordinates;
  if (!Array.isArray(coordinates)) return `${type} has no "coordinates" array`;
  switch (type) {
    case 'Point': {
      const problem = positionProblem(coordinates);
      return problem ? `Point ${problem}` : null;
    }
    case 'MultiPoint':
      for (let i = 0; i < coordinates.length; i++) {
        const problem = positionProblem(coordinates[i]);
        if (problem) return `MultiPoint position ${i} ${problem}`;
      }
      return null;
    case 'LineString':
      return pathProblem(coordinates, 'LineString', 'line');
    case 'MultiLineString':
      for (let i = 0; i < coordinates.length; i++) {
        const problem = pathProblem(coordinates[i], `MultiLineString line ${i}`, 'line');
        if (problem) return problem;
      }
      return null;
    case 'Polygon':
      return ringsProblem(coordinates, 'Polygon');
    default:
      for (let i = 0; i < coordinates.length; i++) {
        const problem = ringsProblem(coordinates[i], `MultiPolygon polygon ${i}`);
        if (problem) return problem;
      }
      return null;
  }
}

/**
 * @param {unknown} rings
 * @param {string} what
 */
function ringsProblem(rings, what) {
  if (!Array.isArray(rings) || rings.length === 0) return `${what} has no rings`;
  for (let i = 0; i < rings.length; i++) {
    const problem = pathProblem(rings[i], `${what} ring ${i}`, 'ring');
    if (problem) return problem;
  }
  return null;
}

/**
 * The features of a parsed GeoJSON document — a FeatureCollection, a Feature or a bare geometry —
 * after checking their structure.
 * @param {unknown} document parsed JSON
 * @returns {InputFeature[]}
 * @throws {InputError} naming the first unusable feature and why
 */
export function featuresOf(document) {
  if (!isObject(document))
    throw new InputError(`不是 GeoJSON 对象 not a GeoJSON object: ${show(document)}`);
  /** @type {unknown[]} */
  let candidates;
  if (document.type === 'FeatureCollection') {
    if (!Array.isArray(document.features)) {
      throw new InputError(
        'FeatureCollection 缺少 features 数组 FeatureCollection has no "features" array'
      );
    }
    candidates = document.features;
  } else if (document.type === 'Feature') {
    candidates = [document];
  } else if (typeof document.type === 'string' && GEOMETRY_TYPES.has(document.type)) {
    candidates = [{ type: 'Feature', properties: {}, geometry: document }];
  } else {
    throw new InputError(
      `不是 GeoJSON not GeoJSON: "type" is ${show(document.type)}, expected FeatureCollection, ` +
        'Feature or a geometry'
    );
  }
  return candidates.map((candidate, position) => {
    const index = position + 1;
    if (!isObject(candidate) || candidate.type !== 'Feature') {
      throw new InputError(
        `要素 feature #${index}: 不是 Feature not a Feature: ${show(candidate)}`
      );
    }
    if (!('geometry' in candidate)) {
      throw new InputError(`要素 feature #${index}: 缺少 geometry has no "geometry" member`);
    }
    if (
      candidate.properties !== undefined &&
      candidate.properties !== null &&
      !isObject(candidate.properties)
    ) {
      throw new InputError(`要素 feature #${index}: properties is not an object`);
    }
    const input = { index, feature: /** @type {Feature} */ (/** @type {unknown} */ (candidate)) };
    const problem = geometryProblem(candidate.geometry);
    if (problem) {
      throw new InputError(`${describeFeature(input)}: 几何无效 invalid geometry: ${problem}`);
    }
    return input;
  });
}

/**
 * Throws when coordinates are outside the lon/lat range but no projected CRS was given, with the
 * `--crs` that would fit.
 * @param {InputFeature[]} features
 * @param {Crs} crs
 * @throws {InputError}
 */
export function assertGeographic(features, crs) {
  if (gaussKrugerZone(crs)) return;
  for (const input of features) {
    const outside = firstNonGeographicPosition(input.feature.geometry);
    if (outside) {
      throw new InputError(
        `${describeFeature(input)}: 坐标超出经纬度范围，像是投影坐标 coordinates ${show(outside)} ` +
          `are outside longitude/latitude range (${crs}); if they are projected metres, pass ` +
          `--crs ${suggestProjectedCrs(outside)}`
      );
    }
  }
}

/** @param {Geometry | null} geometry */
function isAreal(geometry) {
  if (!geometry) return false;
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') return true;
  return geometry.type === 'GeometryCollection' && geometry.geometries.some(isAreal);
}

/** @param {Geometry | null} geometry */
function isLinear(geometry) {
  if (!geometry) return false;
  if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') return true;
  return geometry.type === 'GeometryCollection' && geometry.geometries.some(isLinear);
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
 * Measures one feature (coordinates in `crs`) and compares it with a figure.
 * @param {InputFeature} input
 * @param {Crs} crs
 * @param {FigureToCompare | null} figure
 * @param {number} tolerancePct e.g. 1 for ±1 %
 * @returns {MeasuredFeature}
 * @throws {InputError} when the coordinates do not fit the CRS
 */
export function measureFeature(input, crs, figure, tolerancePct) {
  const { feature } = input;
  const source = feature.geometry;
  const projected = gaussKrugerZone(crs) !== null;
  /** @type {Geometry | null} */
  let geometry;
  try {
    geometry = source ? toWgs84(source, crs) : null;
  } catch (error) {
    throw new InputError(
      `${describeFeature(input)}: ${error instanceof Error ? error.message : error}`
    );
  }

  const areal = isAreal(geometry);
  const linear = isLinear(geometry);
  const ellipsoidM2 = areal ? ellipsoidalArea(geometry) : null;
  const lengthM = linear ? geodesicLength(geometry) : null;

  /** @type {number | null} */
  let measured = null;
  /** @type {AuditStatus} */
  let status = 'no-figure';
  if (figure) {
    if (!geometry) status = 'no-geometry';
    else if (figure.quantity === 'area') status = areal ? 'within' : 'not-areal';
    else status = linear ? 'within' : 'not-linear';
    if (status === 'within') measured = figure.quantity === 'area' ? ellipsoidM2 : lengthM;
  }
  const figureM2 =
    figure && figure.quantity === 'area' && isAreaUnit(figure.unit)
      ? toSquareMetres(figure.value, figure.unit)
      : null;
  const figureM =
    figure && figure.quantity === 'length' && !isAreaUnit(figure.unit)
      ? toMetres(figure.value, figure.unit)
      : null;
  const figureBase = figureM2 ?? figureM;
  const deltaPct =
    measured !== null && figureBase ? ((measured - figureBase) / figureBase) * 100 : null;
  // A hair of slack so that a figure exactly at the tolerance is not lost to rounding.
  if (deltaPct !== null && Math.abs(deltaPct) > tolerancePct * (1 + 1e-12)) status = 'outside';

  return {
    index: input.index,
    name: nameOf(feature),
    id: idOf(feature),
    geometryType: source ? source.type : null,
    crs,
    ellipsoidM2,
    turfM2: areal ? turfArea(geometry) : null,
    planarM2: areal && projected ? planarArea(source) : null,
    mu: ellipsoidM2 === null ? null : ellipsoidM2 / SQUARE_METRES_PER_MU,
    hectares: ellipsoidM2 === null ? null : ellipsoidM2 / 1e4,
    km2: ellipsoidM2 === null ? null : ellipsoidM2 / 1e6,
    perimeterM: areal ? geodesicPerimeter(geometry) : null,
    lengthM,
    turfLengthM: linear ? turfLength(geometry) : null,
    figure,
    figureM2,
    figureM,
    deltaPct,
    status
  };
}
