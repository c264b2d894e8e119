/**
 * Runs the whole import corpus (tests/fixtures/import/, issue #5) through importFile and checks
 * each file against the hand-written manifest expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
import { readPackedRecordBlob } from '../../src/lib/storage/packed-blob';
import { PackedFeatures } from '../../src/lib/storage/packed-features';
import { WINDOW_BYTES } from '../../src/lib/formats/read-geojson';
import { summarizeImport } from '../../src/lib/storage/user-layers';
import type { ImportResult } from '../../src/lib/import/types';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');

interface Expectation {
  bad: boolean;
  status: ImportResult['status'];
  format?: string;
  fileError?: string;
  crsQuestion?: string;
  suggestedCrs?: string;
  usable?: number;
  codes?: string[];
  notices?: string[];
  message?: string;
}

const manifest = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as {
  files: Record<string, Expectation>;
};
const entries = Object.entries(manifest.files);

function allTexts(result: ImportResult): string[] {
  return [result.fileError, result.crsQuestion, ...result.notices, ...result.problems]
    .filter((m) => m !== undefined)
    .flatMap((m) => [m.zh, m.en]);
}

describe('import corpus', () => {
  test('has at least 30 bad files, and every file in the folder is in the manifest', () => {
    expect(entries.filter(([, e]) => e.bad).length).toBeGreaterThanOrEqual(30);
    const onDisk = readdirSync(DIR).filter((name) => name !== 'expected.json');
    expect(onDisk.sort()).toEqual(entries.map(([name]) => name).sort());
  });

  test.each(entries)('%s', async (name, expected) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const result = await importFile(bytes, name);

    expect(result.status).toBe(expected.status);
    if (expected.format) expect(result.format).toBe(expected.format);
    expect(result.fileError?.code).toBe(expected.fileError);
    expect(result.crsQuestion?.code).toBe(expected.crsQuestion);
    if (expected.suggestedCrs) expect(result.suggestedCrs).toBe(expected.suggestedCrs);
    if (expected.usable !== undefined) expect(result.features).toHaveLength(expected.usable);
    const codes = result.problems.map((p) => `${p.code}:${p.featureIndex}`);
    for (const code of expected.codes ?? []) expect(codes).toContain(code);
    if (expected.codes && expected.codes.length === 0) expect(codes).toEqual([]);
    const notices = result.notices.map((n) => n.code);
    for (const code of expected.notices ?? []) expect(notices).toContain(code);
    if (expected.message) {
      expect(allTexts(result).some((text) => text.includes(expected.message as string))).toBe(true);
    }

    // Nothing disappears silently: every feature is either usable or named by an error.
    if (result.status === 'ok') {
      const rejected = new Set(
        result.problems.filter((p) => p.severity === 'error').map((p) => p.featureIndex)
      );
      expect(result.features.length + rejected.size).toBe(result.stats.featureCount);
      for (const index of result.featureIndexes) expect(rejected.has(index)).toBe(false);
    }
    // Every message a person sees exists in both languages.
    for (const message of [
      result.fileError,
      result.crsQuestion,
      ...result.notices,
      ...result.problems
    ]) {
      if (!message) continue;
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/[A-Za-z]/);
    }
    // Failed and needs-crs imports hand out no features.
    if (result.status !== 'ok') expect(result.features).toEqual([]);
  });
});

/** A result without its timing, its features read out of their packed view. */
function comparable(result: ImportResult) {
  return { ...result, features: [...result.features], stats: { ...result.stats, elapsedMs: 0 } };
}

describe('import corpus, each file given as a File (Blob) instead of bytes', () => {
  // A File's GeoJSON is split, then its features read back from the file a window at a time
  // (readGeoJsonFile); everything else is read whole. Either way the result must be the same.
  test.each(entries)('%s', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const fromBytes = await importFile(bytes, name);
    const fromFile = await importFile(new Blob([bytes]), name);
    expect(comparable(fromFile)).toEqual(comparable(fromBytes));
  });
});

