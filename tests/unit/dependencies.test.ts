/**
 * package.json lists each package where it belongs: what the site or `linghe-audit` runs is a
 * dependency, what only tests, scripts and benchmarks use is a devDependency (e.g. pbf writes
 * the vector tiles at run time; geojson-vt and vt-pbf are only the tests' references).
 */
import { readFileSync } from 'node:fs';
import { sourceFiles } from './support/source-files';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Compiled away at build time (SvelteKit lists them as devDependencies), or virtual modules. */
const BUILD_TIME = new Set(['svelte', '@sveltejs/kit', 'vite']);

/** Packages a file imports for its run time (not `import type`), by package name. */
function packagesImported(file: string): string[] {
  // Without block comments: JSDoc types (`@typedef {import('geojson').Geometry}`) import nothing.
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const names: string[] = [];
  const pattern =
    /\bimport\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1]) continue; // import type
    const specifier = match[2] ?? match[3];
    if (/^[./$]|^node:/.test(specifier)) continue;
    const parts = specifier.split('/');
    names.push(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return names;
}

// `npm start` serves the site with scripts/serve.js (and its policy, scripts/csp.js).
const runtimeFiles = [
  ...sourceFiles(join(root, 'src'), { withDeclarations: false }),
  ...sourceFiles(join(root, 'bin'), { withDeclarations: false }),
  join(root, 'scripts/serve.js'),
  join(root, 'scripts/csp.js')
];
const runtime = new Set(runtimeFiles.flatMap(packagesImported).filter((n) => !BUILD_TIME.has(n)));

describe('package.json', () => {
  it('lists every package the site and the CLI import at run time as a dependency', () => {
    expect(runtime.size).toBeGreaterThan(5);
    const missing = [...runtime].filter((name) => !(name in manifest.dependencies));
    expect(missing).toEqual([]);
  });

  it('lists as dependencies only packages the site or the CLI import', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !runtime.has(name));
    expect(unused).toEqual([]);
    const both = Object.keys(manifest.dependencies).filter(
      (name) => name in manifest.devDependencies
    );
    expect(both).toEqual([]);
  });

  it('needs pbf and tsx at run time, geojson-vt and vt-pbf only in tests', () => {
    expect(Object.keys(manifest.dependencies)).toEqual(expect.arrayContaining(['pbf', 'tsx']));
    expect(Object.keys(manifest.devDependencies)).toEqual(
      expect.arrayContaining(['@maplibre/geojson-vt', '@maplibre/vt-pbf'])
    );
  });
});
