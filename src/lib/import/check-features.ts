/**
 * Step 3 of the import: structure and numbers of every feature (validate.ts). What is kept of
 * each usable feature goes into parallel arrays (its extent into one Float64Array), the feature
 * itself packed (packed-features.ts) as soon as it is checked: a big file's features never all
 * exist as objects at once. Repeated ids are reported here too.
 */
import type { Geometry } from 'geojson';
import { ImportFileError } from '../formats/file-error';
import type { SourceData } from '../formats/source-data';
import { PackedFeatureBuilder, type FeatureSourceText } from '../storage/packed-features';
import { mergeBbox, outsideDegrees, type Bbox } from './extent';
import type { ImportRun } from './import-run';
import { featureProblem, quote } from './messages';
import { withoutDeepValues } from './nesting';
import { FEATURES_SCANNED_FOR_PROVENANCE } from './provenance';
import type { FeatureMeasurement, ImportProblem } from './types';
import { checkTopology, inspectFeature } from './validate';
import { measureGeometry } from './measure-features';

type FeatureId = string | number | undefined;

/** What step 3 keeps of the usable features, in their order; index k is the k-th one. */
export interface CheckedFeatures {
  features: PackedFeatureBuilder<Blob>;
  /** Index of each in the file. */
  indexes: number[];
  ids: FeatureId[];
  types: Geometry['type'][];
  /** minX, minY, maxX, maxY of each, in the file's numbers. */
  extents: Float64Array;
  /** Self-intersection problems of each (reported in step 5). */
  topologies: (readonly ImportProblem[])[];
  /** Each one's measurement if its numbers are degrees (read as WGS-84), else null. */
  measuredAsWgs84: (FeatureMeasurement | null)[];
  /** The first candidates' properties, for provenanceHints (which reads only these). */
  firstCandidates: unknown[];
  /** How many look projected, and the extents of those that do and of those that don't. */
  projectedCount: number;
  projectedBox: Bbox | null;
  degreesBox: Bbox | null;
}

/**
 * True if `id` sorts strictly after `previous` — numbers by value, strings by length and then
 * UTF-16 unit by unit, so "parcel-10" follows "parcel-9". A strict order: ids that keep following
 * one another are all different. Ids of different types never follow each other.
 */
export function idFollows(previous: FeatureId, id: unknown): boolean {
  if (typeof id === 'number') {
    return previous === undefined || (typeof previous === 'number' && id > previous);
  }
  if (typeof id !== 'string') return false; // null or an object (GeoJSON allows neither): Set
  if (previous === undefined) return true;
  if (typeof previous !== 'string') return false;
  return id.length > previous.length || (id.length === previous.length && id > previous);
}

function definedIds(ids: readonly FeatureId[]): (string | number)[] {
  const defined: (string | number)[] = [];
  for (const id of ids) if (id !== undefined) defined.push(id);
  return defined;
}

/** Where each id first appears among the features checked so far (file indexes). */
function firstIndexes(
  ids: readonly FeatureId[],
  indexes: readonly number[]
): Map<string | number, number> {
  const first = new Map<string | number, number>();
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    if (id !== undefined && !first.has(id)) first.set(id, indexes[k]);
  }
  return first;
}

/**
 * Repeated ids. Files usually number their features in order (1, 2, 3 or "parcel-9",
 * "parcel-10"): while each id sorts after the one before it (idFollows), none can repeat and
 * nothing needs remembering. At the first id out of order a Set of all ids so far takes over
 * (a hash lookup per feature, a quarter of this loop's time in a 100 000-feature file). Where
 * an id first appeared is only needed for the message, so that map is built at the first repeat.
 */
class RepeatedIds {
  private previousId: FeatureId;
  private seenIds: Set<string | number> | null = null;
  private firstIndexById: Map<string | number, number> | null = null;

  constructor(private readonly checked: CheckedFeatures) {}

  /** The problem if `id` (of the feature at file index `i`) was seen before, else null. */
  check(id: FeatureId, i: number): ImportProblem | null {
    if (id === undefined) return null;
    if (!this.seenIds && idFollows(this.previousId, id)) {
      this.previousId = id;
      return null;
    }
    this.seenIds ??= new Set(definedIds(this.checked.ids));
    const seen = this.seenIds.size;
    this.seenIds.add(id);
    if (this.seenIds.size !== seen) {
      this.firstIndexById?.set(id, i);
      return null;
    }
    this.firstIndexById ??= firstIndexes(this.checked.ids, this.checked.indexes);
    const first = this.firstIndexById.get(id) as number;
    return featureProblem('duplicate-id', i, id, { id: quote(id), first: first + 1 });
  }
}

