/**
 * The units the plan writes spatial figures in (亩, 平方公里, 公顷, 公里, 米, …): conversions to and
 * from SI, parsing of a typed figure such as `835亩` or `6.9km2`, and formatting a measurement the
 * way the plan writes figures (`835亩`, `6.9平方公里`, `55.7公顷`, `7.5公里`, `1800米`).
 */

/** @typedef {'亩' | '平方公里' | '平方米' | '万平方米' | '公顷'} AreaUnit */
/** @typedef {'公里' | '米'} LengthUnit */
/** A unit the plan uses; the same union as `FigureUnit` in src/lib/layers/types.ts. */
/** @typedef {AreaUnit | LengthUnit} PlanUnit */

/**
 * A figure typed by a person or read from the plan, with its value in SI.
 * @typedef {object} Measurement
 * @property {number} value the number as written, e.g. 835
 * @property {PlanUnit} unit the unit in the plan's spelling, e.g. '亩' (also for `mu`)
 * @property {'area' | 'length'} quantity
 * @property {number} base the figure in m² (area) or m (length)
 */

/** 1 亩 = 1/15 公顷 = 666.67 m² (the statutory 市亩). */
export const SQUARE_METRES_PER_MU = 10000 / 15;

/** @type {Readonly<Record<AreaUnit, number>>} */
export const SQUARE_METRES_PER_UNIT = Object.freeze({
  亩: SQUARE_METRES_PER_MU,
  平方公里: 1e6,
  平方米: 1,
  万平方米: 1e4,
  公顷: 1e4
});

/** @type {Readonly<Record<LengthUnit, number>>} */
export const METRES_PER_UNIT = Object.freeze({ 公里: 1000, 米: 1 });

/**
 * The units' Latin symbols, for English text: `835 mu`, `6.9 km²`, `7.5 km`.
 * @type {Readonly<Record<PlanUnit, string>>}
 */
export const LATIN_UNIT_SYMBOLS = Object.freeze({
  亩: 'mu',
  平方公里: 'km²',
  平方米: 'm²',
  万平方米: '×10⁴ m²',
  公顷: 'ha',
  公里: 'km',
  米: 'm'
});

/** @type {readonly AreaUnit[]} */
export const AREA_UNITS = Object.freeze(['亩', '平方公里', '平方米', '万平方米', '公顷']);
/** @type {readonly LengthUnit[]} */
export const LENGTH_UNITS = Object.freeze(['公里', '米']);

/**
 * @param {unknown} unit
 * @returns {unit is AreaUnit}
 */
export function isAreaUnit(unit) {
  return typeof unit === 'string' && Object.hasOwn(SQUARE_METRES_PER_UNIT, unit);
}

/**
 * @param {unknown} unit
 * @returns {unit is LengthUnit}
 */
export function isLengthUnit(unit) {
  return typeof unit === 'string' && Object.hasOwn(METRES_PER_UNIT, unit);
}

/**
 * @param {unknown} unit
 * @returns {AreaUnit}
 */
function areaUnit(unit) {
  if (isAreaUnit(unit)) return unit;
  throw new RangeError(
    `不是面积单位 not an area unit: "${String(unit)}" (use ${AREA_UNITS.join(', ')})`
  );
}

/**
 * @param {unknown} unit
 * @returns {LengthUnit}
 */
function lengthUnit(unit) {
  if (isLengthUnit(unit)) return unit;
  throw new RangeError(
    `不是长度单位 not a length unit: "${String(unit)}" (use ${LENGTH_UNITS.join(', ')})`
  );
}

/**
 * An area written in a plan unit, in square metres.
 * @param {number} value
 * @param {AreaUnit} unit
 * @returns {number} m²
 * @example toSquareMetres(835, '亩') // 556 666.67 m²
 */
export function toSquareMetres(value, unit) {
  return value * SQUARE_METRES_PER_UNIT[areaUnit(unit)];
}

/**
 * An area in square metres, expressed in a plan unit.
 * @param {number} squareMetres m²
 * @param {AreaUnit} unit
 * @returns {number}
 * @example fromSquareMetres(556_667, '公顷') // 55.6667
 */
export function fromSquareMetres(squareMetres, unit) {
  return squareMetres / SQUARE_METRES_PER_UNIT[areaUnit(unit)];
}

