/**
 * The import pipeline, DOM-free so it runs in a Web Worker and in Node: a file (Blob) or its
 * bytes, and its name → usable features in WGS-84 (packed), every problem listed, the CRS
 * decided or asked for.
 *
 * 1. Size limit and format (magic bytes, then name).
 * 2. Reader: GeoJSON, KML/KMZ or zipped Shapefile → candidate features in the file's coordinates.
 * 3. Structure and numbers of every feature (validate.ts). A GeoJSON FeatureCollection is read
 *    in batches (geojson-split.ts), a File a window at a time, and each checked feature packed
 *    (packed-features.ts) at once: the file never exists as one string or one object tree.
 * 4. CRS: the user's choice, else what the file declares, else WGS-84 if the numbers are degrees;
 *    projected-looking numbers without a usable declaration, or numbers that contradict the
 *    declaration, stop here with `needs-crs` — never a silent misreading.
 * 5. Per feature: self-intersection, conversion to WGS-84, range check, area/length.
 *
 * Each step has its module: read-source.ts (1–2), check-features.ts (3), convert-features.ts (5),
 * and import-run.ts paces the long loops (progress, cancel).
 */
import { parseCrs, suggestProjectedCrs } from '../geo/crs.js';
import { describeCrs, gaussKrugerZoneOf, isGeographic } from '../formats/crs-names';
import { ImportFileError } from '../formats/file-error';
import { SplitBatchError } from '../formats/read-geojson';
import type { SourceData } from '../formats/source-data';
import { checkFeatures, type CheckedFeatures } from './check-features';
import { convertFeatures } from './convert-features';
import type { Bbox } from './extent';
import { ImportRun, pause } from './import-run';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES } from './limits';
import { crsQuestion, fileError, notice } from './messages';
import { provenanceHints } from './provenance';
import { readSource } from './read-source';
import type { BilingualMessage, CrsId, ImportOptions, ImportResult, ImportSource } from './types';

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES };

interface CrsDecision {
  crs: CrsId | null;
  question?: BilingualMessage;
  suggested?: CrsId | null;
}

/** The user's CRS choice in crs.js spelling ('4549' → 'EPSG:4549'), or null if unsupported. */
function normaliseChoice(choice: string): CrsId | null {
  try {
    return parseCrs(choice);
  } catch {
    return null;
  }
}

/**
 * Which CRS the coordinates are in, or the question to ask. `projected`: whether most features'
 * numbers look like projected metres (crs.js `looksProjected`); `box`: the extent of those
 * features in the file's own numbers.
 */
export function decideCrs(
  chosen: CrsId | undefined,
  declared: SourceData['declaredCrs'],
  projected: boolean,
  box: Bbox
): CrsDecision {
  const sample = `(${box[0]}, ${box[1]})`;
  // A zone prefix in the eastings names the zone; plain eastings get the zone of 凌河区.
  const suggestion = (): CrsId | null =>
    projected ? suggestProjectedCrs([box[0], box[1]]) : 'wgs84';

  let crs: CrsId | null = null;
  if (chosen !== undefined) {
    crs = normaliseChoice(chosen);
    if (!crs) {
      return {
        crs: null,
        question: crsQuestion('crs-unsupported', { name: chosen }),
        suggested: suggestion()
      };
    }
  } else if (declared) {
    if (declared.crs === null) {
      return {
        crs: null,
        question: crsQuestion('crs-unsupported', { name: declared.name }),
        suggested: suggestion()
      };
    }
    crs = declared.crs;
  }
  if (crs === null) {
    if (!projected) return { crs: 'wgs84' };
    return {
      crs: null,
      question: crsQuestion('crs-projected-unknown', { sample }),
      suggested: suggestion()
    };
  }

  const label = describeCrs(crs);
  if (isGeographic(crs)) {
    if (!projected) return { crs };
    return {
      crs: null,
      question: crsQuestion('crs-declared-geographic-but-projected', { crs: label, sample }),
      suggested: suggestion()
    };
  }
  if (!projected) {
    return {
      crs: null,
      question: crsQuestion('crs-declared-projected-but-geographic', { crs: label, sample }),
      suggested: 'wgs84'
    };
  }
  const zone = gaussKrugerZoneOf(crs);
  if (zone) {
    const prefixes = [Math.floor(box[0] / 1e6), Math.floor(box[2] / 1e6)];
    const fits =
      zone.zonePrefix !== null
        ? prefixes.every((p) => p === zone.zonePrefix)
        : box[0] >= 0 && box[2] < 1e6;
    if (!fits) {
      const prefix = prefixes[0] >= 25 && prefixes[0] <= 45 ? prefixes[0] : undefined;
      return {
        crs: null,
        question: crsQuestion('crs-zone-mismatch', {
          crs: label,
          sample: String(box[0]),
          zone: prefix
        }),
        suggested: suggestion()
      };
    }
  }
  return { crs };
}

