/**
 * Does a polygon's boundary cross itself? A sweep over the x axis (segments sorted by their left
 * end, each compared only with segments whose x-range it overlaps), so a 10⁶-vertex ring takes
 * about a second instead of the 10¹² pair tests of the naive check. A work budget turns
 * pathological input into an honest “too complex to check” instead of a frozen worker.
 *
 * What counts (OGC simple-feature rules): within one ring, any contact between non-adjacent
 * edges, and adjacent edges folding back on each other (spikes); between two rings of the same
 * polygon, a proper crossing or a shared stretch of edge. Two rings touching at a single point is
 * allowed. Once nothing crosses, each hole must lie inside its shell (a hole outside it, or
 * around it, would be subtracted from an area it is not part of: a negative area). Not checked:
 * overlapping parts of a MultiPolygon.
 */
import type { Position } from 'geojson';

export type SelfIntersection =
  | { kind: 'none' }
  | { kind: 'found'; at: [number, number] }
  | { kind: 'too-complex'; segments: number }
  /** `ring`: the 1-based number of the ring (2 = the first hole) that is not inside the shell. */
  | { kind: 'hole-outside'; ring: number };

/** Point-in-shell tests allowed (holes × shell edges) before the hole check is left out. */
const HOLE_TEST_BUDGET = 20_000_000;

/**
 * Where a point lies against a closed ring: 1 inside, -1 outside, 0 on its boundary
 * (even-odd ray casting, the boundary found exactly).
 */
function pointInRing(x: number, y: number, ring: Position[]): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (
      orientation(xj, yj, xi, yi, x, y) === 0 &&
      Math.min(xi, xj) <= x &&
      x <= Math.max(xi, xj) &&
      Math.min(yi, yj) <= y &&
      y <= Math.max(yi, yj)
    ) {
      return 0;
    }
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/**
 * Rings that do not cross (checked first): a hole is inside its shell if any of its vertices not
 * on the shell is inside. The first hole outside, or none.
 */
function holesInside(rings: Position[][]): SelfIntersection {
  if (rings.length < 2 || (rings.length - 1) * rings[0].length > HOLE_TEST_BUDGET) return NONE;
  const shell = rings[0];
  for (let r = 1; r < rings.length; r++) {
    let side: -1 | 0 | 1 = 0;
    for (const [x, y] of rings[r]) {
      side = pointInRing(x, y, shell);
      if (side !== 0) break;
    }
    // A hole whose every vertex is on the shell traces the shell: its area cancels the shell's.
    if (side !== 1) return { kind: 'hole-outside', ring: r + 1 };
  }
  return NONE;
}

/** Below this many edges, insertion sort beats the built-in sort with a comparator. */
const INSERTION_SORT_LIMIT = 48;
/**
 * Up to this many edges every pair is tested directly: a parcel's 20-odd edges overlap in x almost
 * all, so the sweep would test nearly every pair anyway, after paying for its sort and list.
 */
const ALL_PAIRS_LIMIT = 32;
/** Pair tests allowed per edge (plus a floor) before giving up. */
const TESTS_PER_SEGMENT = 200;
const MIN_TEST_BUDGET = 5_000_000;

/**
 * Edges of the polygon being checked, in scratch arrays reused from call to call: importing 100 000
 * parcels must not allocate a dozen typed arrays per parcel.
 */
interface Segments {
  x1: Float64Array;
  y1: Float64Array;
  x2: Float64Array;
  y2: Float64Array;
  minX: Float64Array;
  maxX: Float64Array;
  minY: Float64Array;
  maxY: Float64Array;
  ring: Int32Array;
  /** Position of the edge within its ring (after dropping repeated points). */
  order: Int32Array;
  /** Edge count of each ring. */
  ringLength: number[];
  count: number;
}

let scratch: Segments | null = null;
let sortScratch = new Uint32Array(64);
let activeScratch = new Uint32Array(64);

