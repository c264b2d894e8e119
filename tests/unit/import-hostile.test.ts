/**
 * Hostile files (issue #16) too big to commit, generated here from a small recipe: ZIP bombs
 * whose headers lie or tell the truth, a .shp with more vertices than the limit, a .dbf with more
 * records than the feature limit. Each must end quickly, within bounded memory, with one clear
 * message — checked on the result, not just on the absence of a crash. The recipes are
 * scripts/hostile-files.js (bench/import-hostile.js measures the largest of them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import { findRepeatedMembers } from '../../src/lib/formats/repeated-members';
import type { ImportResult } from '../../src/lib/import/types';
import {
  MB,
  bigDbf,
  dbfRecords,
  tooManyVertices,
  zeroFilledShapefile,
  zipBomb
} from '../../scripts/hostile-files.js';

/** Runs an import, measuring its time and how much the heap and the process grew. */
async function measured(bytes: Uint8Array, name: string) {
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  const started = performance.now();
  const result = await importFile(bytes, name);
  const ms = performance.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const report = { name, ms: Math.round(ms), rssGrowthMb: Math.round((peakRss - rssBefore) / MB) };
  console.log(`hostile ${JSON.stringify(report)}`);
  return { result, ms, rssGrowth: peakRss - rssBefore, heapGrowth };
}

function texts(result: ImportResult): string {
  return [result.fileError, ...result.notices, ...result.problems]
    .filter((m) => m !== undefined)
    .map((m) => `${m.zh} ${m.en}`)
    .join('\n');
}

describe('ZIP bombs end quickly with one clear message (class 1)', () => {
  test('headers claiming 1 000 bytes for a .shp that inflates to 2 GB: stopped after ~1 000 bytes', async () => {
    const zip = zipBomb();
    expect(zip.length).toBeLessThan(3 * MB);
    const { result, ms, rssGrowth } = await measured(zip, 'bomb.zip');
    expect(result.fileError?.code).toBe('zip-size-mismatch');
    expect(result.fileError?.en).toContain('“bomb.shp” does not expand to the 1000 bytes');
    expect(ms).toBeLessThan(2000);
    expect(rssGrowth).toBeLessThan(200 * MB);
  });

  test('a 1.5 MB ZIP whose .shp honestly inflates to 600 MB is refused from its directory', async () => {
    const zip = zeroFilledShapefile('big', 600 * MB, 600 * MB);
    const { result, ms } = await measured(zip, 'big.zip');
    expect(result.fileError?.code).toBe('zip-too-large');
    expect(result.fileError?.en).toMatch(
      /expands to too much data \(600\.0 MB; the limit is 300\.0 MB\)/
    );
    expect(ms).toBeLessThan(1000);
  });

  test('a .dbf that inflates to 150 MB (0.2 MB zipped) is refused as too large for one file', async () => {
    const zip = bigDbf(75 * MB, 150 * MB);
    expect(zip.length).toBeLessThan(MB);
    const { result, ms } = await measured(zip, 't.zip');
    expect(result.fileError?.code).toBe('zip-entry-too-large');
    expect(result.fileError?.en).toContain('“t.dbf” in the ZIP expands to 150.0 MB');
    expect(ms).toBeLessThan(1000);
  });

  test('a .dbf of 45 M records (90 MB inflated) is counted against the feature limit before it is read', async () => {
    const { result, ms, rssGrowth } = await measured(dbfRecords(), 't.zip');
    expect(result.fileError?.code).toBe('too-many-features');
    expect(result.fileError?.en).toContain('more than the limit of 1000000');
    expect(ms).toBeLessThan(5000);
    expect(rssGrowth).toBeLessThan(400 * MB);
  });

  test('a 90 MB .shp of one 5.6 M-vertex polygon is counted against the vertex limit before it is parsed', async () => {
    const { result, ms, heapGrowth } = await measured(tooManyVertices(), 'v.zip');
    expect(result.fileError?.code).toBe('too-many-vertices');
    expect(texts(result)).toContain('more than the limit of 5000000');
    expect(ms).toBeLessThan(3000);
    // No coordinate became an object: the heap grew by far less than 5.6 M arrays would take.
    expect(heapGrowth).toBeLessThan(50 * MB);
  });
});

