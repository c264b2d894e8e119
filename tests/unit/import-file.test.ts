/**
 * importFile end to end (issue #5): conversions land where they should, nothing is silently
 * changed, limits and cancellation work, and the 10⁶-vertex ring is handled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, Polygon, Position } from 'geojson';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ellipsoidalArea } from '../../src/lib/geo/area.js';
import { importFile } from '../../src/lib/import/import-file';
import type { ImportProgress } from '../../src/lib/import/types';
import { timeBudget } from './support/time-budget';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

function firstVertex(feature: Feature): Position {
  return (feature.geometry as Polygon).coordinates[0][0];
}

describe('good files', () => {
  test('WGS-84 GeoJSON comes through unchanged, measured', async () => {
    const source = JSON.parse(readFileSync(join(DIR, 'good-wgs84.geojson'), 'utf8'));
    const result = await importFile(fixture('good-wgs84.geojson'), 'good-wgs84.geojson');
    expect(result.status).toBe('ok');
    expect(result.usedCrs).toBe('wgs84');
    expect(result.features).toEqual(source.features);
    expect(result.featureIndexes).toEqual([0, 1, 2, 3, 4]);
    const [parcel, park, two, line, point] = result.measurements;
    expect(parcel.areaM2).toBeCloseTo(ellipsoidalArea(source.features[0].geometry), 6);
    expect(parcel.areaM2).toBeGreaterThan(900_000);
    // The park's hole (0.005° square) is subtracted.
    expect(park.areaM2 as number).toBeLessThan(
      ellipsoidalArea({
        type: 'Polygon',
        coordinates: [source.features[1].geometry.coordinates[0]]
      })
    );
    expect(two.areaM2).toBeGreaterThan(0);
    expect(line.lengthM as number).toBeGreaterThan(10_000);
    expect(line.areaM2).toBeNull();
    expect(point).toEqual({ areaM2: null, lengthM: null });
    expect(result.stats).toMatchObject({ featureCount: 5, usableCount: 5, rejectedCount: 0 });
    expect(result.stats.geometryTypes).toEqual({
      Polygon: 2,
      MultiPolygon: 1,
      LineString: 1,
      Point: 1
    });
    const [minLon, minLat, maxLon, maxLat] = result.stats.bbox as number[];
    expect([minLon, minLat, maxLon]).toEqual([121.13, 41.1, 121.25]);
    expect(maxLat).toBeCloseTo(41.132, 12); // top of the MultiPolygon (41.13 + 0.002)
  });

  test('EPSG:4527 GeoJSON is converted back to the lon/lat it was made from', async () => {
    const result = await importFile(fixture('good-epsg4527.geojson'), 'good-epsg4527.geojson');
    expect(result.status).toBe('ok');
    expect(result.detectedCrs).toBe('EPSG:4527');
    expect(result.usedCrs).toBe('EPSG:4527');
    for (const feature of result.features) {
      const [lon, lat] = firstVertex(feature);
      expect(lon).toBeCloseTo(feature.properties?.lon0, 7);
      expect(lat).toBeCloseTo(feature.properties?.lat0, 7);
    }
  });

  test('projected data without a CRS is imported once the user picks the zone', async () => {
    const first = await importFile(fixture('projected-no-crs.geojson'), 'p.geojson');
    expect(first.status).toBe('needs-crs');
    expect(first.features).toEqual([]);
    const second = await importFile(fixture('projected-no-crs.geojson'), 'p.geojson', {
      crs: first.suggestedCrs as string
    });
    expect(second.status).toBe('ok');
    const [lon, lat] = firstVertex(second.features.at(0)!);
    expect(lon).toBeCloseTo(121.15, 7);
    expect(lat).toBeCloseTo(41.12, 7);
  });

  test('a wrong zone choice is questioned, not misread', async () => {
    const wrong = await importFile(fixture('projected-zone-prefixed-no-crs.geojson'), 'p.geojson', {
      crs: 'EPSG:4549'
    });
    expect(wrong.status).toBe('needs-crs');
    expect(wrong.crsQuestion?.code).toBe('crs-zone-mismatch');
    expect(wrong.suggestedCrs).toBe('EPSG:4528');
    const right = await importFile(fixture('projected-zone-prefixed-no-crs.geojson'), 'p.geojson', {
      crs: '4528'
    });
    expect(right.status).toBe('ok');
    expect(firstVertex(right.features.at(0)!)[0]).toBeCloseTo(121.15, 7);
  });

  test('an unknown CRS choice is questioned', async () => {
    const result = await importFile(fixture('good-wgs84.geojson'), 'g.geojson', {
      crs: 'EPSG:3857'
    });
    expect(result.status).toBe('needs-crs');
    expect(result.crsQuestion?.code).toBe('crs-unsupported');
    expect(result.crsQuestion?.en).toContain('EPSG:3857');
  });

  test('data re-imported as GCJ-02 moves ~470 m west and drops the GCJ-02 notice', async () => {
    const name = 'declared-wgs84-hint-in-properties.geojson';
    const asDeclared = await importFile(fixture(name), name);
    expect(asDeclared.notices.map((n) => n.code)).toEqual(['gcj02-suspected']);
    expect(asDeclared.notices[0].zh).toContain('属性“来源”=“高德地图拾取”');
    const asGcj = await importFile(fixture(name), name, { crs: 'gcj02' });
    expect(asGcj.status).toBe('ok');
    expect(asGcj.notices).toEqual([]);
    const dLon = firstVertex(asGcj.features.at(0)!)[0] - firstVertex(asDeclared.features.at(0)!)[0];
    const dLat = firstVertex(asGcj.features.at(0)!)[1] - firstVertex(asDeclared.features.at(0)!)[1];
    expect(dLon).toBeCloseTo(-0.0056, 3);
    expect(dLat).toBeCloseTo(-0.002, 3);
  });

  test('zipped Shapefile in CGCS2000 GK CM 120E with GBK attributes and .cpg', async () => {
    const result = await importFile(fixture('good-shapefile-gk-gbk-cpg.zip'), 'g.zip');
    expect(result.status).toBe('ok');
    expect(result.detectedCrs).toBe('EPSG:4549');
    expect([...result.features].map((f) => f.properties?.NAME)).toEqual([
      '紫荆产业园地块',
      '凌河公园',
      '石桥子街道'
    ]);
    expect([...result.features].map((f) => f.properties?.['编号'])).toEqual([1, 2, 3]);
    // Shapefile rings are clockwise; the first vertex is the square's corner (121.2, 41.12).
    const ring = (result.features.at(0)!.geometry as Polygon).coordinates[0];
    const lons = ring.map((p) => p[0]);
    expect(Math.min(...lons)).toBeCloseTo(121.2, 7);
    expect(Math.max(...lons)).toBeCloseTo(121.204, 7);
    expect(result.features.at(0)!.geometry.bbox).toBeUndefined();
  });

  test('zipped Shapefile without .cpg: GBK guessed and said so', async () => {
    const result = await importFile(fixture('good-shapefile-gbk-no-cpg.zip'), 'g.zip');
    expect(result.features.at(1)!.properties?.NAME).toBe('凌河公园');
    expect(result.detectedCrs).toBe('cgcs2000');
    expect(result.notices.map((n) => n.code)).toEqual(['dbf-encoding-guessed']);
  });

  test('KML: names, ids, extended data, holes and multi-geometries', async () => {
    const result = await importFile(fixture('good.kml'), 'good.kml');
    expect(result.status).toBe('ok');
    const [park, pair, point] = result.features;
    expect(park.id).toBe('pm-1');
    expect(park.properties).toMatchObject({ name: '紫荆产业园', mu: '835' });
    expect(park.properties?.description).toEqual({ '@type': 'html', value: '<b>835</b> 亩' });
    expect((park.geometry as Polygon).coordinates).toHaveLength(2);
    expect(pair.geometry.type).toBe('MultiPolygon');
    expect(point.properties?.name).toBe('古玩城 & 夜市');
    expect(point.geometry).toEqual({ type: 'Point', coordinates: [121.145, 41.125, 0] });
    const kmz = await importFile(fixture('good.kmz'), 'good.kmz');
    expect(kmz.features).toEqual(result.features);
  });

  test('HTML in attributes is kept verbatim (the UI renders it as text) and flagged', async () => {
    const result = await importFile(fixture('html-in-names.geojson'), 'h.geojson');
    expect(result.features.at(1)!.properties?.name).toBe('<img src=x onerror="alert(1)">地块');
    expect(result.problems[0]).toMatchObject({
      code: 'html-in-text',
      severity: 'warning',
      featureId: 'html'
    });
  });

  test('a file whose features are mostly projected refuses the ones in degrees', async () => {
    const projected = JSON.parse(readFileSync(join(DIR, 'projected-no-crs.geojson'), 'utf8'));
    const degrees = {
      type: 'Feature',
      id: 'lonlat',
      properties: {},
      geometry: { type: 'Point', coordinates: [121.1, 41.1] }
    };
    const bytes = encode({
      ...projected,
      features: [...projected.features, projected.features[0], degrees]
    });
    const result = await importFile(bytes, 'mixed.geojson', { crs: 'EPSG:4549' });
    expect(result.status).toBe('ok');
    expect(result.features).toHaveLength(2);
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'crs-inconsistent', featureIndex: 2 })
    ]);
  });
});

describe('limits, progress and cancellation', () => {
  test('files over the size limit are refused before parsing', async () => {
    const result = await importFile(fixture('good-wgs84.geojson'), 'g.geojson', { maxBytes: 1000 });
    expect(result.status).toBe('failed');
    expect(result.fileError?.code).toBe('too-large');
    expect(result.fileError?.en).toMatch(/too large \(0\.0 MB; the limit is 0\.0 MB\)/);
  });

  test('too many vertices is a file error', async () => {
    const result = await importFile(fixture('good-wgs84.geojson'), 'g.geojson', {
      maxVertices: 10
    });
    expect(result.fileError?.code).toBe('too-many-vertices');
  });

  const manyParcels = (count: number) =>
    encode({
      type: 'FeatureCollection',
      features: Array.from({ length: count }, (_, i) => ({
        type: 'Feature',
        properties: { i },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [121 + i * 1e-5, 41],
              [121 + i * 1e-5 + 1e-6, 41],
              [121 + i * 1e-5 + 1e-6, 41.001],
              [121 + i * 1e-5, 41]
            ]
          ]
        }
      }))
    });

  test('progress is reported per phase and ends complete', async () => {
    const progress: ImportProgress[] = [];
    const result = await importFile(manyParcels(20_000), 'many.geojson', {
      onProgress: (p) => progress.push(p)
    });
    expect(result.features).toHaveLength(20_000);
    const phases = progress.map((p) => p.phase);
    expect(phases[0]).toBe('parse');
    expect(phases.indexOf('validate')).toBeLessThan(phases.lastIndexOf('convert'));
    expect(progress[progress.length - 1]).toEqual({
      phase: 'convert',
      done: 20_000,
      total: 20_000
    });
    for (const p of progress) expect(p.done).toBeLessThanOrEqual(p.total);
  });

  test('an AbortSignal stops the import while it runs', async () => {
    const controller = new AbortController();
    let reports = 0;
    const promise = importFile(manyParcels(100_000), 'many.geojson', {
      signal: controller.signal,
      onProgress: (p) => {
        reports++;
        if (p.phase === 'validate') controller.abort();
      }
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
    expect(reports).toBeGreaterThan(0);
  });

  test('an already aborted signal rejects at once', async () => {
    await expect(
      importFile(fixture('good.kml'), 'k.kml', { signal: AbortSignal.abort() })
    ).rejects.toMatchObject({
      name: 'AbortError'
    });
  });
});

const RING_TIMEOUT_MS = timeBudget(60) * 1000;

describe('a ring of 10⁶ vertices (generated here, not committed)', () => {
  const VERTICES = 1_000_000;
  function circle(twist: boolean): Position[] {
    const ring: Position[] = [];
    for (let i = 0; i < VERTICES; i++) {
      const angle = (2 * Math.PI * i) / VERTICES;
      ring.push([121.18 + 0.03 * Math.cos(angle), 41.12 + 0.02 * Math.sin(angle)]);
    }
    if (twist) {
      // Swap two vertices half way round: the ring now crosses itself there.
      const k = VERTICES / 2;
      [ring[k], ring[k + 1]] = [ring[k + 1], ring[k]];
    }
    ring.push(ring[0]);
    return ring;
  }
  const asFile = (ring: Position[]) =>
    encode({
      type: 'Feature',
      id: 'ring',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [ring] }
    });

  test(
    'is validated, checked for crossings and measured',
    async () => {
      const started = performance.now();
      const result = await importFile(asFile(circle(false)), 'ring.geojson');
      const seconds = (performance.now() - started) / 1000;
      expect(result.status).toBe('ok');
      expect(result.problems).toEqual([]);
      expect(result.stats.vertexCount).toBe(VERTICES + 1);
      // An ellipse with semi-axes 0.03° × 0.02°: π·a·b on the ground, ≈ 15.8 km².
      const a = 0.03 * 111_320 * Math.cos((41.12 * Math.PI) / 180);
      const b = 0.02 * 111_050;
      expect(result.measurements[0].areaM2 as number).toBeGreaterThan(Math.PI * a * b * 0.99);
      expect(result.measurements[0].areaM2 as number).toBeLessThan(Math.PI * a * b * 1.01);
      expect(seconds).toBeLessThan(timeBudget(20));
    },
    RING_TIMEOUT_MS
  );

  test('a single crossing among 10⁶ edges is found', async () => {
    const result = await importFile(asFile(circle(true)), 'ring.geojson');
    expect(result.status).toBe('failed');
    expect(result.problems.map((p) => p.code)).toEqual(['self-intersection']);
    expect(result.problems[0].en).toMatch(/near \(121\.150\d+, 41\.1200\d+\)/);
  }, 60_000);
});

describe('damaged input never crashes the importer', () => {
  const names = readdirSync(DIR).filter((name) => name !== 'expected.json');

  test('fixtures cut short or with bytes overwritten give a result with a named reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (name, cut, edits) => {
          const original = fixture(name);
          const bytes = original.slice(0, original.length === 0 ? 0 : cut % (original.length + 1));
          for (const [at, value] of edits) if (bytes.length) bytes[at % bytes.length] = value;
          const result = await importFile(bytes, name);
          expect(['ok', 'needs-crs', 'failed']).toContain(result.status);
          if (result.status === 'failed') expect(result.fileError).toBeDefined();
          if (result.status === 'needs-crs') expect(result.crsQuestion).toBeDefined();
          // 'unexpected-error' would mean an exception escaped a reader: a bug.
          expect(result.fileError?.code).not.toBe('unexpected-error');
        }
      ),
      { numRuns: 400 }
    );
  }, 60_000);
});
