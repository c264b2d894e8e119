import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { drawGlyphsOnWorker, glyphsOf, probesOf, sameGlyph } from '$lib/glyphs/worker-glyphs';
import type { DrawnGlyph, GlyphJob, GlyphReply, TinySDFOptions } from '$lib/glyphs/glyph-job';

const STACK = 'Noto Sans Regular';
const OPTIONS: TinySDFOptions = { fontSize: 48, buffer: 6, radius: 16, fontFamily: STACK };

/** A stand-in for TinySDF: a 2×2 "bitmap" that says which glyph, at which size, it is. */
function draw(glyph: string, options: TinySDFOptions, skew = 0): DrawnGlyph {
  const value = (glyph.codePointAt(0)! + (options.fontSize ?? 0) + skew) % 256;
  return {
    data: new Uint8ClampedArray([value, value, value, value]),
    width: 2,
    height: 2,
    glyphWidth: 1,
    glyphHeight: 1,
    glyphTop: 0,
    glyphLeft: 0,
    glyphAdvance: 1
  };
}

interface Entry {
  glyphs: { default: Record<string, unknown> };
  tinySDF?: Promise<unknown>;
  clusterTinySDF?: Promise<unknown>;
}

/**
 * The parts of MapLibre's glyph manager drawGlyphsOnWorker uses, behaving as MapLibre's do:
 * `getGlyphs` makes the stack's entry and draws through rasterizers `createRasterizer` makes,
 * one per kind of glyph (clusters get their own), cached in the entry.
 */
function fakeMap(options: { loaded?: boolean } = {}) {
  const drawnOnMain: string[] = [];
  const manager = {
    url: undefined as string | undefined,
    fontFaceManager: { hasFontFaces: () => false },
    entries: {} as Record<string, Entry>,
    createRasterizer(rasterizerOptions: TinySDFOptions, padding: number) {
      return { options: rasterizerOptions, padding };
    },
    _getTinySDF(entry: Entry, stack: string, id: string) {
      const key = [...id].length > 1 ? 'clusterTinySDF' : 'tinySDF';
      const fontSize = key === 'clusterTinySDF' ? 96 : 48;
      entry[key] ??= Promise.resolve(this.createRasterizer({ ...OPTIONS, fontSize }, 6));
      return entry[key];
    },
    _createGlyph(id: string, char: DrawnGlyph) {
      return {
        id: id.codePointAt(0),
        bitmap: { width: char.width, height: char.height, data: new Uint8Array(char.data) },
        metrics: { width: 1, height: 1, left: 0, top: 0, advance: char.glyphAdvance }
      };
    },
    async getGlyphs(requests: Record<string, { default: string[] }>) {
      const result: Record<string, { default: Record<string, unknown> }> = {};
      for (const [stack, { default: ids }] of Object.entries(requests)) {
        const entry = (this.entries[stack] ??= { glyphs: { default: {} } });
        result[stack] = { default: {} };
        for (const id of ids) {
          if (entry.glyphs.default[id] === undefined) {
            const { options: used } = (await this._getTinySDF(entry, stack, id)) as {
              options: TinySDFOptions;
            };
            drawnOnMain.push(id);
            entry.glyphs.default[id] = this._createGlyph(id, draw(id, used));
          }
          result[stack].default[id] = entry.glyphs.default[id];
        }
      }
      return result;
    }
  };
  const loadListeners: (() => void)[] = [];
  const style = { _loaded: options.loaded ?? true, glyphManager: manager };
  const map = {
    style,
    once: (event: string, listener: () => void) => {
      if (event === 'style.load') loadListeners.push(listener);
    }
  };
  const loadStyle = () => {
    style._loaded = true;
    for (const listener of loadListeners.splice(0)) listener();
  };
  return { map: map as unknown as MapLibreMap, manager, drawnOnMain, loadStyle };
}

/** A worker that draws as the fake TinySDF does (`skew` makes it draw otherwise). */
function fakeWorker(options: { skew?: number; fail?: boolean; beforeReply?: () => void } = {}) {
  const jobs: GlyphJob[] = [];
  let terminated = false;
  const worker = {
    onmessage: null as ((event: { data: GlyphReply }) => void) | null,
    onerror: null as (() => void) | null,
    postMessage(job: GlyphJob) {
      jobs.push(job);
      setTimeout(() => {
        options.beforeReply?.();
        if (options.fail) return worker.onerror?.();
        const drawn = job.glyphs.map((glyph) => draw(glyph, job.options, options.skew));
        worker.onmessage?.({ data: { drawn } });
      }, 0);
    },
    terminate() {
      terminated = true;
    }
  };
  return {
    start: () => worker as unknown as Worker,
    jobs,
    terminated: () => terminated
  };
}

const NAMES = ['凌河区', '“紫荆”园', '河西'];

