/**
 * What `linghe-audit` prints: the table for people and the CSV for spreadsheets, from the measured
 * rows (src/lib/geo/measure-file.js). Every text taken from the file goes through
 * `escapeControls` (terminal.js) here, once, before it is laid out.
 */
import { gaussKrugerZone } from '../lib/geo/crs.js';
import { displayWidth, escapeControls, pad, truncate } from './terminal.js';

/** @typedef {import('../lib/geo/measure-file.js').MeasuredFeature} MeasuredFeature */
/** @typedef {import('../lib/geo/crs.js').Crs} Crs */

/** @type {Record<MeasuredFeature['status'], string>} */
export const STATUS_LABELS = {
  within: '✓ 相符 within',
  outside: '✗ 超出 outside',
  'no-figure': '· 无数字 no figure',
  'not-areal': '? 非面状 not areal',
  'not-linear': '? 非线状 not linear',
  'no-geometry': '? 无几何 no geometry'
};

const grouped = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1
});

/**
 * @param {number | null} value
 * @param {number} digits
 */
function fixed(value, digits) {
  return value === null ? '—' : value.toFixed(digits);
}

/**
 * The measurement of a row for the table: an area in m², else a length in m.
 * @param {number | null} squareMetres
 * @param {number | null} metres
 */
function measure(squareMetres, metres) {
  if (squareMetres !== null) return `${grouped.format(squareMetres)} m²`;
  if (metres !== null) return `${grouped.format(metres)} m`;
  return '—';
}

/**
 * The figure a row was compared with, as the table shows it: `835亩 (c5s1p4)`.
 * @param {MeasuredFeature} row
 */
function figureText(row) {
  if (!row.figure) return '—';
  const paragraph = row.figure.paragraphId ? ` (${row.figure.paragraphId})` : '';
  return escapeControls(`${row.figure.text}${paragraph}`);
}

/** @param {number | null} deltaPct */
function deltaText(deltaPct) {
  if (deltaPct === null) return '—';
  const rounded = deltaPct.toFixed(2);
  if (Number(rounded) === 0) return '0.00%';
  return `${deltaPct > 0 ? '+' : ''}${rounded}%`;
}

/**
 * @typedef {object} Column
 * @property {string} title
 * @property {'left' | 'right'} align
 * @property {(row: MeasuredFeature) => string} cell
 */

/**
 * @param {boolean} projected
 * @returns {Column[]}
 */
function tableColumns(projected) {
  /** @type {Column[]} */
  const planar = projected
    ? [{ title: '平面 Planar', align: 'right', cell: (row) => measure(row.planarM2, null) }]
    : [];
  return [
    { title: '#', align: 'right', cell: (row) => String(row.index) },
    {
      title: '名称 Name',
      align: 'left',
      cell: (row) => truncate(escapeControls(row.name ?? '—'), 24)
    },
    { title: '编号 id', align: 'left', cell: (row) => truncate(escapeControls(row.id ?? '—'), 28) },
    {
      title: '椭球 Ellipsoid',
      align: 'right',
      cell: (row) => measure(row.ellipsoidM2, row.lengthM)
    },
    { title: 'Turf', align: 'right', cell: (row) => measure(row.turfM2, row.turfLengthM) },
    ...planar,
    { title: '亩 mu', align: 'right', cell: (row) => fixed(row.mu, 2) },
    { title: '公顷 ha', align: 'right', cell: (row) => fixed(row.hectares, 2) },
    { title: '平方公里 km²', align: 'right', cell: (row) => fixed(row.km2, 4) },
    { title: '规划 Figure', align: 'left', cell: figureText },
    { title: '偏差 Δ', align: 'right', cell: (row) => deltaText(row.deltaPct) },
    { title: '结论 Status', align: 'left', cell: (row) => STATUS_LABELS[row.status] }
  ];
}

/**
 * The table of measured rows, with a heading and a summary line.
 * @param {MeasuredFeature[]} rows
 * @param {{ file: string, crs: Crs, tolerancePct: number }} context
 * @returns {string} lines ending in a line feed
 */