function scratchFor(capacity: number): Segments {
  if (!scratch || scratch.x1.length < capacity) {
    const size = Math.max(capacity, 64);
    scratch = {
      x1: new Float64Array(size),
      y1: new Float64Array(size),
      x2: new Float64Array(size),
      y2: new Float64Array(size),
      minX: new Float64Array(size),
      maxX: new Float64Array(size),
      minY: new Float64Array(size),
      maxY: new Float64Array(size),
      ring: new Int32Array(size),
      order: new Int32Array(size),
      ringLength: [],
      count: 0
    };
  }
  scratch.ringLength = [];
  scratch.count = 0;
  return scratch;
}

function buildSegments(rings: Position[][]): Segments {
  let capacity = 0;
  for (const ring of rings) capacity += Math.max(0, ring.length - 1);
  const s = scratchFor(capacity);
  const { x1, y1, x2, y2, minX, maxX, minY, maxY, ring, order } = s;
  let count = 0;
  for (let r = 0; r < rings.length; r++) {
    const positions = rings[r];
    let inRing = 0;
    let px = positions[0][0];
    let py = positions[0][1];
    for (let i = 1; i < positions.length; i++) {
      const qx = positions[i][0];
      const qy = positions[i][1];
      if (qx === px && qy === py) continue; // a repeated point is not an edge
      // Along the antimeridian seam (−180° to 180° at one latitude, e.g. a polar cap's) the edge
      // has no length on the globe: not an edge either.
      if (qy === py && (px === 180 || px === -180) && qx === -px) {
        px = qx;
        continue;
      }
      x1[count] = px;
      y1[count] = py;
      x2[count] = qx;
      y2[count] = qy;
      minX[count] = px < qx ? px : qx;
      maxX[count] = px < qx ? qx : px;
      minY[count] = py < qy ? py : qy;
      maxY[count] = py < qy ? qy : py;
      ring[count] = r;
      order[count] = inRing++;
      count++;
      px = qx;
      py = qy;
    }
    s.ringLength.push(inRing);
  }
  s.count = count;
  return s;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number) {
  const cross = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return cross > 0 ? 1 : cross < 0 ? -1 : 0;
}

/** For a point known to be collinear with segment a–b: does it lie within the segment's box? */
function withinBox(ax: number, ay: number, bx: number, by: number, px: number, py: number) {
  return (
    px >= Math.min(ax, bx) &&
    px <= Math.max(ax, bx) &&
    py >= Math.min(ay, by) &&
    py <= Math.max(ay, by)
  );
}

/**
 * Where edges i and j conflict under the rules above, or null.
 */
function conflict(s: Segments, i: number, j: number): [number, number] | null {
  const ax = s.x1[i], ay = s.y1[i], bx = s.x2[i], by = s.y2[i]; // prettier-ignore
  const cx = s.x1[j], cy = s.y1[j], dx = s.x2[j], dy = s.y2[j]; // prettier-ignore

  const sameRing = s.ring[i] === s.ring[j];
  let adjacent = false;
  if (sameRing) {
    const gap = Math.abs(s.order[i] - s.order[j]);
    adjacent = gap === 1 || gap === s.ringLength[s.ring[i]] - 1;
  }

  const o1 = orientation(ax, ay, bx, by, cx, cy);
  const o2 = orientation(ax, ay, bx, by, dx, dy);
  // Adjacent edges share a vertex; unless collinear (a fold, handled below) that is all.
  if (adjacent && (o1 !== 0 || o2 !== 0)) return null;
  const o3 = orientation(cx, cy, dx, dy, ax, ay);
  const o4 = orientation(cx, cy, dx, dy, bx, by);

  if (o1 === 0 && o2 === 0) {
    // Collinear: a conflict if they share more than a point.
    const overlapMinX = Math.max(Math.min(ax, bx), Math.min(cx, dx));
    const overlapMaxX = Math.min(Math.max(ax, bx), Math.max(cx, dx));
    const overlapMinY = Math.max(Math.min(ay, by), Math.min(cy, dy));
    const overlapMaxY = Math.min(Math.max(ay, by), Math.max(cy, dy));
    const sharesStretch = overlapMaxX > overlapMinX || overlapMaxY > overlapMinY;
    if (sharesStretch) return [(overlapMinX + overlapMaxX) / 2, (overlapMinY + overlapMaxY) / 2];
    if (sameRing && !adjacent) return [overlapMinX, overlapMinY]; // touching end to end
    return null;
  }
  if (adjacent) return null; // they share their common vertex and nothing else

  if (o1 * o2 < 0 && o3 * o4 < 0) {
    // Proper crossing: report the crossing point.
    const denominator = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / denominator;
    return [ax + t * (bx - ax), ay + t * (by - ay)];
  }
  if (!sameRing) return null; // different rings may touch at a point
  if (o1 === 0 && withinBox(ax, ay, bx, by, cx, cy)) return [cx, cy];
  if (o2 === 0 && withinBox(ax, ay, bx, by, dx, dy)) return [dx, dy];
  if (o3 === 0 && withinBox(cx, cy, dx, dy, ax, ay)) return [ax, ay];
  if (o4 === 0 && withinBox(cx, cy, dx, dy, bx, by)) return [bx, by];
  return null;
}

