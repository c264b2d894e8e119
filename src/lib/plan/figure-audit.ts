/**
 * The land-figure audit (issue #4): every figure the plan states, next to what the map's
 * geometry measures. Pure: features and tolerance come in, rows come out, so the page, the
 * exports and the tests all see the same numbers.
 *
 * Honesty rule: a schematic or derived shape is drawn at the plan's size, so agreeing with the
 * plan proves nothing. Only an imported or surveyed boundary can verify a figure.
 */
import { deltaPercent, measureFor, withinTolerance } from '$lib/geo/audit-rules.js';
import { isAreaUnit, isLengthUnit, toMetres, toSquareMetres } from '$lib/geo/units.js';
import type { Accuracy, FigureUnit, PlanFeature, PlanFigure } from '$lib/layers/types';
import { figureKey, type FoundFigure } from './figures';
import { csvDocument, csvNumber, csvText, type CsvColumn } from '$lib/csv';

export type AuditStatus =
  'verified' | 'by-construction' | 'mismatch' | 'no-geometry' | 'not-auditable';

export const AUDIT_STATUSES: readonly AuditStatus[] = [
  'verified',
  'by-construction',
  'mismatch',
  'no-geometry',
  'not-auditable'
];

export const STATUS_LABELS: Record<AuditStatus, { zh: string; en: string }> = {
  verified: { zh: '已核实', en: 'Verified' },
  'by-construction': { zh: '按规划绘制', en: 'By construction' },
  mismatch: { zh: '不符', en: 'Mismatch' },
  'no-geometry': { zh: '无几何', en: 'No geometry' },
  'not-auditable': { zh: '无法用图形核对', en: 'Not auditable' }
};

export type ReasonCode =
  | 'per-capita'
  | 'floor-area'
  | 'network-total'
  | 'cumulative-total'
  | 'no-feature'
  | 'no-geometry'
  | 'wrong-geometry'
  | 'within-tolerance'
  | 'drawn-to-size'
  | 'outside-tolerance'
  | 'schematic-off-size';

/** Why a row has its status, as a code for machines and a sentence in Chinese and English. */
export interface Reason {
  code: ReasonCode;
  zh: string;
  en: string;
}

export const REASONS: Record<ReasonCode, Reason> = {
  'per-capita': {
    code: 'per-capita',
    zh: '人均指标：每位居民摊到的面积，不是地图上任何一块地的大小',
    en: 'Per-capita ratio: area per resident, not the size of any place on the map'
  },
  'floor-area': {
    code: 'floor-area',
    zh: '建筑面积：许多楼房各层楼面之和，不是占地面积，地图无法测量',
    en: 'Floor area of buildings, summed over storeys and sites; not a land area a map can measure'
  },
  'network-total': {
    code: 'network-total',
    zh: '管网总长：分布在许多街巷，没有一条可测量的线',
    en: 'Total length of a network (pipes, cables) spread over many streets; no single line to measure'
  },
  'cumulative-total': {
    code: 'cumulative-total',
    zh: '累计数：许多分散地块的合计，不是一个地方的大小',
    en: 'A running total over many scattered sites, not the size of one place'
  },
  'no-feature': {
    code: 'no-feature',
    zh: '没有地图要素标注这一数字，无几何可测',
    en: 'No map feature carries this figure, so there is no geometry to measure'
  },
  'no-geometry': {
    code: 'no-geometry',
    zh: '要素位置未知，没有几何',
    en: 'The feature’s location is unknown; it has no geometry'
  },
  'wrong-geometry': {
    code: 'wrong-geometry',
    zh: '要素的几何类型无法测量这种量（面积需要多边形，长度需要线）',
    en: 'The feature’s geometry cannot measure this quantity (area needs a polygon, length a line)'
  },
  'within-tolerance': {
    code: 'within-tolerance',
    zh: '导入或测绘的边界，测量值在容差之内',
    en: 'An imported or surveyed boundary measures within tolerance'
  },
  'drawn-to-size': {
    code: 'drawn-to-size',
    zh: '示意或推定图形按规划数字绘制，吻合是必然的，不能证明任何事',
    en: 'A schematic or derived shape drawn at the plan’s size: it matches by construction and verifies nothing'
  },
  'outside-tolerance': {
    code: 'outside-tolerance',
    zh: '导入或测绘的边界与规划数字之差超出容差',
    en: 'An imported or surveyed boundary differs from the plan by more than the tolerance'
  },
  'schematic-off-size': {
    code: 'schematic-off-size',
    zh: '示意图形没有按规划数字绘制，差值超出容差',
    en: 'The schematic shape is not drawn at the plan’s size; it differs by more than the tolerance'
  }
};

