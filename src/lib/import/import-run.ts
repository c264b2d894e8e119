/**
 * One run of importFile: its result as it fills, its problems, its limits, and the pacing of its
 * long loops — they yield to the event loop every ~50 ms, so progress is posted and a cancel
 * message (AbortSignal) is seen while the work is under way.
 */
import { BlobShelf } from '../storage/packed-blob';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_FEATURES, DEFAULT_MAX_VERTICES } from './limits';
import { ProblemList } from './problem-list';
import type { ImportOptions, ImportPhase, ImportResult } from './types';

const YIELD_EVERY_MS = 50;

export function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/** Lets queued messages (progress, cancel) through, then stops if cancelled. */
export async function pause(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal?.throwIfAborted();
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

export class ImportRun {
  private readonly started = now();
  private lastYield = this.started;
  readonly result: ImportResult;
  readonly problems = new ProblemList();
  readonly maxBytes: number;
  readonly maxVertices: number;
  readonly maxFeatures: number;
  readonly measure: boolean;
  /** Blobs keep the packed features out of the tab (packIntoBlob), one shelf for both builders. */
  readonly shelf: BlobShelf | undefined;

  constructor(
    readonly options: ImportOptions,
    readonly size: number
  ) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxVertices = options.maxVertices ?? DEFAULT_MAX_VERTICES;
    this.maxFeatures = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
    this.measure = options.measure ?? true;
    this.shelf = options.packIntoBlob ? new BlobShelf() : undefined;
    this.result = emptyResult(size);
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  progress(phase: ImportPhase, done: number, total: number): void {
    this.options.onProgress?.({ phase, done, total });
  }

  /**
   * Whether a loop should pause now. Checked synchronously for every feature (an await per
   * feature would cost a microtask each); looking at the clock costs too, so only every 64th
   * feature does.
   */
  pauseDue(done: number): boolean {
    return (done & 63) === 0 && now() - this.lastYield >= YIELD_EVERY_MS;
  }

  async pauseAt(phase: 'validate' | 'convert', done: number, total: number): Promise<void> {
    this.progress(phase, done, total);
    await pause(this.signal);
    this.lastYield = now();
  }

  /** The result with its problems and counts filled in. */
  finish(): ImportResult {
    const { result, problems } = this;
    result.problems = problems.sorted();
    result.problemCounts = problems.countsByCode();
    result.unlistedProblemCount = problems.unlisted;
    result.stats.warningCount = problems.warnings;
    result.stats.usableCount = result.featureIndexes.length;
    result.stats.rejectedCount = result.stats.featureCount - result.featureIndexes.length;
    result.stats.elapsedMs = Math.round(now() - this.started);
    return result;
  }
}
