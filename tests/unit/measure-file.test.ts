/**
 * The CLI's measuring of one feature (src/lib/geo/measure-file.js), in-process: what
 * `linghe-audit --json` prints per row (tests/unit/cli.test.ts runs the command itself).
 */
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, turfArea } from '$lib/geo/area.js';
import { fromWgs84ToGaussKruger, planarArea } from '$lib/geo/crs.js';
import { geodesicLength, geodesicPerimeter, turfLength } from '$lib/geo/length.js';
import {
  InputError,
  chooseFigure,
  compareWithFigure,
  describeFeature,
  figureInBaseUnits,
  idOf,
  measureFeature,
  planFigure,
  type FigureToCompare
} from '$lib/geo/measure-file.js';

const SQUARE: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [121.2, 41.1],
      [121.21, 41.1],
      [121.21, 41.11],
      [121.2, 41.11],
      [121.2, 41.1]
    ]
  ]
};
const LINE: Geometry = {
  type: 'LineString',
  coordinates: [
    [121.2, 41.1],
    [121.23, 41.11]
  ]
};
const POINT: Geometry = { type: 'Point', coordinates: [121.2, 41.1] };
const AREA_M2 = ellipsoidalArea(SQUARE);
const LENGTH_M = geodesicLength(LINE);

function input(geometry: Geometry | null, properties: Record<string, unknown> = {}, index = 1) {
  const feature: Feature<Geometry | null> = { type: 'Feature', geometry, properties };
  return { index, feature };
}

function figure(value: number, unit: FigureToCompare['unit']): FigureToCompare {
  const quantity = ['米', '公里'].includes(unit) ? 'length' : 'area';
  return { text: `${value}${unit}`, value, unit, quantity, source: 'argument' };
}

