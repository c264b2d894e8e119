/**
 * The floor of the load benchmark (bench/load.js): a bare MapLibre page drawing one GeoJSON
 * layer (bench/bare/), bundled by Vite with the same toolchain as the app.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BARE_SOURCE = path.join(PROJECT_ROOT, 'bench/bare');
const DISTRICTS_FILE = path.join(PROJECT_ROOT, 'geodata/context/jinzhou-districts.geojson');

/** @typedef {import('geojson').FeatureCollection} FeatureCollection */

/**
 * The GeoJSON the bare page draws: Jinzhou's districts when the project has them, otherwise a
 * generated polygon around 凌河区 so the benchmark still runs.
 * @returns {{ data: FeatureCollection, origin: string }}
 */
function comparisonGeoJson() {
  if (existsSync(DISTRICTS_FILE)) {
    return {
      data: JSON.parse(readFileSync(DISTRICTS_FILE, 'utf8')),
      origin: path.relative(PROJECT_ROOT, DISTRICTS_FILE)
    };
  }
  // A 64-gon of radius ~0.05° around central 凌河区 (121.15°E, 41.12°N).
  const ring = Array.from({ length: 65 }, (_, i) => {
    const angle = ((i % 64) / 64) * 2 * Math.PI;
    return [121.15 + 0.065 * Math.cos(angle), 41.12 + 0.05 * Math.sin(angle)];
  });
  return {
    data: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'generated' },
          geometry: { type: 'Polygon', coordinates: [ring] }
        }
      ]
    },
    origin: 'generated polygon (geodata/context/jinzhou-districts.geojson not found)'
  };
}

/**
 * [west, south, east, north] in degrees over every coordinate of a collection.
 * @param {FeatureCollection} collection
 * @returns {[number, number, number, number]}
 */
function boundingBox(collection) {
  const box = /** @type {[number, number, number, number]} */ ([
    Infinity,
    Infinity,
    -Infinity,
    -Infinity
  ]);
  /** @param {unknown} coordinates */
  const visit = (coordinates) => {
    if (!Array.isArray(coordinates)) return;
    if (typeof coordinates[0] === 'number') {
      const [x, y] = coordinates;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    } else coordinates.forEach(visit);
  };
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry && 'coordinates' in geometry) visit(geometry.coordinates);
  }
  return box;
}

/**
 * Bundles bench/bare/ with Vite (production build, same toolchain as the app) into outDir.
 * @param {string} outDir
 * @returns {Promise<string>} where the GeoJSON came from
 */
export async function buildBarePage(outDir) {
  const { data, origin } = comparisonGeoJson();
  const moduleId = 'virtual:bench/districts.geojson';
  const source = `export default JSON.parse(${JSON.stringify(JSON.stringify({ ...data, bbox: boundingBox(data) }))});`;
  await build({
    configFile: false,
    root: BARE_SOURCE,
    base: './',
    logLevel: 'warn',
    // MapLibre alone is ~1 MB minified; the warning would only be noise here.
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2048 },
    plugins: [
      {
        name: 'bench-districts',
        resolveId: (id) => (id === moduleId ? '\0' + moduleId : null),
        load: (id) => (id === '\0' + moduleId ? source : null)
      }
    ]
  });
  await precompress(outDir);
  return origin;
}

/**
 * The bare page built into a folder of its own and served, for the benchmarks that compare
 * against it: its server, where its GeoJSON came from, and `close`, which stops the server and
 * removes the folder.
 * @template {{ url: string, close: () => Promise<void> }} Server
 * @param {(root: string) => Promise<Server>} serve starts a server on the built folder
 * @returns {Promise<{ server: Server, dataOrigin: string, close: () => Promise<void> }>}
 * @example const bare = await serveBarePage((root) => startServer({ root, port: 0 }));
 */
export async function serveBarePage(serve) {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-bare-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    const dataOrigin = await buildBarePage(root);
    const server = await serve(root);
    const close = async () => {
      await server.close().catch(() => undefined);
      remove();
    };
    return { server, dataOrigin, close };
  } catch (error) {
    remove();
    throw error;
  }
}

/**
 * Writes each text file gzip'd beside it, as the app's build does (adapter-static
 * `precompress`), so the server sends both pages' files as stored and the floor is not slowed
 * by compression the app is spared.
 * @param {string} dir
 */
async function precompress(dir) {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|js|mjs|css|json|svg)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }
}