/** The usual answer, shared rather than allocated 100 000 times. */
const NONE: SelfIntersection = Object.freeze({ kind: 'none' });

/** Box of each edge of a small lone ring (minX, maxX, minY, maxY), then its ends (x1, y1, x2, y2). */
const SMALL_BOXES = new Float64Array(ALL_PAIRS_LIMIT * 4);
const SMALL_ENDS = new Float64Array(ALL_PAIRS_LIMIT * 4);

/**
 * True when a lone ring of at most ALL_PAIRS_LIMIT edges certainly has no conflict: the only
 * pairs of edges whose boxes meet are neighbours that are not collinear — exactly the pairs for
 * which conflict() returns null at its first test. Anything else (a meeting of non-neighbours, a
 * straight or folded vertex, too many edges) returns false, and the full check decides. Scratch
 * arrays and no per-ring allocation: this is the path 100 000 parcels take.
 */
function smallRingIsClear(positions: Position[]): boolean {
  const box = SMALL_BOXES;
  const end = SMALL_ENDS;
  let count = 0;
  let px = positions[0][0];
  let py = positions[0][1];
  for (let i = 1; i < positions.length; i++) {
    const qx = positions[i][0];
    const qy = positions[i][1];
    if (qx === px && qy === py) continue; // a repeated point is not an edge
    if (count === ALL_PAIRS_LIMIT) return false;
    const at = count * 4;
    end[at] = px;
    end[at + 1] = py;
    end[at + 2] = qx;
    end[at + 3] = qy;
    box[at] = px < qx ? px : qx;
    box[at + 1] = px < qx ? qx : px;
    box[at + 2] = py < qy ? py : qy;
    box[at + 3] = py < qy ? qy : py;
    count++;
    px = qx;
    py = qy;
  }
  for (let i = 1; i < count; i++) {
    const a = i * 4;
    const ax = end[a], ay = end[a + 1], bx = end[a + 2], by = end[a + 3]; // prettier-ignore
    // The previous edge ends where this one starts: conflict() tests whether its start is on
    // this edge's line.
    if (orientation(ax, ay, bx, by, end[a - 4], end[a - 3]) === 0) return false;
    const left = box[a], right = box[a + 1], bottom = box[a + 2], top = box[a + 3]; // prettier-ignore
    const last = a - 4; // boxes of edges 0 … i - 2 lie before the previous edge's
    for (let b = 0; b < last; b += 4) {
      if (left > box[b + 1] || box[b] > right || bottom > box[b + 3] || box[b + 2] > top) continue;
      // The last edge ends where the first starts (the ring is closed): there conflict()'s
      // first orientation is exactly 0 and its second, the first edge's end, decides.
      if (b === 0 && i === count - 1 && orientation(ax, ay, bx, by, end[2], end[3]) !== 0) continue;
      return false;
    }
  }
  return true;
}

/**
 * Every pair of edges whose boxes meet, tested for a conflict: for at most ALL_PAIRS_LIMIT edges,
 * at most 496 pair tests — far below the work budget, so no budget is kept. The first conflict,
 * or null.
 */
