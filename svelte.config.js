import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/csp.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: undefined,
      strict: true,
      // Each text file also as .gz and .br beside it, for hosts that send files as stored
      // (nginx gzip_static / brotli_static, scripts/serve.js): no compressing on every request.
      precompress: true
    }),
    prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
    alias: { $geodata: 'geodata' },
    // The same policy scripts/serve.js sends as a header; SvelteKit adds its inline scripts' hashes.
    csp: { mode: 'hash', directives: /** @type {any} */ (CSP_DIRECTIVES) }
  },
  compilerOptions: { runes: true }
};

export default config;
