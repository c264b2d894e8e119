/**
 * The record the import's checks write into while they walk one feature (validate.ts): its
 * problems (the first of each kind, at most six), whether one is an error, and the vertex count
 * and extent seen on the way.
 */
import type { Feature, Geometry, GeoJsonProperties } from 'geojson';
import { featureProblem, isErrorCode } from './messages';
import type { ImportProblem } from './types';

/** At most this many problems are listed per feature (the first of each kind). */
export const MAX_PROBLEMS_PER_FEATURE = 6;

export type FeatureId = string | number | undefined;

/** A feature that passed the structural checks; its coordinates are finite numbers. */
export type CheckedFeature = Feature<Geometry, GeoJsonProperties>;

const NO_PROBLEMS: ImportProblem[] = [];

/** What the walk over one feature found; allocated once per feature, so kept lean. */
export class FeatureReport {
  /** The feature, normalised, once the checks found no error; null until then or if they did. */
  feature: CheckedFeature | null = null;
  problems: ImportProblem[] = NO_PROBLEMS;
  hasError = false;
  vertices = 0;
  /** Extent of the numeric positions seen (source coordinates). */
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;

  constructor(
    readonly index: number,
    readonly id: FeatureId
  ) {}

  add(code: string, params: Record<string, string | number | undefined> = {}, path?: string) {
    if (
      this.problems.some((p) => p.code === code) ||
      this.problems.length >= MAX_PROBLEMS_PER_FEATURE
    ) {
      // Not listed again, but still decides whether the feature is usable.
      if (isErrorCode(code)) this.hasError = true;
      return;
    }
    if (this.problems === NO_PROBLEMS) this.problems = [];
    const problem = featureProblem(code, this.index, this.id, params, path);
    if (problem.severity === 'error') this.hasError = true;
    this.problems.push(problem);
  }
}

/** The JSON kind of a value as problems name it: 'null', 'array' or its typeof. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