/**
 * Imports one file.
 *
 * @example
 * const result = await importFile(file, 'parcels.zip', { signal, onProgress }); // or its bytes
 * if (result.status === 'needs-crs') … ask, then importFile(file, name, { crs: 'EPSG:4549' })
 */
export async function importFile(
  input: ImportSource,
  fileName: string,
  options: ImportOptions = {}
): Promise<ImportResult> {
  try {
    return await runImport(input, fileName, options, true);
  } catch (error) {
    // A FeatureCollection read in batches had a batch that does not parse: read it whole, which
    // names the problem exactly.
    if (error instanceof SplitBatchError) return runImport(input, fileName, options, false);
    throw error;
  }
}

async function runImport(
  input: ImportSource,
  fileName: string,
  options: ImportOptions,
  split: boolean
): Promise<ImportResult> {
  const size = input instanceof Uint8Array ? input.length : input.size;
  const run = new ImportRun(options, size);
  const result = run.result;
  try {
    const source = await readWithinLimits(run, input, fileName, split);
    const checked = await checkFeatures(run, source);
    const crs = chooseCrs(run, source, checked);
    if (!crs) return run.finish();
    await convertFeatures(run, checked, crs);
    if (crs === 'wgs84' || crs === 'cgcs2000') noteProvenance(run, fileName, source, checked);
    if (result.featureIndexes.length === 0) {
      throw new ImportFileError('no-usable-features', { count: source.featureCount });
    }
    result.status = 'ok';
    return run.finish();
  } catch (error) {
    if (run.signal?.aborted) throw run.signal.reason;
    if (error instanceof SplitBatchError) throw error; // importFile reads the file whole
    return failed(run, error);
  }
}

/** Steps 1–2 within the size and feature limits; the source's findings go into the result. */
async function readWithinLimits(
  run: ImportRun,
  input: ImportSource,
  fileName: string,
  split: boolean
): Promise<SourceData> {
  const { size, maxBytes, maxVertices, maxFeatures, result } = run;
  run.signal?.throwIfAborted();
  if (size > maxBytes) throw new ImportFileError('too-large', { bytes: size, maxBytes });
  run.progress('parse', 0, size);
  const source = await readSource(input, fileName, { maxBytes, maxVertices, maxFeatures }, split);
  if (source.featureCount > maxFeatures) {
    throw new ImportFileError('too-many-features', {
      count: source.featureCount,
      max: maxFeatures
    });
  }
  run.progress('parse', size, size);
  await pause(run.signal);
  result.format = source.format;
  result.notices.push(...source.notices);
  result.detectedCrs = source.declaredCrs?.crs ?? null;
  result.stats.featureCount = source.featureCount;
  run.problems.push(...source.problems);
  return source;
}

/**
 * Step 4. Coordinate system, by majority: a stray feature must not turn a file projected. Null
 * when the user must be asked (the question is in the result).
 */
function chooseCrs(run: ImportRun, source: SourceData, checked: CheckedFeatures): CrsId | null {
  const { options, result } = run;
  const mostlyProjected = checked.projectedCount * 2 > checked.features.count;
  const box = (mostlyProjected ? checked.projectedBox : checked.degreesBox) as Bbox;
  const decision = decideCrs(options.crs, source.declaredCrs, mostlyProjected, box);
  if (!decision.crs) {
    result.status = 'needs-crs';
    result.crsQuestion = decision.question;
    result.suggestedCrs = decision.suggested ?? null;
    return null;
  }
  result.usedCrs = decision.crs;
  if (!options.crs && !source.declaredCrs && source.format === 'shapefile-zip') {
    result.notices.push(notice('crs-assumed-wgs84'));
  }
  return decision.crs;
}

/** Words in the file that say its degrees came from a Chinese web map (GCJ-02, BD-09). */
function noteProvenance(
  run: ImportRun,
  fileName: string,
  source: SourceData,
  checked: CheckedFeatures
): void {
  const { result } = run;
  const hints = provenanceHints(fileName, source.metadataText, checked.firstCandidates);
  if (hints.gcj02) {
    result.notices.push(
      notice('gcj02-suspected', { evidence: hints.gcj02.zh, evidenceEn: hints.gcj02.en })
    );
    result.suggestedCrs = 'gcj02';
  } else if (hints.bd09) {
    result.notices.push(
      notice('bd09-suspected', { evidence: hints.bd09.zh, evidenceEn: hints.bd09.en })
    );
    result.suggestedCrs = 'bd09';
  }
}

/** The result of a failed import: why, and nothing of the features. */
function failed(run: ImportRun, error: unknown): ImportResult {
  const result = run.result;
  result.status = 'failed';
  result.features = [];
  delete result.packedBlob;
  delete result.summary;
  result.featureIndexes = [];
  result.measurements = [];
  result.fileError =
    error instanceof ImportFileError
      ? fileError(error.code, error.params)
      : fileError('unexpected-error', { detail: String(error).slice(0, 200) });
  return run.finish();
}
