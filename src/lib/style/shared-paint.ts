/**
 * Paint that the first view's fills share, and that its points share, so that each kind of layer
 * links one shader program. MapLibre links a program per pattern of constant and data-driven
 * paint properties of a layer type; under software GL each program costs the first content frame
 * ~10 ms on the main thread and more on the GPU process (issue #17, bench/FINDINGS.md). So every
 * plain fill has a data-driven colour and a constant opacity (a fill's faintness is in its
 * colour's alpha), and every point the same data-driven stroke width and opacity (by accuracy).
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';

export const isSchematic: ExpressionSpecification = ['==', ['get', 'accuracy'], 'schematic'];
export const isNotSchematic: ExpressionSpecification = ['!=', ['get', 'accuracy'], 'schematic'];

/**
 * A `#rgb` or `#rrggbb` colour with an alpha, as a CSS `rgba()` string.
 *
 * @param hex the colour, e.g. a theme's `'#5fa35a'`
 * @param alpha 0 (transparent) … 1 (opaque)
 * @example withAlpha('#5fa35a', 0.35) // 'rgba(95, 163, 90, 0.35)'
 */
export function withAlpha(hex: string, alpha: number): string {
  const digits = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex)?.[1];
  if (!digits || !(alpha >= 0 && alpha <= 1)) {
    throw new Error(
      `withAlpha: expected #rgb or #rrggbb and an alpha in 0…1, got ${hex}, ${alpha}`
    );
  }
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * Paint of a plain (unpatterned) fill: the colour decides per feature, the opacity is constant
 * (1; a basemap dims the context by setting it, which keeps it constant).
 *
 * @param colour a data-driven colour expression, e.g. `['case', isSchematic, faint, solid]`
 */
export function fillPaint(colour: ExpressionSpecification) {
  return { 'fill-color': colour, 'fill-opacity': 1, 'fill-antialias': false } as const;
}

/**
 * Paint of a point: a disc of `radius` px in `colour` with a `stroke` ring of `strokeWidth` px;
 * a schematic point is fainter and thinner-ringed than one whose place is known better.
 *
 * @example pointPaint({ radius: 6, colour: '#6a4c93', stroke: '#ffffff', strokeWidth: 2 })
 */
export function pointPaint(options: {
  radius: number;
  colour: string;
  stroke: string;
  strokeWidth: number;
}) {
  return {
    'circle-radius': options.radius,
    'circle-color': options.colour,
    'circle-stroke-color': options.stroke,
    'circle-stroke-width': [
      'case',
      isSchematic,
      Math.min(1, options.strokeWidth),
      options.strokeWidth
    ] as ExpressionSpecification,
    'circle-opacity': ['case', isSchematic, 0.6, 1] as ExpressionSpecification
  };
}
