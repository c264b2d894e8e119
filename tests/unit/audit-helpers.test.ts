import { describe, expect, it } from 'vitest';
import { chartPanels, niceCeiling } from '$lib/plan/audit-chart';
import {
  firstRowOfFeature,
  groupDigits,
  inPlanUnit,
  inSi,
  signedInPlanUnit,
  signedPercent,
  signedSi,
  statedFigure
} from '$lib/plan/audit-format';
import { parseTolerance } from '$lib/plan/audit-tolerance';
import type { AuditRow } from '$lib/plan/figure-audit';
import { REASONS } from '$lib/plan/figure-audit';

function row(overrides: Partial<AuditRow>): AuditRow {
  return {
    key: 'c5s1p4@1:f',
    paragraphId: 'c5s1p4',
    quote: 'q',
    value: 835,
    unit: '亩',
    quantity: 'area',
    statedSi: 835 * (10000 / 15),
    siUnit: 'm²',
    featureId: 'f',
    featureName: '松凌园',
    accuracy: 'schematic',
    measuredEllipsoidal: 556000,
    measuredTurf: 555300,
    delta: -667,
    deltaPct: -0.12,
    turfVsEllipsoidalPct: -0.13,
    status: 'by-construction',
    reason: REASONS['drawn-to-size'],
    ...overrides
  };
}

describe('parseTolerance', () => {
  it('accepts percentages from 0 to 100', () => {
    expect(parseTolerance('2.5', 'x', 'x')).toEqual({ ok: true, value: 2.5 });
    expect(parseTolerance(' 0 ', 'x', 'x')).toEqual({ ok: true, value: 0 });
    expect(parseTolerance('100', 'x', 'x')).toEqual({ ok: true, value: 100 });
    expect(parseTolerance('100.01', 'x', 'x').ok).toBe(false);
    expect(parseTolerance('-0.01', 'x', 'x').ok).toBe(false);
    expect(parseTolerance('  ', 'x', 'x').ok).toBe(false);
  });

  it('rejects junk with a message naming the input, in both languages', () => {
    for (const bad of ['', 'abc', '-1', '101', 'Infinity']) {
      const result = parseTolerance(bad, '网址参数 tol', 'URL parameter tol');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.zh).toContain('网址参数 tol');
        expect(result.message.en).toContain('URL parameter tol');
        expect(result.message.en).toContain(`"${bad}"`);
      }
    }
  });
});

describe('audit number formatting', () => {
  it('groups digits and keeps the sign', () => {
    expect(groupDigits(774000)).toBe('774,000');
    expect(groupDigits(-1234567.6)).toBe('-1,234,568');
    expect(groupDigits(12)).toBe('12');
  });

  it('writes measures in the plan unit and in SI', () => {
    const r = row({});
    expect(inPlanUnit(r, 774000)).toContain('1161');
    expect(inPlanUnit(r, 774000)).toContain('亩');
    expect(inPlanUnit(r, null)).toBe('—');
    expect(inSi(r, 774000)).toBe('774,000 m²');
    expect(signedSi(r, -96.4)).toBe('−96 m²');
    expect(signedSi(r, 25_100)).toBe('+25,100 m²');
    expect(signedSi(r, 0.2)).toBe('±0 m²');
  });

  it('signs percentages with a real minus and never shows −0.00%', () => {
    expect(signedPercent(1.234)).toBe('+1.23%');
    expect(signedPercent(-0.5)).toBe('−0.50%');
    expect(signedPercent(-0.001)).toBe('±0.00%');
    expect(signedPercent(null)).toBe('—');
  });
});

describe('chartPanels', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect(niceCeiling(6.9)).toBe(10);
    expect(niceCeiling(0.774)).toBe(1);
    expect(niceCeiling(1.5)).toBe(2);
    expect(niceCeiling(2)).toBe(2);
    expect(niceCeiling(0.031)).toBe(0.05);
  });

  it('draws only measured rows, areas and lengths in separate panels', () => {
    const panels = chartPanels([
      row({ key: 'a', statedSi: 6.9e6, measuredEllipsoidal: 6.95e6, deltaPct: 0.72 }),
      row({ key: 'b' }),
      row({ key: 'n', measuredEllipsoidal: null, deltaPct: null, status: 'not-auditable' }),
      row({
        key: 'l',
        quantity: 'length',
        unit: '公里',
        siUnit: 'm',
        statedSi: 7500,
        measuredEllipsoidal: 7400,
        deltaPct: -1.33
      })
    ]);
    expect(panels.map((p) => [p.quantity, p.unit, p.axisMax, p.bars.length])).toEqual([
      ['area', 'km²', 10, 2],
      ['length', 'km', 10, 1]
    ]);
    const [first] = panels[0].bars;
    expect(first.stated).toBeCloseTo(6.9, 9);
    expect(first.statedFraction).toBeCloseTo(0.69, 9);
    expect(first.measuredFraction).toBeCloseTo(0.695, 9);
    expect(panels[0].ticks).toEqual([0, 2.5, 5, 7.5, 10]);
    for (const bar of panels.flatMap((p) => p.bars)) {
      expect(bar.statedFraction).toBeLessThanOrEqual(1);
      expect(bar.measuredFraction).toBeLessThanOrEqual(1);
    }
  });

  it('draws nothing when nothing was measured', () => {
    expect(chartPanels([row({ measuredEllipsoidal: null, deltaPct: null })])).toEqual([]);
  });
});

