// Landmarks (the 参考地标 layer) plug into the search as one more source of places.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '$lib/search/build';
import {
  landmarksFromGeoJSON,
  placesFromFeatures,
  placesFromLandmarks
} from '$lib/search/documents';
import { landmarks, searchSources } from '$lib/search/sources';
import { SearchIndex } from '$lib/search/query';
import { allFeatures } from '$lib/layers/catalog';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/search/landmarks.geojson', import.meta.url), 'utf8')
);

describe('landmarks as a search source', () => {
  it('reads named points and skips the rest', () => {
    expect(landmarksFromGeoJSON(fixture)).toEqual([
      {
        id: 'test-gulou',
        name: '锦州古塔',
        nameEn: 'Jinzhou Ancient Pagoda',
        point: [121.1303, 41.1205]
      },
      { id: 'test-station', name: '锦州站', nameEn: '', point: [121.1186, 41.1083] }
    ]);
    expect(landmarksFromGeoJSON(null)).toEqual([]);
    expect(landmarksFromGeoJSON({ features: 'x' })).toEqual([]);
  });

  it('are found by name, pinyin and initials, as landmarks on the map', async () => {
    const places = [
      ...placesFromFeatures(allFeatures),
      ...placesFromLandmarks(landmarksFromGeoJSON(fixture))
    ];
    const index = await SearchIndex.load(
      JSON.parse(JSON.stringify(buildSearchIndex({ ...searchSources, places })))
    );
    for (const query of ['锦州古塔', 'jinzhougu', 'jzgt', 'pagoda']) {
      expect(index.search(query).places[0], query).toMatchObject({
        id: 'test-gulou',
        origin: 'landmark',
        located: true,
        point: [121.1303, 41.1205]
      });
    }
    expect(index.search('jinzhouzhan').places[0]?.id).toBe('test-station');
    expect(index.search('zijing').places[0].point).toBeNull();
  });

  it('come from geodata/layers/landmarks.geojson when the build has it', () => {
    const file = new URL('../../geodata/layers/landmarks.geojson', import.meta.url);
    const expected = existsSync(file)
      ? landmarksFromGeoJSON(JSON.parse(readFileSync(file, 'utf8')))
      : [];
    expect(landmarks).toEqual(expected);
    const landmarkPlaces = searchSources.places.filter((p) => p.origin === 'landmark');
    expect(landmarkPlaces.map((p) => p.id)).toEqual(expected.map((l) => l.id));
  });
});