/**
 * A length written in a plan unit, in metres.
 * @param {number} value
 * @param {LengthUnit} unit
 * @returns {number} m
 * @example toMetres(7.5, '公里') // 7500 m
 */
export function toMetres(value, unit) {
  return value * METRES_PER_UNIT[lengthUnit(unit)];
}

/**
 * A length in metres, expressed in a plan unit.
 * @param {number} metres m
 * @param {LengthUnit} unit
 * @returns {number}
 * @example fromMetres(1800, '公里') // 1.8
 */
export function fromMetres(metres, unit) {
  return metres / METRES_PER_UNIT[lengthUnit(unit)];
}

/**
 * @typedef {object} FormatOptions
 * @property {number} [significantDigits] digits kept below 10^significantDigits (default 3);
 *   larger numbers are rounded to whole units, as the plan writes 1161亩 and 1800米
 * @property {boolean} [latin] the unit's Latin symbol after a space (`835 mu`), for English text
 */

/** @type {Map<number, Intl.NumberFormat>} */
const significantFormats = new Map();
const wholeFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 0,
  useGrouping: false
});

/**
 * A number as the plan writes it: no grouping, whole numbers from 10^digits up, otherwise
 * `digits` significant digits without trailing zeros (835, 1161, 6.9, 55.7, 0.557).
 * @param {number} value
 * @param {FormatOptions} [options]
 * @returns {string}
 * @example formatPlanNumber(834.6) // '835'
 * @example formatPlanNumber(6.904) // '6.9'
 */
export function formatPlanNumber(value, options = {}) {
  if (!Number.isFinite(value)) {
    throw new RangeError(`不是有限数 not a finite number: ${value}`);
  }
  const digits = options.significantDigits ?? 3;
  if (Math.abs(value) >= 10 ** digits) return wholeFormat.format(value);
  let format = significantFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      maximumSignificantDigits: digits,
      useGrouping: false
    });
    significantFormats.set(digits, format);
  }
  const text = format.format(value);
  return text === '-0' ? '0' : text;
}

/**
 * The unit the plan would most likely use for an area: 平方公里 from 1 km², 亩 from 1 亩, else 平方米.
 * @param {number} squareMetres
 * @returns {AreaUnit}
 */
function naturalAreaUnit(squareMetres) {
  const size = Math.abs(squareMetres);
  if (size >= 1e6) return '平方公里';
  if (size >= SQUARE_METRES_PER_MU) return '亩';
  return '平方米';
}

/**
 * An area written the way the plan writes figures.
 * @param {number} squareMetres m²
 * @param {AreaUnit} [unit] default: 平方公里 from 1 km², 亩 from 1 亩, else 平方米
 * @param {FormatOptions} [options]
 * @returns {string}
 * @example formatArea(556_667, '亩') // '835亩'
 * @example formatArea(6_904_000, '平方公里') // '6.9平方公里'
 * @example formatArea(557_000, '公顷') // '55.7公顷'
 */
export function formatArea(squareMetres, unit, options) {
  const chosen = unit ?? naturalAreaUnit(squareMetres);
  return `${formatPlanNumber(fromSquareMetres(squareMetres, chosen), options)}${unitText(chosen, options)}`;
}

/**
 * A length written the way the plan writes figures.
 * @param {number} metres m
 * @param {LengthUnit} [unit] default: 公里 from 1 km, else 米
 * @param {FormatOptions} [options]
 * @returns {string}
 * @example formatLength(7512, '公里') // '7.51公里'
 * @example formatLength(1800, '米') // '1800米'
 */
export function formatLength(metres, unit, options) {
  const chosen = unit ?? (Math.abs(metres) >= 1000 ? '公里' : '米');
  return `${formatPlanNumber(fromMetres(metres, chosen), options)}${unitText(chosen, options)}`;
}

/**
 * How a unit follows its number: the plan's spelling, or a space and the Latin symbol.
 * @param {PlanUnit} unit
 * @param {FormatOptions} [options]
 */
function unitText(unit, options) {
  return options?.latin ? ` ${LATIN_UNIT_SYMBOLS[unit]}` : unit;
}