describe('measureFeature', () => {
  it('measures an area on the ellipsoid and in 亩, 公顷 and km², with Turf beside it', () => {
    const row = measureFeature(input(SQUARE, { name: '地块', id: 'a' }, 3), 'wgs84', null, 1);
    expect(row).toMatchObject({
      index: 3,
      name: '地块',
      id: 'a',
      geometryType: 'Polygon',
      crs: 'wgs84',
      lengthM: null,
      turfLengthM: null,
      planarM2: null,
      figure: null,
      figureM2: null,
      figureM: null,
      deltaPct: null,
      status: 'no-figure'
    });
    expect(row.ellipsoidM2).toBe(AREA_M2);
    expect(row.turfM2).toBe(turfArea(SQUARE));
    expect(row.mu).toBeCloseTo(AREA_M2 / (10000 / 15), 9);
    expect(row.hectares).toBeCloseTo(AREA_M2 / 1e4, 9);
    expect(row.km2).toBeCloseTo(AREA_M2 / 1e6, 12);
    expect(row.perimeterM).toBe(geodesicPerimeter(SQUARE));
  });

  it('measures a line along the geodesic, with no area', () => {
    const row = measureFeature(input(LINE), 'wgs84', null, 1);
    expect(row.lengthM).toBe(LENGTH_M);
    expect(row.turfLengthM).toBe(turfLength(LINE));
    for (const key of ['ellipsoidM2', 'turfM2', 'mu', 'hectares', 'km2', 'perimeterM'] as const) {
      expect(row[key]).toBeNull();
    }
  });

  it('compares with an area figure: within, outside, and at the edge of the tolerance', () => {
    const stated = figure(Math.round(AREA_M2 / (10000 / 15)), '亩');
    const within = measureFeature(input(SQUARE), 'wgs84', stated, 1);
    expect(within.status).toBe('within');
    expect(within.figureM2).toBeCloseTo(stated.value * (10000 / 15), 6);
    expect(within.figureM).toBeNull();
    expect(within.deltaPct).toBeCloseTo(((AREA_M2 - within.figureM2!) / within.figureM2!) * 100, 9);
    const far = figure(1000, '亩');
    const outside = measureFeature(input(SQUARE), 'wgs84', far, 1);
    expect(outside.status).toBe('outside');
    expect(outside.deltaPct).toBeCloseTo((AREA_M2 / (1000 * (10000 / 15)) - 1) * 100, 9);
    const above = measureFeature(input(SQUARE), 'wgs84', figure(2000, '亩'), 1);
    expect(above.status).toBe('outside');
    expect(above.deltaPct).toBeLessThan(0);
    // Exactly 1 % larger than the figure, with a tolerance of 1 %: within.
    const edge: FigureToCompare = { ...figure(1, '平方米'), value: AREA_M2 / 1.01 };
    expect(measureFeature(input(SQUARE), 'wgs84', edge, 1).status).toBe('within');
    expect(measureFeature(input(SQUARE), 'wgs84', edge, 0.99).status).toBe('outside');
  });

  it('compares with a length figure', () => {
    const stated = figure(Math.round(LENGTH_M), '米');
    const row = measureFeature(input(LINE), 'wgs84', stated, 1);
    expect(row).toMatchObject({ status: 'within', figureM: stated.value, figureM2: null });
    expect(row.deltaPct).toBeCloseTo(((LENGTH_M - stated.value) / stated.value) * 100, 9);
    expect(measureFeature(input(LINE), 'wgs84', figure(1, '公里'), 1).status).toBe('outside');
  });

  it('says why a figure cannot be compared', () => {
    const area = figure(835, '亩');
    const length = figure(1800, '米');
    expect(measureFeature(input(LINE), 'wgs84', area, 1).status).toBe('not-areal');
    expect(measureFeature(input(POINT), 'wgs84', area, 1).status).toBe('not-areal');
    expect(measureFeature(input(SQUARE), 'wgs84', length, 1).status).toBe('not-linear');
    const none = measureFeature(input(null), 'wgs84', area, 1);
    expect(none).toMatchObject({ status: 'no-geometry', geometryType: null, deltaPct: null });
    expect(none.figureM2).toBeCloseTo(835 * (10000 / 15), 6);
  });

  it('measures a GeometryCollection by its polygons, as the audit page does', () => {
    const collection: Geometry = { type: 'GeometryCollection', geometries: [POINT, SQUARE, LINE] };
    const row = measureFeature(input(collection), 'wgs84', figure(1399, '亩'), 1);
    expect(row.ellipsoidM2).toBeCloseTo(AREA_M2, 6);
    expect(row.lengthM).toBeCloseTo(LENGTH_M, 6);
    expect(row.status).toBe('within');
  });

  it('adds the planar area for projected input', () => {
    const row = measureFeature(input(SQUARE), 'EPSG:4549', null, 1);
    expect(row.planarM2).toBeCloseTo(planarArea(fromWgs84ToGaussKruger(SQUARE, 'EPSG:4549')), 3);
    expect(row.planarM2! / AREA_M2).toBeGreaterThan(1.0001);
    expect(measureFeature(input(LINE), 'EPSG:4549', null, 1).planarM2).toBeNull();
  });
});

