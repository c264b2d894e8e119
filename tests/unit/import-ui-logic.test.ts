/**
 * The DOM-free logic behind the import panel (issue #5): the report, the CRS picker's order,
 * backup recognition, layers made from results, their sizes and popups, and the plan features a
 * boundary can be assigned to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Polygon } from 'geojson';
import { ellipsoidalArea } from '$lib/geo/area.js';
import { areaTexts } from '$lib/geo/units.js';
import { BACKUP_FILE_NAME, looksLikeBackupFile, parseBackup } from '$lib/storage/backup-file';
import { importFile } from '$lib/import/import-file';
import {
  crsChoices,
  crsLabel,
  importReport,
  problemsCsv,
  PROBLEMS_SHOWN_UNFOLDED
} from '$lib/import/import-report';
import { EXAMPLES_PER_CODE, MAX_LISTED_PROBLEMS } from '$lib/import/problem-list';
import { supportedCrsIds } from '$lib/formats/crs-names';
import type { StoredLayer } from '$lib/storage/types';
import {
  describeImportedFeature,
  layerFromImport,
  propertyText,
  summarizeLayer
} from '$lib/storage/user-layers';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const importFixture = (name: string, crs?: string) =>
  importFile(read(name), name, crs ? { crs } : {});

describe('a report of very many problems is bounded (issue #16, class 2)', () => {
  /** A FeatureCollection of one good point, `bad` points with a text coordinate, one bow-tie. */
  function manyBad(bad: number): Uint8Array {
    const good =
      '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[121,41]}}';
    const wrong =
      '{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["x",1]}}';
    const bowtie =
      '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[121,41],[121.1,41.1],[121.1,41],[121,41.1],[121,41]]]}}';
    const text = `{"type":"FeatureCollection","features":[${good},${Array(bad).fill(wrong).join(',')},${bowtie}]}`;
    return new TextEncoder().encode(text);
  }

  test('every problem is counted by code; the first ones and examples of each code are listed', async () => {
    const bad = MAX_LISTED_PROBLEMS + 5000;
    const result = await importFile(manyBad(bad), 'many.geojson');
    expect(result.status).toBe('ok');
    expect(result.stats.rejectedCount).toBe(bad + 1);
    expect(result.problemCounts).toEqual([
      { code: 'non-numeric-coordinate', severity: 'error', count: bad },
      { code: 'self-intersection', severity: 'error', count: 1 }
    ]);
    // The bow-tie comes after 15 000 listed problems but is still listed (an example of its code).
    expect(result.problems.length).toBe(MAX_LISTED_PROBLEMS + 1);
    expect(result.problems.at(-1)?.code).toBe('self-intersection');
    expect(result.unlistedProblemCount).toBe(bad - MAX_LISTED_PROBLEMS);
    expect(EXAMPLES_PER_CODE).toBeLessThan(MAX_LISTED_PROBLEMS);

    const report = importReport(result, 'many.geojson');
    expect(report.rejectedCount).toBe(bad + 1);
    expect(report.counts.map((c) => [c.code, c.count])).toEqual([
      ['non-numeric-coordinate', bad],
      ['self-intersection', 1]
    ]);
    expect(report.counts[0].example?.en).toBe('Feature #2: coordinate value "x" is not a number.');
    expect(report.unlisted).toBe(bad - MAX_LISTED_PROBLEMS);

    const csv = problemsCsv(report).split('\r\n');
    expect(csv[0]).toBe('\uFEFF要素 feature,id,代码 code,严重性 severity,中文,English');
    expect(csv[1]).toBe(
      '2,,non-numeric-coordinate,error,"第 2 个要素：坐标值 ""x"" 不是数字。","Feature #2: coordinate value ""x"" is not a number."'
    );
    expect(csv).toContain(
      `,,non-numeric-coordinate,error,另有 ${bad - MAX_LISTED_PROBLEMS} 个同类问题未列出,${bad - MAX_LISTED_PROBLEMS} more problem(s) of this kind not listed`
    );
  });
});

