import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { ellipsoidalArea, turfArea } from '$lib/geo/area.js';
import { toWgs84 } from '$lib/geo/crs.js';
import { geodesicLength } from '$lib/geo/length.js';

// Each case starts a Node process (~0.4 s, more on a busy machine).
vi.setConfig({ testTimeout: 60_000 });

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = 'tests/fixtures/cli/';
const layers = `${fixtures}plan-layers`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function audit(...args: string[]): Run {
  const result = spawnSync(process.execPath, ['bin/linghe-audit.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function auditJson(...args: string[]) {
  const run = audit(...args, '--json');
  expect(run.stderr).toBe('');
  return { status: run.status, rows: JSON.parse(run.stdout) as Record<string, unknown>[] };
}

function readCollection(name: string): FeatureCollection {
  return JSON.parse(readFileSync(`${root}${fixtures}${name}`, 'utf8'));
}

/** Bad input: exit 2, nothing on stdout, exactly one line on stderr, no stack trace. */
function expectUnusable(run: Run, ...patterns: RegExp[]) {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^linghe-audit: 错误 error: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const pattern of patterns) expect(lines[0]).toMatch(pattern);
}

describe('linghe-audit --json', () => {
  it('reports every input feature in order with the measurements of the library', () => {
    const { status, rows } = auditJson(`${fixtures}features.geojson`, '--layers', layers);
    const input = readCollection('features.geojson');
    expect(rows.map((row) => row.index)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((row) => row.name)).toEqual(input.features.map((f) => f.properties?.name));
    expect(rows.map((row) => row.id)).toEqual([
      'zijing-test',
      'road-test',
      null,
      'point-test',
      'no-geometry-test'
    ]);
    for (const row of rows) {
      for (const key of ['ellipsoidM2', 'turfM2', 'lengthM', 'figureM2', 'deltaPct', 'status']) {
        expect(row).toHaveProperty(key);
      }
    }
    const [park, road, unnamed, point, missing] = rows;
    expect(park.ellipsoidM2).toBeCloseTo(ellipsoidalArea(input.features[0].geometry), 6);
    expect(park.turfM2).toBeCloseTo(turfArea(input.features[0].geometry), 6);
    expect(park.mu).toBeCloseTo((park.ellipsoidM2 as number) / (10000 / 15), 9);
    expect(park.lengthM).toBeNull();
    expect(road.lengthM).toBeCloseTo(geodesicLength(input.features[1].geometry), 6);
    expect(road.ellipsoidM2).toBeNull();
    expect(road.turfM2).toBeNull();
    expect(unnamed.ellipsoidM2).toBeGreaterThan(0);
    expect(point.ellipsoidM2).toBeNull();
    expect(missing.geometryType).toBeNull();
    expect(status).toBe(1);
  });

  it('compares with the plan figure of the plan feature whose id matches', () => {
    const { rows } = auditJson(`${fixtures}features.geojson`, '--layers', layers);
    const [park, road, unnamed, point, missing] = rows;
    expect(park).toMatchObject({
      figure: { value: 835, unit: '亩', quantity: 'area', source: 'plan', paragraphId: 'c5s1p4' },
      status: 'within'
    });
    expect(park.figureM2).toBeCloseTo(556_666.667, 3);
    expect(park.deltaPct).toBeCloseTo(0.3, 1);
    expect(road).toMatchObject({
      figure: { value: 1800, unit: '米' },
      figureM: 1800,
      status: 'outside'
    });
    expect(road.deltaPct).toBeCloseTo(2, 1);
    expect(unnamed).toMatchObject({ figure: null, deltaPct: null, status: 'no-figure' });
    expect(point).toMatchObject({ status: 'not-areal', deltaPct: null });
    expect(missing).toMatchObject({ status: 'no-geometry', deltaPct: null });
  });

  it('exits 0 once the tolerance covers every compared figure', () => {
    expect(
      auditJson(`${fixtures}features.geojson`, '--layers', layers, '--tolerance', '1').status
    ).toBe(1);
    expect(
      auditJson(`${fixtures}features.geojson`, '--layers', layers, '--tolerance', '2.5').status
    ).toBe(0);
    expect(auditJson(`${fixtures}within.geojson`, '--layers', layers).status).toBe(0);
  });

  it('exits 0 when there is nothing to compare', () => {
    const { status, rows } = auditJson(
      `${fixtures}features.geojson`,
      '--layers',
      `${fixtures}absent`
    );
    expect(rows.every((row) => row.status === 'no-figure')).toBe(true);
    expect(status).toBe(0);
  });

  it('compares every feature with --figure in any accepted spelling', () => {
    for (const figure of ['835亩', '55.67公顷', '0.5567km2', '55.7ha', '0.557平方公里']) {
      const { status, rows } = auditJson(`${fixtures}geometry.geojson`, '--figure', figure);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        status: 'within',
        figure: { text: figure, source: 'argument' }
      });
      expect(status).toBe(0);
    }
    const { status, rows } = auditJson(`${fixtures}geometry.geojson`, '--figure', '6.9平方公里');
    expect(rows[0].status).toBe('outside');
    expect(rows[0].deltaPct).toBeCloseTo(-91.9, 1);
    expect(status).toBe(1);
    const line = auditJson(`${fixtures}features.geojson`, '--figure', '1.8km', '--tolerance', '5');
    expect(line.rows.map((row) => row.status)).toEqual([
      'not-linear',
      'within',
      'not-linear',
      'not-linear',
      'no-geometry'
    ]);
    expect(line.status).toBe(0);
  });

  it('reads a bare Feature and a bare geometry', () => {
    const feature = auditJson(`${fixtures}feature.geojson`, '--layers', layers);
    expect(feature.rows).toHaveLength(1);
    expect(feature.rows[0]).toMatchObject({ id: 'zijing-test', status: 'within' });
    const geometry = auditJson(`${fixtures}geometry.geojson`, '--layers', layers);
    expect(geometry.rows[0]).toMatchObject({ id: null, name: null, status: 'no-figure' });
    expect(geometry.rows[0].ellipsoidM2).toBeCloseTo(feature.rows[0].ellipsoidM2 as number, 6);
  });

  it('measures projected input on the ellipsoid and adds the planar area', () => {
    const { status, rows } = auditJson(
      `${fixtures}gk-epsg4528.geojson`,
      '--crs',
      'EPSG:4528',
      '--figure',
      '835亩'
    );
    const projected = readCollection('gk-epsg4528.geojson').features[0].geometry;
    const lonLat = toWgs84(projected, 'EPSG:4528');
    expect(rows[0].crs).toBe('EPSG:4528');
    expect(rows[0].ellipsoidM2).toBeCloseTo(ellipsoidalArea(lonLat), 6);
    // The same parcel as within.geojson's first feature, to the millimetre rounding of the file.
    const original = readCollection('within.geojson').features[0].geometry;
    expect(Math.abs((rows[0].ellipsoidM2 as number) / ellipsoidalArea(original) - 1)).toBeLessThan(
      1e-6
    );
    // 97 km east of the CM the plane area is larger by the scale factor squared (≈ 1.00023).
    const ratio = (rows[0].planarM2 as number) / (rows[0].ellipsoidM2 as number);
    expect(ratio).toBeGreaterThan(1.0002);
    expect(ratio).toBeLessThan(1.0003);
    expect(status).toBe(0);
    expect(
      auditJson(`${fixtures}geometry.geojson`, '--figure', '835亩').rows[0].planarM2
    ).toBeNull();
  });
});

