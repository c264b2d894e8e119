/** Extents in the file's own numbers, as the import loops gather them (no array per feature). */

export type Bbox = [number, number, number, number];

/**
 * crs.js `looksProjected` — some position outside longitude ±180° / latitude ±90° — decided from
 * the extent the validation walk already gathered, instead of walking every position again
 * (tests/unit/import-parts.test.ts checks the two agree).
 */
export function extentLooksProjected(extent: Bbox): boolean {
  return outsideDegrees(extent[0], extent[1], extent[2], extent[3]);
}

/** extentLooksProjected on four numbers, for the import loop (no array per feature). */
export function outsideDegrees(minX: number, minY: number, maxX: number, maxY: number): boolean {
  return minX < -180 || maxX > 180 || minY < -90 || maxY > 90;
}

/** Grows `bbox` in place to cover an extent (a new box if there is none yet). */
export function mergeBbox(
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
