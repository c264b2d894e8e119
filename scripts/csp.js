// The site's content security policy, in one place (issue #16): svelte.config.js gives these
// directives to SvelteKit (kit.csp, which adds the hashes of its inline scripts to each
// prerendered page's <meta http-equiv="content-security-policy">), and the server of `npm start`
// (scripts/serve.js, or any server that imports cspHeaderFor) sends the same policy as a header.
//
// - scripts: only the site's own files and SvelteKit's hashed inline bootstrap; no unsafe-inline;
// - workers: the site's own files and blob: (MapLibre starts its worker from a blob);
// - connections and images: the site itself, blob: and data: (the import and the tile workers);
//   and https:/http: for the one foreign origin a user may configure, an online basemap. That
//   origin is known only in the user's browser, so the app narrows this as it starts, before any
//   request, with a second policy of its own allowing the site plus the saved basemap's origins
//   and nothing else (src/lib/style/basemap-policy.ts; every policy in force must allow a
//   request). The app's worker scripts, which never fetch a basemap, get the narrow one here;
// - styles: inline style attributes are allowed (MapLibre and Svelte position elements with
//   them); no plugins, no <base>, forms only to the site;
// - framing: any site may frame the map, since `?embed=1` exists for that (header only).

/** @type {Record<string, string[]>} */
export const CSP_DIRECTIVES = {
  'default-src': ['self'],
  'script-src': ['self'],
  'worker-src': ['self', 'blob:'],
  'child-src': ['self', 'blob:'],
  'connect-src': ['self', 'blob:', 'data:', 'https:', 'http:'],
  'img-src': ['self', 'data:', 'blob:', 'https:', 'http:'],
  'style-src': ['self', 'unsafe-inline'],
  'font-src': ['self', 'data:'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self']
};

/** The policy of the app's own worker scripts: no foreign origin at all. */
const WORKER_DIRECTIVES = {
  ...CSP_DIRECTIVES,
  'connect-src': ['self', 'blob:', 'data:'],
  'img-src': ['self', 'data:', 'blob:']
};

/** Directives a <meta> policy cannot carry: sent in the header only. */
const HEADER_ONLY = { 'frame-ancestors': ['*'] };

const KEYWORDS = new Set([
  'self',
  'none',
  'unsafe-inline',
  'unsafe-eval',
  'strict-dynamic',
  'wasm-unsafe-eval'
]);

/**
 * A directive map as policy text, keywords quoted (`'self'`).
 * @param {Record<string, string[]>} directives
 * @returns {string}
 * @example policyText({ 'script-src': ['self'] }) // "script-src 'self'"
 */
export function policyText(directives) {
  return Object.entries(directives)
    .map(([name, values]) =>
      [name, ...values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))].join(' ')
    )
    .join('; ');
}

const META_POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)"/i;

/**
 * The Content-Security-Policy header for a file of the built site, or null for a file that is
 * not SvelteKit's output (so a server of other pages, like the browser tests' throw-away sites,
 * is left as it was). An HTML page gets the policy of its own <meta> tag (with its script
 * hashes) plus the header-only directives; a script of the app (`/_app/`: the workers get their
 * policy from their own response) gets the directives without hashes, and no foreign origin.
 * @param {string} filePath
 * @param {Buffer | string} body
 * @returns {string | null}
 * @example cspHeaderFor('build/_app/immutable/workers/worker.js', '') // "default-src 'self'; …; frame-ancestors *"
 */
export function cspHeaderFor(filePath, body) {
  if (/\.html?$/i.test(filePath)) {
    const fromMeta = META_POLICY.exec(String(body))?.[1];
    if (!fromMeta) return null;
    return `${fromMeta.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"')}; ${policyText(HEADER_ONLY)}`;
  }
  if (/[\\/]_app[\\/]/.test(filePath)) {
    return `${policyText(WORKER_DIRECTIVES)}; ${policyText(HEADER_ONLY)}`;
  }
  return null;
}
