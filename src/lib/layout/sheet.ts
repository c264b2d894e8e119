/**
 * The phone layout's bottom sheet, as numbers: how tall each resting height is on a given screen,
 * and where a drag comes to rest. No DOM, so it is tested in Node.
 */

export type SheetSnap = 'peek' | 'half' | 'full';
export const SHEET_SNAPS: readonly SheetSnap[] = ['peek', 'half', 'full'];

/** Below this width (CSS px) the map page is the phone layout: full-screen map and a bottom sheet. */
export const PHONE_MAX_WIDTH_PX = 719;
export const PHONE_MEDIA_QUERY = `(max-width: ${PHONE_MAX_WIDTH_PX}px)`;

/** The peek shows the handle and the search box: enough to start, little of the map covered. */
export const PEEK_HEIGHT_PX = 132;
/** At full height the sheet leaves this much of the map showing, so it can be dragged back. */
const FULL_GAP_PX = 56;
/** A flick faster than this (px/ms) moves one resting height in its direction. */
const FLICK_SPEED = 0.5;

/**
 * The sheet's height at each resting point, in CSS px, for the space under the header.
 * @param available height from the header's bottom to the screen's bottom, px
 * @example snapHeights(796) // { peek: 132, half: 398, full: 740 }
 */
export function snapHeights(available: number): Record<SheetSnap, number> {
  const full = Math.max(PEEK_HEIGHT_PX, Math.round(available - FULL_GAP_PX));
  const half = Math.min(full, Math.max(PEEK_HEIGHT_PX, Math.round(available / 2)));
  return { peek: Math.min(PEEK_HEIGHT_PX, full), half, full };
}

/**
 * Where a drag ends: a flick goes one step in its direction; a slow release goes to the nearest
 * resting height.
 * @param height the sheet's height when released, px
 * @param velocity px/ms, positive when the finger moved up (the sheet grew)
 * @example restingSnap(500, 0, snapHeights(796)) // 'half'
 */
export function restingSnap(
  height: number,
  velocity: number,
  heights: Record<SheetSnap, number>
): SheetSnap {
  const ordered = [...SHEET_SNAPS].sort((a, b) => heights[a] - heights[b]);
  if (Math.abs(velocity) >= FLICK_SPEED) {
    if (velocity > 0) return ordered.find((snap) => heights[snap] > height + 1) ?? 'full';
    return [...ordered].reverse().find((snap) => heights[snap] < height - 1) ?? 'peek';
  }
  let best: SheetSnap = 'peek';
  for (const snap of ordered) {
    if (Math.abs(heights[snap] - height) < Math.abs(heights[best] - height)) best = snap;
  }
  return best;
}

/**
 * The next resting height for a tap on the handle: peek → half → full → peek.
 * @example nextSnap('peek') // 'half'
 */
export function nextSnap(snap: SheetSnap): SheetSnap {
  return snap === 'peek' ? 'half' : snap === 'half' ? 'full' : 'peek';
}

/**
 * The sheet's height while dragged, kept between the peek and the full height.
 * @example dragHeight(398, -50, snapHeights(796)) // 448 (the finger moved up 50 px)
 */
export function dragHeight(
  startHeight: number,
  pointerDeltaY: number,
  heights: Record<SheetSnap, number>
): number {
  return Math.min(heights.full, Math.max(heights.peek, startHeight - pointerDeltaY));
}
