import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FigureUnit } from '$lib/layers/types';
import {
  AREA_UNITS,
  LENGTH_UNITS,
  SQUARE_METRES_PER_MU,
  formatArea,
  formatAreaAll,
  areaTexts,
  lengthTexts,
  formatLength,
  formatPlanNumber,
  fromMetres,
  fromSquareMetres,
  isAreaUnit,
  isLengthUnit,
  parseMeasurement,
  toMetres,
  toSquareMetres,
  type PlanUnit
} from '$lib/geo/units.js';

describe('units', () => {
  it('covers exactly the plan’s FigureUnit union', () => {
    expectTypeOf<PlanUnit>().toEqualTypeOf<FigureUnit>();
    expect([...AREA_UNITS, ...LENGTH_UNITS].sort()).toEqual(
      ['亩', '平方公里', '平方米', '万平方米', '公顷', '公里', '米'].sort()
    );
    expect(isAreaUnit('亩')).toBe(true);
    expect(isAreaUnit('米')).toBe(false);
    expect(isLengthUnit('公里')).toBe(true);
    expect(isLengthUnit('toString')).toBe(false);
  });

  it('converts plan units to SI', () => {
    expect(SQUARE_METRES_PER_MU).toBeCloseTo(666.6667, 4);
    expect(toSquareMetres(15, '亩')).toBeCloseTo(10_000, 9);
    expect(toSquareMetres(835, '亩')).toBeCloseTo(556_666.667, 3);
    expect(toSquareMetres(6.9, '平方公里')).toBeCloseTo(6_900_000, 6);
    expect(toSquareMetres(100, '万平方米')).toBe(1_000_000);
    expect(toSquareMetres(55.7, '公顷')).toBeCloseTo(557_000, 6);
    expect(toSquareMetres(13, '平方米')).toBe(13);
    expect(toMetres(7.5, '公里')).toBe(7500);
    expect(toMetres(1800, '米')).toBe(1800);
  });

  it('converts SI back to plan units', () => {
    expect(fromSquareMetres(10_000, '亩')).toBeCloseTo(15, 12);
    expect(fromSquareMetres(1_000_000, '公顷')).toBe(100);
    expect(fromSquareMetres(1_000_000, '平方公里')).toBe(1);
    expect(fromMetres(1800, '公里')).toBe(1.8);
    for (const unit of AREA_UNITS)
      expect(fromSquareMetres(toSquareMetres(3.7, unit), unit)).toBeCloseTo(3.7, 12);
  });

  it('refuses a unit of the wrong quantity with a clear message', () => {
    // @ts-expect-error: 公里 is a length unit
    expect(() => toSquareMetres(1, '公里')).toThrow(/not an area unit: "公里"/);
    // @ts-expect-error: 亩 is an area unit
    expect(() => toMetres(1, '亩')).toThrow(/not a length unit: "亩"/);
  });
});

describe('formatting the way the plan writes figures', () => {
  it('reproduces the plan’s own figures', () => {
    expect(formatArea(toSquareMetres(835, '亩'), '亩')).toBe('835亩');
    expect(formatArea(toSquareMetres(1161, '亩'), '亩')).toBe('1161亩');
    expect(formatArea(6_900_000, '平方公里')).toBe('6.9平方公里');
    expect(formatArea(557_000, '公顷')).toBe('55.7公顷');
    expect(formatArea(1_000_000, '万平方米')).toBe('100万平方米');
    expect(formatLength(7500, '公里')).toBe('7.5公里');
    expect(formatLength(1800, '米')).toBe('1800米');
  });

  it('rounds to three significant digits below 1000 and to whole units above', () => {
    expect(formatPlanNumber(834.6)).toBe('835');
    expect(formatPlanNumber(6.904)).toBe('6.9');
    expect(formatPlanNumber(6.948)).toBe('6.95');
    expect(formatPlanNumber(99.96)).toBe('100');
    expect(formatPlanNumber(12_345.6)).toBe('12346');
    expect(formatPlanNumber(0.000_123_4)).toBe('0.000123');
    expect(formatPlanNumber(-0.000_01)).toBe('-0.00001');
    expect(formatPlanNumber(0)).toBe('0');
    expect(formatPlanNumber(1.23456, { significantDigits: 5 })).toBe('1.2346');
    expect(() => formatPlanNumber(Number.NaN)).toThrow(/not a finite number/);
  });

  it('chooses a natural unit when none is given', () => {
    expect(formatArea(6_904_000)).toBe('6.9平方公里');
    expect(formatArea(556_667)).toBe('835亩');
    expect(formatArea(500)).toBe('500平方米');
    expect(formatLength(7512)).toBe('7.51公里');
    expect(formatLength(950)).toBe('950米');
  });

  it('gives the 亩 / 公顷 / 平方公里 triple for popups', () => {
    expect(formatAreaAll(556_667)).toEqual({
      mu: '835亩',
      hectares: '55.7公顷',
      squareKilometres: '0.557平方公里'
    });
  });

  it('writes the Latin symbols for English text, in both spellings on one line', () => {
    expect(formatArea(556_667, '亩', { latin: true })).toBe('835 mu');
    expect(formatLength(7512, undefined, { latin: true })).toBe('7.51 km');
    expect(formatLength(950, undefined, { latin: true })).toBe('950 m');
    expect(areaTexts(556_667)).toEqual({
      zh: '835亩 · 55.7公顷 · 0.557平方公里',
      en: '835 mu · 55.7 ha · 0.557 km²'
    });
    expect(lengthTexts(7512)).toEqual({ zh: '7.51公里', en: '7.51 km' });
    expect(lengthTexts(1800, '米')).toEqual({ zh: '1800米', en: '1800 m' });
  });
});

