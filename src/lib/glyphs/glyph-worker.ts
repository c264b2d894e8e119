/// <reference lib="webworker" />
/**
 * Draws glyphs with TinySDF off the main thread (worker-glyphs.ts says why), on an
 * OffscreenCanvas, and sends their bitmaps back without copying them.
 */
import TinySDF from '@mapbox/tiny-sdf';
import type { GlyphJob, GlyphReply } from './glyph-job';

self.onmessage = ({ data }: MessageEvent<GlyphJob>) => {
  try {
    const rasterizer: TinySDF & { buffer?: number } = new TinySDF(data.options);
    rasterizer.buffer = data.padding;
    const drawn = data.glyphs.map((glyph) => rasterizer.draw(glyph));
    const reply: GlyphReply = { drawn };
    self.postMessage(
      reply,
      drawn.map((glyph) => glyph.data.buffer)
    );
  } catch (error) {
    const reply: GlyphReply = { error: String(error) };
    self.postMessage(reply);
  }
};
