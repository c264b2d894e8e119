import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fixPlacement, MAPLIBRE_BUNDLE } from '../../scripts/maplibre-placement-fix.js';

const bundlePath = path.join(
  path.dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')),
  'dist/maplibre-gl.mjs'
);

describe('fixPlacement', () => {
  it('fits the installed MapLibre: no setStale after a forced full placement, nothing else changed', () => {
    expect(bundlePath.replaceAll(path.sep, '/')).toMatch(MAPLIBRE_BUNDLE);
    const code = readFileSync(bundlePath, 'utf8');
    const fixed = fixPlacement(code);
    const before = code.match(/\w+&&this\.pauseablePlacement\.placement\.setStale\(\)/g) ?? [];
    const after =
      fixed.match(/\w+&&!\w+&&this\.pauseablePlacement\.placement\.setStale\(\)/g) ?? [];
    expect(before).toHaveLength(1);
    expect(after).toHaveLength(1);
    expect(fixed.length - code.length).toBe(after[0]!.length - before[0]!.length);
  });

  it('guards with the flag that forces a full placement', () => {
    const code =
      '_updatePlacement(e,t,n,r,i=!1){let a=!1;i||=this._layerOrderChanged||n===0;' +
      'a&&this.pauseablePlacement.placement.setStale()}';
    expect(fixPlacement(code)).toContain('a&&!i&&this.pauseablePlacement.placement.setStale()');
  });

  it('fails loudly when MapLibre has changed', () => {
    expect(() => fixPlacement('_updatePlacement(e){return 1}')).toThrow(/has changed/);
    expect(() => fixPlacement('nothing here')).toThrow(/has changed/);
  });
});
