/**
 * The labels' glyphs drawn on a worker thread while the page starts (issue #17).
 *
 * MapLibre draws CJK glyphs locally (TinySDF; no glyph server, so labels work offline) on the
 * main thread, and only once its worker has cut a tile and asks for them: on a phone ~0.3 s in
 * one task on the first view's path, while the main thread has no idle moment to spare (it is
 * hydrating the page and loading the style). Here the same TinySDF, with the very options
 * MapLibre draws with, draws the labels' characters on a thread of its own; the results go
 * into MapLibre's glyph cache before its worker asks, which then finds them drawn.
 *
 * Trust but verify: a glyph or two (probesOf) are drawn both ways, and nothing is put in the
 * cache unless they are identical to the byte (fonts differ between threads on some browser, or
 * MapLibre changed how it draws — then MapLibre draws them itself, as it always did). A glyph
 * MapLibre has already drawn is never replaced; characters not in the list are MapLibre's alone.
 * It uses members of MapLibre's glyph manager that its types declare (an upgrade that changes
 * them fails svelte-check); tests/browser/label-glyphs.test.js compares the map it draws with
 * the map MapLibre draws alone, pixel for pixel.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { DrawnGlyph, GlyphJob, GlyphReply } from './glyph-job';

type GlyphManager = MapLibreMap['style']['glyphManager'];
type StyleGlyph = ReturnType<GlyphManager['_createGlyph']>;

/**
 * The distinct characters of `texts`, in order of first appearance, without white space.
 *
 * @example glyphsOf(['凌河区', '河 西']) // ['凌', '河', '区', '西']
 */
export function glyphsOf(texts: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const text of texts) for (const glyph of text) if (glyph.trim()) seen.add(glyph);
  return [...seen];
}

/** Whether two glyphs have the same metrics and the same bitmap, byte for byte. */
export function sameGlyph(a: StyleGlyph, b: StyleGlyph): boolean {
  const [m, n] = [a.metrics, b.metrics];
  if (a.id !== b.id || m.width !== n.width || m.height !== n.height) return false;
  if (m.left !== n.left || m.top !== n.top || m.advance !== n.advance) return false;
  if (m.isDoubleResolution !== n.isDoubleResolution) return false;
  const [x, y] = [a.bitmap, b.bitmap];
  if (x.width !== y.width || x.height !== y.height || x.data.length !== y.data.length) return false;
  return x.data.every((value, index) => value === y.data[index]);
}

/**
 * Has `glyphs` of `fontStack` drawn on a worker and put into the map's glyph cache, if the worker
 * draws them exactly as MapLibre would. Resolves to how many were put there (0 if none).
 *
 * @param fontStack the labels' `text-font`, joined with commas as MapLibre keys it
 * @param startWorker makes the worker, or says there can be none (tests give their own)
 * @example void drawGlyphsOnWorker(map, LABEL_FONT.join(','), glyphsOf(names)) // after `new Map`
 */
export async function drawGlyphsOnWorker(
  map: MapLibreMap,
  fontStack: string,
  glyphs: readonly string[],
  startWorker: () => Worker | null = startGlyphWorker
): Promise<number> {
  if (glyphs.length < 2) return 0;
  // Made first, so that it starts up while the style loads.
  const worker = startWorker();
  if (!worker) return 0;
  try {
    // Loading the style empties the glyph cache (`setFontFaces`): draw into the cache it leaves.
    if (!map.style._loaded) await new Promise((loaded) => map.once('style.load', loaded));
    const manager = map.style.glyphManager;
    // A glyph server or font files of the style's own: MapLibre draws some glyphs otherwise.
    if (manager.url || manager.fontFaceManager.hasFontFaces()) return 0;
    const probes = probesOf(glyphs);
    const { own, made } = await drawTheMapLibreWay(manager, fontStack, probes);
    const entry = manager.entries[fontStack];
    if (!entry || own.length !== probes.length) return 0;
    // The rasterizer MapLibre draws the first glyph with, and the glyphs it draws with it too
    // (not clusters, say, which get a wider one).
    const rasterizer = manager._getTinySDF(entry, fontStack, glyphs[0]);
    const options = made.get(await rasterizer);
    if (!options) return 0;
    const alike = glyphs.filter((g) => manager._getTinySDF(entry, fontStack, g) === rasterizer);
    const reply = await ask(worker, { ...options, glyphs: alike });
    if ('error' in reply || reply.drawn.length !== alike.length) return 0;
    // Synchronous from here to the last glyph: the map's own request cannot come in between.
    if (manager.entries[fontStack] !== entry) return 0;
    const theirs = new Map(alike.map((glyph, index) => [glyph, reply.drawn[index]]));
    // The first glyph is always among them, so at least it is compared.
    const verified = probes.every((probe, index) => {
      const drawn = theirs.get(probe);
      return !drawn || sameGlyph(own[index], manager._createGlyph(probe, drawn));
    });
    if (!verified) return 0;
    let added = 0;
    for (const [glyph, drawn] of theirs) {
      if (entry.glyphs.default[glyph] !== undefined) continue;
      entry.glyphs.default[glyph] = manager._createGlyph(glyph, drawn as DrawnGlyph);
      added++;
    }
    return added;
  } finally {
    worker.terminate();
  }
}

/**
 * The glyphs drawn both ways to compare: the first, and the first of another script (fonts fall
 * back per script, and a thread may lack a font the other finds).
 *
 * @example probesOf(['凌', '河', '“']) // ['凌', '“']
 */
export function probesOf(glyphs: readonly string[]): string[] {
  const han = (glyph: string) => /\p{Script=Han}/u.test(glyph);
  const other = glyphs.find((glyph) => han(glyph) !== han(glyphs[0]));
  return other ? [glyphs[0], other] : glyphs.slice(0, 1);
}

/**
 * Draws `probes` as MapLibre draws them (which makes the stack's cache entry), noting the
 * options MapLibre gives TinySDF for each rasterizer it makes, for the worker to draw with.
 */
async function drawTheMapLibreWay(
  manager: GlyphManager,
  fontStack: string,
  probes: readonly string[]
): Promise<{ own: StyleGlyph[]; made: Map<unknown, Omit<GlyphJob, 'glyphs'>> }> {
  const create = manager.createRasterizer;
  const made = new Map<unknown, Omit<GlyphJob, 'glyphs'>>();
  manager.createRasterizer = (options, padding) => {
    const rasterizer = create(options, padding);
    made.set(rasterizer, { options, padding });
    return rasterizer;
  };
  try {
    const drawn = await manager.getGlyphs({ [fontStack]: { default: [...probes] } });
    const own = probes.map((probe) => drawn[fontStack]?.default?.[probe]);
    return { own: own.filter((glyph): glyph is StyleGlyph => !!glyph), made };
  } finally {
    manager.createRasterizer = create;
  }
}

function ask(worker: Worker, job: GlyphJob): Promise<GlyphReply> {
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<GlyphReply>) => resolve(event.data);
    worker.onerror = () => resolve({ error: 'the glyph worker failed to start' });
    worker.postMessage(job);
  });
}

function startGlyphWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./glyph-worker.ts', import.meta.url), { type: 'module' });
}
