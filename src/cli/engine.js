/**
 * The browser's own engine for the command line. `linghe-audit` runs with plain `node` and no
 * build step, yet reads files exactly as the page does: it loads the TypeScript modules of the
 * import pipeline (readers of GeoJSON, KML/KMZ and zipped Shapefile, text decoding, validation,
 * CRS decisions) and of the exports through tsx, which compiles each module in memory when it is
 * first imported (cached on disk afterwards). Those modules import one another by relative paths
 * only, so no tsconfig is read (`tsconfig: false`): the command works from any directory.
 */
import { tsImport } from 'tsx/esm/api';

/** @typedef {typeof import('../lib/import/import-file')} ImportFileModule */
/** @typedef {typeof import('../lib/csv')} CsvModule */

/**
 * @param {string} specifier relative to this module
 * @returns {Promise<any>}
 */
function load(specifier) {
  return tsImport(specifier, { parentURL: import.meta.url, tsconfig: false });
}

/**
 * The engine's modules the command line calls.
 * @returns {Promise<{ importFile: ImportFileModule['importFile'], csvTable: CsvModule['csvTable'], csvText: CsvModule['csvText'] }>}
 */
export async function loadEngine() {
  const [importing, csv] = await Promise.all([
    /** @type {Promise<ImportFileModule>} */ (load('../lib/import/import-file.ts')),
    /** @type {Promise<CsvModule>} */ (load('../lib/csv.ts'))
  ]);
  return {
    importFile: importing.importFile,
    csvTable: csv.csvTable,
    csvText: csv.csvText
  };
}