describe('linghe-audit table', () => {
  it('prints an aligned table with Chinese and English headers', () => {
    const run = audit(`${fixtures}features.geojson`, '--layers', layers);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    const header = lines.find((line) => line.includes('名称 Name'));
    expect(header).toBeDefined();
    for (const title of [
      '椭球 Ellipsoid',
      'Turf',
      '亩 mu',
      '公顷 ha',
      '平方公里 km²',
      '规划 Figure',
      '偏差 Δ',
      '结论 Status'
    ]) {
      expect(header).toContain(title);
    }
    const parkLine = lines.find((line) => line.includes('zijing-test'));
    expect(parkLine).toMatch(/835亩 \(c5s1p4\)\s+\+0\.30%\s+✓ 相符 within/);
    expect(lines.find((line) => line.includes('road-test'))).toMatch(/✗ 超出 outside/);
    // Columns line up: the status column starts at the same display column on every row.
    const width = (text: string) =>
      [...text].reduce((sum, ch) => sum + (/[\u2e80-\ua4cf\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    const statusColumns = lines
      .filter((line) => /相符|超出|无数字|非面状|无几何|结论/.test(line))
      .map((line) => width(line.slice(0, line.search(/[✓✗·?]\s|结论/))));
    expect(new Set(statusColumns).size).toBe(1);
    expect(run.stdout).toMatch(/1 within · 1 outside · 1 without figure/);
  });

  it('shows the planar column for projected input only', () => {
    const projected = audit(`${fixtures}gk-epsg4528.geojson`, '--crs', '4528', '--figure', '835亩');
    expect(projected.stdout).toContain('平面 Planar');
    expect(projected.stdout).toContain('CRS: EPSG:4528');
    expect(audit(`${fixtures}geometry.geojson`, '--figure', '835亩').stdout).not.toContain(
      'Planar'
    );
  });

  it('prints usage with --help', () => {
    const run = audit('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/usage: linghe-audit <file>/);
    expect(run.stdout).toMatch(/KML, KMZ, or a zipped\s+Shapefile/);
    expect(run.stdout).toContain('--csv');
  });
});

describe('linghe-audit unusable input', () => {
  it('names a missing file', () => {
    expectUnusable(audit(`${fixtures}nope.geojson`), /nope\.geojson: 文件不存在 file not found/);
  });

  it('names a file that is not JSON', () => {
    // The import's own message, as the map shows it.
    expectUnusable(
      audit(`${fixtures}not-json.geojson`),
      /not-json\.geojson: 文件不完整.*The file is incomplete/
    );
  });

  it('names JSON that is not GeoJSON', () => {
    expectUnusable(audit(`${fixtures}not-geojson.json`), /not-geojson\.json: .*not GeoJSON/);
  });

  it('names the feature and the reason for invalid geometry', () => {
    expectUnusable(
      audit(`${fixtures}unclosed-ring.geojson`),
      /unclosed-ring\.geojson: "坏地块" 第 2 个要素：第 1 个环未闭合.*Feature #2: ring 1 is not closed.*\[geometry\.coordinates\[0\]\]/
    );
    expectUnusable(
      audit(`${fixtures}bad-coordinate.geojson`),
      /"坏坐标" 第 1 个要素.*Feature #1: coordinate value "41\.1" is not a number/
    );
  });

  it('suggests a projected CRS when coordinates are outside lon/lat range', () => {
    expectUnusable(
      audit(`${fixtures}gk-epsg4528.geojson`),
      /gk-epsg4528\.geojson: .*look like projected metres.*does not say which system.*→ --crs EPSG:4528$/
    );
  });

  it('explains a CRS whose zone does not fit the eastings', () => {
    expectUnusable(
      audit(`${fixtures}gk-epsg4528.geojson`, '--crs', 'EPSG:4527'),
      /EPSG:4527.*do not fit that zone; they look like zone 40.*→ --crs EPSG:4528$/
    );
  });

  it('rejects a bad --crs, --figure or --tolerance', () => {
    expectUnusable(audit(`${fixtures}geometry.geojson`, '--crs', 'utm50'), /--crs: .*"utm50"/);
    expectUnusable(
      audit(`${fixtures}geometry.geojson`, '--figure', '835acres'),
      /--figure: .*"835acres"/
    );
    expectUnusable(audit(`${fixtures}geometry.geojson`, '--figure', '835'), /--figure: .*"835"/);
    expectUnusable(audit(`${fixtures}geometry.geojson`, '--tolerance=-1'), /--tolerance: .*"-1"/);
    expectUnusable(
      audit(`${fixtures}geometry.geojson`, '--tolerance', 'abc'),
      /--tolerance: .*"abc"/
    );
    // Node's own parse error spans three lines; the message is still one.
    expectUnusable(audit(`${fixtures}geometry.geojson`, '--tolerance', '-1'), /ambiguous/);
  });

  it('refuses a --figure that no feature can be compared with', () => {
    expectUnusable(
      audit(`${fixtures}geometry.geojson`, '--figure', '7.5公里'),
      /--figure 7\.5公里 .*needs a line.*\(Polygon\)/
    );
  });

  it('rejects unknown options and a missing file argument', () => {
    expectUnusable(audit(`${fixtures}geometry.geojson`, '--bogus'), /Unknown option '--bogus'/);
    expectUnusable(audit(), /missing <file>/);
  });

  it('names a broken plan layer file and a plan figure with an unknown unit', () => {
    expectUnusable(
      audit(`${fixtures}geometry.geojson`, '--layers', fixtures),
      /error: 规划图层 plan layer .*not-json\.geojson: 不是有效的 JSON not valid JSON/
    );
    expectUnusable(
      audit(`${fixtures}geometry.geojson`, '--layers', `${fixtures}bad-plan-layers`),
      /plan layer .*layer\.geojson: feature "bad-figure", figures\[0\] .*"unit":"acre"/
    );
  });
});

describe('linghe-audit reads what the map imports', () => {
  const parity = 'tests/fixtures/parity/';

  it('reads a zipped Shapefile in Gauss-Krüger zone 40 with its .prj and GBK .cpg', () => {
    const run = audit(`${parity}parcels-gk-epsg4549-gbk-cpg.zip`, '--figure', '1399亩', '--json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^linghe-audit: 注意 note: .*GBK.*\.cpg/);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows.map((row) => [row.name, row.crs, row.status])).toEqual([
      ['紫荆产业园地块', 'EPSG:4549', 'within'],
      ['凌河公园（含水面）', 'EPSG:4549', 'outside']
    ]);
    // Projected input: the plane area beside the ellipsoidal one, larger by the scale factor².
    expect((rows[0].planarM2 as number) / (rows[0].ellipsoidM2 as number)).toBeGreaterThan(1.0002);
  });

  it('reads KML and KMZ, a MultiGeometry being a GeometryCollection', () => {
    for (const file of ['parcels.kml', 'parcels.kmz']) {
      const { rows } = auditJson(`${parity}${file}`, '--figure', '1399亩');
      expect(rows.map((row) => [row.name, row.geometryType, row.status])).toEqual([
        ['紫荆地块', 'Polygon', 'within'],
        ['含水面', 'Polygon', 'outside'],
        ['点和面', 'GeometryCollection', 'within'],
        ['河堤', 'LineString', 'not-areal']
      ]);
    }
  });

  it('refuses GBK text in a GeoJSON file as the map does, in one line', () => {
    expectUnusable(
      audit('tests/fixtures/import/gbk-encoded.geojson'),
      /gbk-encoded\.geojson: 文件应为 UTF-8 编码.*looks like GBK/
    );
  });

  it('refuses a self-intersecting boundary, as the map does', () => {
    expectUnusable(
      audit('tests/fixtures/import/bowtie.geojson'),
      /bowtie\.geojson: .*intersects itself/
    );
  });

  it('writes CSV with a BOM and CRLF, one line per feature, formulas defused', () => {
    const run = audit(`${fixtures}escape-sequences.geojson`, '--csv', '--figure', '1399亩');
    expect(run.status).toBe(2); // the third feature's ring is too short
    const good = audit(`${parity}mixed.geojson`, '--csv', '--figure', '1399亩');
    expect(good.status).toBe(0);
    expect(good.stdout.startsWith('\uFEFF序号 (index),名称 (name),')).toBe(true);
    const lines = good.stdout.slice(1).split('\r\n');
    expect(lines).toHaveLength(1 + 7 + 1);
    expect(lines.at(-1)).toBe('');
    expect(good.stdout.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(lines[7].split(',').slice(0, 5)).toEqual(['7', '地块', '', 'Polygon', 'wgs84']);
    expect(lines[7]).toMatch(/,1399亩,.*,within$/);
    expect(lines[6]).toMatch(/^6,无几何,,,wgs84,.*,no-geometry$/);
    expectUnusable(audit(`${parity}mixed.geojson`, '--csv', '--json'), /--json.*--csv/);
  });

  it('escapes control characters from the file in the table, JSON, CSV and errors', () => {
    // eslint-disable-next-line no-control-regex
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
    const input = readFileSync(`${root}${fixtures}escape-sequences.geojson`, 'utf8');
    const twoGood = JSON.parse(input) as FeatureCollection;
    twoGood.features = twoGood.features.slice(0, 2);
    const dir = mkdtempSync(join(tmpdir(), 'linghe-audit-'));
    const path = join(dir, 'escape.geojson');
    writeFileSync(path, JSON.stringify(twoGood));
    for (const format of [[], ['--json'], ['--csv']]) {
      const run = audit(path, '--figure', '1399亩', ...format);
      expect(run.status, run.stderr).toBe(0);
      // CSV lines end in CRLF; nothing else may be a control character.
      expect(run.stdout.replaceAll('\r\n', '\n')).not.toMatch(raw);
      expect(run.stderr).not.toMatch(raw);
    }
    const table = audit(path, '--figure', '1399亩').stdout;
    expect(table).toContain('\\x1b[2J\\x1b[H\\r✓ OK');
    expect(table).toContain('\\x9b2J\\u202eevil');
    expect(JSON.parse(audit(path, '--figure', '1399亩', '--json').stdout)[0]).toMatchObject({
      name: '\u001b[2J\u001b[H\r✓ OK 相符 within\u0007',
      id: '\u009b2J\u202eevil'
    });
    const csv = audit(path, '--figure', '1399亩', '--csv').stdout;
    expect(csv).toContain(",'=1+1,");
    // The refused feature's name reaches stderr escaped too.
    const refused = audit(`${fixtures}escape-sequences.geojson`, '--figure', '1399亩');
    expect(refused.stderr).not.toMatch(raw);
    expect(refused.stderr).toContain('"\\x1b]0;pwned\\x07坏"');
  });
});

describe('linghe-audit on the real plan layers', () => {
  it('finds the plan figures of geodata/layers by id (default --layers)', () => {
    const run = audit('geodata/layers/structure.geojson', '--json');
    // The import's notices (here a GCJ-02 hint from the attribution text) go to stderr.
    expect(run.stderr).toMatch(/^(linghe-audit: 注意 note: .*\n)*$/);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    const withFigure = rows.filter((row) => row.figure !== null);
    for (const row of withFigure) {
      expect((row.figure as { source: string }).source).toBe('plan');
      expect(['within', 'outside', 'not-areal', 'not-linear', 'no-geometry']).toContain(row.status);
    }
  });

  it('is declared as the package bin and is executable', () => {
    const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
    expect(manifest.bin).toEqual({ 'linghe-audit': 'bin/linghe-audit.js' });
    expect(
      readFileSync(`${root}bin/linghe-audit.js`, 'utf8').startsWith('#!/usr/bin/env node\n')
    ).toBe(true);
  });
});
