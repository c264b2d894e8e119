/**
 * Draws the map's current view anew, off screen, at the size and resolution of a sheet's map
 * frame: a second MapLibre map with the same style (plan layers, the user's layers, the basemap),
 * framed so that everything the screen shows fits the frame, at `dpi / 96` device pixels per CSS
 * pixel. Not a screenshot: labels, lines and points are drawn at print resolution.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import { HATCH_IMAGE } from '$lib/style/build-style';
import { hatchPattern } from '$lib/style/hatch';
import { LOCAL_CJK_FONTS } from '$lib/layers/map-config';
import { CSS_PX_PER_INCH, mmToCssPixels, mmToPixels } from './paper';
import type { SheetView } from './sheet-content';

/** Longest a sheet's map may take to draw before the export gives up, ms. */
export const MAP_DRAW_TIMEOUT_MS = 60_000;

export class MapDrawTimeout extends Error {
  constructor() {
    super('map draw timeout');
    this.name = 'MapDrawTimeout';
  }
}

/**
 * The zoom at which a view seen in a `screen` of CSS pixels fits, whole, in a `frame` of CSS
 * pixels (the frame's aspect may differ: nothing the user saw is cut off).
 * @example frameZoom(12, { width: 800, height: 600 }, { width: 1600, height: 1200 }) // 13
 */
export function frameZoom(
  screenZoom: number,
  screen: { width: number; height: number },
  frame: { width: number; height: number }
): number {
  const ratio = Math.min(frame.width / screen.width, frame.height / screen.height);
  return screenZoom + Math.log2(ratio);
}

/** The names of the sources whose layers are drawn, with their attribution. */
export function drawnAttributions(map: MapLibreMap): string[] {
  const style = map.getStyle();
  const drawn = new Set(
    style.layers
      .filter((layer) => 'source' in layer && layer.layout?.visibility !== 'none')
      .map((layer) => ('source' in layer ? layer.source : ''))
  );
  return Object.entries(style.sources).flatMap(([id, source]) =>
    drawn.has(id) && 'attribution' in source && source.attribution ? [source.attribution] : []
  );
}

export interface RenderedMap {
  /** The frame's pixels, exactly `mmToPixels(frame, dpi)` in size. */
  canvas: HTMLCanvasElement;
  view: SheetView;
}

/**
 * @example const { canvas, view } = await renderMap(map, { w: 207, h: 163 }, 150, signal)
 */
export async function renderMap(
  source: MapLibreMap,
  frameMm: { w: number; h: number },
  dpi: number,
  signal: AbortSignal
): Promise<RenderedMap> {
  const frameCss = { width: mmToCssPixels(frameMm.w), height: mmToCssPixels(frameMm.h) };
  const screen = source.getContainer();
  const zoom = frameZoom(
    source.getZoom(),
    { width: screen.clientWidth, height: screen.clientHeight },
    frameCss
  );
  const container = document.createElement('div');
  // Off screen but laid out: MapLibre sizes its canvas from the container.
  container.style.cssText = `position:fixed;left:-100000px;top:0;width:${frameCss.width}px;height:${frameCss.height}px;`;
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const { lat, lng } = source.getCenter();
  const view: SheetView = {
    lat,
    zoom,
    bearing: source.getBearing(),
    pitch: source.getPitch()
  };
  const offscreen = new MapLibreMap({
    container,
    style: source.getStyle(),
    center: [lng, lat],
    zoom,
    bearing: view.bearing,
    pitch: view.pitch,
    // Tiles load and labels are placed on a small canvas first; see below.
    pixelRatio: LOADING_PIXEL_RATIO,
    maxCanvasSize: [8192, 8192],
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true }
  });
  offscreen.addImage(HATCH_IMAGE, hatchPattern(8, [80, 60, 40]));
  try {
    await idle(offscreen, signal, 'load');
    // Then one frame at the paper's resolution. Each frame while tiles arrive would be a full
    // print-sized frame; where the GPU is software, every one of them holds up the page for
    // seconds (an A3 300 dpi export froze a phone-sized page for 30 s).
    offscreen.setPixelRatio(dpi / CSS_PX_PER_INCH);
    offscreen.triggerRepaint();
    await idle(offscreen, signal, 'idle');
    const pixels = await readPixels(offscreen.getCanvas(), signal);
    const canvas = document.createElement('canvas');
    canvas.width = mmToPixels(frameMm.w, dpi);
    canvas.height = mmToPixels(frameMm.h, dpi);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // MapLibre's canvas may differ by a pixel (or be smaller, on a device with a lower limit).
    context.drawImage(pixels, 0, 0, canvas.width, canvas.height);
    return { canvas, view };
  } finally {
    offscreen.remove();
    container.remove();
  }
}

