import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, turfArea } from '$lib/geo/area.js';
import {
  TOLERANCE_SLACK,
  canMeasure,
  deltaPercent,
  isAreal,
  isLinear,
  measureFor,
  withinTolerance
} from '$lib/geo/audit-rules.js';
import { NAME_KEYS, featureName, isNameValue, nameKeyOf } from '$lib/geo/feature-name.js';
import { geodesicLength, turfLength } from '$lib/geo/length.js';
import { canBeBoundary, labelKeyOf } from '$lib/storage/user-layers';
import { escapeControls, terminalJson } from '../../src/cli/terminal.js';

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
const collection = (...geometries: Geometry[]): Geometry => ({
  type: 'GeometryCollection',
  geometries
});

describe('isAreal / isLinear', () => {
  it('answers for every geometry type', () => {
    const multiPolygon: Geometry = { type: 'MultiPolygon', coordinates: [SQUARE.coordinates] };
    const multiLine: Geometry = { type: 'MultiLineString', coordinates: [LINE.coordinates] };
    const multiPoint: Geometry = { type: 'MultiPoint', coordinates: [POINT.coordinates] };
    const cases: [Geometry | null, boolean, boolean][] = [
      [SQUARE, true, false],
      [multiPolygon, true, false],
      [LINE, false, true],
      [multiLine, false, true],
      [POINT, false, false],
      [multiPoint, false, false],
      [null, false, false],
      [collection(), false, false],
      [collection(POINT), false, false],
      [collection(POINT, SQUARE), true, false],
      [collection(LINE, POINT), false, true],
      [collection(SQUARE, LINE), true, true],
      [collection(collection(POINT), collection(SQUARE)), true, false],
      [collection(collection(LINE)), false, true]
    ];
    for (const [geometry, areal, linear] of cases) {
      expect([isAreal(geometry), isLinear(geometry)], JSON.stringify(geometry)).toEqual([
        areal,
        linear
      ]);
      expect(canMeasure(geometry, 'area')).toBe(areal);
      expect(canMeasure(geometry, 'length')).toBe(linear);
      // A boundary is what has an area, on the map as in the audit.
      expect(canBeBoundary(geometry)).toBe(areal);
    }
  });
});

describe('measureFor', () => {
  it('measures areas and lengths on the ellipsoid with Turf beside it', () => {
    expect(measureFor(SQUARE, 'area')).toEqual({
      ellipsoidal: ellipsoidalArea(SQUARE),
      turf: turfArea(SQUARE)
    });
    expect(measureFor(LINE, 'length')).toEqual({
      ellipsoidal: geodesicLength(LINE),
      turf: turfLength(LINE)
    });
    expect(measureFor(SQUARE, 'area')?.ellipsoidal).toBeCloseTo(932_886.8, 0);
  });

  it('gives null when the geometry cannot measure the quantity', () => {
    expect(measureFor(SQUARE, 'length')).toBeNull();
    expect(measureFor(LINE, 'area')).toBeNull();
    expect(measureFor(POINT, 'area')).toBeNull();
    expect(measureFor(null, 'area')).toBeNull();
    expect(measureFor(undefined, 'length')).toBeNull();
  });

  it('measures a GeometryCollection by its polygons (areas) or its lines (lengths)', () => {
    const mixed = collection(POINT, SQUARE, LINE);
    expect(measureFor(mixed, 'area')?.ellipsoidal).toBeCloseTo(ellipsoidalArea(SQUARE), 6);
    expect(measureFor(mixed, 'length')?.ellipsoidal).toBeCloseTo(geodesicLength(LINE), 6);
    expect(measureFor(collection(SQUARE, SQUARE), 'area')?.ellipsoidal).toBeCloseTo(
      2 * ellipsoidalArea(SQUARE),
      6
    );
  });
});

