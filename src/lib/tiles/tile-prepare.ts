/**
 * What PackedTileIndex.finish() adds to each source: per vertex its Douglas-Peucker importance,
 * per line or ring its size (length or |area|, world units), per feature its Web-Mercator bbox.
 */
import { isPackedGeometry, PackedKind } from '$lib/storage/packed-features';
import { projectX, projectY, simplifyRing, storedImportance } from './tile-math';
import { walkRings, type Source } from './tile-source';

/** Scratch arrays reused across features and sources, grown as needed. */
export class PrepareScratch {
  xy = new Float64Array(64);
  importance = new Float64Array(32);
  readonly stack: number[] = [];

  fit(vertexCount: number): void {
    if (this.xy.length >= 2 * vertexCount) return;
    this.xy = new Float64Array(4 * vertexCount);
    this.importance = new Float64Array(2 * vertexCount);
  }
}

/** count + 1 offsets, in vertices, of each feature's first vertex. */
function vertexOffsetsOf(source: Source): Uint32Array {
  const { count, kinds, dimensions, coordinateOffsets } = source;
  const vertexOffsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const dimension = dimensions[i];
    const numbers = coordinateOffsets[i + 1] - coordinateOffsets[i];
    const vertices = isPackedGeometry(kinds[i]) && dimension > 0 ? numbers / dimension : 0;
    vertexOffsets[i + 1] = vertexOffsets[i] + vertices;
  }
  return vertexOffsets;
}

/**
 * Feature i's importance per vertex and size per line or ring (pushed to `sizes`); its bbox
 * (outer rings only, for polygons) into `bboxes` at its global number, unless it has no vertex.
 */
function prepareFeature(
  source: Source,
  i: number,
  sizes: number[],
  bboxes: Float64Array,
  scratch: PrepareScratch
): void {
  const { kinds, dimensions, coordinateOffsets, coordinates, importance } = source;
  const kind = kinds[i];
  const dimension = dimensions[i];
  const coordinateStart = coordinateOffsets[i];
  const vertexStart = source.vertexOffsets[i];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const isPolygon = kind === PackedKind.Polygon || kind === PackedKind.MultiPolygon;
  if (!isPackedGeometry(kind)) return;
  walkRings(source, i, vertexStart, (vertex, vertexCount, outer) => {
    scratch.fit(vertexCount);
    const scratchXY = scratch.xy;
    const scratchImportance = scratch.importance;
    const at = coordinateStart + (vertex - vertexStart) * dimension;
    let size = 0;
    let x0 = 0;
    let y0 = 0;
    for (let k = 0; k < vertexCount; k++) {
      const x = projectX(coordinates[at + k * dimension]);
      const y = projectY(coordinates[at + k * dimension + 1]);
      scratchXY[2 * k] = x;
      scratchXY[2 * k + 1] = y;
      if (outer || !isPolygon) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
      if (k > 0) {
        if (isPolygon) size += (x0 * y - x * y0) / 2;
        else size += Math.sqrt(Math.pow(x - x0, 2) + Math.pow(y - y0, 2));
      }
      x0 = x;
      y0 = y;
    }
    if (kind <= PackedKind.MultiPoint) return;
    sizes.push(Math.abs(size));
    scratchImportance.fill(0, 0, vertexCount);
    scratchImportance[0] = 1;
    simplifyRing(scratchXY, scratchImportance, vertexCount, scratch.stack);
    scratchImportance[vertexCount - 1] = 1;
    for (let k = 0; k < vertexCount; k++) {
      const value = scratchImportance[k];
      importance[vertex + k] = value === 0 || value === 1 ? value : storedImportance(value);
    }
  });
  if (minX <= maxX) {
    const at = 4 * (source.first + i);
    bboxes[at] = minX;
    bboxes[at + 1] = minY;
    bboxes[at + 2] = maxX;
    bboxes[at + 3] = maxY;
  }
}

/** Fills in the source's finish()-time arrays and its features' bboxes. */
export function prepareSource(source: Source, bboxes: Float64Array, scratch: PrepareScratch): void {
  const count = source.count;
  source.vertexOffsets = vertexOffsetsOf(source);
  source.importance = new Float32Array(source.vertexOffsets[count]);
  const ringOffsets = new Uint32Array(count + 1);
  const sizes: number[] = [];
  for (let i = 0; i < count; i++) {
    prepareFeature(source, i, sizes, bboxes, scratch);
    ringOffsets[i + 1] = sizes.length;
  }
  source.ringOffsets = ringOffsets;
  source.ringSizes = Float64Array.from(sizes);
}
