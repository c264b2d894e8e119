/**
 * User boundaries in the audit (issue #5): withAssignments swaps in the assigned geometry as
 * `imported`, so a plan figure can be verified or found to mismatch, and popups compare it with
 * the plan's figure.
 */
import { describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '$lib/geo/area.js';
import type { Assignment } from '$lib/storage/types';
import { assignmentSourceLabel, withAssignments } from '$lib/layers/assignments';
import { allFeatures, featureById } from '$lib/layers/catalog';
import { plan } from '$lib/plan';
import { auditRows } from '$lib/plan/figure-audit';
import { findFigures } from '$lib/plan/figures';

/** A square of about `km2` km² centred on (lon, lat). */
function square(lon: number, lat: number, km2: number): Polygon {
  const halfSide = (Math.sqrt(km2) * 1000) / 2;
  const dLat = halfSide / 111_132;
  const dLon = halfSide / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat]
      ]
    ]
  };
}

const ZIJING = 'zijing-industrial-park';

function assignment(geometry: Polygon, planFeatureId = ZIJING): Assignment {
  return {
    planFeatureId,
    source: { type: 'layer', layerId: 'l1', featureIndex: 0 },
    geometry,
    assignedAt: '2024-05-01T08:00:00.000Z'
  };
}

describe('withAssignments', () => {
  test('replaces the geometry, marks it imported and leaves the rest untouched', () => {
    const geometry = square(121.2, 41.15, 6.9);
    const result = withAssignments(allFeatures, [assignment(geometry)]);
    expect(result).toHaveLength(allFeatures.length);
    const zijing = result.find((f) => f.properties.id === ZIJING)!;
    expect(zijing.geometry).toBe(geometry);
    expect(zijing.properties.accuracy).toBe('imported');
    expect(zijing.properties.figures).toEqual(featureById(ZIJING)!.properties.figures);
    // The catalogue itself is not changed.
    expect(featureById(ZIJING)!.properties.accuracy).toBe('schematic');
    const others = result.filter((f) => f.properties.id !== ZIJING);
    expect(others.every((f) => allFeatures.includes(f))).toBe(true);
  });

  test('ignores assignments to unknown features and returns a copy without any', () => {
    const result = withAssignments(allFeatures, [assignment(square(121, 41, 1), 'no-such-id')]);
    expect(result.every((f, i) => f === allFeatures[i])).toBe(true);
    expect(withAssignments(allFeatures, [])).not.toBe(allFeatures);
  });

  test('the audit verifies a right-sized boundary and flags a wrong-sized one', () => {
    const figures = findFigures(plan);
    const rowOf = (geometry: Polygon) =>
      auditRows(figures, withAssignments(allFeatures, [assignment(geometry)]), 1).find(
        (row) => row.featureId === ZIJING
      )!;
    const before = auditRows(figures, allFeatures, 1).find((row) => row.featureId === ZIJING)!;
    expect(before.status).toBe('by-construction');

    const right = square(121.2, 41.15, 6.9);
    expect(Math.abs(ellipsoidalArea(right) / 6.9e6 - 1)).toBeLessThan(0.01);
    const verified = rowOf(right);
    expect(verified.status).toBe('verified');
    expect(verified.accuracy).toBe('imported');
    expect(verified.measuredEllipsoidal).toBeCloseTo(ellipsoidalArea(right), 3);

    const mismatch = rowOf(square(121.2, 41.15, 4));
    expect(mismatch.status).toBe('mismatch');
    expect(mismatch.reason.code).toBe('outside-tolerance');
  });
});

describe('assignmentSourceLabel', () => {
  test('says whether the boundary was imported or drawn', () => {
    expect(assignmentSourceLabel({ type: 'layer', layerId: 'x', featureIndex: 0 }).zh).toBe(
      '导入的边界'
    );
    expect(assignmentSourceLabel({ type: 'drawing', drawingId: 'd' })).toEqual({
      zh: '绘制的边界',
      en: 'Drawn boundary'
    });
  });
});

describe('describeUserBoundary', () => {
  test('measures the user boundary against the plan figure with the audit tolerance', async () => {
    const { describeUserBoundary } = await import('$lib/layers/feature-info');
    const zijing = featureById(ZIJING)!;
    const right = describeUserBoundary(zijing, assignment(square(121.2, 41.15, 6.9)));
    expect(right.source.zh).toBe('导入的边界');
    expect(right.measured?.quantity).toBe('area');
    expect(right.measured?.text).toMatch(/平方公里$/);
    expect(right.figures).toHaveLength(1);
    expect(right.figures[0].stated).toBe('6.9平方公里');
    expect(Math.abs(right.figures[0].deltaPct!)).toBeLessThan(1);
    expect(right.figures[0].withinTolerance).toBe(true);
    expect(right.figures[0].byConstruction).toBe(false);

    const wrong = describeUserBoundary(zijing, assignment(square(121.2, 41.15, 4)));
    expect(wrong.figures[0].deltaPct!).toBeLessThan(-40);
    expect(wrong.figures[0].withinTolerance).toBe(false);
  });
});