describe('deltaPercent and withinTolerance', () => {
  it('is (measured − stated) / stated in percent', () => {
    expect(deltaPercent(110, 100)).toBeCloseTo(10, 12);
    expect(deltaPercent(90, 100)).toBeCloseTo(-10, 12);
    expect(deltaPercent(100, 100)).toBe(0);
    expect(deltaPercent(50, 200)).toBe(-75);
  });

  it('includes a difference exactly at the tolerance, on both sides, despite rounding', () => {
    expect(deltaPercent(1.01, 1)).toBeGreaterThan(1); // 1.0000000000000009
    expect(withinTolerance(deltaPercent(1.01, 1), 1)).toBe(true);
    expect(withinTolerance(deltaPercent(1.1, 1), 10)).toBe(true); // 10.000000000000009
    expect(withinTolerance(deltaPercent(0.99, 1), 1)).toBe(true);
    expect(withinTolerance(1, 1)).toBe(true);
    expect(withinTolerance(-1, 1)).toBe(true);
    expect(withinTolerance(0, 0)).toBe(true);
  });

  it('excludes anything beyond the slack', () => {
    expect(withinTolerance(1.000001, 1)).toBe(false);
    expect(withinTolerance(-1.000001, 1)).toBe(false);
    expect(withinTolerance(1 + 1e-9, 1)).toBe(false);
    expect(withinTolerance(1e-9, 0)).toBe(false);
    expect(withinTolerance(2.5, 2.4)).toBe(false);
    expect(TOLERANCE_SLACK).toBeLessThan(1e-9);
    expect(TOLERANCE_SLACK).toBeGreaterThan(0);
  });
});

describe('feature names', () => {
  it('takes the first name-like key with text or a number, DKMC and XMMC included', () => {
    expect(featureName({ name: '紫荆' })).toBe('紫荆');
    expect(featureName({ DKMC: '地块一', XMMC: '项目' })).toBe('地块一');
    expect(featureName({ XMMC: '项目' })).toBe('项目');
    expect(featureName({ 名称: '公园', DKMC: '地块' })).toBe('公园');
    expect(featureName({ NAME: 12 })).toBe('12');
    expect(featureName({ name: '  ', Name: '第二' })).toBe('第二');
    expect(featureName({ name: null, label: 'x' })).toBe('x');
    expect(featureName({ name: Number.NaN })).toBeNull();
    expect(featureName({ other: 'x' })).toBeNull();
    expect(featureName(null)).toBeNull();
    expect(nameKeyOf({ title: 't' })).toBe('title');
    expect(NAME_KEYS).toEqual(['name', 'Name', 'NAME', '名称', 'title', 'label', 'DKMC', 'XMMC']);
  });

  it('labels a layer by the same rule', () => {
    const features = [{ DKMC: 'a' }, { DKMC: 'b' }, { name: '' }].map((properties) => ({
      type: 'Feature' as const,
      geometry: null,
      properties
    }));
    expect(labelKeyOf(features)).toBe('DKMC');
    expect(isNameValue('')).toBe(false);
    expect(isNameValue(0)).toBe(true);
    expect(isNameValue(Infinity)).toBe(false);
    expect(isNameValue({})).toBe(false);
  });
});

describe('terminal text', () => {
  it('escapes every control character a file could use against the terminal', () => {
    expect(escapeControls('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(escapeControls('ok\r✓ OK')).toBe('ok\\r✓ OK');
    expect(escapeControls('x\ny\tz')).toBe('x\\ny\\tz');
    expect(escapeControls('\u0000\u0007\u007f\u009b')).toBe('\\x00\\x07\\x7f\\x9b');
    expect(escapeControls('\u202eabc\u2066\u2028')).toBe('\\u202eabc\\u2066\\u2028');
    expect(escapeControls('紫荆产业园 № 1 — ok')).toBe('紫荆产业园 № 1 — ok');
  });

  it('writes JSON that parses to the same value with no raw control left', () => {
    const value = { name: '\u001b]0;x\u0007\u009b2J\u202e', n: 1 };
    const text = terminalJson(value);
    expect(JSON.parse(text)).toEqual(value);
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
