// The reference layer 参考地标 (geodata/reference/landmarks.geojson) and its contract.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import landmarks from '$geodata/reference/landmarks.geojson';
import { allFeatures } from '$lib/layers/catalog';
import { validateLandmarkFile, type LandmarkCollection } from '$lib/layers/landmarks-contract';
import mapCopy from '$geodata/reference/landmarks-map.geojson';
import {
  buildGeodataFiles,
  LANDMARKS_FILE,
  MAP_LANDMARKS_FILE
} from '../../scripts/build-geodata.js';

const shipped = landmarks as unknown as LandmarkCollection;
const copy = () => structuredClone(shipped);
const messages = (json: unknown) =>
  validateLandmarkFile('landmarks.geojson', json).map((p) => p.message);

describe('geodata/reference/landmarks.geojson', () => {
  it('is exactly what `npm run geodata` builds, and passes its contract', () => {
    const text = readFileSync(new URL(`../../${LANDMARKS_FILE}`, import.meta.url), 'utf8');
    const built = buildGeodataFiles();
    expect(built.get(LANDMARKS_FILE)).toBe(text);
    expect(built.get(MAP_LANDMARKS_FILE)).toBe(
      readFileSync(new URL(`../../${MAP_LANDMARKS_FILE}`, import.meta.url), 'utf8')
    );
    expect(validateLandmarkFile('landmarks.geojson', shipped)).toEqual([]);
  });

  it('ships the map a copy with only what it draws (the popup loads the rest)', () => {
    expect(mapCopy.features.map((f) => f.geometry)).toEqual(
      shipped.features.map((f) => f.geometry)
    );
    for (const [i, feature] of mapCopy.features.entries()) {
      const { id, name, nameEn, kind, uncertaintyM } = shipped.features[i].properties;
      expect(feature.properties).toEqual({ id, name, nameEn, kind, uncertaintyM });
    }
  });

  it('holds the places everybody knows, none of them a plan feature', () => {
    const names = shipped.features.map((f) => f.properties.name);
    for (const name of ['锦州站', '凌河公园', '东湖森林公园', '锦州动物园', '八一公园']) {
      expect(names).toContain(name);
    }
    const planIds = new Set(allFeatures.map((f) => f.properties.id));
    const planNames = new Set(allFeatures.map((f) => f.properties.name));
    for (const { properties } of shipped.features) {
      expect(planIds.has(properties.id), properties.id).toBe(false);
      expect(planNames.has(properties.name), properties.name).toBe(false);
    }
  });

  it('credits OpenStreetMap for the stations and says the listed points are approximate', () => {
    const station = shipped.features.find((f) => f.properties.name === '锦州站')!;
    expect(station.geometry.coordinates).toEqual([121.13538, 41.12321]);
    expect(station.properties).toMatchObject({
      kind: 'station',
      licence: 'ODbL-1.0',
      attribution: '© OpenStreetMap contributors'
    });
    const park = shipped.features.find((f) => f.properties.name === '东湖森林公园')!;
    expect(park.properties.licence).toMatch(/^none/);
    expect(park.properties.source).toMatch(/not a survey/);
    // A park 2 km long is not a point: its halo says how far it reaches.
    expect(park.properties.uncertaintyM).toBeGreaterThanOrEqual(1000);
  });
});

describe('validateLandmarkFile', () => {
  it('names file, feature and field for each problem, in English and Chinese', () => {
    const fc = copy();
    fc.features[0].properties.uncertaintyM = -5;
    const [problem] = validateLandmarkFile('landmarks.geojson', fc);
    expect(problem).toMatchObject({
      file: 'landmarks.geojson',
      featureIndex: 1,
      featureId: 'landmark-jinzhou-station',
      field: 'uncertaintyM',
      message:
        'landmarks.geojson: feature #1 (landmark-jinzhou-station): uncertaintyM must be metres above 0 and at most 5000',
      messageZh:
        'landmarks.geojson：第 1 个要素 (landmark-jinzhou-station)：uncertaintyM 应为大于 0、不超过 5000 的米数'
    });
  });

  it('refuses OSM data without its attribution, unknown kinds, ids that could clash, lines', () => {
    const fc = copy();
    fc.features[0].properties.attribution = 'OSM';
    (fc.features[1].properties as { kind: string }).kind = 'mall';
    fc.features[2].properties.id = 'jinzhou-north-station';
    (fc.features[3] as { geometry: unknown }).geometry = {
      type: 'LineString',
      coordinates: [
        [121, 41],
        [121.1, 41]
      ]
    };
    fc.features[4].properties.id = fc.features[5].properties.id;
    expect(messages(fc)).toEqual([
      'landmarks.geojson: feature #1 (landmark-jinzhou-station): OpenStreetMap data needs the attribution "© OpenStreetMap contributors"',
      'landmarks.geojson: feature #2 (landmark-jinzhou-south-station): kind must be one of station, park, square, zoo, heritage, attraction, campus',
      'landmarks.geojson: feature #3 (jinzhou-north-station): id must look like "landmark-jinzhou-station"',
      'landmarks.geojson: feature #4 (landmark-shuangyangdian-station): geometry must be a Point [lon, lat] in WGS-84',
      `landmarks.geojson: feature #6 (${fc.features[5].properties.id}): id "${fc.features[5].properties.id}" is used twice`
    ]);
    expect(messages({ type: 'Feature' })).toEqual([
      'landmarks.geojson: is not a GeoJSON FeatureCollection'
    ]);
  });
});
