#!/usr/bin/env node
/**
 * linghe-audit — measures the features of a GeoJSON file on the CGCS2000 ellipsoid (and Turf's
 * sphere) and compares them with a figure typed on the command line or with the figure the plan
 * states for the plan feature of the same `id` (geodata/layers/*.geojson).
 *
 * Exit status: 0 every compared figure is within tolerance (or nothing to compare); 1 at least one
 * is not; 2 the input is unusable (one line on stderr names file, feature and reason).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CrsError, gaussKrugerZone, parseCrs } from '../src/lib/geo/crs.js';
import {
  InputError,
  assertGeographic,
  chooseFigure,
  featuresOf,
  measureFeature,
  planFigure
} from '../src/lib/geo/measure-file.js';
import { isAreaUnit, isLengthUnit, parseMeasurement } from '../src/lib/geo/units.js';

/** @typedef {import('../src/lib/geo/measure-file.js').MeasuredFeature} MeasuredFeature */
/** @typedef {import('../src/lib/geo/measure-file.js').FigureToCompare} FigureToCompare */

const PACKAGE_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_LAYERS = join(PACKAGE_ROOT, 'geodata', 'layers');

const USAGE = `用法 usage: linghe-audit <file.geojson> [--crs <crs>] [--figure <value><unit>] [--tolerance <pct>] [--json] [--layers <dir>]

  <file>              GeoJSON: FeatureCollection, Feature or bare geometry
  --crs <crs>         wgs84 (default), cgcs2000, gcj02, bd09, EPSG:4513–4554 (CGCS2000 3° Gauss-Krüger;
                      凌河区: EPSG:4528 = zone 40 with prefix, EPSG:4549 = CM 120°E without)
  --figure <figure>   compare every feature with this figure: 835亩, 6.9平方公里, 55.7公顷, 100万平方米,
                      7.5公里, 1800米, 6.9km2, 55ha, 7.5km, 1800m
                      (default: the figure of the plan feature with the same id in --layers)
  --tolerance <pct>   allowed difference in percent (default 1)
  --json              print one JSON object per feature instead of the table
  --layers <dir>      plan layers to take figures from (default: geodata/layers of this package)

退出码 exit: 0 within tolerance or nothing to compare · 1 a figure outside tolerance · 2 unusable input`;

class UsageError extends Error {}

/** @param {string} message */
function fail(message) {
  // One line, whatever the message (Node's own parse errors span several).
  process.stderr.write(`linghe-audit: 错误 error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @param {string[]} argv
 */
function readOptions(argv) {
  /** @type {ReturnType<typeof parseArgs<{ options: { crs: { type: 'string' }, figure: { type: 'string' }, tolerance: { type: 'string' }, json: { type: 'boolean' }, layers: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true }>>} */
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        crs: { type: 'string' },
        figure: { type: 'string' },
        tolerance: { type: 'string' },
        json: { type: 'boolean' },
        layers: { type: 'string' },
        help: { type: 'boolean', short: 'h' }
      },
      allowPositionals: true
    });
  } catch (error) {
    throw new UsageError(`${messageOf(error)} (linghe-audit --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? '缺少文件 missing <file> (linghe-audit --help)'
        : `只接受一个文件 expected one <file>, got ${positionals.length}: ${positionals.join(' ')}`
    );
  }

  let crs = parseCrs('wgs84');
  if (values.crs !== undefined) {
    try {
      crs = parseCrs(values.crs);
    } catch (error) {
      throw new UsageError(`--crs: ${messageOf(error)}`);
    }
  }

  /** @type {FigureToCompare | null} */
  let figure = null;
  if (values.figure !== undefined) {
    try {
      const measurement = parseMeasurement(values.figure);
      figure = {
        text: values.figure,
        value: measurement.value,
        unit: measurement.unit,
        quantity: measurement.quantity,
        source: 'argument'
      };
    } catch (error) {
      throw new UsageError(`--figure: ${messageOf(error)}`);
    }
  }

  let tolerancePct = 1;
  if (values.tolerance !== undefined) {
    const text = values.tolerance.trim().replace(/%$/, '');
    tolerancePct = Number(text);
    if (text === '' || !Number.isFinite(tolerancePct) || tolerancePct < 0 || tolerancePct > 100) {
      throw new UsageError(
        `--tolerance: 容差无效 invalid tolerance "${values.tolerance}": a percentage from 0 to 100, e.g. 1 or 2.5`
      );
    }
  }

  return {
    file: positionals[0],
    crs,
    figure,
    tolerancePct,
    json: values.json === true,
    layers: values.layers === undefined ? DEFAULT_LAYERS : resolve(values.layers)
  };
}

