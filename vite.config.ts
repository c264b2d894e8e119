import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

/** Lets `import x from '$geodata/….geojson'` work like a JSON import, in the app and in vitest. */
function geojsonImport(): Plugin {
  return {
    name: 'geojson-import',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.geojson')) return null;
      // Re-serialised without the files' indentation: fewer bytes to send and to parse.
      const compact = JSON.stringify(JSON.parse(code));
      return { code: `export default JSON.parse(${JSON.stringify(compact)});`, map: null };
    }
  };
}

export default defineConfig({
  plugins: [geojsonImport(), sveltekit()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: [
      'tests/unit/support/every-test-asserts.ts',
      'tests/unit/support/feature-list-equality.ts'
    ],
    environment: 'node'
  }
});
