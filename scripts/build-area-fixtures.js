/**
 * Writes the expected areas for tests/fixtures/area: for every tests/fixtures/area/in/NAME.geojson,
 * out/NAME.json holds each feature's area from GeographicLib's PolygonArea on CGCS2000 (the
 * reference the fast engine in src/lib/geo/area.js is tested against) and its geodesic perimeter.
 *
 * Run on purpose only, after adding or changing an input fixture:
 *   node scripts/build-area-fixtures.js
 * The expected values then change in git, where a reviewer can see them.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geographicLibArea } from '../src/lib/geo/area.js';
import { geodesicPerimeter } from '../src/lib/geo/length.js';

/** @typedef {import('geojson').FeatureCollection} FeatureCollection */

const fixtures = fileURLToPath(new URL('../tests/fixtures/area/', import.meta.url));
const inputs = readdirSync(join(fixtures, 'in')).filter((name) => name.endsWith('.geojson'));

for (const input of inputs.sort()) {
  /** @type {FeatureCollection} */
  const collection = JSON.parse(readFileSync(join(fixtures, 'in', input), 'utf8'));
  const features = collection.features.map((feature) => ({
    name: String(feature.properties?.name ?? ''),
    geographicLibM2: geographicLibArea(feature.geometry),
    geodesicPerimeterM: geodesicPerimeter(feature.geometry)
  }));
  const expected = {
    input: `in/${input}`,
    reference:
      'GeographicLib PolygonArea (geographiclib-geodesic) on CGCS2000, a = 6378137 m, f = 1/298.257222101',
    writtenBy: 'scripts/build-area-fixtures.js',
    features
  };
  const output = join(fixtures, 'out', `${basename(input, '.geojson')}.json`);
  writeFileSync(output, `${JSON.stringify(expected, null, 2)}\n`);
  console.log(
    `${output}: ${features.map((f) => `${f.name} ${f.geographicLibM2.toFixed(3)} m²`).join('; ')}`
  );
}