describe('a figure against a measure', () => {
  it('puts a figure in m² or m by its quantity, and neither when the unit does not fit', () => {
    expect(figureInBaseUnits(figure(2, '公顷'))).toEqual({ figureM2: 20_000, figureM: null });
    expect(figureInBaseUnits(figure(1.5, '公里'))).toEqual({ figureM2: null, figureM: 1500 });
    const mismatched: FigureToCompare = { ...figure(3, '米'), quantity: 'area' };
    expect(figureInBaseUnits(mismatched)).toEqual({ figureM2: null, figureM: null });
    expect(figureInBaseUnits(null)).toEqual({ figureM2: null, figureM: null });
  });

  it('compares within the tolerance, or says why it cannot', () => {
    const exact = figure(AREA_M2, '平方米');
    expect(compareWithFigure(SQUARE, exact, AREA_M2, 1)).toEqual({ deltaPct: 0, status: 'within' });
    const off = compareWithFigure(SQUARE, exact, AREA_M2 * 0.9, 1);
    expect(off.status).toBe('outside');
    expect(off.deltaPct).toBeCloseTo(100 / 9, 6);
    expect(compareWithFigure(SQUARE, null, null, 1)).toEqual({
      deltaPct: null,
      status: 'no-figure'
    });
    expect(compareWithFigure(null, exact, AREA_M2, 1).status).toBe('no-geometry');
    expect(compareWithFigure(LINE, exact, AREA_M2, 1).status).toBe('not-areal');
    expect(compareWithFigure(SQUARE, figure(5, '米'), 5, 1).status).toBe('not-linear');
    // A figure whose unit does not fit its quantity has no base value: nothing to compare.
    expect(compareWithFigure(SQUARE, exact, null, 1)).toEqual({
      deltaPct: null,
      status: 'no-figure'
    });
  });
});

describe('figures of plan features', () => {
  const planArea = {
    value: 835,
    unit: '亩' as const,
    quantity: 'area' as const,
    paragraphId: 'c5s1p4',
    quote: '占地835亩'
  };
  const planLength = {
    value: 1.8,
    unit: '公里' as const,
    quantity: 'length' as const,
    paragraphId: 'c6p1'
  };

  it('keeps where the plan states it', () => {
    expect(planFigure(planArea)).toEqual({
      text: '835亩',
      value: 835,
      unit: '亩',
      quantity: 'area',
      source: 'plan',
      paragraphId: 'c5s1p4',
      quote: '占地835亩'
    });
    expect(planFigure(planLength)).toEqual({
      text: '1.8公里',
      value: 1.8,
      unit: '公里',
      quantity: 'length',
      source: 'plan',
      paragraphId: 'c6p1'
    });
  });

  it('chooses the figure the geometry can measure, else the first', () => {
    const figures = [planFigure(planLength), planFigure(planArea)];
    expect(chooseFigure(SQUARE, figures)?.quantity).toBe('area');
    expect(chooseFigure(LINE, figures)?.quantity).toBe('length');
    expect(chooseFigure(LINE, [...figures].reverse())?.quantity).toBe('length');
    expect(chooseFigure(SQUARE, [...figures].reverse())?.quantity).toBe('area');
    expect(chooseFigure(POINT, figures)).toBe(figures[0]);
    expect(chooseFigure(null, [planFigure(planArea)])?.quantity).toBe('area');
    expect(chooseFigure(SQUARE, [])).toBeNull();
  });
});

describe('naming features', () => {
  it('matches by properties.id, else the feature id', () => {
    expect(idOf({ type: 'Feature', geometry: null, properties: { id: 'p' }, id: 'f' })).toBe('p');
    expect(idOf({ type: 'Feature', geometry: null, properties: {}, id: 7 })).toBe('7');
    expect(idOf({ type: 'Feature', geometry: null, properties: { id: { x: 1 } } })).toBeNull();
    expect(idOf({ type: 'Feature', geometry: null, properties: null })).toBeNull();
  });

  it('describes a feature by number, name and id', () => {
    expect(describeFeature(input(null, { name: '紫荆', id: 'zijing' }, 2))).toBe(
      '要素 feature #2 "紫荆" (zijing)'
    );
    expect(describeFeature(input(null, { DKMC: '地块' }, 1))).toBe('要素 feature #1 "地块"');
    expect(describeFeature(input(null, { name: 'same', id: 'same' }, 4))).toBe(
      '要素 feature #4 "same"'
    );
    expect(describeFeature(input(null, {}, 5))).toBe('要素 feature #5');
  });

  it('has an error type for unusable plan layers and arguments', () => {
    const error = new InputError('x');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InputError');
    expect(error.message).toBe('x');
  });
});
