/** What the main thread and the glyph worker (glyph-worker.ts) say to each other. */
import type TinySDF from '@mapbox/tiny-sdf';

/** TinySDF's constructor options, as MapLibre's glyph manager gives them. */
export type TinySDFOptions = NonNullable<ConstructorParameters<typeof TinySDF>[0]>;
/** One glyph as TinySDF draws it: its signed distance field and metrics, in pixels. */
export type DrawnGlyph = ReturnType<TinySDF['draw']>;

/** Draw `glyphs` with a TinySDF of `options`, its `buffer` then set to `padding` (as MapLibre does). */
export interface GlyphJob {
  options: TinySDFOptions;
  padding: number;
  glyphs: string[];
}

/** The glyphs drawn, in the job's order, or why not. */
export type GlyphReply = { drawn: DrawnGlyph[] } | { error: string };
