// scripts/serve.js: the static server behind `npm start`, the browser tests and the benchmark.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  acceptsGzip,
  candidateFiles,
  mimeTypeFor,
  startServer,
  type ServedResponse
} from '../../scripts/serve.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends the path exactly as given (no client-side normalisation of `..`). */
function send(
  origin: string,
  rawPath: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}
): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: rawPath, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks)
        })
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const BIG_SCRIPT = 'export const data = ' + JSON.stringify('凌河'.repeat(2000)) + ';\n';

describe('serve.js helpers', () => {
  it('maps extensions to MIME types', () => {
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('districts.geojson')).toBe('application/geo+json; charset=utf-8');
    expect(mimeTypeFor('icon.SVG')).toBe('image/svg+xml; charset=utf-8');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('0-255.pbf')).toBe('application/x-protobuf');
    expect(mimeTypeFor('unknown.xyz')).toBe('application/octet-stream');
  });

  it('reads Accept-Encoding, including q=0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it('maps clean URLs to files and refuses paths outside the root', () => {
    const root = path.resolve('/srv/site');
    expect(candidateFiles(root, '/')).toEqual([path.join(root, 'index.html')]);
    expect(candidateFiles(root, '/plan')).toEqual([
      path.join(root, 'plan'),
      path.join(root, 'plan.html'),
      path.join(root, 'plan/index.html')
    ]);
    expect(candidateFiles(root, '/docs/')).toEqual([path.join(root, 'docs/index.html')]);
    expect(candidateFiles(root, '/%E5%87%8C.json')).toEqual([path.join(root, '凌.json')]);
    // `..` can never climb above the root; it is clamped like a browser would.
    expect(candidateFiles(root, '/../../etc/passwd')?.[0]).toBe(path.join(root, 'etc/passwd'));
    expect(candidateFiles(root, '/..%2f..%2fetc%2fpasswd.txt')).toEqual([
      path.join(root, 'etc/passwd.txt')
    ]);
    for (const candidate of candidateFiles(root, '/a/../../../b') ?? []) {
      expect(candidate.startsWith(root + path.sep)).toBe(true);
    }
    expect(candidateFiles(root, '/..%5c..%5csecret')).toBeNull();
    expect(candidateFiles(root, '/a%00.html')).toBeNull();
    expect(candidateFiles(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('startServer', () => {
  let base: string;
  let root: string;
  let origin: string;
  let close: () => Promise<void>;
  const served: ServedResponse[] = [];

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
    root = path.join(base, 'site');
    mkdirSync(path.join(root, 'docs'), { recursive: true });
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
    writeFileSync(path.join(root, 'index.html'), '<h1>home</h1>');
    writeFileSync(path.join(root, 'plan.html'), '<h1>plan</h1>');
    writeFileSync(path.join(root, 'docs/index.html'), '<h1>docs</h1>');
    writeFileSync(path.join(root, '404.html'), '<h1>not here</h1>');
    writeFileSync(path.join(root, 'assets/app.mjs'), BIG_SCRIPT);
    writeFileSync(path.join(root, 'assets/font.woff2'), Buffer.alloc(4096, 7));
    ({ url: origin, close } = await startServer({
      root,
      port: 0,
      onResponse: (response) => served.push(response)
    }));
  });

  afterAll(async () => {
    await close?.();
    rmSync(base, { recursive: true, force: true });
  });

  it('listens on a free port on 127.0.0.1 when asked for port 0', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(origin).port).not.toBe('0');
  });

  it('serves clean URLs', async () => {
    for (const [urlPath, body] of [
      ['/', '<h1>home</h1>'],
      ['/plan', '<h1>plan</h1>'],
      ['/plan?x=1', '<h1>plan</h1>'],
      ['/plan.html', '<h1>plan</h1>'],
      ['/docs/', '<h1>docs</h1>'],
      ['/docs', '<h1>docs</h1>']
    ]) {
      const response = await send(origin, urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(response.headers['content-type'], urlPath).toBe('text/html; charset=utf-8');
      expect(response.body.toString(), urlPath).toBe(body);
    }
  });

  it('gzips compressible files for clients that accept it, and only for them', async () => {
    const zipped = await send(origin, '/assets/app.mjs', {
      headers: { 'accept-encoding': 'gzip, deflate, br' }
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toBe('Accept-Encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(Buffer.byteLength(BIG_SCRIPT) / 10);
    expect(gunzipSync(zipped.body).toString()).toBe(BIG_SCRIPT);

    const again = await send(origin, '/assets/app.mjs', { headers: { 'accept-encoding': 'gzip' } });
    expect(again.body.equals(zipped.body)).toBe(true);

    const plain = await send(origin, '/assets/app.mjs');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_SCRIPT);

    const refused = await send(origin, '/assets/app.mjs', {
      headers: { 'accept-encoding': 'gzip;q=0' }
    });
    expect(refused.headers['content-encoding']).toBeUndefined();

    const font = await send(origin, '/assets/font.woff2', {
      headers: { 'accept-encoding': 'gzip' }
    });
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.length).toBe(4096);
  });

  it('serves a changed file anew instead of stale cached bytes', async () => {
    writeFileSync(
      path.join(root, 'assets/changing.json'),
      JSON.stringify({ v: 1, pad: 'x'.repeat(500) })
    );
    const first = await send(origin, '/assets/changing.json', {
      headers: { 'accept-encoding': 'gzip' }
    });
    expect(JSON.parse(gunzipSync(first.body).toString()).v).toBe(1);
    writeFileSync(
      path.join(root, 'assets/changing.json'),
      JSON.stringify({ v: 22, pad: 'y'.repeat(600) })
    );
    const second = await send(origin, '/assets/changing.json', {
      headers: { 'accept-encoding': 'gzip' }
    });
    expect(JSON.parse(gunzipSync(second.body).toString()).v).toBe(22);
  });

  it('never serves files outside the root', async () => {
    for (const attack of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/../../secret.txt',
      '//../secret.txt'
    ]) {
      const response = await send(origin, attack);
      expect([400, 404], attack).toContain(response.status);
      expect(response.body.toString(), attack).not.toContain('TOP SECRET');
    }
  });

  it('answers unknown paths with 404 and the site 404 page', async () => {
    const response = await send(origin, '/no/such/page');
    expect(response.status).toBe(404);
    expect(response.body.toString()).toBe('<h1>not here</h1>');
  });

  it('answers malformed escapes with 400, HEAD without a body, POST with 405', async () => {
    expect((await send(origin, '/%E0%A4%A')).status).toBe(400);
    const head = await send(origin, '/plan', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe('<h1>plan</h1>'.length);
    expect(head.body.length).toBe(0);
    const post = await send(origin, '/plan', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });

  it('reports every response with the bytes actually sent', async () => {
    served.length = 0;
    const zipped = await send(origin, '/assets/app.mjs', {
      headers: { 'accept-encoding': 'gzip' }
    });
    await send(origin, '/missing');
    expect(served).toEqual([
      { url: '/assets/app.mjs', status: 200, bytes: zipped.body.length, gzip: true },
      { url: '/missing', status: 404, bytes: '<h1>not here</h1>'.length, gzip: false }
    ]);
  });

  it('refuses to start on a missing root', async () => {
    await expect(startServer({ root: path.join(base, 'nope'), port: 0 })).rejects.toThrow(
      /root folder not found/
    );
  });
});

describe('serve.js without a 404 page', () => {
  it('answers 404 with a plain message', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'serve-test-no404-'));
    writeFileSync(path.join(root, 'index.html'), 'home');
    const server = await startServer({ root, port: 0 });
    try {
      const response = await send(server.url, '/missing');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body.toString()).toMatch(/404/);
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
