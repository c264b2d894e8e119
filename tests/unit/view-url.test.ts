// The map's view in its address (issue #14): zoom/centre/bearing/pitch in the hash, layers.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatViewHash,
  parseLayers,
  parseViewHash,
  readViewFromUrl,
  writeViewToUrl
} from '../../src/lib/layers/view-url';

const LAYERS = ['context', 'structure', 'rivers', 'parks', 'projects'];

describe('the view hash', () => {
  it('reads zoom/lat/lon and optional bearing and pitch', () => {
    expect(parseViewHash('#13.2/41.121/121.183')).toEqual({
      zoom: 13.2,
      lat: 41.121,
      lon: 121.183,
      bearing: 0,
      pitch: 0
    });
    expect(parseViewHash('#12/41.1/121.2/30/45')).toMatchObject({ bearing: 30, pitch: 45 });
    expect(parseViewHash('')).toBeNull();
    expect(parseViewHash('#')).toBeNull();
  });

  it('refuses what is not a view on Earth', () => {
    for (const hostile of [
      '#<img src=x onerror=alert(1)>',
      '#13/91/121',
      '#13/41/181',
      '#99/41/121',
      '#13/41',
      '#13/41/121/0/0/0',
      '#NaN/41/121',
      '#1e3/41/121',
      '#13/41/121/0/90',
      '#13/ 41/121',
      '#' + '1/'.repeat(100),
      '#Infinity/0/0'
    ]) {
      expect(parseViewHash(hostile), hostile).toBe('refused');
    }
  });

  it('rounds to what the zoom shows and omits a zero bearing and pitch', () => {
    expect(
      formatViewHash({ zoom: 13.234, lat: 41.121493, lon: 121.183111, bearing: 0, pitch: 0 })
    ).toBe('#13.23/41.12149/121.18311');
    expect(formatViewHash({ zoom: 10, lat: 41.1, lon: 121.2, bearing: 15, pitch: 0 })).toBe(
      '#10/41.1/121.2/15'
    );
    expect(formatViewHash({ zoom: 10, lat: 41.1, lon: 121.2, bearing: 0, pitch: 40 })).toBe(
      '#10/41.1/121.2/0/40'
    );
    // Just off the equator: fixed-point (String(-1e-7) is '-1e-7', which the reader refuses).
    const nearEquator = {
      zoom: 18.423421665653855,
      lat: -5.0000000000000004e-8,
      lon: 0,
      bearing: 0,
      pitch: 0
    };
    expect(formatViewHash(nearEquator)).toBe('#18.42/-0.0000001/0');
    expect(parseViewHash(formatViewHash(nearEquator))).toMatchObject({ lat: -1e-7, lon: 0 });
    expect(formatViewHash({ ...nearEquator, lat: -1e-9, lon: 120 })).toBe('#18.42/0/120');
  });

  it('writes tiny coordinates as plain decimals, never in exponent notation', () => {
    // Found by the property below (seed 769953004): 5e-8 was written "1e-7" and refused.
    const view = {
      zoom: 18.423421665653855,
      lat: 5.0000000000000004e-8,
      lon: -1e-9,
      bearing: 0,
      pitch: 0
    };
    const hash = formatViewHash(view);
    expect(hash).toBe('#18.42/0.0000001/0');
    expect(parseViewHash(hash)).not.toBe('refused');
  });

  it('reads back every view it writes, within the rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 22, noNaN: true }),
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        (zoom, lat, lon) => {
          const parsed = parseViewHash(formatViewHash({ zoom, lat, lon, bearing: 0, pitch: 0 }));
          expect(parsed).not.toBe('refused');
          if (parsed === 'refused' || parsed === null) return;
          expect(Math.abs(parsed.zoom - zoom)).toBeLessThanOrEqual(0.005);
          // Rounding keeps the centre within about a pixel at that zoom.
          const degreesPerPixel = 360 / (512 * 2 ** zoom);
          expect(Math.abs(parsed.lat - lat)).toBeLessThanOrEqual(degreesPerPixel);
          expect(Math.abs(parsed.lon - lon)).toBeLessThanOrEqual(degreesPerPixel);
        }
      )
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseViewHash(text);
        expect(parsed === null || parsed === 'refused' || typeof parsed.zoom === 'number').toBe(
          true
        );
      })
    );
  });
});

describe('layers in the address', () => {
  it('reads known ids in registry order; an unknown id refuses the value', () => {
    expect(parseLayers('parks,structure', LAYERS)).toEqual(['structure', 'parks']);
    expect(parseLayers('', LAYERS)).toEqual([]);
    expect(parseLayers(null, LAYERS)).toBeNull();
    expect(parseLayers('parks,__proto__', LAYERS)).toBe('refused');
  });

  it('writes layers only when they differ from the default, keeping other parameters', () => {
    const url = new URL('http://x/?feature=a&lang=en');
    const view = { zoom: 12, lat: 41.12, lon: 121.18, bearing: 0, pitch: 0 };
    const same = writeViewToUrl(url, view, LAYERS, LAYERS);
    expect(same.search).toBe('?feature=a&lang=en');
    expect(same.hash).toBe('#12/41.12/121.18');
    const fewer = writeViewToUrl(url, view, ['context', 'parks'], LAYERS);
    expect(fewer.searchParams.get('layers')).toBe('context,parks');
    expect(readViewFromUrl(fewer, LAYERS)).toEqual({
      view,
      layers: ['context', 'parks'],
      refused: []
    });
  });

  it('names what it refused', () => {
    const url = new URL('http://x/?layers=nope#13/400/1');
    expect(readViewFromUrl(url, LAYERS)).toEqual({
      view: null,
      layers: null,
      refused: ['hash', 'layers']
    });
  });
});
