/**
 * The diagonal hatch drawn over schematic areas, as raw RGBA pixels: made in code rather than
 * loaded from a sprite, so the map fetches nothing.
 *
 * @example map.addImage(HATCH_IMAGE, hatchPattern(8, [90, 90, 90]))
 */
export function hatchPattern(
  size: number,
  rgb: [number, number, number],
  alpha = 200
): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // One-pixel diagonal that continues across tile edges: (x + y) mod size == 0.
      if ((x + y) % size !== 0) continue;
      const offset = (y * size + x) * 4;
      data[offset] = rgb[0];
      data[offset + 1] = rgb[1];
      data[offset + 2] = rgb[2];
      data[offset + 3] = alpha;
    }
  }
  return { width: size, height: size, data };
}
