/**
 * The geometry of a sheet's marks, mm on paper (y down): the hatching that marks schematic
 * shapes in the legend, and a north arrow turned with the map. Plain functions.
 */

export type Point = [number, number];

/**
 * 45° hatching lines clipped to a rectangle, `spacing` mm apart (as the map hatches schematic
 * fills: rising to the right).
 * @example hatchLines({ x: 0, y: 0, w: 4, h: 2 }, 1).length // 5
 */
export function hatchLines(
  rect: { x: number; y: number; w: number; h: number },
  spacing: number
): [Point, Point][] {
  const lines: [Point, Point][] = [];
  // Each line is x − (bottom − y) = x0 + k, running from the bottom edge up to the right.
  for (let offset = spacing / 2 - rect.h; offset < rect.w; offset += spacing) {
    const startX = Math.max(offset, 0);
    const endX = Math.min(offset + rect.h, rect.w);
    if (endX <= startX) continue;
    lines.push([
      [rect.x + startX, rect.y + rect.h - (startX - offset)],
      [rect.x + endX, rect.y + rect.h - (endX - offset)]
    ]);
  }
  return lines;
}

/**
 * The two halves of a north arrow centred on `centre`, `size` mm tall, pointing to north on a
 * map turned by `bearing` degrees (MapLibre's: the map's up is that many degrees east of north,
 * so north on paper is that many degrees anticlockwise of up).
 * @example northArrow([0, 0], 8, 0)[0][0] // [0, -3.5…] (the tip, straight up)
 */
export function northArrow(centre: Point, size: number, bearing: number): [Point[], Point[]] {
  const tip: Point = [0, -size * 0.45];
  const notch: Point = [0, size * 0.3];
  const left: Point = [-size * 0.3, size * 0.55];
  const right: Point = [size * 0.3, size * 0.55];
  const turn = (-bearing * Math.PI) / 180;
  const place = ([x, y]: Point): Point => [
    centre[0] + x * Math.cos(turn) - y * Math.sin(turn),
    centre[1] + x * Math.sin(turn) + y * Math.cos(turn)
  ];
  return [[tip, left, notch].map(place), [tip, notch, right].map(place)];
}
