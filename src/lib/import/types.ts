/**
 * The contract of the import pipeline (issue #5): what `importFile` takes and returns, shared by
 * the worker, the main-thread client and the UI. Everything here is structured-cloneable.
 */
import type { FeatureList } from '../storage/feature-list';

/**
 * A coordinate reference system the importer can convert from:
 * `wgs84`, `cgcs2000` (geographic), `gcj02`, `bd09`, or a CGCS2000 3° Gauss-Krüger zone
 * `EPSG:4513` … `EPSG:4554`.
 */
export type CrsId = string;

/**
 * What an import reads: a File (or other Blob), read where the import runs, or its bytes.
 */
export type ImportSource = Blob | Uint8Array;

/** What the bytes turned out to be. */
export type ImportFormat = 'geojson' | 'kml' | 'shapefile-zip' | 'kmz';

/** One message for people, in both languages, with a stable machine code. */
export interface BilingualMessage {
  code: string;
  zh: string;
  en: string;
}

/**
 * A problem with one feature. `error`: the feature is not usable and is left out of
 * `ImportResult.features` (but listed here, so nothing disappears silently); `warning`: the
 * feature is kept.
 */
export interface ImportProblem extends BilingualMessage {
  /** 0-based position of the feature in the file (the messages count from 1). */
  featureIndex: number;
  featureId?: string | number;
  severity: 'error' | 'warning';
  /** Where inside the feature, e.g. `geometry.coordinates[0][3]`. */
  path?: string;
}

/** read+parse: the file as a whole; validate: structure per feature; convert: geometry checks,
 * conversion to WGS-84 and measuring. */
export type ImportPhase = 'parse' | 'validate' | 'convert';

export interface ImportProgress {
  phase: ImportPhase;
  /** Units done in this phase (bytes for `parse`, features otherwise). */
  done: number;
  total: number;
}

export interface ImportOptions {
  /** The CRS the user chose; overrides what the file says (but is still checked against the data). */
  crs?: CrsId;
  /** Files larger than this are refused before parsing. Default 100 MiB. */
  maxBytes?: number;
  /** Refuse files with more vertices than this. Default 5 000 000. */
  maxVertices?: number;
  /** Refuse files with more features than this. Default 1 000 000. */
  maxFeatures?: number;
  /** Compute ellipsoidal area / geodesic length of each usable feature. Default true. */
  measure?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Called with each candidate that the structure checks refused (its problems are in
   * `ImportResult.problems`), as the reader made it: for callers that name refused features (the
   * `linghe-audit` command). Not structured-cloneable, so not for the worker.
   */
  onRejected?: (featureIndex: number, candidate: unknown) => void;
  /**
   * Keep the packed features in a Blob (packed-blob.ts) as they are packed, not in memory: the
   * result's `packedBlob` has them and its `features` is empty. For the import worker: a Blob's
   * bytes are kept by the browser, outside the tab, so a big file's features are not held in the
   * tab while the rest of it is parsed. Default false.
   */
  packIntoBlob?: boolean;
}

export interface FeatureMeasurement {
  /** Ellipsoidal area in m², for polygons; null otherwise. */
  areaM2: number | null;
  /** Geodesic length in m, for lines; null otherwise. */
  lengthM: number | null;
}

export interface ImportStats {
  bytes: number;
  /** Features found in the file (usable or not). */
  featureCount: number;
  usableCount: number;
  rejectedCount: number;
  warningCount: number;
  vertexCount: number;
  /** [minLon, minLat, maxLon, maxLat] of the usable features in WGS-84, or null. */
  bbox: [number, number, number, number] | null;
  geometryTypes: Record<string, number>;
  /** Wall time of the whole import, ms. */
  elapsedMs: number;
}

export type ImportStatus = 'ok' | 'needs-crs' | 'failed';

export interface ImportResult {
  status: ImportStatus;
  format: ImportFormat | null;
  /**
   * Usable features, converted to WGS-84, in file order. Empty unless status is `ok`, and empty
   * with the `packIntoBlob` option: `packedBlob` has them then. Read-only (feature-list.ts): a
   * PackedFeatures from importFile.
   */
  features: FeatureList;
  /** The usable features, packed (packed-blob.ts), with the `packIntoBlob` option. */
  packedBlob?: Blob;
  /** For each entry of `features`, its 0-based index in the file. */
  featureIndexes: number[];
  /**
   * For each entry of `features` (when `measure` is on). Empty in a result that came from the
   * import worker: `summary` has the totals instead.
   */
  measurements: FeatureMeasurement[];
  /** The usable features' counts, total area and length, and extent, as the import measured. */
  summary?: LayerSummary;
  /** The problems found, in feature order; bounded (problem-list.ts), see `unlistedProblemCount`. */
  problems: ImportProblem[];
  /** How many problems of each code were found, listed or not (absent before any reading). */
  problemCounts?: ProblemCount[];
  /** Problems counted in `problemCounts` but not kept in `problems`. */
  unlistedProblemCount?: number;
  /** Why the whole file could not be read (status `failed`). */
  fileError?: BilingualMessage;
  /** Why the user must choose a CRS (status `needs-crs`). */
  crsQuestion?: BilingualMessage;
  /** File-level remarks that did not stop the import (encoding guessed, GCJ-02 hints, …). */
  notices: BilingualMessage[];
  /** The CRS the file declares (.prj, GeoJSON `crs` member), if recognised. */
  detectedCrs: CrsId | null;
  /** A CRS guessed from the data (e.g. a Gauss-Krüger zone from the easting prefix) to preselect. */
  suggestedCrs: CrsId | null;
  /** The CRS the coordinates were converted from. */
  usedCrs: CrsId | null;
  stats: ImportStats;
}

/** How many problems of one code an import found, and how bad they are (problem-list.ts). */
export interface ProblemCount {
  code: string;
  severity: ImportProblem['severity'];
  count: number;
}

/** An extent in WGS-84: west, south, east, north. */
export type Bbox = [number, number, number, number];

/** Counts, totals and extent of a layer (storage/user-layers.ts summarizeLayer). */
export interface LayerSummary {
  featureCount: number;
  polygonCount: number;
  lineCount: number;
  pointCount: number;
  /** Sum of the polygons' ellipsoidal areas, m². */
  areaM2: number;
  /** Sum of the lines' geodesic lengths, m. */
  lengthM: number;
  /** Extent in WGS-84, or null for a layer without positions. */
  bbox: Bbox | null;
}