describe('importReport', () => {
  test('a good file: usable count, no problems, the CRS used in words', async () => {
    const report = importReport(await importFixture('good-wgs84.geojson'), 'good-wgs84.geojson');
    expect(report.status).toBe('ok');
    expect(report.usableCount).toBe(5);
    expect(report.summary.zh).toContain('可用要素 5 个');
    expect(report.summary.en).toContain('5 usable features');
    expect(report.rejected).toEqual([]);
    expect(report.usedCrs?.zh).toContain('WGS-84');
  });

  test('a partly bad file keeps the good features and names the bad one', async () => {
    const report = importReport(await importFixture('bowtie.geojson'), 'bowtie.geojson');
    expect(report.usableCount).toBe(1);
    expect(report.summary.zh).toMatch(/1 个有错误未导入/);
    expect(report.rejected.map((p) => `${p.code}:${p.featureIndex}`)).toEqual([
      'self-intersection:1'
    ]);
    expect(report.rejected[0].zh).toMatch(/^第 2 个要素/);
  });

  test('a failed file: one sentence, nothing usable', async () => {
    const report = importReport(await importFixture('truncated.geojson'), 'truncated.geojson');
    expect(report.status).toBe('failed');
    expect(report.fileError?.code).toBe('truncated');
    expect(report.usableCount).toBe(0);
    expect(report.usedCrs).toBeNull();
  });

  test('folds long problem lists only', async () => {
    const few = importReport(await importFixture('not-a-feature.geojson'), 'x');
    expect(few.rejected.length + few.warnings.length).toBeLessThanOrEqual(PROBLEMS_SHOWN_UNFOLDED);
    expect(few.foldProblems).toBe(false);
    const many = importReport(
      {
        ...(await importFixture('not-a-feature.geojson')),
        problems: Array.from({ length: 6 }, (_, i) => ({
          code: 'x',
          zh: `第 ${i + 1} 个`,
          en: `#${i + 1}`,
          featureIndex: i,
          severity: 'error' as const
        }))
      },
      'x'
    );
    expect(many.foldProblems).toBe(true);
  });
});

describe('crsChoices', () => {
  test('puts the suggested system first, the declared next, and offers every one once', async () => {
    const result = await importFixture('zone-mismatch.geojson');
    expect(result.status).toBe('needs-crs');
    const choices = crsChoices(result);
    expect(choices[0]).toMatchObject({ id: 'EPSG:4528', hint: 'suggested' });
    expect(choices[1].hint).toBe(result.detectedCrs ? 'declared' : null);
    expect(choices.map((c) => c.id).sort()).toEqual([...supportedCrsIds()].sort());
  });

  test('labels systems in both languages', () => {
    expect(crsLabel('EPSG:4528').zh).toContain('第 40 带');
    expect(crsLabel('EPSG:4549').zh).toContain('120°E');
    expect(crsLabel('gcj02').zh).toContain('高德');
    expect(crsLabel('bd09').en).toContain('Baidu');
  });

  test('the chosen system imports the file that asked', async () => {
    const asked = await importFixture('projected-no-crs.geojson');
    const [first] = crsChoices(asked);
    const answered = await importFixture('projected-no-crs.geojson', first.id);
    expect(answered.status).toBe('ok');
    expect(answered.usedCrs).toBe(first.id);
  });
});

