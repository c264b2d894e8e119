// Types for the untyped packages the importer uses (only the parts it calls).

declare module 'geojson-validation' {
  /** With `trace` true: the list of problems found (empty if valid). */
  export function isFeature(feature: unknown, trace: true): string[];
  export function isFeature(feature: unknown, trace?: false): boolean;
  const geojsonValidation: { isFeature: typeof isFeature };
  export default geojsonValidation;
}

declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp (null for null shapes), reprojected with `prj` if given. */
  export function parseShp(
    shp: DataView | ArrayBuffer | Uint8Array,
    prj?: string | false
  ): (Geometry | null)[];
  /** Attribute records of a .dbf, text decoded with the `cpg` encoding label. */
  export function parseDbf(
    dbf: DataView | ArrayBuffer | Uint8Array,
    cpg?: string
  ): Record<string, unknown>[];
}
