/**
 * How the audit page writes its numbers: measures in the unit the plan used (so 835亩 is
 * compared with 834.9亩, not with m²), with the SI value beside it.
 */
import { LATIN_UNIT_SYMBOLS, formatArea, formatLength, isAreaUnit } from '$lib/geo/units.js';
import type { AuditRow } from './figure-audit';

/** `774000` → `774,000`; rounds to whole units. */
export function groupDigits(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An SI measure in the row's plan unit with five significant digits, enough to show a 0.1 %
 * difference: `834.89亩`, `6.9049平方公里` (`834.89 mu` with `latin`, for English); `—` when absent.
 */
export function inPlanUnit(
  row: Pick<AuditRow, 'unit'>,
  si: number | null,
  significantDigits = 5,
  latin = false
): string {
  if (si === null) return '—';
  return isAreaUnit(row.unit)
    ? formatArea(si, row.unit, { significantDigits, latin })
    : formatLength(si, row.unit, { significantDigits, latin });
}

/** The figure as the plan states it, `835亩`, or with the Latin symbol for English, `835 mu`. */
export function statedFigure(row: Pick<AuditRow, 'value' | 'unit'>, latin = false): string {
  return latin ? `${row.value} ${LATIN_UNIT_SYMBOLS[row.unit]}` : `${row.value}${row.unit}`;
}

/** The SI value with its unit, e.g. `774,000 m²`; `—` when absent. */
export function inSi(row: Pick<AuditRow, 'siUnit'>, si: number | null): string {
  return si === null ? '—' : `${groupDigits(si)} ${row.siUnit}`;
}

/** A signed difference in the plan unit, e.g. `+1.2亩` or `−0.4亩` (`−0.4 mu` with `latin`). */
export function signedInPlanUnit(
  row: Pick<AuditRow, 'unit'>,
  delta: number | null,
  latin = false
): string {
  if (delta === null) return '—';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return sign + inPlanUnit(row, Math.abs(delta), 3, latin);
}

/** A signed difference in SI with a real minus, e.g. `+25 m²`, `−96 m²`; `—` when absent. */
export function signedSi(row: Pick<AuditRow, 'siUnit'>, delta: number | null): string {
  if (delta === null) return '—';
  const rounded = Math.round(delta);
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return `${sign}${groupDigits(Math.abs(rounded))} ${row.siUnit}`;
}

/** A signed percentage with two decimals, e.g. `+0.13%`, `−1.20%`; `—` when absent. */
export function signedPercent(pct: number | null, digits = 2): string {
  if (pct === null) return '—';
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return `±${text}%`;
  return (pct > 0 ? '+' : '−') + text + '%';
}

/**
 * The key of each feature's first audit row, for the row anchors `#feature-<id>`.
 * @example firstRowOfFeature([{ key: 'c5s1p4@1:a', featureId: 'a' }]).get('a') // 'c5s1p4@1:a'
 */
export function firstRowOfFeature(
  rows: readonly { key: string; featureId: string | null }[]
): Map<string, string> {
  const first = new Map<string, string>();
  for (const row of rows) {
    if (row.featureId && !first.has(row.featureId)) first.set(row.featureId, row.key);
  }
  return first;
}
