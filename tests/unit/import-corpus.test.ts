/**
 * Runs the whole import corpus (tests/fixtures/import/, issue #5) through importFile and checks
 * each file against the hand-written manifest expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importFile } from '../../src/lib/import/import-file';
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
