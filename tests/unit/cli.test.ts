import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