/**
 * Words in a figure's clause that say the figure is not the size of one place. Checked in
 * order; the first that applies names the reason. `quantity` limits a rule to areas or lengths.
 */
const NOT_AUDITABLE_RULES: { pattern: RegExp; code: ReasonCode; quantity?: 'area' | 'length' }[] = [
  { pattern: /人均|户均|每人|每户/u, code: 'per-capita' },
  {
    pattern: /建筑面积|老旧小区|棚户区|楼宇|厂房|住宅|住房/u,
    code: 'floor-area',
    quantity: 'area'
  },
  { pattern: /管网|管线|管道|线路|电缆/u, code: 'network-total', quantity: 'length' },
  { pattern: /累计|共计|合计|总计/u, code: 'cumulative-total' }
];

/** Geometry accuracies that measure something real; the others are drawn from the plan's words. */
const VERIFYING_ACCURACIES: readonly Accuracy[] = ['imported', 'boundary'];

export type FigureClassification =
  | { kind: 'linked'; features: PlanFeature[] }
  | { kind: 'not-auditable'; reason: Reason }
  | { kind: 'unlinked'; reason: Reason };

/** True when the feature's own figures state this one (same paragraph, value and unit). */
export function featureStates(feature: PlanFeature, figure: PlanFigure): boolean {
  return feature.properties.figures.some(
    (own) =>
      own.paragraphId === figure.paragraphId &&
      own.value === figure.value &&
      own.unit === figure.unit
  );
}

/**
 * Links a figure to the features that state it; otherwise says why it cannot be audited.
 * @example classifyFigure({ …13平方米 in `人均道路面积达到13平方米` }, allFeatures).kind === 'not-auditable'
 */
export function classifyFigure(
  figure: FoundFigure,
  features: readonly PlanFeature[]
): FigureClassification {
  const linked = features.filter((feature) => featureStates(feature, figure));
  if (linked.length > 0) return { kind: 'linked', features: linked };
  const rule = NOT_AUDITABLE_RULES.find(
    (r) =>
      (r.quantity === undefined || r.quantity === figure.quantity) && r.pattern.test(figure.quote)
  );
  if (rule) return { kind: 'not-auditable', reason: REASONS[rule.code] };
  return { kind: 'unlinked', reason: REASONS['no-feature'] };
}

export interface AuditRow {
  /** `c5s1p4@112`: paragraph and offset of the figure; with featureId, unique per row. */
  key: string;
  paragraphId: string;
  quote: string;
  /** As the plan writes it: 835 and 亩. */
  value: number;
  unit: FigureUnit;
  quantity: 'area' | 'length';
  /** The stated figure in m² (areas) or m (lengths). */
  statedSi: number;
  siUnit: 'm²' | 'm';
  featureId: string | null;
  featureName: string | null;
  accuracy: Accuracy | null;
  /** m² on the CGCS2000 ellipsoid, or geodesic metres; null when nothing was measured. */
  measuredEllipsoidal: number | null;
  /** Turf's spherical figure, in the same unit. */
  measuredTurf: number | null;
  /** measuredEllipsoidal − statedSi, in m² or m. */
  delta: number | null;
  /** delta as a percentage of statedSi. */
  deltaPct: number | null;
  /** (measuredTurf − measuredEllipsoidal) / measuredEllipsoidal, in percent. */
  turfVsEllipsoidalPct: number | null;
  status: AuditStatus;
  reason: Reason;
}