describe('import corpus, packed into a Blob as the import worker asks (packIntoBlob)', () => {
  /** The result with its features read back from its Blob, and without its measurements. */
  async function unpacked(result: ImportResult) {
    const features = result.packedBlob
      ? [...new PackedFeatures(await readPackedRecordBlob(result.packedBlob))]
      : [...result.features];
    return { ...comparable(result), features, packedBlob: undefined, measurements: [] };
  }

  test.each(entries)('%s', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(DIR, name)));
    const plain = await importFile(bytes, name);
    // A file that needs a CRS is imported with the one suggested too: that converts features.
    const crs = plain.status === 'needs-crs' ? (plain.suggestedCrs ?? undefined) : undefined;
    const runs = crs ? [undefined, crs] : [undefined];
    for (const chosen of runs) {
      const direct = chosen ? await importFile(bytes, name, { crs: chosen }) : plain;
      const blobbed = await importFile(bytes, name, { crs: chosen, packIntoBlob: true });
      expect(blobbed.features).toEqual([]);
      expect(blobbed.measurements).toEqual([]);
      expect(blobbed.packedBlob !== undefined).toBe(direct.status === 'ok');
      expect(await unpacked(blobbed)).toEqual(await unpacked(direct));
      // The totals the import adds up as it measures are summarizeImport's of its features.
      if (direct.status === 'ok') {
        expect(direct.summary).toEqual(summarizeImport(direct));
        expect(blobbed.summary).toEqual(direct.summary);
      } else expect(blobbed.summary).toBeUndefined();
    }
  });
});

describe('a big FeatureCollection read from a File a window at a time', () => {
  test('features across window edges, and one bigger than a window, come out as from bytes', async () => {
    const features: unknown[] = [];
    for (let k = 0; k < 4000; k++) {
      const x = 121.1 + (k % 100) * 0.001;
      const y = 41.1 + Math.floor(k / 100) * 0.001;
      features.push({
        type: 'Feature',
        id: k,
        properties: { 名称: `地块 ${k}`, note: 'x'.repeat(k % 7) },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 0.0005, y],
              [x + 0.0005, y + 0.0005],
              [x, y + 0.0005],
              [x, y]
            ]
          ]
        }
      });
    }
    // A line of 60 000 positions (~1.5 MB of text): more than one window on its own.
    const line: number[][] = [];
    for (let k = 0; k < 60_000; k++) line.push([121.2 + k * 1e-6, 41.2 + (k % 2) * 1e-6]);
    features.splice(1234, 0, {
      type: 'Feature',
      properties: { 名称: '长线' },
      geometry: { type: 'LineString', coordinates: line }
    });
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    expect(bytes.length).toBeGreaterThan(2 * WINDOW_BYTES);
    const fromBytes = await importFile(bytes, 'big.geojson');
    // The file records how it is read: whole once (to split it), then in windows — not whole
    // again, which is what falling back to the whole-file parse would do.
    let wholeReads = 0;
    const windows: number[] = [];
    class RecordingFile extends Blob {
      override arrayBuffer() {
        wholeReads++;
        return super.arrayBuffer();
      }
      override slice(start?: number, end?: number) {
        const part = super.slice(start, end);
        if (start !== 0) windows.push(part.size);
        return part;
      }
    }
    const fromFile = await importFile(new RecordingFile([bytes]), 'big.geojson');
    expect(wholeReads).toBe(1);
    expect(windows.length).toBeGreaterThanOrEqual(3);
    // Windows of at most WINDOW_BYTES, but for the one holding the long line alone.
    expect(windows.filter((size) => size > WINDOW_BYTES)).toHaveLength(1);
    expect(fromFile.status).toBe('ok');
    expect(fromFile.features).toHaveLength(4001);
    expect(comparable(fromFile)).toEqual(comparable(fromBytes));
    expect(fromFile.features.at(1234)!.properties).toEqual({ 名称: '长线' });
  });
});
