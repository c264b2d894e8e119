/**
 * The geojson-validation library's second opinion on a feature that passed the import's own
 * checks (validate.ts), without letting it walk every position again.
 */
import type { Position } from 'geojson';
import geojsonValidation from 'geojson-validation';

/*
 * geojson-validation walks every position again, which costs more than all our own checks on a
 * file of small parcels. Once our walk found no error, every position is an array of ≥ 2 finite
 * numbers, every line has ≥ 2 positions and every ring ≥ 4, closed in x and y; the library then
 * has nothing to say about coordinates except one thing our walk does not look at: a ring whose
 * first and last positions differ beyond x and y (`[1, 2, 0]` … `[1, 2, 5]`). So it is shown the
 * feature with each coordinates array replaced by a small stand-in that it judges the same way —
 * same nesting, same ring count and order, a ring that fails its closure test wherever the real
 * one does — and all other members as they are. Its findings, prefixes and order included, are
 * then those it would give for the real feature (tests/unit/import-validate-skeleton.test.ts
 * checks this on random features).
 */
const STAND_IN_POSITION = [0, 0];
const STAND_IN_POSITIONS = [
  [0, 0],
  [1, 1]
];
const STAND_IN_RING = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0]
];
/** A ring the library refuses as not closed, as it would refuse the real one. */
const STAND_IN_OPEN_RING = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0, 0]
];
const STAND_IN_POLYGON = [STAND_IN_RING];

/** Whether the library's `first.toString() === last.toString()` holds, for numeric positions. */
function closedInAllDimensions(ring: Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first.length !== last.length) return false;
  for (let k = 2; k < first.length; k++) if (first[k] !== last[k]) return false;
  return true; // x and y were compared by checkRing
}

function ringStandIns(rings: Position[][]): unknown[] {
  if (rings.length === 1 && closedInAllDimensions(rings[0])) return STAND_IN_POLYGON;
  return rings.map((ring) => (closedInAllDimensions(ring) ? STAND_IN_RING : STAND_IN_OPEN_RING));
}

function coordinateStandIn(type: unknown, coordinates: unknown): unknown {
  switch (type) {
    case 'Point':
      return STAND_IN_POSITION;
    case 'MultiPoint':
    case 'LineString':
      return STAND_IN_POSITIONS;
    case 'MultiLineString':
      return (coordinates as unknown[]).map(() => STAND_IN_POSITIONS);
    case 'Polygon':
      return ringStandIns(coordinates as Position[][]);
    case 'MultiPolygon':
      return (coordinates as Position[][][]).map(ringStandIns);
    default:
      return coordinates;
  }
}

/** The members of a geometry the library looks at, with coordinates replaced by stand-ins. */
function geometrySkeleton(geometry: Record<string, unknown>): Record<string, unknown> {
  const skeleton: Record<string, unknown> = {};
  if ('type' in geometry) skeleton.type = geometry.type;
  if ('bbox' in geometry) skeleton.bbox = geometry.bbox;
  if (geometry.type === 'GeometryCollection') {
    if ('geometries' in geometry) {
      skeleton.geometries = (geometry.geometries as Record<string, unknown>[]).map(
        geometrySkeleton
      );
    }
  } else if ('coordinates' in geometry) {
    skeleton.coordinates = coordinateStandIn(geometry.type, geometry.coordinates);
  }
  return skeleton;
}

/**
 * A short key naming the skeleton of a feature, when it has one worth remembering: no bbox
 * anywhere (a bbox's numbers would have to be part of the key) and no GeometryCollection.
 * Features with the same key get the same skeleton, hence the same verdict.
 */
function skeletonKey(feature: Record<string, unknown>): string | null {
  if ('bbox' in feature) return null;
  // Constant strings, not built per feature: building and hashing them would cost as much again.
  const keys = 'properties' in feature ? SKELETON_KEYS.withProperties : SKELETON_KEYS.without;
  if (!('geometry' in feature)) return keys.none;
  const geometry = feature.geometry as Record<string, unknown> | null;
  if (geometry === null) return keys.null;
  if ('bbox' in geometry) return null;
  switch (geometry.type) {
    case 'Point':
      return keys.point;
    case 'MultiPoint':
      return keys.multiPoint;
    case 'LineString':
      return keys.lineString;
    case 'Polygon': {
      const rings = geometry.coordinates as Position[][];
      return rings.length === 1 && closedInAllDimensions(rings[0]) ? keys.simplePolygon : null;
    }
    default:
      return null;
  }
}

const SKELETON_KEYS = {
  withProperties: {
    none: 'p|none',
    null: 'p|null',
    point: 'p|Point',
    multiPoint: 'p|MultiPoint',
    lineString: 'p|LineString',
    simplePolygon: 'p|Polygon'
  },
  without: {
    none: '-|none',
    null: '-|null',
    point: '-|Point',
    multiPoint: '-|MultiPoint',
    lineString: '-|LineString',
    simplePolygon: '-|Polygon'
  }
};

/** The library's verdict for each skeleton key (at most twelve keys, see SKELETON_KEYS). */
const findingsBySkeleton = new Map<string, string[]>();

/** geojson-validation's findings for a feature that passed our checks (see above). */
export function specFindings(feature: Record<string, unknown>): string[] {
  const key = skeletonKey(feature);
  const known = key === null ? undefined : findingsBySkeleton.get(key);
  if (known) return known;
  let findings: string[];
  try {
    findings = geojsonValidation.isFeature(specSkeleton(feature), true) as string[];
  } catch (error) {
    findings = [String(error)];
  }
  if (key !== null) findingsBySkeleton.set(key, findings);
  return findings;
}

/**
 * What geojson-validation needs to see of a feature that passed our checks (see above).
 * Exported for the test that holds the library's verdict on it equal to its verdict on the
 * feature itself.
 */
export function specSkeleton(feature: Record<string, unknown>): Record<string, unknown> {
  const skeleton: Record<string, unknown> = {};
  if ('type' in feature) skeleton.type = feature.type;
  if ('bbox' in feature) skeleton.bbox = feature.bbox;
  if ('properties' in feature) skeleton.properties = feature.properties;
  if ('geometry' in feature) {
    const geometry = feature.geometry;
    skeleton.geometry =
      geometry === null ? null : geometrySkeleton(geometry as Record<string, unknown>);
  }
  return skeleton;
}
