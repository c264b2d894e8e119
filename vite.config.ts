import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type Plugin } from 'vitest/config';

/** Lets `import x from '$geodata/….geojson'` work like a JSON import, in the app and in vitest. */
function geojsonImport(): Plugin {
  return {
    name: 'geojson-import',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.geojson')) return null;
      return { code: `export default JSON.parse(${JSON.stringify(code)});`, map: null };
    }
  };
}

export default defineConfig({
  plugins: [geojsonImport(), sveltekit()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node'
  }
});
