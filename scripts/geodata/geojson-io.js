/**
 * Deterministic GeoJSON writing shared by the geodata builders: the same input always gives the
 * same bytes, so a rebuilt file can be compared with the committed one.
 */

/** Decimal places kept in output coordinates: 1e-6° is ~0.1 m, far below any source's accuracy. */
export const COORDINATE_DECIMALS = 6;

/**
 * Rounds a coordinate value to `decimals` places (default COORDINATE_DECIMALS), never producing `-0`.
 * @example roundCoordinate(121.12345678) // 121.123457
 * @param {number} value degrees
 * @param {number} [decimals]
 * @returns {number}
 */
export function roundCoordinate(value, decimals = COORDINATE_DECIMALS) {
  const scale = 10 ** decimals;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Serialises a FeatureCollection with one feature per block: members pretty-printed, each
 * geometry on a single line (coordinate arrays would otherwise take one line per number).
 * @param {Record<string, unknown> & { features: Array<Record<string, unknown>> }} collection
 * @returns {string} the file text, ending in a newline
 */
export function stringifyFeatureCollection(collection) {
  const { features, ...members } = collection;
  const head = Object.entries(members).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${indent(JSON.stringify(value, null, 2), 2)}`
  );
  const body = features.map((feature) => {
    const lines = Object.entries(feature).map(([key, value]) => {
      const text = key === 'geometry' ? JSON.stringify(value) : JSON.stringify(value, null, 2);
      return `      ${JSON.stringify(key)}: ${indent(text, 6)}`;
    });
    return `    {\n${lines.join(',\n')}\n    }`;
  });
  const featuresText = features.length ? `[\n${body.join(',\n')}\n  ]` : '[]';
  return `{\n${[...head, `  "features": ${featuresText}`].join(',\n')}\n}\n`;
}

/**
 * @param {string} text
 * @param {number} spaces
 */
function indent(text, spaces) {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}
