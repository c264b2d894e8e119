// The static server for the built site (build/), used by `npm start`, the browser tests and the
// load benchmark: sirv (files, clean URLs, byte ranges, ETags) behind compression (gzip), so what
// we test and measure is what a plain static host gives users — including the HTTP range
// requests a PMTiles basemap (basemap.pmtiles) is read with. The build writes each text file
// gzip'd beside it (adapter-static `precompress`); sirv sends that file as it is, as nginx's
// `gzip_static` does, rather than compressing 1 MB of MapLibre at level 9 for every request.
//
// CLI:     node scripts/serve.js [root]        (PORT env, default 4173; HOST env, default 127.0.0.1)
// Module:  const { url, close } = await startServer({ root: 'build', port: 0 });

import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';
import compression from 'compression';
import { cspHeaderFor } from './csp.js';

const DEFAULT_PORT = 4173;
const DEFAULT_HOST = '127.0.0.1';

/** Content types with their charset, by extension; sirv's own guess is used for the rest. */
/** @type {Record<string, string>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  // PMTiles archives are read in byte ranges: never gzip them (application/octet-stream is
  // not compressible to the compression middleware).
  '.pmtiles': 'application/octet-stream'
};

// Below this size the gzip header overhead outweighs the savings.
const MIN_GZIP_BYTES = 256;

/**
 * Whether a request path is well-formed and cannot name anything outside the root: it decodes,
 * and holds no NUL and no backslash. sirv itself never serves a file outside its folder.
 * @param {string} urlPath the request path, still percent-encoded, without query
 * @returns {boolean}
 * @example isServablePath('/plan') // true
 * @example isServablePath('/%E0%A4%A') // false
 */
export function isServablePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  return !decoded.includes('\0') && !decoded.includes('\\');
}

