/**
 * Layout of the audit chart, without the DOM: which rows are drawn, on what linear scale, and
 * each bar's length as a fraction of the axis. Areas and lengths get separate panels because
 * they cannot share an axis.
 */
import type { Bilingual } from '$lib/i18n/types';
import { statedFigure } from './audit-format';
import type { AuditRow } from './figure-audit';

export interface ChartBar {
  key: string;
  paragraphId: string;
  /** The feature's name, e.g. `紫荆产业园`. */
  label: string;
  /** The figure as the plan writes it, `6.9平方公里`, and in English, `6.9 km²`. */
  figure: Bilingual;
  /** Stated and ellipsoidal measure in the panel's unit. */
  stated: number;
  measured: number;
  /** Bar lengths as fractions (0–1) of the axis. */
  statedFraction: number;
  measuredFraction: number;
  deltaPct: number;
  status: AuditRow['status'];
}

export interface ChartPanel {
  quantity: 'area' | 'length';
  /** Axis unit: areas in km² (m² when all are small), lengths in km (m when all are short). */
  unit: 'km²' | 'm²' | 'km' | 'm';
  /** Axis end in `unit`, a round number ≥ every bar. */
  axisMax: number;
  /** Gridline values in `unit`, from 0 to axisMax. */
  ticks: number[];
  bars: ChartBar[];
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above a value, so the axis ends on a round number. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Panels for every row that has a measure; an empty list when nothing was measured. */
export function chartPanels(rows: readonly AuditRow[]): ChartPanel[] {
  const panels: ChartPanel[] = [];
  for (const quantity of ['area', 'length'] as const) {
    const measured = rows.filter(
      (row) =>
        row.quantity === quantity && row.measuredEllipsoidal !== null && row.deltaPct !== null
    );
    if (measured.length === 0) continue;
    const largestSi = Math.max(...measured.flatMap((r) => [r.statedSi, r.measuredEllipsoidal!]));
    const big = quantity === 'area' ? largestSi >= 1e5 : largestSi >= 1000;
    const divisor = big ? (quantity === 'area' ? 1e6 : 1000) : 1;
    const unit = quantity === 'area' ? (big ? 'km²' : 'm²') : big ? 'km' : 'm';
    const axisMax = niceCeiling(largestSi / divisor);
    panels.push({
      quantity,
      unit,
      axisMax,
      ticks: [0, 0.25, 0.5, 0.75, 1].map((f) => Number((f * axisMax).toPrecision(6))),
      bars: measured.map((row) => {
        const stated = row.statedSi / divisor;
        const value = row.measuredEllipsoidal! / divisor;
        return {
          key: row.key,
          paragraphId: row.paragraphId,
          label: row.featureName ?? row.featureId ?? '',
          figure: { zh: statedFigure(row), en: statedFigure(row, true) },
          stated,
          measured: value,
          statedFraction: stated / axisMax,
          measuredFraction: value / axisMax,
          deltaPct: row.deltaPct!,
          status: row.status
        };
      })
    });
  }
  return panels;
}
