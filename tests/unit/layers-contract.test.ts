import geographiclib from 'geographiclib-geodesic';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import parks from '$geodata/layers/parks.geojson';
import projects from '$geodata/layers/projects.geojson';
import rivers from '$geodata/layers/rivers.geojson';
import structure from '$geodata/layers/structure.geojson';
import {
  layerOfFile,
  planParagraphIndex,
  validateLayerFile,
  validateLayerFiles
} from '$lib/layers/contract';
import type { PlanFeatureCollection } from '$lib/layers/types';
import { plan } from '$lib/plan';

const paragraphs = planParagraphIndex(plan);
const shipped = [
  { fileName: 'structure.geojson', json: structure },
  { fileName: 'rivers.geojson', json: rivers },
  { fileName: 'parks.geojson', json: parks },
  { fileName: 'projects.geojson', json: projects }
];

/** A deep copy of the shipped structure layer, so each case can break one thing. */
function structureCopy(): PlanFeatureCollection {
  return structuredClone(structure) as PlanFeatureCollection;
}

/** Feature #3 (1-based) of structure.geojson is 紫荆产业园, the feature the cases break. */
function zijing(fc: PlanFeatureCollection) {
  const feature = fc.features[2];
  expect(feature.properties.id).toBe('zijing-industrial-park');
  return feature;
}

const where = 'structure.geojson: feature #3 (zijing-industrial-park)';

describe('shipped plan layers', () => {
  it('every file passes the contract, and ids are unique across files', () => {
    for (const { fileName, json } of shipped) {
      expect(validateLayerFile(fileName, json, paragraphs)).toEqual([]);
    }
    expect(validateLayerFiles(shipped, paragraphs)).toEqual([]);
  });

  it('ships features in every layer', () => {
    expect(shipped.map(({ json }) => json.features.length)).toEqual([8, 14, 4, 82]);
  });

  it('draws the three parks at the plan’s area on the WGS-84 ellipsoid (within 0.1%)', () => {
    const expected: Record<string, number> = {
      'zijing-industrial-park': 6.9e6, // 6.9平方公里
      'songling-enclave-industrial-park': (835 * 10000) / 15, // 835亩
      'military-civilian-industrial-park': (1161 * 10000) / 15 // 1161亩
    };
    for (const [id, target] of Object.entries(expected)) {
      const feature = structure.features.find((f) => f.properties?.id === id);
      expect(feature?.geometry?.type).toBe('Polygon');
      const area = geographiclib.Geodesic.WGS84.Polygon(false);
      for (const [lon, lat] of (feature!.geometry as Polygon).coordinates[0].slice(0, -1)) {
        area.AddPoint(lat, lon);
      }
      const measured = Math.abs(area.Compute(false, true).area ?? Number.NaN);
      expect(Math.abs(measured / target - 1)).toBeLessThan(0.01);
      expect(Math.abs(measured / target - 1)).toBeLessThan(0.001);
    }
  });
});

