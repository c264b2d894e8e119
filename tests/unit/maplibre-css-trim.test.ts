import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import postcss, { type Rule } from 'postcss';
import {
  MAPLIBRE_CSS,
  UNUSED_MAPLIBRE_PARTS,
  maplibreCssTrim,
  stylesUnusedPart
} from '../../scripts/maplibre-css-trim.js';
import { sourceFiles } from './support/source-files';

const cssPath = path.join(
  path.dirname(createRequire(import.meta.url).resolve('maplibre-gl/package.json')),
  'dist/maplibre-gl.css'
);
const installed = readFileSync(cssPath, 'utf8');

async function trim(css: string, from = cssPath) {
  return (await postcss([maplibreCssTrim()]).process(css, { from })).css;
}

interface RuleLine {
  context: string;
  selector: string;
  body: string;
}

/** Every rule, one line per selector, with the at-rules it is in. */
function ruleLines(css: string): RuleLine[] {
  const lines: RuleLine[] = [];
  postcss.parse(css).walkRules((rule: Rule) => {
    const context: string[] = [];
    for (let node = rule.parent; node && node.type === 'atrule'; node = node.parent) {
      context.unshift(`@${'name' in node ? node.name : ''} ${'params' in node ? node.params : ''}`);
    }
    const body = rule.nodes.map((node) => node.toString()).join(';');
    for (const selector of rule.selectors)
      lines.push({ context: context.join(' '), selector, body });
  });
  return lines;
}

describe('maplibreCssTrim on the installed maplibre-gl.css', () => {
  it('is the stylesheet the app imports', () => {
    expect(cssPath.replaceAll(path.sep, '/')).toMatch(MAPLIBRE_CSS);
    expect(readFileSync('src/lib/components/MapView.svelte', 'utf8')).toContain(
      "import 'maplibre-gl/dist/maplibre-gl.css';"
    );
  });

  it('keeps every rule of a used part, unchanged, and drops only the unused parts', async () => {
    // Keyframes are checked below: they go with the last rule that used them.
    const notKeyframes = (line: RuleLine) => !line.context.startsWith('@keyframes');
    const before = ruleLines(installed).filter(notKeyframes);
    const after = ruleLines(await trim(installed)).filter(notKeyframes);
    const expected = before.filter((line) => !stylesUnusedPart(line.selector));
    expect(after).toEqual(expected);
    expect(before.length - after.length).toBeGreaterThan(40);
    for (const used of [
      '.maplibregl-ctrl button.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon',
      '.maplibregl-ctrl button.maplibregl-ctrl-compass .maplibregl-ctrl-icon',
      '.maplibregl-ctrl-attrib-button',
      '.maplibregl-ctrl-scale',
      '.maplibregl-popup-content',
      '.maplibregl-boxzoom'
    ]) {
      expect(after.some((line) => line.selector === used)).toBe(true);
    }
  });

  it('leaves about a quarter of the gzip bytes, and no keyframes of a dropped part', async () => {
    const trimmed = await trim(installed);
    const gzip = (css: string) => gzipSync(css, { level: 9 }).length;
    expect(gzip(trimmed)).toBeLessThan(gzip(installed) * 0.35);
    expect(trimmed).not.toMatch(/user-location|geolocate|ctrl-logo|@media[^{]*\{\}/);
    const keyframes = (css: string) => [...css.matchAll(/@keyframes ([\w-]+)/g)].map((m) => m[1]);
    const animated = [...trimmed.matchAll(/animation(?:-name)?:([^;}]+)/g)].flatMap((m) =>
      m[1]!.split(/[\s,]+/)
    );
    expect(keyframes(installed)).toContain('maplibregl-user-location-dot-pulse');
    expect(keyframes(trimmed)).toEqual(
      keyframes(installed).filter((name) => animated.includes(name!))
    );
  });
});

describe('maplibreCssTrim', () => {
  const css =
    '.a,.maplibregl-ctrl-globe-enabled{color:red}' +
    '@media (hover:hover){.maplibregl-marker{opacity:1}}' +
    '.maplibregl-ctrl-geolocate-waiting{animation:spin 2s}@keyframes spin{to{opacity:0}}' +
    '.b{animation:keep 1s}@keyframes keep{to{opacity:0}}' +
    '.maplibregl-canvas-container.maplibregl-cooperative-gestures{touch-action:none}';

  it('keeps the used selectors of a mixed rule and the keyframes still used', async () => {
    const out = await trim(css);
    expect(out).toBe('.a{color:red}.b{animation:keep 1s}@keyframes keep{to{opacity:0}}');
  });

  it('leaves every other stylesheet alone', async () => {
    expect(await trim(css, '/work/src/app.css')).toBe(css);
  });

  it('names a class only by its start', () => {
    expect(stylesUnusedPart('.maplibregl-ctrl-logo')).toBe(true);
    expect(stylesUnusedPart('a.maplibregl-ctrl-logo:hover')).toBe(true);
    expect(stylesUnusedPart('.maplibregl-ctrl-attrib a')).toBe(false);
    expect(stylesUnusedPart('.maplibregl-ctrl-icon')).toBe(false);
  });
});

describe('the parts it drops', () => {
  it('are created nowhere in src/', () => {
    const uses = sourceFiles('src').flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return UNUSED_MAPLIBRE_PARTS.filter(({ createdBy, className }) =>
        new RegExp(`\\b${createdBy}\\b|${className}`).test(code)
      ).map(({ createdBy }) => `${file}: ${createdBy}`);
    });
    expect(uses).toEqual([]);
  });
});
