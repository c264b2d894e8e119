// A tiny dependency-free static server for the built site (build/), used by `npm start`, the
// browser tests and the load benchmark. It mirrors what a plain static host does: clean URLs,
// correct MIME types, gzip, a 404 page — so what we test and measure is what users get.
//
// CLI:     node scripts/serve.js [root]        (PORT env, default 4173; HOST env, default 127.0.0.1)
// Module:  const { url, close } = await startServer({ root: 'build', port: 0 });

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cspHeaderFor } from './csp.js';

const DEFAULT_PORT = 4173;
const DEFAULT_HOST = '127.0.0.1';

/** @type {Record<string, string>} */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.kml': 'application/vnd.google-earth.kml+xml; charset=utf-8',
  '.gpx': 'application/gpx+xml; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.pmtiles': 'application/octet-stream',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip'
};

// Formats that are already compressed gain nothing from gzip; everything else is worth it.
const ALREADY_COMPRESSED = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
  '.avif',
  '.woff',
  '.woff2',
  '.zip',
  '.pdf',
  '.pmtiles'
]);

// Below this size the gzip header overhead outweighs the savings.
const MIN_GZIP_BYTES = 256;

/**
 * The MIME type for a file name, by extension (application/octet-stream when unknown).
 * @param {string} fileName
 * @returns {string}
 * @example mimeTypeFor('a/b.mjs') // 'text/javascript; charset=utf-8'
 */
export function mimeTypeFor(fileName) {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Whether an Accept-Encoding header value allows gzip (respecting `gzip;q=0`).
 * @param {string | undefined} acceptEncoding
 * @returns {boolean}
 */
export function acceptsGzip(acceptEncoding) {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(',').some((entry) => {
    const [coding, ...params] = entry.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') return false;
    const quality = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/**
 * Candidate files for a URL path, in the order a static host tries them:
 * `/` → index.html, `/plan` → plan.html then plan/index.html, `/x/` → x/index.html.
 * Returns null when the path escapes the root or is malformed.
 * @param {string} root absolute path of the served folder
 * @param {string} urlPath the request path, still percent-encoded, without query
 * @returns {string[] | null}
 */
export function candidateFiles(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const resolved = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  if (decoded.endsWith('/')) return [path.join(resolved, 'index.html')];
  if (path.extname(resolved) === '') {
    return [resolved, resolved + '.html', path.join(resolved, 'index.html')];
  }
  return [resolved];
}

/**
 * @typedef {{ body: Buffer, gzipped: Buffer | null, mtimeMs: number, size: number }} CachedFile
 */

/**
 * @typedef {{ url: string, status: number, bytes: number, gzip: boolean }} ServedResponse
 *   bytes: body bytes as sent on the wire (after gzip; 0 for HEAD)
 */

/**
 * Starts the static server.
 * @param {{ root?: string, port?: number, host?: string,
 *   onResponse?: (served: ServedResponse) => void }} [options]
 *   root defaults to ./build; port 0 picks a free port; onResponse reports every response sent
 *   (the load benchmark sums transferred bytes with it).
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 * @example const { url, close } = await startServer({ root: 'build', port: 0 });
 */
export async function startServer({
  root = 'build',
  port = DEFAULT_PORT,
  host = DEFAULT_HOST,
  onResponse
} = {}) {
  const rootDir = path.resolve(root);
  const rootStat = await stat(rootDir).catch(() => null);
  if (!rootStat?.isDirectory()) {
    throw new Error(`serve: root folder not found: ${rootDir} (run \`npx vite build\` first)`);
  }

  // Files and their gzip'd bytes are computed once per file version (path + mtime + size).
  /** @type {Map<string, CachedFile>} */
  const cache = new Map();

  /**
   * @param {string} filePath
   * @returns {Promise<CachedFile | null>}
   */
  async function load(filePath) {
    const info = await stat(filePath).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(filePath);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(filePath);
    const extension = path.extname(filePath).toLowerCase();
    const compressible = !ALREADY_COMPRESSED.has(extension) && body.length >= MIN_GZIP_BYTES;
    const gzipped = compressible ? gzipSync(body, { level: 9 }) : null;
    const entry = {
      body,
      gzipped: gzipped && gzipped.length < body.length ? gzipped : null,
      mtimeMs: info.mtimeMs,
      size: info.size
    };
    cache.set(filePath, entry);
    return entry;
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @param {number} status
   * @param {string} filePath
   * @param {CachedFile} file
   */
  function send(request, response, status, filePath, file) {
    const useGzip = file.gzipped !== null && acceptsGzip(request.headers['accept-encoding']);
    const body = useGzip && file.gzipped ? file.gzipped : file.body;
    /** @type {Record<string, string | number>} */
    const headers = {
      'Content-Type': mimeTypeFor(filePath),
      'Content-Length': body.length,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': filePath.includes(`${path.sep}immutable${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache'
    };
    const csp = cspHeaderFor(filePath, file.body);
    if (csp) headers['Content-Security-Policy'] = csp;
    if (file.gzipped) headers['Vary'] = 'Accept-Encoding';
    if (useGzip) headers['Content-Encoding'] = 'gzip';
    finish(request, response, status, headers, body, useGzip);
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @param {number} status
   * @param {Record<string, string | number>} headers
   * @param {Buffer} body
   * @param {boolean} gzip
   */
  function finish(request, response, status, headers, body, gzip) {
    const sendsBody = request.method !== 'HEAD';
    response.writeHead(status, headers);
    response.end(sendsBody ? body : undefined);
    onResponse?.({ url: request.url ?? '/', status, bytes: sendsBody ? body.length : 0, gzip });
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   */
  async function sendNotFound(request, response) {
    const notFoundPage = path.join(rootDir, '404.html');
    const file = await load(notFoundPage);
    if (file) return send(request, response, 404, notFoundPage, file);
    sendText(request, response, 404, '404 Not Found — 页面不存在');
  }

  /**
   * @param {import('node:http').IncomingMessage} request
   * @param {import('node:http').ServerResponse} response
   * @param {number} status
   * @param {string} text
   */
  function sendText(request, response, status, text) {
    const body = Buffer.from(text + '\n');
    const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length };
    finish(request, response, status, headers, body, false);
  }

  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('Allow', 'GET, HEAD');
        return sendText(request, response, 405, '405 Method Not Allowed');
      }
      const urlPath = (request.url ?? '/').split(/[?#]/)[0];
      const candidates = candidateFiles(rootDir, urlPath);
      if (!candidates) return sendText(request, response, 400, '400 Bad Request');
      for (const candidate of candidates) {
        const file = await load(candidate);
        if (file) return send(request, response, 200, candidate, file);
      }
      await sendNotFound(request, response);
    } catch (error) {
      console.error('serve:', error);
      if (!response.headersSent) sendText(request, response, 500, '500 Internal Server Error');
      else response.destroy();
    }
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