/**
 * The three ways to read an area that a popup shows side by side.
 * @param {number} squareMetres m²
 * @param {FormatOptions} [options]
 * @returns {{ mu: string, hectares: string, squareKilometres: string }}
 * @example formatAreaAll(556_667) // { mu: '835亩', hectares: '55.7公顷', squareKilometres: '0.557平方公里' }
 */
export function formatAreaAll(squareMetres, options) {
  return {
    mu: formatArea(squareMetres, '亩', options),
    hectares: formatArea(squareMetres, '公顷', options),
    squareKilometres: formatArea(squareMetres, '平方公里', options)
  };
}

/**
 * An area in 亩, 公顷 and 平方公里 on one line, in Chinese and English spelling, for the UI to
 * show one of.
 * @param {number} squareMetres m²
 * @returns {{ zh: string, en: string }}
 * @example areaTexts(556_667) // { zh: '835亩 · 55.7公顷 · 0.557平方公里', en: '835 mu · 55.7 ha · 0.557 km²' }
 */
export function areaTexts(squareMetres) {
  /** @param {FormatOptions} options */
  const line = (options) => Object.values(formatAreaAll(squareMetres, options)).join(' · ');
  return { zh: line({}), en: line({ latin: true }) };
}

/**
 * A length in both spellings, for the UI to show one of.
 * @param {number} metres m
 * @param {LengthUnit} [unit] default: 公里 from 1 km, else 米
 * @returns {{ zh: string, en: string }}
 * @example lengthTexts(7512) // { zh: '7.51公里', en: '7.51 km' }
 */
export function lengthTexts(metres, unit) {
  return { zh: formatLength(metres, unit), en: formatLength(metres, unit, { latin: true }) };
}

/** Spellings accepted for each unit (lower-case, spaces removed). */
/** @type {ReadonlyArray<[string, PlanUnit]>} */
const UNIT_SPELLINGS = [
  ['万平方米', '万平方米'],
  ['平方公里', '平方公里'],
  ['平方千米', '平方公里'],
  ['km²', '平方公里'],
  ['km2', '平方公里'],
  ['sqkm', '平方公里'],
  ['平方米', '平方米'],
  ['m²', '平方米'],
  ['m2', '平方米'],
  ['公顷', '公顷'],
  ['hm²', '公顷'],
  ['hm2', '公顷'],
  ['ha', '公顷'],
  ['亩', '亩'],
  ['mu', '亩'],
  ['公里', '公里'],
  ['千米', '公里'],
  ['km', '公里'],
  ['米', '米'],
  ['m', '米']
];

const FIGURE_PATTERN = /^(\d+(?:\.\d+)?)(.+)$/;

/**
 * Reads a figure typed by a person: a positive number and a unit, in the plan's spelling or a
 * common Latin one — `835亩`, `6.9平方公里`, `100万平方米`, `55.7公顷`, `7.5公里`, `1800米`, `835mu`,
 * `6.9km2`, `6.9 km²`, `55ha`, `7.5km`, `1800m`, `1,800米`.
 * @param {string} text
 * @returns {Measurement}
 * @throws {RangeError} naming the text when it is not a number followed by a known unit
 * @example parseMeasurement('6.9km2') // { value: 6.9, unit: '平方公里', quantity: 'area', base: 6 900 000 }
 */
export function parseMeasurement(text) {
  const compact = String(text)
    .normalize('NFKC')
    .replace(/[\s,，]/g, '')
    .toLowerCase();
  const match = FIGURE_PATTERN.exec(compact);
  const spelling = match ? UNIT_SPELLINGS.find(([written]) => written === match[2]) : undefined;
  if (!match || !spelling) {
    throw new RangeError(
      `无法识别的数字 unrecognised figure "${text}": expected a positive number and a unit, ` +
        'e.g. 835亩, 6.9平方公里, 55ha, 6.9km2, 7.5公里, 1800米'
    );
  }
  const value = Number(match[1]);
  const unit = spelling[1];
  if (!(value > 0)) {
    throw new RangeError(`数字须为正 figure must be positive: "${text}"`);
  }
  return isAreaUnit(unit)
    ? { value, unit, quantity: 'area', base: toSquareMetres(value, unit) }
    : { value, unit, quantity: 'length', base: toMetres(value, lengthUnit(unit)) };
}
