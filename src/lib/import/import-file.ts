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
 * Long loops yield to the event loop every ~50 ms, so progress is posted and a cancel message
 * (AbortSignal) is seen while the work is under way.
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { ellipsoidalArea } from '../geo/area.js';
import { isAreal, isLinear } from '../geo/audit-rules.js';
import { parseCrs, suggestProjectedCrs, toWgs84, type Crs } from '../geo/crs.js';
import { geodesicLength } from '../geo/length.js';
import { describeCrs, gaussKrugerZoneOf, isGeographic } from '../formats/crs-names';
import { detectFormat } from '../formats/detect-format';
import { ImportFileError } from '../formats/file-error';
import { crsQuestion, featureProblem, fileError, notice, quote } from './messages';
import { FEATURES_SCANNED_FOR_PROVENANCE, provenanceHints } from './provenance';
import { readGeoJson, readGeoJsonFile, SplitBatchError } from '../formats/read-geojson';
import {
  packedFeatureArray,
  PackedFeatureBuilder,
  type FeatureSourceText
} from '../storage/packed-features';
import { BlobShelf } from '../storage/packed-blob';
import { ProblemList } from './problem-list';
import { withoutDeepValues } from './nesting';
import { readKml } from '../formats/read-kml';
import { hasShapefile, readShapefile } from '../formats/read-shapefile';
import type { ReaderLimits, SourceData } from '../formats/source-data';
import { emptyLayerSummary, type LayerSummary } from '../storage/user-layers';
import type {
  BilingualMessage,
  CrsId,
  FeatureMeasurement,
  ImportOptions,
  ImportProblem,
  ImportResult,
  ImportSource
} from './types';
import {
  checkTopology,
  inspectFeature,
  firstOutOfRange,
  extendBbox,
  formatPosition
} from './validate';
import { listZip } from '../formats/zip';

import { DEFAULT_MAX_BYTES, DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES } from './limits';

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES };
/**
 * A ZIP's entries may add up to this many times the file size limit when expanded; each entry
 * read is held to the file size limit itself (zip.ts checks both on what is really produced).
 */
const ZIP_EXPANSION_FACTOR = 3;
const YIELD_EVERY_MS = 50;

type Bbox = [number, number, number, number];

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** Lets queued messages (progress, cancel) through, then stops if cancelled. */
async function pause(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
}

/** Bytes read from the start of a file to tell its format. */
const HEAD_BYTES = 64 * 1024;

