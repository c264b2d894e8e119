#!/usr/bin/env node
/**
 * linghe-audit — measures the features of a boundary file (GeoJSON, KML, KMZ or zipped Shapefile,
 * read by the browser's own import: src/cli/engine.js) on the CGCS2000 ellipsoid (and Turf's
 * sphere) and compares them with a figure typed on the command line or with the figure the plan
 * states for the plan feature of the same `id` (geodata/layers/*.geojson), by the audit page's
 * rules (src/lib/geo/audit-rules.js).
 *
 * Exit status: 0 every compared figure is within tolerance (or nothing to compare); 1 at least one
 * is not; 2 the input is unusable (one line on stderr names file, feature and reason).
 * Text from the file reaches the terminal with its control characters escaped (terminal.js).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadEngine } from '../src/cli/engine.js';
import { formatCsv, formatTable } from '../src/cli/report.js';
import { escapeControls, terminalJson } from '../src/cli/terminal.js';
import { parseCrs } from '../src/lib/geo/crs.js';
import {
  InputError,
  chooseFigure,
  idOf,
  measureFeature,
  planFigure
} from '../src/lib/geo/measure-file.js';
import { featureName } from '../src/lib/geo/feature-name.js';
import { isAreaUnit, isLengthUnit, parseMeasurement } from '../src/lib/geo/units.js';

/** @typedef {import('../src/lib/geo/measure-file.js').MeasuredFeature} MeasuredFeature */
/** @typedef {import('../src/lib/geo/measure-file.js').FigureToCompare} FigureToCompare */
/** @typedef {import('../src/lib/geo/measure-file.js').InputFeature} InputFeature */
/** @typedef {import('../src/lib/geo/crs.js').Crs} Crs */
/** @typedef {import('../src/lib/import/types').ImportResult} ImportResult */
/** @typedef {import('../src/lib/import/types').BilingualMessage} BilingualMessage */

const PACKAGE_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_LAYERS = join(PACKAGE_ROOT, 'geodata', 'layers');

const USAGE = `用法 usage: linghe-audit <file> [--crs <crs>] [--figure <value><unit>] [--tolerance <pct>] [--json | --csv] [--layers <dir>]

  <file>              what the map imports: GeoJSON (.geojson, .json), KML, KMZ, or a zipped
                      Shapefile (.zip with .shp, .dbf, .prj, .cpg); attribute text decoded as the
                      map decodes it (.cpg, .dbf language byte, UTF-8, GBK)
  --crs <crs>         wgs84, cgcs2000, gcj02, bd09, EPSG:4513–4554 (CGCS2000 3° Gauss-Krüger;
                      凌河区: EPSG:4528 = zone 40 with prefix, EPSG:4549 = CM 120°E without)
                      (default: the file's own .prj or "crs", else WGS-84 when the numbers are degrees)
  --figure <figure>   compare every feature with this figure: 835亩, 6.9平方公里, 55.7公顷, 100万平方米,
                      7.5公里, 1800米, 6.9km2, 55ha, 7.5km, 1800m
                      (default: the figure of the plan feature with the same id in --layers)
  --tolerance <pct>   allowed difference in percent (default 1)
  --json              print one JSON object per feature instead of the table
  --csv               print the rows as CSV (UTF-8 with BOM, opens in Excel) instead of the table
  --layers <dir>      plan layers to take figures from (default: geodata/layers of this package)

退出码 exit: 0 within tolerance or nothing to compare · 1 a figure outside tolerance · 2 unusable input`;

class UsageError extends Error {}

/** @param {string} message */
function fail(message) {
  // One line, whatever the message (Node's own parse errors span several), controls escaped.
  const line = escapeControls(message.replace(/\s*\n\s*/g, ' '));
  process.stderr.write(`linghe-audit: 错误 error: ${line}\n`);
  process.exit(2);
}