/** @param {string} filePath */
function isFile(filePath) {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/**
 * @typedef {{ url: string, status: number, bytes: number, gzip: boolean }} ServedResponse
 *   bytes: body bytes as sent on the wire (after gzip; 0 for HEAD)
 */

/**
 * @typedef {Record<string, string> | ((urlPath: string) => Record<string, string>)} ExtraHeaders
 *   headers added to every response (e.g. a Content-Security-Policy), or a function of the path
 */

/**
 * The Content-Security-Policy header for a request answered from the built site (scripts/csp.js
 * reads a page's own policy, with its script hashes, from the page), or null.
 * @param {string} rootDir
 * @param {string} pathname the request path, a clean URL (/plan) or a file's
 * @returns {string | null}
 */
function contentSecurityPolicyOf(rootDir, pathname) {
  const asked = path.join(rootDir, pathname);
  const file = [asked, `${asked}.html`, path.join(asked, 'index.html')].find(isFile);
  if (!file) return null;
  return cspHeaderFor(file, /\.html?$/i.test(file) ? readFileSync(file) : '');
}

/**
 * Starts the static server.
 * @param {{ root?: string, port?: number, host?: string,
 *   onResponse?: (served: ServedResponse) => void, headers?: ExtraHeaders }} [options]
 *   root defaults to ./build; port 0 picks a free port; onResponse reports every response sent
 *   (the load benchmark sums transferred bytes with it); headers are set on every response.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 * @example const { url, close } = await startServer({ root: 'build', port: 0 });
 */
export async function startServer({
  root = 'build',
  port = DEFAULT_PORT,
  host = DEFAULT_HOST,
  onResponse,
  headers: extraHeaders
} = {}) {
  const rootDir = path.resolve(root);
  const rootStat = await stat(rootDir).catch(() => null);
  if (!rootStat?.isDirectory()) {
    throw new Error(`serve: root folder not found: ${rootDir} (run \`npx vite build\` first)`);
  }

  // dev: look files up on each request, so a file dropped in later (basemap.pmtiles) or
  // rebuilt is served as it is now; etag: browsers revalidate instead of downloading again.
  const files = sirv(rootDir, {
    dev: true,
    etag: true,
    gzip: true,
    extensions: ['html', 'htm'],
    setHeaders: (response, pathname) => {
      const type = MIME_TYPES[path.extname(pathname).toLowerCase()];
      if (type) response.setHeader('Content-Type', type);
      // A clean URL (/, /plan, /docs/) was answered with an .html file.
      else if (!path.extname(pathname) && !isFile(path.join(rootDir, pathname))) {
        response.setHeader('Content-Type', MIME_TYPES['.html']);
      }
      response.setHeader(
        'Cache-Control',
        pathname.includes('/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
      );
      response.setHeader('Accept-Ranges', 'bytes');
      const csp = contentSecurityPolicyOf(rootDir, pathname);
      if (csp) response.setHeader('Content-Security-Policy', csp);
    }
  });
  const gzip = compression({
    level: 9,
    threshold: MIN_GZIP_BYTES,
    // A byte range is a slice of the file as stored: compressing it would break it.
    filter: (request, response) => !request.headers.range && compression.filter(request, response)
  });

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @param {number} status
   * @param {string} text
   */
  function sendText(request, response, status, text) {
    const body = Buffer.from(text + '\n');
    response.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.length
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  async function sendNotFound(request, response) {
    const page = await readFile(path.join(rootDir, '404.html')).catch(() => null);
    if (!page) return sendText(request, response, 404, '404 Not Found — 页面不存在');
    response.writeHead(404, {
      'Content-Type': MIME_TYPES['.html'],
      'Content-Length': page.length,
      'Cache-Control': 'no-cache'
    });
    response.end(request.method === 'HEAD' ? undefined : page);
  }

  /**
   * Counts the body bytes as they go on the wire: installed before compression wraps the
   * response, so it sees the gzip'd bytes.
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  function countBytes(request, response) {
    let bytes = 0;
    const write = response.write.bind(response);
    const end = response.end.bind(response);
    /** @param {unknown} chunk @param {unknown} [encoding] */
    const size = (chunk, encoding) =>
      chunk == null || typeof chunk === 'function'
        ? 0
        : typeof chunk === 'string'
          ? Buffer.byteLength(chunk, /** @type {BufferEncoding} */ (encoding ?? 'utf8'))
          : /** @type {Uint8Array} */ (chunk).byteLength;
    response.write = /** @type {typeof response.write} */ (
      (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
        bytes += size(chunk, rest[0]);
        return write(chunk, ...rest);
      }
    );
    response.end = /** @type {typeof response.end} */ (
      (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) => {
        bytes += size(chunk, rest[0]);
        return end(chunk, ...rest);
      }
    );
    response.on('finish', () =>
      onResponse?.({
        url: request.url ?? '/',
        status: response.statusCode,
        bytes: request.method === 'HEAD' ? 0 : bytes,
        gzip: response.getHeader('content-encoding') === 'gzip'
      })
    );
  }

  const server = createServer((request, response) => {
    countBytes(request, response);
    // gzip only, as most static hosts send (nginx's default): the load benchmark's bytes stay
    // comparable, and compression would otherwise prefer brotli.
    const accepted = request.headers['accept-encoding'];
    // A byte range is a slice of the file as stored, never of its .gz.
    if (request.headers.range) delete request.headers['accept-encoding'];
    else if (typeof accepted === 'string') {
      request.headers['accept-encoding'] = accepted
        .split(',')
        .filter((coding) => !/^\s*br\s*(;|$)/i.test(coding))
        .join(',');
    }
    const urlPath = (request.url ?? '/').split(/[?#]/)[0];
    const extra = typeof extraHeaders === 'function' ? extraHeaders(urlPath) : extraHeaders;
    for (const [name, value] of Object.entries(extra ?? {})) response.setHeader(name, value);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return sendText(request, response, 405, '405 Method Not Allowed');
    }
    if (!isServablePath(urlPath)) return sendText(request, response, 400, '400 Bad Request');
    gzip(request, response, () => {
      files(request, response, () => {
        sendNotFound(request, response).catch((error) => {
          console.error('serve:', error);
          if (!response.headersSent) sendText(request, response, 500, '500 Internal Server Error');
          else response.destroy();
        });
      });
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const root = process.argv[2] ?? path.join(projectRoot, 'build');
  const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be an integer 0–65535, got "${process.env.PORT}"`);
    process.exit(1);
  }
  startServer({ root, port, host: process.env.HOST || DEFAULT_HOST }).then(
    ({ url }) => console.log(`Serving ${root} at ${url}/`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  );
}