class FeatureChecker {
  readonly checked: CheckedFeatures;
  private readonly repeatedIds: RepeatedIds;
  private readonly rejectedByReader: Set<number | undefined>;
  private readonly sourceText: FeatureSourceText = {
    bytes: new Uint8Array(0),
    start: 0,
    geometryStart: 0,
    geometryEnd: 0,
    end: 0
  };

  constructor(
    private readonly run: ImportRun,
    private readonly source: SourceData
  ) {
    this.checked = {
      features: new PackedFeatureBuilder(undefined, run.shelf),
      indexes: [],
      ids: [],
      types: [],
      extents: new Float64Array(source.featureCount * 4),
      topologies: [],
      measuredAsWgs84: [],
      firstCandidates: [],
      projectedCount: 0,
      projectedBox: null,
      degreesBox: null
    };
    this.repeatedIds = new RepeatedIds(this.checked);
    this.rejectedByReader = new Set(
      source.problems.filter((p) => p.severity === 'error').map((p) => p.featureIndex)
    );
  }

  /** Checks the feature at file index `i`, keeping it if it is usable. */
  check(i: number): void {
    const { run, source } = this;
    // A value nested without bound outside the coordinates is left out, with a remark.
    const trimmed = withoutDeepValues(source.featureAt(i), i);
    const candidate = trimmed.candidate;
    if (trimmed.problems) run.problems.push(...trimmed.problems);
    if (i < FEATURES_SCANNED_FOR_PROVENANCE) {
      // Only its properties are read there: the geometry need not be kept.
      const properties = (candidate as { properties?: unknown } | null)?.properties;
      this.checked.firstCandidates.push({ properties });
    }
    if (this.rejectedByReader.has(i)) return;
    const report = inspectFeature(candidate, i);
    for (const problem of report.problems) run.problems.push(problem);
    run.result.stats.vertexCount += report.vertices;
    if (run.result.stats.vertexCount > run.maxVertices) {
      throw new ImportFileError('too-many-vertices', {
        count: `> ${run.maxVertices}`,
        max: run.maxVertices
      });
    }
    const feature = report.feature;
    if (!feature) {
      run.options.onRejected?.(i, candidate);
      return;
    }
    const repeated = this.repeatedIds.check(feature.id, i);
    if (repeated) run.problems.push(repeated);
    const projected = this.keepExtent(report);
    const checked = this.checked;
    checked.indexes.push(i);
    checked.ids.push(feature.id);
    checked.types.push(feature.geometry.type);
    // Step 5's self-intersection check and (for numbers in degrees, read as WGS-84 unless the
    // CRS turns out otherwise) its measurement are done now, while this feature's coordinates
    // are in the cache: a second pass over 100 000 features' coordinates costs more than the
    // work itself. Their outcome is used, and its problems reported, in step 5 as before.
    checked.topologies.push(checkTopology(feature, i));
    checked.measuredAsWgs84.push(
      run.measure && !projected ? measureGeometry(feature.geometry) : null
    );
    // A feature kept as the file has it can keep the file's own text too.
    const known =
      feature === candidate &&
      !trimmed.problems &&
      source.sourceTextOf?.(i, this.sourceText) === true;
    checked.features.add(feature, known ? this.sourceText : undefined);
  }

  /** Stores the extent of the next kept feature; true if its numbers look projected. */
  private keepExtent(extent: { minX: number; minY: number; maxX: number; maxY: number }): boolean {
    const { minX, minY, maxX, maxY } = extent;
    const checked = this.checked;
    const at = checked.features.count * 4;
    checked.extents[at] = minX;
    checked.extents[at + 1] = minY;
    checked.extents[at + 2] = maxX;
    checked.extents[at + 3] = maxY;
    const projected = outsideDegrees(minX, minY, maxX, maxY);
    if (projected) {
      checked.projectedCount++;
      checked.projectedBox = mergeBbox(checked.projectedBox, minX, minY, maxX, maxY);
    } else checked.degreesBox = mergeBbox(checked.degreesBox, minX, minY, maxX, maxY);
    return projected;
  }
}

/** Step 3 over every feature of `source`; fails if none is usable. */
export async function checkFeatures(run: ImportRun, source: SourceData): Promise<CheckedFeatures> {
  const checker = new FeatureChecker(run, source);
  const total = source.featureCount;
  // A file read on demand (readGeoJsonFile) is read a window ahead of the features checked.
  const prepare = source.prepare;
  let prepared = prepare ? 0 : total;
  for (let i = 0; i < total; i++) {
    if (run.pauseDue(i)) await run.pauseAt('validate', i, total);
    if (prepare && i >= prepared) prepared = await prepare.call(source, i);
    checker.check(i);
  }
  run.progress('validate', total, total);
  if (checker.checked.features.count === 0) {
    throw new ImportFileError('no-usable-features', { count: total });
  }
  return checker.checked;
}
