// The phone layout's bottom sheet: resting heights and where a drag comes to rest.
import { describe, expect, it } from 'vitest';
import {
  dragHeight,
  nextSnap,
  PEEK_HEIGHT_PX,
  restingSnap,
  snapHeights
} from '../../src/lib/layout/sheet';

describe('snapHeights', () => {
  it('peeks, halves and leaves a strip of map at full height on a 390 × 844 phone', () => {
    expect(snapHeights(796)).toEqual({ peek: PEEK_HEIGHT_PX, half: 398, full: 740 });
  });

  it('never orders the heights wrongly on a very short screen', () => {
    for (const available of [0, 50, 132, 150, 200, 300]) {
      const { peek, half, full } = snapHeights(available);
      expect(peek).toBeLessThanOrEqual(half);
      expect(half).toBeLessThanOrEqual(full);
    }
  });
});

describe('restingSnap', () => {
  const heights = snapHeights(796);

  it('goes to the nearest height on a slow release', () => {
    expect(restingSnap(140, 0, heights)).toBe('peek');
    expect(restingSnap(300, 0.1, heights)).toBe('half');
    expect(restingSnap(500, -0.1, heights)).toBe('half');
    expect(restingSnap(700, 0, heights)).toBe('full');
  });

  it('moves one step in the direction of a flick', () => {
    expect(restingSnap(200, 1.2, heights)).toBe('half');
    expect(restingSnap(420, 1.2, heights)).toBe('full');
    expect(restingSnap(720, -1.2, heights)).toBe('half');
    expect(restingSnap(380, -1.2, heights)).toBe('peek');
    expect(restingSnap(740, 2, heights)).toBe('full');
    expect(restingSnap(132, -2, heights)).toBe('peek');
  });
});

describe('dragging and tapping', () => {
  const heights = snapHeights(796);

  it('follows the finger between the peek and the full height', () => {
    expect(dragHeight(398, -50, heights)).toBe(448);
    expect(dragHeight(398, 1000, heights)).toBe(heights.peek);
    expect(dragHeight(398, -1000, heights)).toBe(heights.full);
  });

  it('cycles peek → half → full → peek on a tap', () => {
    expect(nextSnap('peek')).toBe('half');
    expect(nextSnap('half')).toBe('full');
    expect(nextSnap('full')).toBe('peek');
  });
});
