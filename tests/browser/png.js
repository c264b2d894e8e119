// Minimal PNG decoder for screenshots taken by Chromium (8-bit greyscale/RGB/RGBA, non-interlaced),
// so the browser tests can inspect pixels without adding an image dependency.

import { inflateSync } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bytes per pixel for each supported PNG colour type at bit depth 8. */
/** @type {Record<number, number>} */
const CHANNELS_BY_COLOUR_TYPE = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decodes a PNG into RGBA pixels.
 * @param {Buffer} png the file bytes
 * @returns {{ width: number, height: number, rgba: Uint8Array }} rgba has width*height*4 bytes
 * @example const { width, height, rgba } = decodePng(await page.screenshot());
 */
export function decodePng(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('decodePng: not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  /** @type {Buffer[]} */
  const compressed = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colourType = data[9];
      const interlace = data[12];
      channels = CHANNELS_BY_COLOUR_TYPE[colourType] ?? 0;
      if (bitDepth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(
          `decodePng: unsupported PNG (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`
        );
      }
    } else if (type === 'IDAT') {
      compressed.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (channels === 0) throw new Error('decodePng: missing IHDR chunk');

  const raw = inflateSync(Buffer.concat(compressed));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    const previous = out - stride;
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[out + x - channels] : 0;
      const up = y > 0 ? pixels[previous + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[previous + x - channels] : 0;
      pixels[out + x] = (line[x] + predictor(filter, left, up, upLeft)) & 0xff;
    }
  }

  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const grey = channels <= 2;
    rgba[i * 4] = pixels[j];
    rgba[i * 4 + 1] = grey ? pixels[j] : pixels[j + 1];
    rgba[i * 4 + 2] = grey ? pixels[j] : pixels[j + 2];
    rgba[i * 4 + 3] = channels === 4 ? pixels[j + 3] : channels === 2 ? pixels[j + 1] : 255;
  }
  return { width, height, rgba };
}

/**
 * The PNG filter predictor for one byte (PNG spec §9.2).
 * @param {number} filter 0 none, 1 sub, 2 up, 3 average, 4 Paeth
 * @param {number} left
 * @param {number} up
 * @param {number} upLeft
 * @returns {number}
 */
function predictor(filter, left, up, upLeft) {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const toLeft = Math.abs(estimate - left);
      const toUp = Math.abs(estimate - up);
      const toUpLeft = Math.abs(estimate - upLeft);
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new Error(`decodePng: unknown filter type ${filter}`);
  }
}

/**
 * How much an image shows: its number of distinct colours and the share of pixels that differ
 * from the most common ("background") colour.
 * @param {{ width: number, height: number, rgba: Uint8Array }} image
 * @returns {{ distinctColours: number, backgroundColour: string, nonBackgroundShare: number }}
 *   nonBackgroundShare is a fraction 0–1
 * @example paintStats(decodePng(png)).distinctColours // 1 for a blank canvas
 */
export function paintStats({ width, height, rgba }) {
  /** @type {Map<number, number>} */
  const counts = new Map();
  const view = new DataView(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  for (let i = 0; i < width * height; i++) {
    const colour = view.getUint32(i * 4);
    counts.set(colour, (counts.get(colour) ?? 0) + 1);
  }
  let background = 0;
  let backgroundCount = 0;
  for (const [colour, count] of counts) {
    if (count > backgroundCount) [background, backgroundCount] = [colour, count];
  }
  const total = width * height;
  return {
    distinctColours: counts.size,
    backgroundColour: '#' + background.toString(16).padStart(8, '0'),
    nonBackgroundShare: total === 0 ? 0 : 1 - backgroundCount / total
  };
}