/**
 * The map's pixels on a 2D canvas. Why not `drawImage(webglCanvas)` or a plain `readPixels`: both
 * wait on the main thread until the GPU has drawn the frame, and where the GPU is software
 * (SwiftShader: CI, many virtual desktops) a 300 dpi A3 map took ~30 s, the page frozen. WebGL 2
 * reads into a buffer behind a fence instead; the page polls the fence and stays responsive.
 */
async function readPixels(
  source: HTMLCanvasElement,
  signal: AbortSignal
): Promise<HTMLCanvasElement> {
  const gl = source.getContext('webgl2');
  const webgl1 = gl ? null : source.getContext('webgl');
  const context = gl ?? webgl1;
  if (!context) throw new Error('no WebGL context on the map');
  const { drawingBufferWidth: width, drawingBufferHeight: height } = context;
  const pixels = new Uint8ClampedArray(width * height * 4);
  context.bindFramebuffer(context.FRAMEBUFFER, null);
  if (gl) await readBehindFence(gl, pixels, signal);
  else context.readPixels(0, 0, width, height, context.RGBA, context.UNSIGNED_BYTE, pixels);
  // WebGL's rows run bottom up; a canvas's top down.
  const row = width * 4;
  const flipped = new Uint8ClampedArray(pixels.length);
  for (let y = 0; y < height; y++) {
    flipped.set(pixels.subarray(y * row, (y + 1) * row), (height - 1 - y) * row);
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(flipped, width, height), 0, 0);
  return canvas;
}

/** How often the page looks whether the GPU has finished, ms. */
const FENCE_POLL_MS = 30;

async function readBehindFence(
  gl: WebGL2RenderingContext,
  into: Uint8ClampedArray,
  signal: AbortSignal
): Promise<void> {
  const buffer = gl.createBuffer();
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
  gl.bufferData(gl.PIXEL_PACK_BUFFER, into.byteLength, gl.STREAM_READ);
  gl.readPixels(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight, gl.RGBA, gl.UNSIGNED_BYTE, 0);
  const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  try {
    while (gl.clientWaitSync(fence as WebGLSync, 0, 0) === gl.TIMEOUT_EXPIRED) {
      signal.throwIfAborted();
      await new Promise((resolve) => setTimeout(resolve, FENCE_POLL_MS));
    }
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, into);
  } finally {
    gl.deleteSync(fence);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    gl.deleteBuffer(buffer);
  }
}

/** The pixel ratio the off-screen map loads at: a 40th of the pixels of a 150 dpi frame. */
const LOADING_PIXEL_RATIO = 0.25;

/**
 * Resolves once the map has drawn everything (after loading, when `after` is 'load'); rejects on
 * abort or after a minute.
 */
function idle(map: MapLibreMap, signal: AbortSignal, after: 'load' | 'idle'): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new MapDrawTimeout()), MAP_DRAW_TIMEOUT_MS);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      resolve();
    };
    if (after === 'load') map.once('load', () => map.once('idle', done));
    else map.once('idle', done);
  });
}
