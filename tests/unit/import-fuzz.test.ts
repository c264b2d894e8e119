/**
 * Property-based tests (fast-check, issue #16): whatever bytes a parser is given — random, or a
 * good corpus file with bytes overwritten, cut or spliced — it throws nothing but the importer's
 * own ImportFileError, and importFile always ends with a result that is not an "unexpected error".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ImportFileError } from '../../src/lib/formats/file-error';
import { importFile } from '../../src/lib/import/import-file';
import { readDbfTable } from '../../src/lib/formats/read-dbf';
import { readGeoJson } from '../../src/lib/formats/read-geojson';
import { readKml } from '../../src/lib/formats/read-kml';
import { readShpRecords } from '../../src/lib/formats/shp-records';
import { listZip } from '../../src/lib/formats/zip';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const RUNS = { numRuns: 150 };

/** A good file with some bytes overwritten, then possibly cut short. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8
      }),
      fc.option(fc.nat(base.length), { nil: undefined })
    )
    .map(([edits, cut]) => {
      const copy = base.slice(0, cut ?? base.length);
      for (const [at, value] of edits) if (at < copy.length) copy[at] = value;
      return copy;
    });
}

const anyBytes = fc.uint8Array({ maxLength: 600 });

/** Runs `parse`; anything thrown must be an ImportFileError. */
/** How many inputs the properties have run on (each test checks its own ran). */
let parsed = 0;

async function onlyOwnErrors(parse: () => unknown): Promise<void> {
  parsed++;
  try {
    await parse();
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
  }
}

/** Checks that a property test parsed at least `runs` inputs since `before`. */
function expectParsed(before: number, runs: number) {
  expect(parsed - before).toBeGreaterThanOrEqual(runs);
}

/** The Shapefile parts of the good GBK corpus file, from its ZIP. */
async function shapefileParts() {
  const entries = listZip(fixture('good-shapefile-gbk-no-cpg.zip'), 1e7);
  const part = (ext: string) => entries.find((e) => e.name.endsWith(ext))!.read();
  return { shp: await part('.shp'), dbf: await part('.dbf') };
}

describe('parsers throw only ImportFileError, whatever the bytes', () => {
  const limits = { maxVertices: 1e5, maxFeatures: 1e4 };

  test('listZip and reading every entry', async () => {
    const before = parsed;
    const run = (bytes: Uint8Array) =>
      onlyOwnErrors(async () => {
        for (const entry of listZip(bytes, 1e7, 1e6)) await entry.read();
      });
    await fc.assert(fc.asyncProperty(anyBytes, run), RUNS);
    await fc.assert(fc.asyncProperty(mutated(fixture('good-shapefile-gk-gbk-cpg.zip')), run), RUNS);
    expectParsed(before, 2 * RUNS.numRuns);
  });

  test('readShpRecords', async () => {
    const before = parsed;
    const { shp } = await shapefileParts();
    const run = (bytes: Uint8Array) =>
      onlyOwnErrors(() => {
        const header = new Uint8Array(Math.max(100, bytes.length));
        header.set(bytes);
        return readShpRecords(header, limits);
      });
    await fc.assert(fc.asyncProperty(anyBytes, run), RUNS);
    await fc.assert(fc.asyncProperty(mutated(shp), run), RUNS);
    expectParsed(before, 2 * RUNS.numRuns);
  });

  test('readDbfTable', async () => {
    const before = parsed;
    const { dbf } = await shapefileParts();
    const run = (bytes: Uint8Array) =>
      onlyOwnErrors(() => readDbfTable(bytes, 'gbk', 'x.dbf', 1e4, []));
    await fc.assert(fc.asyncProperty(anyBytes, run), RUNS);
    await fc.assert(fc.asyncProperty(mutated(dbf), run), RUNS);
    expectParsed(before, 2 * RUNS.numRuns);
  });

  test('readGeoJson', async () => {
    const before = parsed;
    const run = (bytes: Uint8Array) => onlyOwnErrors(() => readGeoJson(bytes, { split: true }));
    await fc.assert(fc.asyncProperty(anyBytes, run), RUNS);
    await fc.assert(fc.asyncProperty(mutated(fixture('good-wgs84.geojson')), run), RUNS);
    await fc.assert(
      fc.asyncProperty(
        fc.json().map((text) => new TextEncoder().encode(text)),
        run
      ),
      RUNS
    );
    expectParsed(before, 3 * RUNS.numRuns);
  });

  test('readKml', async () => {
    const before = parsed;
    const run = (bytes: Uint8Array) => onlyOwnErrors(() => readKml(bytes));
    await fc.assert(fc.asyncProperty(anyBytes, run), RUNS);
    await fc.assert(fc.asyncProperty(mutated(fixture('good.kml')), run), RUNS);
    expectParsed(before, 2 * RUNS.numRuns);
  });
});

describe('importFile ends with a result, never an unexpected error', () => {
  const cases: [string, string][] = [
    ['good-wgs84.geojson', 'x.geojson'],
    ['good.kml', 'x.kml'],
    ['good.kmz', 'x.kmz'],
    ['good-shapefile-gk-gbk-cpg.zip', 'x.zip']
  ];
  test.each(cases)('mutations of %s', async (base, name) => {
    await fc.assert(
      fc.asyncProperty(mutated(fixture(base)), async (bytes) => {
        const result = await importFile(bytes, name, { crs: undefined });
        expect(result.fileError?.code).not.toBe('unexpected-error');
        expect(['ok', 'failed', 'needs-crs']).toContain(result.status);
      }),
      { numRuns: 60 }
    );
  });
});
