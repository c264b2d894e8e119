/**
 * The bottom sheet's state on the phone layout: its resting height, the height while a finger
 * drags it, and the pointer handling that moves between them (see ./sheet.ts for the numbers).
 */
import { dragHeight, nextSnap, restingSnap, snapHeights, type SheetSnap } from './sheet';

interface Drag {
  pointerId: number;
  startY: number;
  startHeight: number;
  lastY: number;
  lastTime: number;
  velocity: number;
  moved: boolean;
}

export class SheetState {
  snap = $state<SheetSnap>('peek');
  /** Space under the header, px; set by the page from its layout. */
  available = $state(0);
  /** The height while dragged, null at rest. */
  dragging = $state<number | null>(null);
  #drag: Drag | null = null;
  /** A drag ends in a click on the handle too; that click must not also cycle the height. */
  #dragEnded = false;

  heights = $derived(snapHeights(this.available));
  /** The sheet's height now, px: what the map keeps clear at its bottom. */
  height = $derived(this.dragging ?? this.heights[this.snap]);

  /** Opens the sheet at least to `snap` (a picked feature shows at half height, say). */
  atLeast(snap: SheetSnap): void {
    if (this.heights[this.snap] < this.heights[snap]) this.snap = snap;
  }

  /** Handle tapped or pressed with Enter/Space: peek → half → full → peek. */
  cycle(): void {
    this.snap = nextSnap(this.snap);
  }

  pointerDown(event: PointerEvent): void {
    if (event.button !== 0) return;
    const now = event.timeStamp;
    this.#drag = {
      pointerId: event.pointerId,
      startY: event.clientY,
      startHeight: this.height,
      lastY: event.clientY,
      lastTime: now,
      velocity: 0,
      moved: false
    };
    (event.currentTarget as Element | null)?.setPointerCapture?.(event.pointerId);
  }

  pointerMove(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const elapsed = Math.max(1, event.timeStamp - drag.lastTime);
    drag.velocity = (drag.lastY - event.clientY) / elapsed;
    drag.lastY = event.clientY;
    drag.lastTime = event.timeStamp;
    if (Math.abs(event.clientY - drag.startY) > 4) drag.moved = true;
    if (drag.moved)
      this.dragging = dragHeight(drag.startHeight, event.clientY - drag.startY, this.heights);
  }

  /** Ends a drag where it rests; a press that did not move is left to `click` (a tap). */
  pointerUp(event: PointerEvent): void {
    const drag = this.#drag;
    if (!drag || drag.pointerId !== event.pointerId) return;
    this.#drag = null;
    if (!drag.moved) return;
    this.#dragEnded = true;
    this.snap = restingSnap(this.dragging ?? this.height, drag.velocity, this.heights);
    this.dragging = null;
  }

  /** A tap, or Enter/Space on the handle: the next height, unless a drag just ended there. */
  click(): void {
    if (this.#dragEnded) {
      this.#dragEnded = false;
      return;
    }
    this.cycle();
  }

  pointerCancel(): void {
    this.#drag = null;
    this.dragging = null;
  }
}
