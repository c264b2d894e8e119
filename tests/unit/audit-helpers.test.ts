import { describe, expect, it } from 'vitest';
import { chartPanels, niceCeiling } from '$lib/plan/audit-chart';
import {
  firstRowOfFeature,
  groupDigits,
  inPlanUnit,
  inSi,
  signedPercent,
  signedSi
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