describe('firstRowOfFeature', () => {
  it('names each feature’s first row, and no row without a feature', () => {
    const first = firstRowOfFeature([
      { key: 'c1@1', featureId: null },
      { key: 'c1@2:a', featureId: 'a' },
      { key: 'c1@3:b', featureId: 'b' },
      { key: 'c1@4:a', featureId: 'a' }
    ]);
    expect([...first]).toEqual([
      ['a', 'c1@2:a'],
      ['b', 'c1@3:b']
    ]);
  });
});

describe('the audit chart and numbers, exactly (from the surviving mutants)', () => {
  it('ends the axis on the smallest 1-2-5 at or above the value', () => {
    for (const [value, ceiling] of [
      [1, 1],
      [2, 2],
      [3, 5],
      [5, 5],
      [11, 20],
      [0.5, 0.5],
      [0.06, 0.1]
    ]) {
      expect(niceCeiling(value), String(value)).toBeCloseTo(ceiling, 12);
    }
    for (const nothing of [0, -5, Number.NaN]) expect(niceCeiling(nothing)).toBe(1);
  });

  it('draws only measured rows with a difference, in km² from 10⁵ m² and km from 1 km', () => {
    const rows = [
      row({ key: 'a', statedSi: 1e5, measuredEllipsoidal: 9e4 }),
      row({ key: 'unmeasured', measuredEllipsoidal: null }),
      row({ key: 'no-delta', deltaPct: null }),
      row({
        key: 'short',
        quantity: 'length',
        unit: '米',
        siUnit: 'm',
        statedSi: 999,
        measuredEllipsoidal: 998
      })
    ];
    const [area, length] = chartPanels(rows);
    expect(area.bars.map((bar) => bar.key)).toEqual(['a']);
    expect(area.unit).toBe('km²');
    expect(length.unit).toBe('m');
    expect(chartPanels([row({ statedSi: 99_999, measuredEllipsoidal: 99_000 })])[0].unit).toBe(
      'm²'
    );
    const km = chartPanels([
      row({
        quantity: 'length',
        unit: '公里',
        siUnit: 'm',
        statedSi: 1000,
        measuredEllipsoidal: 990
      })
    ]);
    expect(km[0].unit).toBe('km');
  });

  it('labels a bar by name, else id, else nothing, and states its figure in both languages', () => {
    const labels = chartPanels([
      row({ key: 'n', featureName: '松凌园', featureId: 'f' }),
      row({ key: 'i', featureName: null, featureId: 'f' }),
      row({ key: 'x', featureName: null, featureId: null })
    ])[0].bars.map((bar) => bar.label);
    expect(labels).toEqual(['松凌园', 'f', '']);
    const [bar] = chartPanels([row({})])[0].bars;
    expect(bar.figure).toEqual({ zh: '835亩', en: '835 mu' });
    expect(statedFigure({ value: 6.9, unit: '平方公里' })).toBe('6.9平方公里');
    expect(statedFigure({ value: 6.9, unit: '平方公里' }, true)).toBe('6.9 km²');
  });

  it('signs differences with a real minus, and ± for none', () => {
    const mu = { unit: '亩' as const };
    expect(signedInPlanUnit(mu, 1.2 * (10000 / 15))).toBe('+1.2亩');
    expect(signedInPlanUnit(mu, -0.4 * (10000 / 15))).toBe('−0.4亩');
    expect(signedInPlanUnit(mu, 0)).toBe('±0亩');
    expect(signedInPlanUnit(mu, null)).toBe('—');
    expect(signedInPlanUnit(mu, -0.4 * (10000 / 15), true)).toBe('−0.4 mu');
    expect(inSi({ siUnit: 'm²' }, null)).toBe('—');
    expect(inSi({ siUnit: 'm²' }, 774000)).toBe('774,000 m²');
    expect(signedSi({ siUnit: 'm²' }, null)).toBe('—');
    expect(signedPercent(0.004)).toBe('±0.00%');
    expect(signedPercent(-1.2)).toBe('−1.20%');
    expect(signedPercent(0.13)).toBe('+0.13%');
    expect(inPlanUnit({ unit: '米' }, 1234.5, 5, true)).toMatch(/^1,?234\.5 m$/);
  });
});