describe('backup files', () => {
  const backup = {
    type: 'FeatureCollection',
    linghePlanMap: { version: 1, exportedAt: '2024-05-01T08:00:00.000Z', layers: [] },
    features: []
  };
  const bytes = (value: unknown, space?: number) =>
    new TextEncoder().encode(JSON.stringify(value, null, space));

  // Only the file's two ends are read (a Blob's slices), never the whole file on the page.
  const looksLikeBackup = (content: Uint8Array) =>
    looksLikeBackupFile(new Blob([content as Uint8Array<ArrayBuffer>]));

  test('recognises a backup, compact or indented, and ordinary GeoJSON as not one', async () => {
    expect(BACKUP_FILE_NAME).toBe('linghe-user-data.geojson');
    expect(await looksLikeBackup(bytes(backup))).toBe(true);
    expect(await looksLikeBackup(bytes(backup, 2))).toBe(true);
    expect(await looksLikeBackup(read('good-wgs84.geojson'))).toBe(false);
    expect(await looksLikeBackup(read('html-in-names.geojson'))).toBe(false);
    expect(await looksLikeBackup(new Uint8Array())).toBe(false);
  });

  test('finds the member at the end of a large reordered file', async () => {
    const big = {
      type: 'FeatureCollection',
      features: Array.from({ length: 3000 }, (_, i) => ({
        type: 'Feature',
        properties: { i, pad: 'x'.repeat(40) },
        geometry: { type: 'Point', coordinates: [121, 41] }
      })),
      linghePlanMap: backup.linghePlanMap
    };
    const encoded = bytes(big);
    expect(encoded.length).toBeGreaterThan(128 * 1024);
    expect(await looksLikeBackup(encoded)).toBe(true);
  });

  test('parses a backup and explains a broken one in both languages', () => {
    const parsed = parseBackup(bytes(backup));
    expect(parsed).toEqual({ ok: true, backup });
    const broken = parseBackup(new TextEncoder().encode('{"linghePlanMap": {'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) {
      expect(broken.error.code).toBe('backup-invalid');
      expect(broken.error.zh).toMatch(/备份/);
      expect(broken.error.en).toMatch(/backup/);
    }
  });
});

describe('user layers', () => {
  async function goodLayer(): Promise<StoredLayer> {
    const result = await importFixture('good-wgs84.geojson');
    return layerFromImport(result, 'good-wgs84.geojson', 'layer-1', '2024-05-01T08:00:00.000Z');
  }

  test('a layer from a result: named after the file, features in WGS-84', async () => {
    const layer = await goodLayer();
    expect(layer).toMatchObject({
      id: 'layer-1',
      name: 'good-wgs84.geojson',
      crs: 'wgs84',
      format: 'geojson',
      importedAt: '2024-05-01T08:00:00.000Z'
    });
    expect(layer.features).toHaveLength(5);
  });

  test('refuses to make a layer from a failed import', async () => {
    const failed = await importFixture('truncated.geojson');
    expect(() => layerFromImport(failed, 'x', 'id', '')).toThrow(/status failed/);
  });

  test('sums ellipsoidal areas and gives the extent', async () => {
    const layer = await goodLayer();
    const summary = summarizeLayer(layer);
    const polygons = [...layer.features].filter((f) => /Polygon/.test(f.geometry.type));
    const expected = polygons.reduce((sum, f) => sum + ellipsoidalArea(f.geometry), 0);
    expect(summary.featureCount).toBe(5);
    expect(summary.polygonCount).toBe(polygons.length);
    expect(summary.areaM2).toBeCloseTo(expected, 3);
    expect(summary.areaM2).toBeGreaterThan(0);
    const [west, south, east, north] = summary.bbox!;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(west).toBeGreaterThan(120);
    expect(summarizeLayer(layer)).toBe(summary);
  });

  test('writes an area in 亩, 公顷 and 平方公里', () => {
    expect(areaTexts(6.9e6).zh).toBe('10350亩 · 690公顷 · 6.9平方公里');
  });

  test('a popup: name, properties as text, area; hostile markup stays literal', async () => {
    const result = await importFixture('html-in-names.geojson');
    const layer = layerFromImport(result, 'h.geojson', 'h', '');
    const info = describeImportedFeature(layer, 1);
    const texts = info.properties.flat().join(' ');
    expect(`${info.title} ${texts}`).toMatch(/<[a-z]+[^>]*>/i);
    expect(info.index).toBe(1);

    const good = await goodLayer();
    const first = describeImportedFeature(good, 0);
    expect(first.title).toBe('紫荆产业园');
    expect(first.properties).toContainEqual(['area_mu', '1650']);
    expect(first.canBeBoundary).toBe(true);
    expect(first.measured?.quantity).toBe('area');
    expect(first.measured?.value).toBeCloseTo(ellipsoidalArea(good.features.at(0)!.geometry), 6);
    expect(first.measured?.text.zh).toMatch(/亩 · .*公顷 · .*平方公里$/);
    expect(first.measured?.text.en).toMatch(/ mu · .* ha · .* km²$/);
    expect(() => describeImportedFeature(good, 99)).toThrow(RangeError);
  });

  test('shows at most 12 properties and counts the rest', () => {
    const properties = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`k${i}`, i]));
    const square: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [121, 41],
          [121.001, 41],
          [121.001, 41.001],
          [121, 41]
        ]
      ]
    };
    const layer: StoredLayer = {
      id: 'p',
      name: 'p',
      sourceFile: 'p',
      format: 'geojson',
      crs: 'wgs84',
      importedAt: '',
      features: [{ type: 'Feature', properties, geometry: square }]
    };
    const info = describeImportedFeature(layer, 0);
    expect(info.properties).toHaveLength(12);
    expect(info.moreProperties).toBe(3);
    expect(info.title).toBe('要素 #1 / Feature #1');
  });

  test('property values become short text', () => {
    expect(propertyText('<b>x</b>')).toBe('<b>x</b>');
    expect(propertyText({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(propertyText(null)).toBe('null');
    expect(propertyText('x'.repeat(500))).toHaveLength(200);
  });
});