/** The stated figure in SI units: m² for area units, m for length units. */
export function statedInSi(figure: Pick<PlanFigure, 'value' | 'unit'>): number {
  if (isAreaUnit(figure.unit)) return toSquareMetres(figure.value, figure.unit);
  if (isLengthUnit(figure.unit)) return toMetres(figure.value, figure.unit);
  throw new RangeError(`未知单位 unknown unit: "${String(figure.unit)}"`);
}

/** Throws a bilingual message unless the tolerance is a finite, non-negative percentage. */
export function checkTolerance(tolerancePct: number): void {
  if (!Number.isFinite(tolerancePct) || tolerancePct < 0) {
    throw new RangeError(
      `容差必须是不小于 0 的百分数，收到 ${String(tolerancePct)} / ` +
        `tolerance must be a percentage ≥ 0, got ${String(tolerancePct)}`
    );
  }
}

function statusOf(
  deltaPct: number,
  accuracy: Accuracy,
  tolerancePct: number
): { status: AuditStatus; reason: Reason } {
  const verifying = VERIFYING_ACCURACIES.includes(accuracy);
  if (withinTolerance(deltaPct, tolerancePct)) {
    return verifying
      ? { status: 'verified', reason: REASONS['within-tolerance'] }
      : { status: 'by-construction', reason: REASONS['drawn-to-size'] };
  }
  return {
    status: 'mismatch',
    reason: verifying ? REASONS['outside-tolerance'] : REASONS['schematic-off-size']
  };
}

function rowFor(
  figure: FoundFigure,
  feature: PlanFeature | null,
  tolerancePct: number,
  unlinkedReason: Reason
): AuditRow {
  const statedSi = statedInSi(figure);
  const row: AuditRow = {
    key: feature ? `${figureKey(figure)}:${feature.properties.id}` : figureKey(figure),
    paragraphId: figure.paragraphId,
    quote: figure.quote,
    value: figure.value,
    unit: figure.unit,
    quantity: figure.quantity,
    statedSi,
    siUnit: figure.quantity === 'area' ? 'm²' : 'm',
    featureId: feature?.properties.id ?? null,
    featureName: feature?.properties.name ?? null,
    accuracy: feature?.properties.accuracy ?? null,
    measuredEllipsoidal: null,
    measuredTurf: null,
    delta: null,
    deltaPct: null,
    turfVsEllipsoidalPct: null,
    status: unlinkedReason.code === 'no-feature' ? 'no-geometry' : 'not-auditable',
    reason: unlinkedReason
  };
  if (!feature) return row;
  if (!feature.geometry) return { ...row, status: 'no-geometry', reason: REASONS['no-geometry'] };
  const measured = measureFor(feature.geometry, figure.quantity);
  if (!measured) return { ...row, status: 'no-geometry', reason: REASONS['wrong-geometry'] };
  const delta = measured.ellipsoidal - statedSi;
  const deltaPct = deltaPercent(measured.ellipsoidal, statedSi);
  return {
    ...row,
    measuredEllipsoidal: measured.ellipsoidal,
    measuredTurf: measured.turf,
    delta,
    deltaPct,
    turfVsEllipsoidalPct:
      measured.ellipsoidal === 0
        ? null
        : ((measured.turf - measured.ellipsoidal) / measured.ellipsoidal) * 100,
    ...statusOf(deltaPct, feature.properties.accuracy, tolerancePct)
  };
}

