import { sveltekit } from '@sveltejs/kit/vite';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { compactCollection, expandCollection } from './src/lib/geo/compact-geojson.js';
import { maplibrePlacementFix } from './scripts/maplibre-placement-fix.js';
import { maplibreCssTrim } from './scripts/maplibre-css-trim.js';

const CODEC = fileURLToPath(new URL('./src/lib/geo/compact-geojson.js', import.meta.url));

/**
 * Lets `import x from '$geodata/….geojson'` work like a JSON import, in the app and in vitest.
 * Coordinates ship in the lossless compact form of src/lib/geo/compact-geojson.js (a third of
 * the gzip bytes for the districts), checked here to expand to the very same JSON text.
 */
function geojsonImport(): Plugin {
  return {
    name: 'geojson-import',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.geojson')) return null;
      // Re-serialised without the files' indentation: fewer bytes to send and to parse.
      const parsed = JSON.parse(code);
      const compact = compactCollection(parsed);
      const exact = JSON.stringify(parsed);
      if (!compact || JSON.stringify(expandCollection(structuredClone(compact))) !== exact) {
        return { code: `export default JSON.parse(${JSON.stringify(exact)});`, map: null };
      }
      return {
        code:
          `import { expandCollection } from ${JSON.stringify(CODEC)};\n` +
          `export default expandCollection(JSON.parse(${JSON.stringify(JSON.stringify(compact))}));`,
        map: null
      };
    }
  };
}

export default defineConfig({
  plugins: [geojsonImport(), maplibrePlacementFix(), sveltekit()],
  css: { postcss: { plugins: [maplibreCssTrim()] } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: [
      'tests/unit/support/every-test-asserts.ts',
      'tests/unit/support/feature-list-equality.ts'
    ],
    environment: 'node'
  }
});