function allPairsConflict(s: Segments): [number, number] | null {
  const { x1, y1, x2, y2, ring, minX, maxX, minY, maxY } = s;
  const n = s.count;
  for (let i = 1; i < n; i++) {
    const left = minX[i];
    const right = maxX[i];
    const bottom = minY[i];
    const top = maxY[i];
    // Edge i - 1 of the same ring ends where edge i starts: they conflict only if collinear,
    // which is conflict()'s own first orientation test — done here, saving the call.
    const previous = i - 1;
    if (
      ring[previous] !== ring[i] ||
      orientation(x1[i], y1[i], x2[i], y2[i], x1[previous], y1[previous]) === 0
    ) {
      if (left <= maxX[previous] && minX[previous] <= right) {
        if (bottom <= maxY[previous] && minY[previous] <= top) {
          const at = conflict(s, i, previous);
          if (at) return at;
        }
      }
    }
    for (let j = 0; j < previous; j++) {
      if (left > maxX[j] || minX[j] > right || bottom > maxY[j] || minY[j] > top) continue;
      const at = conflict(s, i, j);
      if (at) return at;
    }
  }
  return null;
}

/**
 * The edges' indexes in order of their left end: insertion sort for the small rings of ordinary
 * parcels (no comparator calls, into a scratch array), the built-in sort for big ones.
 */
function edgesByLeftEnd(minX: Float64Array, n: number): Uint32Array {
  if (sortScratch.length < n) {
    sortScratch = new Uint32Array(Math.max(n, 64));
    activeScratch = new Uint32Array(Math.max(n, 64));
  }
  const sorted = n < INSERTION_SORT_LIMIT ? sortScratch : new Uint32Array(n);
  for (let i = 0; i < n; i++) sorted[i] = i;
  if (n < INSERTION_SORT_LIMIT) {
    for (let i = 1; i < n; i++) {
      const edge = sorted[i];
      const key = minX[edge];
      let j = i - 1;
      while (j >= 0 && minX[sorted[j]] > key) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = edge;
    }
  } else sorted.sort((a, b) => minX[a] - minX[b]);
  return sorted;
}

/**
 * The sweep: each edge, in order of its left end, against the edges whose x-range it still
 * overlaps, within a work budget.
 */
function sweepConflict(s: Segments): SelfIntersection | null {
  const { minX, maxX, minY, maxY } = s;
  const n = s.count;
  const sorted = edgesByLeftEnd(minX, n);
  let budget = Math.max(MIN_TEST_BUDGET, TESTS_PER_SEGMENT * n);
  // Edges whose x-range may still overlap a later edge's, compacted in place.
  const active = activeScratch;
  let activeCount = 0;
  for (let k = 0; k < n; k++) {
    const current = sorted[k];
    const left = minX[current];
    let kept = 0;
    for (let a = 0; a < activeCount; a++) {
      const other = active[a];
      if (maxX[other] < left) continue; // ends before this edge starts: never needed again
      active[kept++] = other;
      if (--budget < 0) return { kind: 'too-complex', segments: n };
      if (minY[current] > maxY[other] || minY[other] > maxY[current]) continue;
      const at = conflict(s, current, other);
      if (at) return { kind: 'found', at };
    }
    active[kept++] = current;
    activeCount = kept;
  }
  return null;
}

/**
 * Checks one polygon (its shell and holes; each ring closed, numeric, ≥ 4 positions — validate.ts
 * ensures that first).
 *
 * @example findSelfIntersection([[[0,0],[2,2],[2,0],[0,2],[0,0]]]) // bow tie
 *   // → { kind: 'found', at: [1, 1] }
 */
export function findSelfIntersection(rings: Position[][]): SelfIntersection {
  if (rings.length === 1 && smallRingIsClear(rings[0])) return NONE;
  const s = buildSegments(rings);
  if (s.count <= ALL_PAIRS_LIMIT) {
    const at = allPairsConflict(s);
    return at ? { kind: 'found', at } : holesInside(rings);
  }
  return sweepConflict(s) ?? holesInside(rings);
}