describe('glyphsOf and probesOf', () => {
  it('lists each character once, in order, without white space', () => {
    expect(glyphsOf(['凌河区', '河 西'])).toEqual(['凌', '河', '区', '西']);
    expect(glyphsOf([])).toEqual([]);
  });

  it('compares the first glyph and the first of another script', () => {
    expect(probesOf(['凌', '河', '“'])).toEqual(['凌', '“']);
    expect(probesOf(['A', 'b', '凌'])).toEqual(['A', '凌']);
    expect(probesOf(['凌', '河'])).toEqual(['凌']);
  });
});

describe('sameGlyph', () => {
  const glyph = () => fakeMap().manager._createGlyph('凌', draw('凌', OPTIONS));
  it('is true for equal metrics and bitmaps, false for any difference', () => {
    expect(sameGlyph(glyph() as never, glyph() as never)).toBe(true);
    const other = glyph();
    other.bitmap.data[3]++;
    expect(sameGlyph(glyph() as never, other as never)).toBe(false);
    const wider = glyph();
    wider.metrics.advance = 2;
    expect(sameGlyph(glyph() as never, wider as never)).toBe(false);
  });
});

describe('drawGlyphsOnWorker', () => {
  it('puts the worker’s glyphs into the cache, drawing only the probes on the main thread', async () => {
    const { map, manager, drawnOnMain } = fakeMap();
    const worker = fakeWorker();
    const glyphs = glyphsOf(NAMES);
    const added = await drawGlyphsOnWorker(map, STACK, glyphs, worker.start);
    expect(drawnOnMain).toEqual(['凌', '“']);
    expect(added).toBe(glyphs.length - 2);
    expect(worker.jobs[0]).toMatchObject({ options: { ...OPTIONS }, padding: 6, glyphs });
    const cache = manager.entries[STACK].glyphs.default;
    expect(Object.keys(cache).sort()).toEqual([...glyphs].sort());
    expect(cache['紫']).toEqual(manager._createGlyph('紫', draw('紫', OPTIONS)));
    expect(worker.terminated()).toBe(true);
  });

  it('puts nothing into the cache when the worker draws a probe otherwise', async () => {
    const { map, manager } = fakeMap();
    const worker = fakeWorker({ skew: 1 });
    expect(await drawGlyphsOnWorker(map, STACK, glyphsOf(NAMES), worker.start)).toBe(0);
    expect(Object.keys(manager.entries[STACK].glyphs.default)).toEqual(['凌', '“']);
  });

  it('never replaces a glyph the map drew meanwhile', async () => {
    const { map, manager } = fakeMap();
    const own = { drawn: 'by the map' };
    const worker = fakeWorker({
      beforeReply: () => (manager.entries[STACK].glyphs.default['紫'] = own)
    });
    const glyphs = glyphsOf(NAMES);
    expect(await drawGlyphsOnWorker(map, STACK, glyphs, worker.start)).toBe(glyphs.length - 3);
    expect(manager.entries[STACK].glyphs.default['紫']).toBe(own);
  });

  it('puts nothing into a cache the style emptied while the worker drew', async () => {
    const { map, manager } = fakeMap();
    const worker = fakeWorker({ beforeReply: () => (manager.entries = {}) });
    expect(await drawGlyphsOnWorker(map, STACK, glyphsOf(NAMES), worker.start)).toBe(0);
    expect(manager.entries).toEqual({});
  });

  it('sends only the glyphs MapLibre draws with the first glyph’s rasterizer', async () => {
    const { map } = fakeMap();
    const worker = fakeWorker();
    const cluster = 'e\u0301';
    await drawGlyphsOnWorker(map, STACK, ['凌', cluster, '河'], worker.start);
    expect(worker.jobs[0].glyphs).toEqual(['凌', '河']);
  });

  it('waits for the style to load, which empties the glyph cache', async () => {
    const { map, drawnOnMain, loadStyle } = fakeMap({ loaded: false });
    const worker = fakeWorker();
    const done = drawGlyphsOnWorker(map, STACK, glyphsOf(NAMES), worker.start);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(drawnOnMain).toEqual([]);
    loadStyle();
    expect(await done).toBeGreaterThan(0);
  });

  it('leaves the glyphs to MapLibre with a glyph server, font files, or no worker', async () => {
    const withUrl = fakeMap();
    withUrl.manager.url = 'https://example.org/{fontstack}/{range}.pbf';
    const worker = fakeWorker();
    expect(await drawGlyphsOnWorker(withUrl.map, STACK, glyphsOf(NAMES), worker.start)).toBe(0);
    expect(worker.jobs).toEqual([]);
    expect(worker.terminated()).toBe(true);
    const withFonts = fakeMap();
    withFonts.manager.fontFaceManager.hasFontFaces = () => true;
    expect(await drawGlyphsOnWorker(withFonts.map, STACK, glyphsOf(NAMES), worker.start)).toBe(0);
    const failing = fakeMap();
    const broken = fakeWorker({ fail: true });
    expect(await drawGlyphsOnWorker(failing.map, STACK, glyphsOf(NAMES), broken.start)).toBe(0);
    expect(Object.keys(failing.manager.entries[STACK].glyphs.default)).toEqual(['凌', '“']);
  });
});