describe('parseMeasurement', () => {
  it.each([
    ['835亩', 835, '亩', 'area', 556_666.667],
    ['6.9平方公里', 6.9, '平方公里', 'area', 6_900_000],
    ['100万平方米', 100, '万平方米', 'area', 1_000_000],
    ['55.7公顷', 55.7, '公顷', 'area', 557_000],
    ['7.5公里', 7.5, '公里', 'length', 7500],
    ['1800米', 1800, '米', 'length', 1800],
    ['835mu', 835, '亩', 'area', 556_666.667],
    ['6.9km2', 6.9, '平方公里', 'area', 6_900_000],
    ['6.9 km²', 6.9, '平方公里', 'area', 6_900_000],
    ['6.9平方千米', 6.9, '平方公里', 'area', 6_900_000],
    ['55ha', 55, '公顷', 'area', 550_000],
    ['13m2', 13, '平方米', 'area', 13],
    ['7.5km', 7.5, '公里', 'length', 7500],
    ['7.5千米', 7.5, '公里', 'length', 7500],
    ['1800m', 1800, '米', 'length', 1800],
    ['1,800米', 1800, '米', 'length', 1800],
    ['７.５公里', 7.5, '公里', 'length', 7500]
  ] as const)('reads %s', (text, value, unit, quantity, base) => {
    const measurement = parseMeasurement(text);
    expect(measurement).toMatchObject({ value, unit, quantity });
    expect(measurement.base).toBeCloseTo(base, 3);
  });

  it.each(['abc', '835', '亩', '-5亩', '5 acres', '1.2.3亩', '', '6.9km3'])(
    'rejects %j naming it and the accepted forms',
    (text) => {
      expect(() => parseMeasurement(text)).toThrow(new RegExp(`"${text.replace('.', '\\.')}"`));
      expect(() => parseMeasurement(text)).toThrow(/835亩/);
    }
  );

  it('rejects zero', () => {
    expect(() => parseMeasurement('0亩')).toThrow(/must be positive/);
  });
});

describe('boundaries, signs and spellings', () => {
  it('switches to the larger unit exactly at 1 亩, 1 km² and 1 km, whatever the sign', () => {
    expect(formatArea(1_000_000)).toBe('1平方公里');
    expect(formatArea(999_999)).toBe('1500亩');
    expect(formatArea(SQUARE_METRES_PER_MU)).toBe('1亩');
    expect(formatArea(666)).toBe('666平方米');
    expect(formatArea(-2_000_000)).toBe('-2平方公里');
    expect(formatArea(-1000)).toBe('-1.5亩');
    expect(formatLength(1000)).toBe('1公里');
    expect(formatLength(999)).toBe('999米');
    expect(formatLength(-1500)).toBe('-1.5公里');
  });

  it('rounds large negative numbers to whole units too, and never writes -0', () => {
    expect(formatPlanNumber(-1234.5)).toBe('-1235');
    expect(formatPlanNumber(-0)).toBe('0');
    expect(formatPlanNumber(-0.0004, { significantDigits: 1 })).toBe('-0.0004');
    expect(() => formatPlanNumber(Infinity)).toThrow('not a finite number: Infinity');
  });

  it('keeps one number format per digit count', () => {
    expect(formatPlanNumber(1.2345, { significantDigits: 2 })).toBe('1.2');
    expect(formatPlanNumber(1.2345)).toBe('1.23');
    expect(formatPlanNumber(1.2345, { significantDigits: 4 })).toBe('1.235');
    expect(formatPlanNumber(1.2345, { significantDigits: 2 })).toBe('1.2');
    expect(formatPlanNumber(123.4, { significantDigits: 2 })).toBe('123');
  });

  it('knows only its own unit names', () => {
    expect(isAreaUnit(5)).toBe(false);
    expect(isAreaUnit('hasOwnProperty')).toBe(false);
    expect(isLengthUnit(undefined)).toBe(false);
    expect(isLengthUnit('米')).toBe(true);
    // @ts-expect-error: not a unit
    expect(() => fromSquareMetres(1, 'acre')).toThrow(
      '不是面积单位 not an area unit: "acre" (use 亩, 平方公里, 平方米, 万平方米, 公顷)'
    );
    // @ts-expect-error: not a unit
    expect(() => fromMetres(1, 'mile')).toThrow(
      '不是长度单位 not a length unit: "mile" (use 公里, 米)'
    );
  });

  it.each([
    ['6.9sqkm', '平方公里', 6_900_000],
    ['6.9KM2', '平方公里', 6_900_000],
    ['55hm2', '公顷', 550_000],
    ['55 hm²', '公顷', 550_000],
    ['55 HA', '公顷', 550_000],
    [' 13 m² ', '平方米', 13],
    ['1，800米', '米', 1800],
    ['1\u3000800 米', '米', 1800]
  ] as const)('reads %j', (text, unit, base) => {
    const measurement = parseMeasurement(text);
    expect(measurement.unit).toBe(unit);
    expect(measurement.base).toBeCloseTo(base, 6);
  });

  it.each(['.5亩', '5.亩', '0.0亩', '亩5', '5亩亩'])('rejects %j', (text) => {
    expect(() => parseMeasurement(text)).toThrow(`"${text}"`);
  });
});