/** @param {string} message */
function note(message) {
  process.stderr.write(`linghe-audit: 注意 note: ${escapeControls(message)}\n`);
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * @param {string[]} argv
 */
function readOptions(argv) {
  /** @type {ReturnType<typeof parseArgs<{ options: { crs: { type: 'string' }, figure: { type: 'string' }, tolerance: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, layers: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true }>>} */
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        crs: { type: 'string' },
        figure: { type: 'string' },
        tolerance: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
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

  if (values.json && values.csv) {
    throw new UsageError('--json 与 --csv 只能选一个 choose one of --json and --csv');
  }
  /** @type {string | undefined} */
  let crs;
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
    csv: values.csv === true,
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
 * The bytes of the input file, or an error naming it.
 * @param {string} file
 * @returns {Uint8Array}
 */
function readInput(file) {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    if (code === 'ENOENT') throw new InputError(`${file}: 文件不存在 file not found`);
    if (code === 'EISDIR')
      throw new InputError(`${file}: 是目录而非文件 is a directory, not a file`);
    throw new InputError(`${file}: 无法读取 cannot read: ${messageOf(error)}`);
  }
}

/** @param {BilingualMessage} message */
function bilingual(message) {
  return `${message.zh} ${message.en}`;
}

/**
 * Why the import could not give features to measure, as one line, or null when it could.
 * @param {ImportResult} result
 * @param {string} file
 * @param {Map<number, unknown>} refused candidates the checks refused, by file index
 */
function importFailure(result, file, refused) {
  const fileError = /** @type {BilingualMessage | undefined} */ (result.fileError);
  // "No usable features" says less than the first feature's own problem.
  if (result.status === 'failed' && fileError?.code !== 'no-usable-features') {
    return `${file}: ${bilingual(/** @type {BilingualMessage} */ (fileError))}`;
  }
  if (result.status === 'needs-crs') {
    const question = /** @type {BilingualMessage} */ (result.crsQuestion);
    const suggestion = result.suggestedCrs ? ` → --crs ${result.suggestedCrs}` : '';
    return `${file}: ${bilingual(question)}${suggestion}`;
  }
  // A feature without geometry is a row of its own (no-geometry), as on the audit page.
  const errors = result.problems.filter(
    (problem) => problem.severity === 'error' && problem.code !== 'empty-geometry'
  );
  if (errors.length === 0) {
    return fileError ? `${file}: ${bilingual(fileError)}` : null;
  }
  const [first] = errors;
  const candidate = /** @type {{ properties?: Record<string, unknown> } | undefined} */ (
    refused.get(first.featureIndex)
  );
  const name = featureName(candidate?.properties);
  const where = first.path ? ` [${first.path}]` : '';
  const more = errors.length > 1 ? ` (+${errors.length - 1} 个其他错误 more error(s))` : '';
  return `${file}: ${name ? `"${name}" ` : ''}${bilingual(first)}${where}${more}`;
}

/**
 * The features to measure, in file order: the usable ones (WGS-84) and those without geometry.
 * @param {ImportResult} result
 * @param {Map<number, unknown>} refused
 * @returns {InputFeature[]}
 */
function featuresToMeasure(result, refused) {
  /** @type {InputFeature[]} */
  const inputs = Array.from(result.features, (feature, k) => ({
    index: result.featureIndexes[k] + 1,
    feature
  }));
  for (const problem of result.problems) {
    if (problem.code !== 'empty-geometry') continue;
    const candidate = /** @type {{ properties?: unknown, id?: unknown } | undefined} */ (
      refused.get(problem.featureIndex)
    );
    const properties = candidate?.properties;
    inputs.push({
      index: problem.featureIndex + 1,
      feature: {
        type: 'Feature',
        geometry: null,
        properties:
          properties && typeof properties === 'object' && !Array.isArray(properties)
            ? /** @type {Record<string, unknown>} */ (properties)
            : {},
        ...(problem.featureId !== undefined ? { id: problem.featureId } : {})
      }
    });
  }
  return inputs.sort((a, b) => a.index - b.index);
}

async function main() {
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
  /** @type {Crs} */
  let usedCrs;
  try {
    const bytes = readInput(options.file);
    const planFigures = options.figure ? new Map() : readPlanFigures(options.layers);
    const engine = await loadEngine();
    /** @type {Map<number, unknown>} */
    const refused = new Map();
    const result = await engine.importFile(bytes, basename(options.file), {
      crs: options.crs,
      measure: false,
      onRejected: (index, candidate) => refused.set(index, candidate)
    });
    const failure = importFailure(result, options.file, refused);
    if (failure) return fail(failure);
    for (const notice of result.notices) note(`${options.file}: ${bilingual(notice)}`);
    for (const problem of result.problems) {
      if (problem.severity === 'warning') note(`${options.file}: ${bilingual(problem)}`);
    }
    usedCrs = /** @type {Crs} */ (result.usedCrs);
    const crs = usedCrs;
    rows = featuresToMeasure(result, refused).map((input) => {
      const figure =
        options.figure ??
        chooseFigure(input.feature.geometry, planFigures.get(idOf(input.feature) ?? '') ?? []);
      return measureFeature(input, crs, figure, options.tolerancePct);
    });
  } catch (error) {
    if (error instanceof InputError) return fail(error.message);
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
    process.stdout.write(`${terminalJson(rows)}\n`);
  } else if (options.csv) {
    process.stdout.write(formatCsv(rows, await loadEngine()));
  } else {
    process.stdout.write(
      formatTable(rows, { file: options.file, crs: usedCrs, tolerancePct: options.tolerancePct })
    );
  }
  process.exitCode = rows.some((row) => row.status === 'outside') ? 1 : 0;
}

main().catch((error) => {
  // A bug, not bad input: still one line, no stack trace.
  process.stderr.write(
    `linghe-audit: 内部错误 internal error: ${escapeControls(messageOf(error))}\n`
  );
  process.exit(2);
});
