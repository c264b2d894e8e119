// scripts/serve.js: the static server behind `npm start`, the browser tests and the benchmark.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isServablePath, startServer, type ServedResponse } from '../../scripts/serve.js';

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

describe('isServablePath', () => {
  it('accepts well-formed paths and refuses malformed escapes, NUL and backslashes', () => {
    expect(isServablePath('/')).toBe(true);
    expect(isServablePath('/plan')).toBe(true);
    expect(isServablePath('/%E5%87%8C.json')).toBe(true);
    expect(isServablePath('/..%5c..%5csecret')).toBe(false);
    expect(isServablePath('/a%00.html')).toBe(false);
    expect(isServablePath('/%E0%A4%A')).toBe(false);
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
    writeFileSync(path.join(root, 'data.geojson'), '{"type":"FeatureCollection","features":[]}');
    ({ url: origin, close } = await startServer({
      root,
      port: 0,
      onResponse: (response) => served.push(response),
      headers: (urlPath) => ({ 'X-Served-Path': urlPath })
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
    // Compressed as it streams, so sent chunked rather than with a Content-Length.
    expect(zipped.headers['content-length']).toBeUndefined();
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

  it('gives types with their charset, and sets the extra headers it was given', async () => {
    const data = await send(origin, '/data.geojson');
    expect(data.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(data.headers['x-content-type-options']).toBe('nosniff');
    expect(data.headers['x-served-path']).toBe('/data.geojson');
    expect((await send(origin, '/no/such')).headers['x-served-path']).toBe('/no/such');
  });

  it('answers byte ranges with 206 and exactly those bytes, never gzipped', async () => {
    const archive = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    writeFileSync(path.join(root, 'basemap.pmtiles'), archive);
    const head = await send(origin, '/basemap.pmtiles', {
      headers: { range: 'bytes=0-126', 'accept-encoding': 'gzip' }
    });
    expect(head.status).toBe(206);
    expect(head.headers['content-range']).toBe('bytes 0-126/5000');
    expect(head.headers['content-encoding']).toBeUndefined();
    expect(head.body.equals(archive.subarray(0, 127))).toBe(true);
    const middle = await send(origin, '/basemap.pmtiles', {
      headers: { range: 'bytes=4000-4999' }
    });
    expect(middle.status).toBe(206);
    expect(middle.body.equals(archive.subarray(4000))).toBe(true);
    // A range of a compressible file is still the stored bytes.
    const script = await send(origin, '/assets/app.mjs', {
      headers: { range: 'bytes=0-19', 'accept-encoding': 'gzip' }
    });
    expect(script.status).toBe(206);
    expect(script.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe(BIG_SCRIPT.slice(0, 20));
    const whole = await send(origin, '/basemap.pmtiles');
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    const beyond = await send(origin, '/basemap.pmtiles', {
      headers: { range: 'bytes=9000-9999' }
    });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe('bytes */5000');
  });

  it("sends a file gzip'd at build time as it is, with the type of the file it stands for", async () => {
    const text = 'export const precompressed = ' + JSON.stringify('锦州'.repeat(500)) + ';\n';
    writeFileSync(path.join(root, 'assets/pre.js'), text);
    // Marked, so the test can tell the stored .gz from one the server would make itself.
    const stored = gzipSync(text.replace('precompressed', 'fromTheGzFile'));
    writeFileSync(path.join(root, 'assets/pre.js.gz'), stored);
    const zipped = await send(origin, '/assets/pre.js', {
      headers: { 'accept-encoding': 'gzip, br' }
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zipped.headers.vary).toContain('Accept-Encoding');
    expect(zipped.body.equals(stored)).toBe(true);
    const plain = await send(origin, '/assets/pre.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(text);
    const slice = await send(origin, '/assets/pre.js', {
      headers: { range: 'bytes=0-5', 'accept-encoding': 'gzip' }
    });
    expect(slice.status).toBe(206);
    expect(slice.body.toString()).toBe('export');
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