export function formatTable(rows, context) {
  const columns = tableColumns(gaussKrugerZone(context.crs) !== null);
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.title), ...cells.map((line) => displayWidth(line[i])))
  );
  /** @param {string[]} line */
  const render = (line) =>
    line
      .map((text, i) => pad(text, widths[i], columns[i].align))
      .join('  ')
      .trimEnd();
  const count = (/** @type {MeasuredFeature['status']} */ status) =>
    rows.filter((row) => row.status === status).length;
  const unmatched = rows.length - count('within') - count('outside') - count('no-figure');
  const lines = [
    `linghe-audit — ${escapeControls(context.file)}`,
    `坐标系 CRS: ${context.crs} · 容差 tolerance: ±${context.tolerancePct}% · ` +
      '椭球 ellipsoid: CGCS2000 (国土调查椭球面积) · Turf: sphere R = 6 371 008.8 m',
    '',
    render(columns.map((column) => column.title)),
    ...cells.map(render),
    '',
    `合计 summary: ${rows.length} feature(s) · ${count('within')} within · ${count('outside')} outside · ` +
      `${count('no-figure')} without figure${unmatched ? ` · ${unmatched} not measurable for its figure` : ''}`
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * A number for the CSV: rounded, never in exponent notation, empty when absent.
 * @param {number | null} value
 * @param {number} digits
 */
function csvNumber(value, digits) {
  if (value === null) return '';
  const rounded = Number(value.toFixed(digits));
  return Object.is(rounded, -0) ? '0' : rounded.toString();
}

/**
 * The CSV columns: Chinese header with the English in parentheses, and how to fill a cell.
 * @param {(text: string | null) => string} text the export's text-cell rule (csv.ts `csvText`)
 * @returns {[string, (row: MeasuredFeature) => string][]}
 */
function csvColumns(text) {
  /** @param {string | null} value */
  const safe = (value) => text(value === null ? null : escapeControls(value));
  return [
    ['序号 (index)', (r) => String(r.index)],
    ['名称 (name)', (r) => safe(r.name)],
    ['编号 (id)', (r) => safe(r.id)],
    ['几何类型 (geometry type)', (r) => r.geometryType ?? ''],
    ['坐标系 (CRS)', (r) => r.crs],
    ['椭球面积 m² (ellipsoidal area)', (r) => csvNumber(r.ellipsoidM2, 3)],
    ['Turf 面积 m² (Turf area)', (r) => csvNumber(r.turfM2, 3)],
    ['平面面积 m² (planar area)', (r) => csvNumber(r.planarM2, 3)],
    ['亩 (mu)', (r) => csvNumber(r.mu, 4)],
    ['公顷 (ha)', (r) => csvNumber(r.hectares, 6)],
    ['平方公里 (km²)', (r) => csvNumber(r.km2, 8)],
    ['周长 m (perimeter)', (r) => csvNumber(r.perimeterM, 3)],
    ['长度 m (length)', (r) => csvNumber(r.lengthM, 3)],
    ['Turf 长度 m (Turf length)', (r) => csvNumber(r.turfLengthM, 3)],
    ['规划数字 (figure)', (r) => safe(r.figure?.text ?? null)],
    ['段落编号 (paragraph id)', (r) => safe(r.figure?.paragraphId ?? null)],
    ['规划数字 m² (figure, m²)', (r) => csvNumber(r.figureM2, 3)],
    ['规划数字 m (figure, m)', (r) => csvNumber(r.figureM, 3)],
    ['偏差% (Δ%)', (r) => csvNumber(r.deltaPct, 4)],
    ['结论 (status)', (r) => r.status]
  ];
}

/**
 * The rows as CSV: UTF-8 with a byte-order mark, CRLF, one line per input feature.
 * @param {MeasuredFeature[]} rows
 * @param {{ csvTable: (header: readonly string[], rows: readonly (readonly string[])[]) => string, csvText: (value: string | null) => string }} csv
 * @returns {string}
 */
export function formatCsv(rows, csv) {
  const columns = csvColumns(csv.csvText);
  return csv.csvTable(
    columns.map(([header]) => header),
    rows.map((row) => columns.map(([, cell]) => cell(row)))
  );
}
