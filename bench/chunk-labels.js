/**
 * Human names for the app's hashed build files, for the load benchmark's listings: Vite's
 * manifest names a chunk after its first module, so the big libraries inside are named too.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(PROJECT_ROOT, '.svelte-kit/output/client/.vite/manifest.json');

/** What a file holds, recognised by a marker in its text. */
const MARKERS = [
  ['maplibre-gl-font-face', 'MapLibre GL'],
  ['JSON.parse(`{"type":"FeatureCollection"', 'inline GeoJSON'],
  // The compact form of src/lib/geo/compact-geojson.js, as the geojson-import plugin writes it.
  ['{"scale":', 'inline GeoJSON']
];

/**
 * A function naming a served path of the build in `appRoot` ('' when nothing is known).
 * @param {string} appRoot
 * @returns {(servedPath: string) => string}
 */
export function chunkLabeller(appRoot) {
  /** @type {Map<string, string>} */
  const names = new Map();
  if (existsSync(MANIFEST)) {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    for (const entry of Object.values(manifest)) {
      // Chunks are named after their first module; a CSS asset's name is its own file's.
      if (entry.name && !entry.file.endsWith('.css')) {
        names.set(`/${entry.file}`, path.basename(entry.name));
      }
    }
  }
  return (servedPath) => {
    const parts = [names.get(servedPath) ?? ''];
    const file = path.join(appRoot, servedPath);
    if (/\.m?js$/.test(servedPath) && existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      for (const [marker, label] of MARKERS) if (text.includes(marker)) parts.push(`+ ${label}`);
    }
    return parts.filter(Boolean).join(' ');
  };
}
