/**
 * What every reader (GeoJSON, KML, Shapefile) hands to `importFile`: candidate features still in
 * the file's own coordinates, not yet validated, plus what the file says about itself.
 */
import type { DeclaredCrs } from './crs-names';
import type { FeatureSourceText } from '../storage/packed-features';
import type { BilingualMessage, ImportFormat, ImportProblem } from '../import/types';

/** The limits a reader holds records to before they become objects (import-file.ts sets them). */
export interface ReaderLimits {
  maxBytes: number;
  maxVertices: number;
  maxFeatures: number;
}

export interface SourceData {
  format: ImportFormat;
  /** How many things the file offers as features, valid or not. */
  featureCount: number;
  /**
   * The candidate at `index` (0 ≤ index < featureCount), in file order. A big GeoJSON file's
   * candidates are parsed a batch at a time as they are asked for, so reading them in order
   * keeps only one batch alive; asking out of order costs a batch parse.
   */
  featureAt(index: number): unknown;
  /**
   * Present when candidates are read from a file on demand: reads what featureAt needs from
   * `index` on and resolves to the first index it does not cover. Await it before featureAt of
   * an index not yet covered.
   */
  prepare?(index: number): Promise<number>;
  /**
   * Present when the reader can tell where a candidate's own JSON text is (a split GeoJSON
   * FeatureCollection): for the candidate featureAt gave last, fills `into` (valid until the
   * next featureAt) and returns true; false if it cannot. Packing (packed-features.ts) then
   * copies that text instead of writing the feature out again.
   */
  sourceTextOf?(index: number, into: FeatureSourceText): boolean;
  /** What the file declares about its CRS; null if it declares nothing. */
  declaredCrs: DeclaredCrs | null;
  /** True if the format fixes the CRS (KML is always WGS-84 longitude/latitude). */
  crsFixedByFormat: boolean;
  notices: BilingualMessage[];
  /** Problems the reader already found (e.g. deleted or missing Shapefile records). */
  problems: ImportProblem[];
  /** Free text describing the data (titles, descriptions, file names) for provenance hints. */
  metadataText: string[];
}

/** featureCount and featureAt over candidates a reader holds as an array. */
export function candidatesOf(
  features: readonly unknown[]
): Pick<SourceData, 'featureCount' | 'featureAt'> {
  return { featureCount: features.length, featureAt: (index) => features[index] };
}
