// Data out (issue #14): plan features as GeoJSON in the data contract and as CSV; csv.ts.
import { describe, expect, it } from 'vitest';
import { allFeatures, featureById } from '../../src/lib/layers/catalog';
import { planFeaturesCsv, planFeaturesGeoJson } from '../../src/lib/share/plan-export';
import { csvDocument, csvNumber, csvText } from '../../src/lib/csv';
import { planParagraphIndex, validateLayerFile } from '../../src/lib/layers/contract';
import { plan } from '../../src/lib/plan';

describe('csv.ts', () => {
  it('writes a BOM, CRLF, quotes where needed and defuses formulas', () => {
    const text = csvDocument(
      [
        ['名称 (name)', (row: { name: string; value: number | null }) => csvText(row.name)],
        ['值 (value)', (row) => csvNumber(row.value, 2)]
      ],
      [
        { name: '=HYPERLINK("x")', value: -0.001 },
        { name: 'a,b\n"c"', value: null }
      ]
    );
    expect(text).toBe(
      '\uFEFF名称 (name),值 (value)\r\n"\'=HYPERLINK(""x"")",0\r\n"a,b\n""c""",\r\n'
    );
  });
});

describe('plan features out', () => {
  const zijing = featureById('zijing-industrial-park')!;

  it('keeps every contract field, in a FeatureCollection that passes the contract check', () => {
    const collection = planFeaturesGeoJson(allFeatures, '2026-12-01T00:00:00.000Z');
    expect(collection.features).toHaveLength(allFeatures.length);
    expect(collection.features.find((f) => f.properties.id === zijing.properties.id)).toEqual(
      JSON.parse(JSON.stringify(zijing))
    );
    expect(collection.linghePlanMapExport.note.zh).toMatch(/规划示意图/);
    // Each layer's features, exported, still pass the contract check of that layer's file.
    for (const layer of ['structure', 'rivers', 'parks', 'projects']) {
      const ofLayer = planFeaturesGeoJson(
        allFeatures.filter((f) => f.properties.layer === layer),
        '2026-12-01T00:00:00.000Z'
      );
      expect(validateLayerFile(`${layer}.geojson`, ofLayer, planParagraphIndex(plan))).toEqual([]);
    }
  });

  it('writes one CSV row per feature with the measured area and the plan references', () => {
    const csv = planFeaturesCsv([zijing, ...allFeatures.filter((f) => !f.geometry).slice(0, 1)]);
    const lines = csv.split('\r\n');
    expect(lines[0].startsWith('\uFEFF要素编号 (id),名称 (name)')).toBe(true);
    expect(lines).toHaveLength(4);
    const row = lines[1];
    expect(row).toContain('zijing-industrial-park,紫荆产业园');
    expect(row).toContain('6.9平方公里 (c5s1p4)');
    // 6.9 km² drawn by construction: the ellipsoidal area is within 0.5% of it.
    const area = Number(/,yes,([\d.]+),/.exec(row)?.[1]);
    expect(Math.abs(area - 6.9e6) / 6.9e6).toBeLessThan(0.005);
    expect(lines[2]).toContain(',no,,');
  });
});
