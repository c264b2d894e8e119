/**
 * What every reader (GeoJSON, KML, Shapefile) hands to `importFile`: candidate features still in
 * the file's own coordinates, not yet validated, plus what the file says about itself.
 */
import type { DeclaredCrs } from './crs-names';
import type { BilingualMessage, ImportFormat, ImportProblem } from './types';

export interface SourceData {
  format: ImportFormat;
  /** Everything the file offers as a feature, valid or not, in file order. */
  features: unknown[];
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
