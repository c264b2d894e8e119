/**
 * The content security policy's one source (scripts/csp.js, issue #16): what svelte.config.js
 * gives SvelteKit and what the server sends as a header.
 */
import { describe, expect, test } from 'vitest';
import config from '../../svelte.config.js';
import { CSP_DIRECTIVES, cspHeaderFor, policyText } from '../../scripts/csp.js';

describe('content security policy', () => {
  test('svelte.config.js hands SvelteKit the same directives, hashing inline scripts', () => {
    expect(config.kit?.csp).toEqual({ mode: 'hash', directives: CSP_DIRECTIVES });
  });

  test('scripts only from the site, workers from the site and blob:, nothing unsafe for scripts', () => {
    expect(CSP_DIRECTIVES['script-src']).toEqual(['self']);
    expect(CSP_DIRECTIVES['worker-src']).toEqual(['self', 'blob:']);
    expect(CSP_DIRECTIVES['object-src']).toEqual(['none']);
    expect(policyText({ 'script-src': ['self', 'sha256-abc'] })).toBe(
      "script-src 'self' sha256-abc"
    );
  });

  test('pages allow https:/http: connections only for the basemap the app narrows them to', () => {
    expect(CSP_DIRECTIVES['connect-src']).toEqual(['self', 'blob:', 'data:', 'https:', 'http:']);
    expect(CSP_DIRECTIVES['img-src']).toEqual(['self', 'data:', 'blob:', 'https:', 'http:']);
  });

  test("a page's header is its <meta> policy (with its hashes) plus frame-ancestors", () => {
    const html = `<head><meta http-equiv="content-security-policy" content="script-src 'self' 'sha256-x'; default-src 'self'"></head>`;
    expect(cspHeaderFor('build/index.html', html)).toBe(
      "script-src 'self' 'sha256-x'; default-src 'self'; frame-ancestors *"
    );
    // The app's workers (MapLibre's, the import's) never reach another origin.
    const worker = cspHeaderFor('build/_app/immutable/workers/worker-1.js', '') ?? '';
    expect(worker).toContain("connect-src 'self' blob: data:;");
    expect(worker).toContain("img-src 'self' data: blob:;");
    expect(worker).toContain("script-src 'self';");
    expect(worker).toMatch(/frame-ancestors \*$/);
    // Files that are not SvelteKit's output get no header.
    expect(cspHeaderFor('site/bad.html', '<html>no policy</html>')).toBeNull();
    expect(cspHeaderFor('site/worker.js', '')).toBeNull();
  });
});