describe('deep nesting outside the coordinates (class 4)', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const good =
    '{"type":"Feature","properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[121,41]}}';
  const collection = (second: string) =>
    new TextEncoder().encode(`{"type":"FeatureCollection","features":[${good},${second}]}`);
  const cases: [string, string, string][] = [
    [
      'a property 100 000 deep',
      `{"type":"Feature","properties":{"name":"b","a":${deep(100_000)}},"geometry":{"type":"Point","coordinates":[121,41]}}`,
      'properties.a'
    ],
    [
      'a foreign member of the feature',
      `{"type":"Feature","foo":${deep(100_000)},"properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[121,41]}}`,
      'foo'
    ],
    [
      'a foreign member of the geometry',
      `{"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[121,41],"x":${deep(100_000)}}}`,
      'geometry.x'
    ]
  ];

  test.each(cases)(
    '%s: left out with a remark naming it, the feature imported',
    async (_, second, field) => {
      for (const input of [collection(second), new Blob([collection(second)])]) {
        const result = await importFile(input, 'deep.geojson');
        expect(result.status).toBe('ok');
        expect(result.features).toHaveLength(2);
        const problem = result.problems.find((p) => p.code === 'value-too-deep');
        expect(problem?.featureIndex).toBe(1);
        expect(problem?.en).toContain(`“${field}” is nested more than 64 deep and was left out`);
        // What is kept can be written out again (packing, the worker's message, the popup).
        const features = [...result.features];
        expect(JSON.stringify(features)).toContain('"name":"b"');
      }
    }
  );

  test('a KML description of markup nested 100 000 deep is read as its text', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>a</name><description>${'<b>'.repeat(100_000)}深${'</b>'.repeat(100_000)}</description><Point><coordinates>121,41</coordinates></Point></Placemark></Document></kml>`;
    const result = await importFile(new TextEncoder().encode(kml), 'deep.kml');
    expect(result.status).toBe('ok');
    expect(result.features.at(0)!.properties?.description).toBe('深');
  });
});

describe('clear messages (class 8)', () => {
  test('a CRS name of 1 MB is cut short in the question', async () => {
    const name = 'EPSG_CUSTOM_'.repeat(90_000);
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name } },
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: [500000, 4550000] }
        }
      ]
    });
    const result = await importFile(new TextEncoder().encode(text), 'crs.geojson');
    expect(result.status).toBe('needs-crs');
    expect(result.crsQuestion?.code).toBe('crs-unsupported');
    expect(result.crsQuestion?.en.length).toBeLessThan(400);
    expect(result.crsQuestion?.en).toContain('EPSG_CUSTOM_EPSG_CUSTOM_');
  });

  test('a whitespace-only file of 1 MB is blank, not "starts with \'\'"', async () => {
    const result = await importFile(new TextEncoder().encode(' \n'.repeat(500_000)), 'w.geojson');
    expect(result.fileError?.code).toBe('blank-file');
    expect(result.fileError?.en).toContain('nothing but blanks (1000000 bytes');
  });

  test('UTF-32 without a byte order mark is called UTF-32', async () => {
    const text = '{"type":"FeatureCollection","features":[]}';
    const bytes = new Uint8Array(text.length * 4);
    [...text].forEach((c, i) => (bytes[4 * i] = c.charCodeAt(0)));
    const result = await importFile(bytes, 'u.geojson');
    expect(result.fileError?.code).toBe('encoding-utf32');
  });
});

describe('nothing dropped silently (class 5)', () => {
  const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
  const fixture = (name: string) => importFile(new Uint8Array(readFileSync(join(DIR, name))), name);
  const properties = async (name: string) =>
    [...(await fixture(name)).features].map((f) => f.properties);

  test('a FoxPro .dbf header: fields and values read from where the header says', async () => {
    expect((await properties('dbf-foxpro-header.zip'))[1]).toEqual({ NAME: '凌河公园', 编号: 2 });
  });

  test('repeated field names keep both values; a field named __proto__ stays a field', async () => {
    const [first] = await properties('dbf-repeated-and-proto-fields.zip');
    expect(first).toMatchObject({ NAME: '紫荆产业园地块', NAME_2: '别名1' });
    expect(Object.hasOwn(first ?? {}, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(first, '__proto__')?.value).toBe('p1');
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
  });

  test('a record length that disagrees with the fields: values still right', async () => {
    expect((await properties('dbf-record-length.zip'))[2]).toEqual({ NAME: '石桥子街道', 编号: 3 });
  });

  test('layers whose names differ only in case are both imported', async () => {
    const result = await fixture('shp-layers-differ-in-case.zip');
    expect(result.features).toHaveLength(6);
    expect(result.notices.find((n) => n.code === 'zip-multiple-layers')?.en).toContain(
      'Parcels, parcels'
    );
  });

  test('a KML <Data name="__proto__"> stays a property', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>a</name><ExtendedData><Data name="__proto__"><value>x</value></Data><Data name="b"><value>y</value></Data></ExtendedData><Point><coordinates>121,41</coordinates></Point></Placemark></Document></kml>`;
    const result = await importFile(new TextEncoder().encode(kml), 'p.kml');
    const props = result.features.at(0)!.properties ?? {};
    expect(Object.getOwnPropertyDescriptor(props, '__proto__')?.value).toBe('x');
    expect(props.b).toBe('y');
  });
});

describe('findRepeatedMembers', () => {
  test('finds repeated keys, escaped spellings included, down to the depth asked', () => {
    const text =
      '{"a":1,"b":{"c":[{"d":1,"d":2}],"c":0},"\\u0061":[1,{"x":{"y":1,"y":2}}],"s":"\\"a\\":"}';
    expect(findRepeatedMembers(text, 1)).toEqual([{ path: [], key: 'a' }]);
    expect(findRepeatedMembers(text, 3)).toEqual([
      { path: ['b', 'c', 0], key: 'd' },
      { path: ['b'], key: 'c' },
      { path: [], key: 'a' },
      { path: ['a', 1, 'x'], key: 'y' }
    ]);
    expect(findRepeatedMembers('{"a":"x","b":["a","a"]}', 5)).toEqual([]);
  });
});