async function readSource(
  input: ImportSource,
  name: string,
  limits: ReaderLimits,
  split: boolean
): Promise<SourceData> {
  const { maxBytes } = limits;
  const head =
    input instanceof Uint8Array
      ? input
      : new Uint8Array(await input.slice(0, HEAD_BYTES).arrayBuffer());
  const detected = detectFormat(head, name);
  if (detected.kind === 'refused') throw new ImportFileError(detected.code, detected.params);
  if (detected.format === 'geojson') {
    return input instanceof Uint8Array
      ? readGeoJson(input, { split })
      : readGeoJsonFile(input, { split });
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(await input.arrayBuffer());
  if (detected.format === 'kml') return readKml(bytes);
  const entries = listZip(bytes, maxBytes * ZIP_EXPANSION_FACTOR, maxBytes);
  if (!hasShapefile(entries)) {
    const kmls = entries.filter((e) => /\.kml$/i.test(e.name));
    const kml = kmls.find((e) => /(^|\/)doc\.kml$/i.test(e.name)) ?? kmls[0];
    if (kml) {
      const source = readKml(await kml.read(), 'kmz');
      const others = kmls.filter((e) => e !== kml).map((e) => e.name);
      if (others.length > 0) {
        source.notices.push(notice('kmz-extra-kml', { read: kml.name, names: others.join(', ') }));
      }
      return source;
    }
    if (detected.format === 'kmz') {
      const names = entries.map((e) => e.name).join(', ') || '(empty)';
      throw new ImportFileError('kmz-no-kml', { names });
    }
  }
  return readShapefile(entries, limits);
}

function emptyResult(bytes: number): ImportResult {
  return {
    status: 'failed',
    format: null,
    features: [],
    featureIndexes: [],
    measurements: [],
    problems: [],
    notices: [],
    detectedCrs: null,
    suggestedCrs: null,
    usedCrs: null,
    stats: {
      bytes,
      featureCount: 0,
      usableCount: 0,
      rejectedCount: 0,
      warningCount: 0,
      vertexCount: 0,
      bbox: null,
      geometryTypes: {},
      elapsedMs: 0
    }
  };
}

/**
 * crs.js `looksProjected` — some position outside longitude ±180° / latitude ±90° — decided from
 * the extent the validation walk already gathered, instead of walking every position again
 * (tests/unit/import-parts.test.ts checks the two agree).
 */
export function extentLooksProjected(extent: Bbox): boolean {
  return outsideDegrees(extent[0], extent[1], extent[2], extent[3]);
}

/** extentLooksProjected on four numbers, for the import loop (no array per feature). */
function outsideDegrees(minX: number, minY: number, maxX: number, maxY: number): boolean {
  return minX < -180 || maxX > 180 || minY < -90 || maxY > 90;
}

/** Grows `bbox` in place to cover an extent (a new box if there is none yet). */
function mergeBbox(
  bbox: Bbox | null,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number
): Bbox {
  if (!bbox) return [minX, minY, maxX, maxY];
  if (minX < bbox[0]) bbox[0] = minX;
  if (minY < bbox[1]) bbox[1] = minY;
  if (maxX > bbox[2]) bbox[2] = maxX;
  if (maxY > bbox[3]) bbox[3] = maxY;
  return bbox;
}

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
 * True if `id` sorts strictly after `previous` — numbers by value, strings by length and then
 * UTF-16 unit by unit, so "parcel-10" follows "parcel-9". A strict order: ids that keep following
 * one another are all different. Ids of different types never follow each other.
 */
export function idFollows(previous: string | number | undefined, id: unknown): boolean {
  if (typeof id === 'number') {
    return previous === undefined || (typeof previous === 'number' && id > previous);
  }
  if (typeof id !== 'string') return false; // null or an object (GeoJSON allows neither): Set
  if (previous === undefined) return true;
  if (typeof previous !== 'string') return false;
  return id.length > previous.length || (id.length === previous.length && id > previous);
}

function definedIds(ids: readonly (string | number | undefined)[]): (string | number)[] {
  const defined: (string | number)[] = [];
  for (const id of ids) if (id !== undefined) defined.push(id);
  return defined;
}

/** Where each id first appears among the features checked so far (file indexes). */
function firstIndexes(
  ids: readonly (string | number | undefined)[],
  indexes: readonly number[]
): Map<string | number, number> {
  const first = new Map<string | number, number>();
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id !== undefined && !first.has(id)) first.set(id, indexes[k]);
  }
  return first;
}

function measureGeometry(geometry: Geometry): FeatureMeasurement {
  return {
    areaM2: isAreal(geometry) ? ellipsoidalArea(geometry) : null,
    lengthM: isLinear(geometry) ? geodesicLength(geometry) : null
  };
}

/**
 * Counts a usable feature into `summary` from its measurement alone, as summarizeImport
 * (user-layers.ts) counts it from its geometry: a geometry with polygons has an area, one with
 * lines (and no polygons) a length, any other is a point.
 */
function addToSummary(summary: LayerSummary, { areaM2, lengthM }: FeatureMeasurement): void {
  if (areaM2 !== null) {
    summary.polygonCount++;
    summary.areaM2 += areaM2;
  } else if (lengthM !== null) {
    summary.lineCount++;
    summary.lengthM += lengthM;
  } else summary.pointCount++;
}