/**
 * Parsed JSON of a file, or an error naming it.
 * @param {string} file
 * @param {string} label how messages name the file
 */
function readJson(file, label) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ENOENT') throw new InputError(`${label}: 文件不存在 file not found`);
    if (code === 'EISDIR')
      throw new InputError(`${label}: 是目录而非文件 is a directory, not a file`);
    throw new InputError(`${label}: 无法读取 cannot read: ${messageOf(error)}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${label}: 不是有效的 JSON not valid JSON: ${messageOf(error)}`);
  }
}

/**
 * The figures of every plan feature, by id, from the layer files in `directory`.
 * @param {string} directory
 * @returns {Map<string, FigureToCompare[]>}
 */
function readPlanFigures(directory) {
  /** @type {Map<string, FigureToCompare[]>} */
  const byId = new Map();
  let files;
  try {
    files = readdirSync(directory).filter((name) => name.endsWith('.geojson'));
  } catch {
    return byId;
  }
  for (const name of files.sort()) {
    const label = join(directory, name);
    const layer = readJson(label, `规划图层 plan layer ${label}`);
    const features = Array.isArray(layer?.features) ? layer.features : [];
    for (const feature of features) {
      const id = feature?.properties?.id;
      const figures = feature?.properties?.figures;
      if (typeof id !== 'string' || !Array.isArray(figures)) continue;
      figures.forEach((figure, index) => {
        const unitFits =
          figure?.quantity === 'area' ? isAreaUnit(figure?.unit) : isLengthUnit(figure?.unit);
        if (!(typeof figure?.value === 'number' && figure.value > 0) || !unitFits) {
          throw new InputError(
            `规划图层 plan layer ${label}: feature "${id}", figures[${index}] is not a positive ` +
              `value with an ${figure?.quantity === 'area' ? 'area' : 'length'} unit: ` +
              JSON.stringify(figure)
          );
        }
      });
      byId.set(id, figures.map(planFigure));
    }
  }
  return byId;
}

/**
 * How many terminal columns a string takes (CJK and full-width characters take two).
 * @param {string} text
 */