describe('contract violations are reported with file, feature and reason', () => {
  const cases: [string, (fc: PlanFeatureCollection) => void, string][] = [
    [
      'a unit the plan does not use',
      (fc) => ((zijing(fc).properties.figures[0] as { unit: string }).unit = '平方千米'),
      `${where}: figures[0].unit "平方千米" is not a plan unit (亩, 平方公里, 平方米, 万平方米, 公顷, 公里, 米)`
    ],
    [
      'a quantity that does not match the unit',
      (fc) => (zijing(fc).properties.figures[0].quantity = 'length'),
      `${where}: figures[0].quantity "length" does not match unit "平方公里" (a area)`
    ],
    [
      'a quote that is not in its paragraph',
      (fc) => (zijing(fc).properties.figures[0].quote = '紫荆产业园规划面积7平方公里'),
      `${where}: figures[0].quote "紫荆产业园规划面积7平方公里" does not occur in c5s1p4`
    ],
    [
      'a quote that does not state the value',
      (fc) => (zijing(fc).properties.figures[0].value = 7),
      `${where}: figures[0].quote does not state 7平方公里`
    ],
    [
      'a figure in a paragraph that does not exist',
      (fc) => (zijing(fc).properties.figures[0].paragraphId = 'c5s1p99'),
      `${where}: figures[0].paragraphId "c5s1p99" is not a paragraph of the plan`
    ],
    [
      'a non-positive figure',
      (fc) => (zijing(fc).properties.figures[0].value = -6.9),
      `${where}: figures[0].value -6.9 is not a positive number`
    ],
    [
      'empty planRefs',
      (fc) => (zijing(fc).properties.planRefs = []),
      `${where}: planRefs must list at least one paragraph id`
    ],
    [
      'a planRef that does not resolve',
      (fc) => zijing(fc).properties.planRefs.push('c12s1p1'),
      `${where}: planRefs[8] "c12s1p1" is not a paragraph of the plan`
    ],
    [
      'an accuracy outside the allowed set',
      (fc) => ((zijing(fc).properties as { accuracy: string }).accuracy = 'approximate'),
      `${where}: accuracy "approximate" is not one of boundary, derived, schematic, imported, contributed`
    ],
    [
      'a kind not in FEATURE_KINDS',
      (fc) => (zijing(fc).properties.kind = 'factory'),
      `${where}: kind "factory" is not in FEATURE_KINDS (src/lib/layers/kinds.ts)`
    ],
    [
      'a feature filed under the wrong layer',
      (fc) => (zijing(fc).properties.layer = 'parks'),
      `${where}: layer "parks" should be "structure" in this file`
    ],
    [
      'a missing name',
      (fc) => ((zijing(fc).properties as { name?: string }).name = undefined),
      `${where}: name must be a non-empty string, got undefined`
    ],
    [
      'an id that is not a slug',
      (fc) => (fc.features[2].properties.id = 'Zijing Park'),
      'structure.geojson: feature #3 (Zijing Park): id "Zijing Park" is not a lower-case slug like "zijing-industrial-park"'
    ],
    [
      'more than 6 decimals',
      (fc) => ((zijing(fc).geometry as Polygon).coordinates[0][1][0] = 121.2441234),
      `${where}: geometry.coordinates[0][1] has 7 decimals (121.2441234); at most 6`
    ],
    [
      'no geometry member at all',
      (fc) => delete (zijing(fc) as { geometry?: unknown }).geometry,
      `${where}: has no "geometry" member; write "geometry": null when the position is unknown`
    ],
    [
      'an uncertainty that is not a positive number of metres',
      (fc) => ((zijing(fc).properties as { uncertaintyM?: unknown }).uncertaintyM = '150 m'),
      `${where}: uncertaintyM "150 m" is not a number of metres above 0 and at most 5000`
    ],
    [
      'an uncertainty of tens of kilometres',
      (fc) => (zijing(fc).properties.uncertaintyM = 20000),
      `${where}: uncertaintyM 20000 is not a number of metres above 0 and at most 5000`
    ],
    [
      'an uncertainty without a geometry',
      (fc) => {
        zijing(fc).properties.uncertaintyM = 300;
        zijing(fc).geometry = null;
      },
      `${where}: uncertaintyM is given but the feature has no geometry`
    ],
    [
      'an unclosed ring (invalid GeoJSON)',
      (fc) => (zijing(fc).geometry as Polygon).coordinates[0].pop(),
      `${where}: not valid GeoJSON: at 0: The first and last positions must be equivalent`
    ],
    [
      'an unclosed ring, by the rule imported boundaries meet',
      (fc) => (zijing(fc).geometry as Polygon).coordinates[0].pop(),
      `${where}: geometry.coordinates[0]: ring 1 is not closed (first and last positions differ).`
    ]
  ];

  for (const [name, breakIt, expected] of cases) {
    it(name, () => {
      const fc = structureCopy();
      breakIt(fc);
      const messages = validateLayerFile('structure.geojson', fc, paragraphs).map((p) => p.message);
      expect(messages).toContain(expected);
    });
  }

  it('a boundary that crosses itself, by the rule imported boundaries meet', () => {
    const fc = structureCopy();
    const ring = (zijing(fc).geometry as Polygon).coordinates[0];
    [ring[1], ring[2]] = [ring[2], ring[1]];
    const messages = validateLayerFile('structure.geojson', fc, paragraphs).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${where.replace(/[()]/g, '\\$&')}: geometry: the boundary intersects itself \\(near \\(121\\.\\d+, 41\\.\\d+\\)\\)\\.$`
        )
      )
    ]);
  });

  it('latitude and longitude swapped', () => {
    const fc = structureCopy();
    const ring = (zijing(fc).geometry as Polygon).coordinates[0];
    const [lon, lat] = ring[0];
    for (const position of ring) position.reverse();
    const messages = validateLayerFile('structure.geojson', fc, paragraphs).map((p) => p.message);
    expect(messages).toContain(
      `${where}: geometry.coordinates[0][0] [${lat}, ${lon}] is outside longitude −180…180 / latitude −90…90 (WGS-84 lon, lat order)`
    );
  });

  it('names the field and gives a Chinese message too', () => {
    const fc = structureCopy();
    zijing(fc).properties.figures[0].paragraphId = 'c5s1p99';
    const [problem] = validateLayerFile('structure.geojson', fc, paragraphs);
    expect(problem).toMatchObject({
      file: 'structure.geojson',
      featureIndex: 3,
      featureId: 'zijing-industrial-park',
      field: 'figures[0].paragraphId'
    });
    expect(problem.messageZh).toBe(
      'structure.geojson：第 3 个要素 (zijing-industrial-park)：figures[0].paragraphId "c5s1p99" 不是规划中的段落'
    );
  });

  it('rejects a file that is not a FeatureCollection, or has an unknown name', () => {
    expect(validateLayerFile('parks.geojson', { type: 'Feature' }, paragraphs)[0].message).toBe(
      'parks.geojson: is not a GeoJSON FeatureCollection (type "Feature")'
    );
    expect(validateLayerFile('parks.geojson', null, paragraphs)[0].message).toBe(
      'parks.geojson: is not a GeoJSON FeatureCollection (type null)'
    );
    expect(validateLayerFile('roads.geojson', structure, paragraphs)[0].message).toBe(
      'roads.geojson: file name should be one of structure.geojson, rivers.geojson, parks.geojson, projects.geojson'
    );
    expect(layerOfFile('geodata/layers/rivers.geojson')).toBe('rivers');
  });

  it('accepts an uncertainty in metres on a located feature', () => {
    const fc = structureCopy();
    zijing(fc).properties.uncertaintyM = 150;
    expect(validateLayerFile('structure.geojson', fc, paragraphs)).toEqual([]);
  });

  it('accepts an explicit null geometry but not for an imported feature', () => {
    const fc = structureCopy();
    zijing(fc).geometry = null;
    expect(validateLayerFile('structure.geojson', fc, paragraphs)).toEqual([]);
    zijing(fc).properties.accuracy = 'imported';
    expect(validateLayerFile('structure.geojson', fc, paragraphs).map((p) => p.message)).toEqual([
      `${where}: is "imported" but has no geometry`
    ]);
  });

  it('finds an id used twice across files', () => {
    const copy = structuredClone(parks) as PlanFeatureCollection;
    copy.features[0].properties.id = 'zijing-industrial-park';
    const messages = validateLayerFiles(
      [
        { fileName: 'structure.geojson', json: structure },
        { fileName: 'parks.geojson', json: copy }
      ],
      paragraphs
    ).map((p) => p.message);
    expect(messages).toEqual([
      'parks.geojson: feature #1 (zijing-industrial-park): id "zijing-industrial-park" is already used by structure.geojson feature #3; ids must be unique across all layers'
    ]);
  });
});

describe('mentions', () => {
  it('are shipped for features the plan names collectively, and quote the right sentence', async () => {
    const { featureById } = await import('$lib/layers/catalog');
    const { describeFeature } = await import('$lib/layers/feature-info');
    const park = featureById('zijing-industrial-park');
    expect(park?.properties.mentions).toContain('一区三园');
    const ref = describeFeature(park!).refs.find((r) => r.id === 'c3s1p4');
    expect(ref?.excerpt).toContain('一区三园');
  });
});