function withoutBbox(geometry: Geometry): Geometry {
  const copy = { ...geometry } as Geometry;
  delete copy.bbox;
  if (copy.type === 'GeometryCollection') copy.geometries = copy.geometries.map(withoutBbox);
  return copy;
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
  const started = now();
  const { signal, onProgress } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxVertices = options.maxVertices ?? DEFAULT_MAX_VERTICES;
  const maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  const measure = options.measure ?? true;
  const size = input instanceof Uint8Array ? input.length : input.size;
  const result = emptyResult(size);
  const problems = new ProblemList();
  let lastYield = now();
  // Checked synchronously for every feature (an await per feature would cost a microtask each);
  // looking at the clock costs too, so only every 64th feature does.
  const pauseDue = (done: number) => (done & 63) === 0 && now() - lastYield >= YIELD_EVERY_MS;
  const pauseAt = async (phase: 'validate' | 'convert', done: number, total: number) => {
    onProgress?.({ phase, done, total });
    await pause(signal);
    lastYield = now();
  };
  const finish = (): ImportResult => {
    result.problems = problems.sorted();
    result.problemCounts = problems.countsByCode();
    result.unlistedProblemCount = problems.unlisted;
    result.stats.warningCount = problems.warnings;
    result.stats.usableCount = result.featureIndexes.length;
    result.stats.rejectedCount = result.stats.featureCount - result.featureIndexes.length;
    result.stats.elapsedMs = Math.round(now() - started);
    return result;
  };

  try {
    signal?.throwIfAborted();
    if (size > maxBytes) throw new ImportFileError('too-large', { bytes: size, maxBytes });
    onProgress?.({ phase: 'parse', done: 0, total: size });
    const limits = { maxBytes, maxVertices, maxFeatures };
    const source = await readSource(input, fileName, limits, split);
    if (source.featureCount > maxFeatures) {
      throw new ImportFileError('too-many-features', {
        count: source.featureCount,
        max: maxFeatures
      });
    }
    onProgress?.({ phase: 'parse', done: size, total: size });
    await pause(signal);
    result.format = source.format;
    result.notices.push(...source.notices);
    result.detectedCrs = source.declaredCrs?.crs ?? null;
    result.stats.featureCount = source.featureCount;
    problems.push(...source.problems);

    // 3. Structure and numbers. What is kept of each usable feature goes into parallel arrays
    // (its extent into one Float64Array), the feature itself packed (packed-features.ts) as soon
    // as it is checked: a big file's features never all exist as objects at once.
    const rejectedByReader = new Set(
      source.problems.filter((p) => p.severity === 'error').map((p) => p.featureIndex)
    );
    const total = source.featureCount;
    // The first candidates' properties, for provenanceHints (which reads only these): the rest
    // are gone by then.
    const firstCandidates: unknown[] = [];
    const checkedIndexes: number[] = [];
    const topologies: (readonly ImportProblem[])[] = [];
    const measuredAsWgs84: (FeatureMeasurement | null)[] = [];
    // Blobs keep the packed features out of the tab (packIntoBlob), one shelf for both builders.
    const shelf = options.packIntoBlob ? new BlobShelf() : undefined;
    const checkedFeatures = new PackedFeatureBuilder(undefined, shelf);
    const sourceText: FeatureSourceText = {
      bytes: new Uint8Array(0),
      start: 0,
      geometryStart: 0,
      geometryEnd: 0,
      end: 0
    };
    const checkedIds: (string | number | undefined)[] = [];
    const checkedTypes: Geometry['type'][] = [];
    const extents = new Float64Array(total * 4);
    // Repeated ids. Files usually number their features in order (1, 2, 3 or "parcel-9",
    // "parcel-10"): while each id sorts after the one before it (idFollows), none can repeat and
    // nothing needs remembering. At the first id out of order a Set of all ids so far takes over
    // (a hash lookup per feature, a quarter of this loop's time in a 100 000-feature file). Where
    // an id first appeared is only needed for the message, so that map is built at the first repeat.
    let previousId: string | number | undefined;
    let seenIds: Set<string | number> | null = null;
    let firstIndexById: Map<string | number, number> | null = null;
    // Extents of the features whose numbers look projected and of those that look like degrees.
    let projectedBox: Bbox | null = null;
    let degreesBox: Bbox | null = null;
    let projectedCount = 0;
    // A file read on demand (readGeoJsonFile) is read a window ahead of the features checked.
    const prepare = source.prepare;
    let prepared = prepare ? 0 : total;
    for (let i = 0; i < total; i++) {
      if (pauseDue(i)) await pauseAt('validate', i, total);
      if (prepare && i >= prepared) prepared = await prepare.call(source, i);
      // A value nested without bound outside the coordinates is left out, with a remark.
      const trimmed = withoutDeepValues(source.featureAt(i), i);
      const candidate = trimmed.candidate;
      if (trimmed.problems) problems.push(...trimmed.problems);
      if (i < FEATURES_SCANNED_FOR_PROVENANCE) {
        // Only its properties are read there: the geometry need not be kept.
        const properties = (candidate as { properties?: unknown } | null)?.properties;
        firstCandidates.push({ properties });
      }
      if (rejectedByReader.has(i)) continue;
      const report = inspectFeature(candidate, i);
      for (const problem of report.problems) problems.push(problem);
      result.stats.vertexCount += report.vertices;
      if (result.stats.vertexCount > maxVertices) {
        throw new ImportFileError('too-many-vertices', {
          count: `> ${maxVertices}`,
          max: maxVertices
        });
      }
      const feature = report.feature;
      if (!feature) {
        options.onRejected?.(i, candidate);
        continue;
      }
      if (feature.id !== undefined && !seenIds && idFollows(previousId, feature.id)) {
        previousId = feature.id;
      } else if (feature.id !== undefined) {
        seenIds ??= new Set(definedIds(checkedIds));
        const seen = seenIds.size;
        seenIds.add(feature.id);
        if (seenIds.size === seen) {
          firstIndexById ??= firstIndexes(checkedIds, checkedIndexes);
          const first = firstIndexById.get(feature.id) as number;
          problems.push(
            featureProblem('duplicate-id', i, feature.id, {
              id: quote(feature.id),
              first: first + 1
            })
          );
        } else firstIndexById?.set(feature.id, i);
      }
      const { minX, minY, maxX, maxY } = report;
      const at = checkedFeatures.count * 4;
      extents[at] = minX;
      extents[at + 1] = minY;
      extents[at + 2] = maxX;
      extents[at + 3] = maxY;
      const projected = outsideDegrees(minX, minY, maxX, maxY);
      if (projected) {
        projectedCount++;
        projectedBox = mergeBbox(projectedBox, minX, minY, maxX, maxY);
      } else degreesBox = mergeBbox(degreesBox, minX, minY, maxX, maxY);
      checkedIndexes.push(i);
      checkedIds.push(feature.id);
      checkedTypes.push(feature.geometry.type);
      // Step 5's self-intersection check and (for numbers in degrees, read as WGS-84 unless the
      // CRS turns out otherwise) its measurement are done now, while this feature's coordinates
      // are in the cache: a second pass over 100 000 features' coordinates costs more than the
      // work itself. Their outcome is used, and its problems reported, in step 5 as before.
      topologies.push(checkTopology(feature, i));
      measuredAsWgs84.push(measure && !projected ? measureGeometry(feature.geometry) : null);
      // A feature kept as the file has it can keep the file's own text too.
      const known =
        feature === candidate && !trimmed.problems && source.sourceTextOf?.(i, sourceText) === true;
      checkedFeatures.add(feature, known ? sourceText : undefined);
    }
    onProgress?.({ phase: 'validate', done: total, total });
    const checkedCount = checkedFeatures.count;
    if (checkedCount === 0) throw new ImportFileError('no-usable-features', { count: total });

    // 4. Coordinate system, by majority: a stray feature must not turn a file projected.
    const mostlyProjected = projectedCount * 2 > checkedCount;
    const box = (mostlyProjected ? projectedBox : degreesBox) as Bbox;
    const decision = decideCrs(options.crs, source.declaredCrs, mostlyProjected, box);
    if (!decision.crs) {
      result.status = 'needs-crs';
      result.crsQuestion = decision.question;
      result.suggestedCrs = decision.suggested ?? null;
      return finish();
    }
    const crs = decision.crs;
    result.usedCrs = crs;
    if (!options.crs && !source.declaredCrs && source.format === 'shapefile-zip') {
      result.notices.push(notice('crs-assumed-wgs84'));
    }

    // 5. Geometry rules, conversion, range, measurement. In WGS-84 the kept features are the
    // checked ones as they are, picked from the packed segments without unpacking them; any other
    // CRS makes new features, packed as they are made.
    let wgs84Box: Bbox | null = null;
    const measurements: FeatureMeasurement[] = [];
    const summary = emptyLayerSummary();
    const kept = new Uint8Array(checkedCount);
    const converted = crs === 'wgs84' ? null : new PackedFeatureBuilder(undefined, shelf);
    for (let k = 0; k < checkedCount; k++) {
      if (pauseDue(k)) await pauseAt('convert', k, checkedCount);
      const index = checkedIndexes[k];
      const id = checkedIds[k];
      const minX = extents[k * 4];
      const minY = extents[k * 4 + 1];
      const maxX = extents[k * 4 + 2];
      const maxY = extents[k * 4 + 3];
      const projected = outsideDegrees(minX, minY, maxX, maxY);
      if (!isGeographic(crs) && !projected) {
        // Degrees read as metres would land near the equator, in range: refuse instead.
        problems.push(featureProblem('crs-inconsistent', index, id));
        continue;
      }
      const topology = topologies[k];
      if (topology.length > 0) {
        for (const problem of topology) problems.push(problem);
        if (topology.some((p) => p.severity === 'error')) continue;
      }

      // Degrees are range-checked as written (so the message shows the file's numbers);
      // projected numbers after conversion. Only then is the feature itself needed.
      const needsFeature = (isGeographic(crs) && projected) || crs !== 'wgs84';
      if (needsFeature && shelf) await checkedFeatures.ready(k);
      const feature = needsFeature ? checkedFeatures.get(k) : null;
      let geometry: Geometry | null = feature?.geometry ?? null;
      // For degrees, `projected` means some position is out of range.
      let outside =
        feature && isGeographic(crs) && projected ? firstOutOfRange(feature.geometry) : null;
      if (feature && !outside && crs !== 'wgs84') {
        try {
          geometry = withoutBbox(toWgs84(feature.geometry, crs as Crs));
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          problems.push(featureProblem('conversion-failed', index, id, { detail }));
          continue;
        }
        outside = firstOutOfRange(geometry);
      }
      if (outside) {
        problems.push(
          featureProblem('coordinate-out-of-range', index, id, {
            at: formatPosition([outside[0], outside[1]])
          })
        );
        continue;
      }
      if (converted && feature && geometry) {
        const output: Feature<Geometry, GeoJsonProperties> = {
          type: 'Feature',
          geometry,
          properties: feature.properties
        };
        if (feature.id !== undefined) output.id = feature.id;
        converted.add(output);
      } else {
        // Nothing changes: the checked feature (in normal form, see inspectFeature) is the output.
        kept[k] = 1;
      }
      result.featureIndexes.push(index);
      const type = geometry?.type ?? checkedTypes[k];
      result.stats.geometryTypes[type] = (result.stats.geometryTypes[type] ?? 0) + 1;
      // wgs84/cgcs2000 numbers are not changed by the conversion.
      wgs84Box =
        crs === 'wgs84' || crs === 'cgcs2000' || !geometry
          ? mergeBbox(wgs84Box, minX, minY, maxX, maxY)
          : extendBbox(wgs84Box, geometry);
      if (measure) {
        const asWritten = !converted ? measuredAsWgs84[k] : null;
        if (!asWritten && !geometry && shelf) await checkedFeatures.ready(k);
        const measurement =
          asWritten ?? measureGeometry(geometry ?? checkedFeatures.get(k).geometry);
        addToSummary(summary, measurement);
        // Packed into a Blob, the features go to a layer that needs only the totals.
        if (!shelf) measurements.push(measurement);
      }
    }
    onProgress?.({ phase: 'convert', done: checkedCount, total: checkedCount });
    const usable = result.featureIndexes.length;
    if (shelf) {
      const blobs = converted
        ? await converted.shelvedSelection(new Uint8Array(usable).fill(1))
        : await checkedFeatures.shelvedSelection(kept);
      result.packedBlob = new Blob(blobs, { type: 'application/octet-stream' });
    } else {
      result.features = packedFeatureArray(
        converted ? converted.records() : checkedFeatures.select(kept)
      );
    }
    result.measurements = measurements;
    result.stats.bbox = wgs84Box;
    if (measure) {
      summary.featureCount = usable;
      summary.bbox = wgs84Box ? [...wgs84Box] : null;
      result.summary = summary;
    }

    if (crs === 'wgs84' || crs === 'cgcs2000') {
      const hints = provenanceHints(fileName, source.metadataText, firstCandidates);
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

    if (usable === 0) {
      throw new ImportFileError('no-usable-features', { count: total });
    }
    result.status = 'ok';
    return finish();
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof SplitBatchError) throw error; // importFile reads the file whole
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
    return finish();
  }
}