/**
 * One row per found figure, or per (figure, feature) when several features state the figure.
 * @param tolerancePct how far, in percent of the stated figure, a measure may differ and still agree
 * @example auditRows(findFigures(plan), allFeatures, 1).find((r) => r.value === 835)?.status
 *   // 'by-construction' while the park is a schematic shape
 */
export function auditRows(
  figures: readonly FoundFigure[],
  features: readonly PlanFeature[],
  tolerancePct: number
): AuditRow[] {
  checkTolerance(tolerancePct);
  return figures.flatMap((figure) => {
    const classification = classifyFigure(figure, features);
    if (classification.kind === 'linked') {
      return classification.features.map((feature) =>
        rowFor(figure, feature, tolerancePct, REASONS['no-feature'])
      );
    }
    return [rowFor(figure, null, tolerancePct, classification.reason)];
  });
}

/** How many rows have each status. */
export function countByStatus(rows: readonly AuditRow[]): Record<AuditStatus, number> {
  const counts = Object.fromEntries(AUDIT_STATUSES.map((s) => [s, 0])) as Record<
    AuditStatus,
    number
  >;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/**
 * Figures that features claim but the plan text does not state (a typo in a layer file, or a
 * paragraph id that moved): the audit cannot check them, so the page lists them.
 */
export function unstatedFeatureFigures(
  figures: readonly FoundFigure[],
  features: readonly PlanFeature[]
): { featureId: string; figure: PlanFigure }[] {
  const stated = new Set(figures.map((f) => `${f.paragraphId}|${f.value}|${f.unit}`));
  return features.flatMap((feature) =>
    feature.properties.figures
      .filter((f) => !stated.has(`${f.paragraphId}|${f.value}|${f.unit}`))
      .map((figure) => ({ featureId: feature.properties.id, figure }))
  );
}

/** The CSV columns: Chinese header with the English in parentheses, and how to fill it. */
const CSV_COLUMNS: CsvColumn<AuditRow>[] = [
  ['段落编号 (paragraph id)', (r) => csvText(r.paragraphId)],
  ['规划原文 (plan quote)', (r) => csvText(r.quote)],
  ['规划数值 (stated value)', (r) => csvNumber(r.value, 6)],
  ['单位 (unit)', (r) => r.unit],
  ['量 (quantity)', (r) => r.quantity],
  ['规划数值换算 (stated, m² or m)', (r) => csvNumber(r.statedSi, 3)],
  ['换算单位 (SI unit)', (r) => r.siUnit],
  ['要素编号 (feature id)', (r) => csvText(r.featureId)],
  ['要素名称 (feature name)', (r) => csvText(r.featureName)],
  ['位置精度 (accuracy)', (r) => r.accuracy ?? ''],
  ['椭球面测量 (measured, ellipsoidal)', (r) => csvNumber(r.measuredEllipsoidal, 3)],
  ['Turf 测量 (measured, Turf)', (r) => csvNumber(r.measuredTurf, 3)],
  ['差值 (Δ, ellipsoidal − stated)', (r) => csvNumber(r.delta, 3)],
  ['差值百分比 (Δ%)', (r) => csvNumber(r.deltaPct, 4)],
  ['Turf 相对椭球面偏差% (Turf vs ellipsoidal %)', (r) => csvNumber(r.turfVsEllipsoidalPct, 4)],
  ['状态 (status)', (r) => r.status],
  ['说明代码 (reason code)', (r) => r.reason.code],
  ['说明 (reason, Chinese)', (r) => r.reason.zh],
  ['说明英文 (reason, English)', (r) => r.reason.en]
];

/** The rows as CSV for spreadsheets: UTF-8 byte-order mark (Excel needs it for Chinese), CRLF. */
export function rowsToCsv(rows: readonly AuditRow[]): string {
  return csvDocument(CSV_COLUMNS, rows);
}

/** The rows as pretty-printed JSON, numbers unrounded. */
export function rowsToJson(rows: readonly AuditRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}
