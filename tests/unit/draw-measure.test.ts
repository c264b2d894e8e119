import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { measureDrawing, measurementText } from '../../src/lib/draw/measure';

// 0.01° × 0.01° at 41.1°N, the example of src/lib/geo/area.js: ≈ 932 886.80 m².
const square: Position[] = [
  [121.2, 41.1],
  [121.21, 41.1],
  [121.21, 41.11],
  [121.2, 41.11],
  [121.2, 41.1]
];
const polygon = (ring: Position[]): Polygon => ({ type: 'Polygon', coordinates: [ring] });

describe('measureDrawing', () => {
  it('gives a polygon’s ellipsoidal area in 亩, 公顷 and 平方公里', () => {
    const measured = measureDrawing(polygon(square));
    expect(measured).toMatchObject({
      quantity: 'area',
      mu: '1399亩',
      hectares: '93.3公顷',
      squareKilometres: '0.933平方公里'
    });
    expect(measured?.quantity === 'area' && measured.squareMetres).toBeCloseTo(932_886.8, 0);
  });

  it('gives the same positive area whichever way the user clicked the ring', () => {
    const clockwise = [...square].reverse();
    const measured = measureDrawing(polygon(clockwise));
    expect(measured?.quantity === 'area' && measured.squareMetres).toBeCloseTo(932_886.8, 0);
  });

  it('measures a polygon still being drawn (two clicks: no area yet)', () => {
    const twoClicks = polygon([
      [121.2, 41.1],
      [121.21, 41.1],
      [121.21, 41.1],
      [121.2, 41.1]
    ]);
    expect(measureDrawing(twoClicks)).toMatchObject({ quantity: 'area', mu: '0亩' });
  });

  it('gives a line’s geodesic length in 米 and 公里', () => {
    const measured = measureDrawing({
      type: 'LineString',
      coordinates: [
        [121.2, 41.1],
        [121.21, 41.1]
      ]
    });
    expect(measured).toMatchObject({
      quantity: 'length',
      inMetres: '840米',
      inKilometres: '0.84公里'
    });
    expect(measured?.quantity === 'length' && measured.metres).toBeCloseTo(840.079, 2);
  });

  it('measures long lines on the CGCS2000 ellipsoid, not a sphere', () => {
    const measured = measureDrawing({
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 0]
      ]
    });
    // One degree of the equator: 111 319.49 m on the ellipsoid (111 195 m on Turf's sphere).
    expect(measured?.quantity === 'length' && measured.metres).toBeCloseTo(111_319.49, 1);
    expect(measured).toMatchObject({ inMetres: '111319米', inKilometres: '111公里' });
  });

  it('has nothing to say about points, empty input and one-point lines', () => {
    expect(measureDrawing({ type: 'Point', coordinates: [121.2, 41.1] })).toBeNull();
    expect(measureDrawing(null)).toBeNull();
    expect(measureDrawing({ type: 'LineString', coordinates: [[121.2, 41.1]] })).toBeNull();
  });
});

describe('measurementText', () => {
  it('writes an area in all three units and a length in both', () => {
    expect(measurementText(measureDrawing(polygon(square))!)).toEqual({
      zh: '1399亩 · 93.3公顷 · 0.933平方公里',
      en: '1399 mu · 93.3 ha · 0.933 km²'
    });
    const line = measureDrawing({
      type: 'LineString',
      coordinates: [
        [121.2, 41.1],
        [121.21, 41.1],
        [121.21, 41.11]
      ]
    })!;
    expect(measurementText(line).zh).toMatch(/^19\d\d米 · 1\.9\d公里$/);
    expect(measurementText(line).en).toMatch(/^19\d\d m · 1\.9\d km$/);
  });
});