function displayWidth(text) {
  let width = 0;
  for (const character of text) {
    const code = /** @type {number} */ (character.codePointAt(0));
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * @param {string} text
 * @param {number} width
 */
function truncate(text, width) {
  if (displayWidth(text) <= width) return text;
  let result = '';
  for (const character of text) {
    if (displayWidth(`${result}${character}…`) > width) break;
    result += character;
  }
  return `${result}…`;
}

/**
 * @param {string} text
 * @param {number} width
 * @param {'left' | 'right'} align
 */
function pad(text, width, align) {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

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

/** @type {Record<MeasuredFeature['status'], string>} */
const STATUS_LABELS = {
  within: '✓ 相符 within',
  outside: '✗ 超出 outside',
  'no-figure': '· 无数字 no figure',
  'not-areal': '? 非面状 not areal',
  'not-linear': '? 非线状 not linear',
  'no-geometry': '? 无几何 no geometry'
};

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
 * @param {MeasuredFeature[]} rows
 * @param {{ file: string, crs: string, tolerancePct: number }} context
 */
function printTable(rows, context) {
  const projected =
    gaussKrugerZone(/** @type {import('../src/lib/geo/crs.js').Crs} */ (context.crs)) !== null;
  /** @type {{ title: string, align: 'left' | 'right', cell: (row: MeasuredFeature) => string }[]} */
  const columns = [
    { title: '#', align: 'right', cell: (row) => String(row.index) },
    { title: '名称 Name', align: 'left', cell: (row) => truncate(row.name ?? '—', 24) },
    { title: '编号 id', align: 'left', cell: (row) => truncate(row.id ?? '—', 28) },
    {
      title: '椭球 Ellipsoid',
      align: 'right',
      cell: (row) => measure(row.ellipsoidM2, row.lengthM)
    },
    { title: 'Turf', align: 'right', cell: (row) => measure(row.turfM2, row.turfLengthM) },
    ...(projected
      ? [
          {
            title: '平面 Planar',
            align: /** @type {const} */ ('right'),
            cell: (/** @type {MeasuredFeature} */ row) => measure(row.planarM2, null)
          }
        ]
      : []),
    { title: '亩 mu', align: 'right', cell: (row) => fixed(row.mu, 2) },
    { title: '公顷 ha', align: 'right', cell: (row) => fixed(row.hectares, 2) },
    { title: '平方公里 km²', align: 'right', cell: (row) => fixed(row.km2, 4) },
    {
      title: '规划 Figure',
      align: 'left',
      cell: (row) =>
        row.figure
          ? `${row.figure.text}${row.figure.paragraphId ? ` (${row.figure.paragraphId})` : ''}`
          : '—'
    },
    {
      title: '偏差 Δ',
      align: 'right',
      cell: (row) => {
        if (row.deltaPct === null) return '—';
        const rounded = row.deltaPct.toFixed(2);
        if (Number(rounded) === 0) return '0.00%';
        return `${row.deltaPct > 0 ? '+' : ''}${rounded}%`;
      }
    },
    { title: '结论 Status', align: 'left', cell: (row) => STATUS_LABELS[row.status] }
  ];
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

  const lines = [
    `linghe-audit — ${context.file}`,
    `坐标系 CRS: ${context.crs} · 容差 tolerance: ±${context.tolerancePct}% · ` +
      '椭球 ellipsoid: CGCS2000 (国土调查椭球面积) · Turf: sphere R = 6 371 008.8 m',
    '',
    render(columns.map((column) => column.title)),
    ...cells.map(render),
    ''
  ];
  const count = (/** @type {MeasuredFeature['status']} */ status) =>
    rows.filter((row) => row.status === status).length;
  const unmatched = rows.length - count('within') - count('outside') - count('no-figure');
  lines.push(
    `合计 summary: ${rows.length} feature(s) · ${count('within')} within · ${count('outside')} outside · ` +
      `${count('no-figure')} without figure${unmatched ? ` · ${unmatched} not measurable for its figure` : ''}`
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function main() {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  /** @type {MeasuredFeature[]} */
  let rows;
  try {
    const features = featuresOf(readJson(options.file, options.file));
    assertGeographic(features, options.crs);
    const planFigures = options.figure ? new Map() : readPlanFigures(options.layers);
    rows = features.map((input) => {
      const id = input.feature.properties?.id ?? input.feature.id;
      const figure =
        options.figure ??
        chooseFigure(input.feature.geometry, planFigures.get(String(id ?? '')) ?? []);
      return measureFeature(input, options.crs, figure, options.tolerancePct);
    });
  } catch (error) {
    if (error instanceof InputError || error instanceof CrsError) {
      // Messages about the input file get its name in front; those about a plan layer name theirs.
      const named = error.message.startsWith(options.file) || error.message.startsWith('规划图层');
      const message = named ? error.message : `${options.file}: ${error.message}`;
      return fail(message);
    }
    throw error;
  }

  if (options.figure && !rows.some((row) => row.status === 'within' || row.status === 'outside')) {
    const needs = options.figure.quantity === 'area' ? 'a polygon' : 'a line';
    return fail(
      `${options.file}: --figure ${options.figure.text} 无可比较的要素 needs ${needs}, but no feature ` +
        `of the file is one (${[...new Set(rows.map((row) => row.geometryType ?? 'null'))].join(', ')})`
    );
  }

  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    printTable(rows, options);
  }
  process.exitCode = rows.some((row) => row.status === 'outside') ? 1 : 0;
}

try {
  main();
} catch (error) {
  // A bug, not bad input: still one line, no stack trace.
  process.stderr.write(`linghe-audit: 内部错误 internal error: ${messageOf(error)}\n`);
  process.exit(2);
}
