import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, LineString, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import districts from '$geodata/context/jinzhou-districts.geojson';
import { allFeatures, featureById } from '$lib/layers/catalog';
import { FEATURE_KINDS } from '$lib/layers/kinds';
import { linkPlaces, placeNamesOf } from '$lib/plan/link-places';
import { plan } from '$lib/plan';
import { buildGeodataFiles, PLAN_FILE, README_FILE } from '../../scripts/build-geodata.js';
import { planParagraphs } from '../../scripts/geodata/plan-paragraphs.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

const lingheFeature = districts.features.find((f) => f.properties?.isLinghe) as Feature<Polygon>;
const lingheVertices = new Set(lingheFeature.geometry.coordinates[0].map((p) => p.join(',')));

function feature(id: string) {
  const found = featureById(id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
}

describe('plan layers geodata/layers/*.geojson', () => {
  it('are exactly what `npm run geodata` builds, and so is the README’s feature table', () => {
    const built = buildGeodataFiles();
    for (const layer of ['structure', 'rivers', 'parks', 'projects']) {
      const path = `geodata/layers/${layer}.geojson`;
      expect(built.get(path), path).toBe(read(path));
    }
    expect(built.get(README_FILE)).toBe(read(README_FILE));
    for (const f of allFeatures) {
      expect(read(README_FILE)).toContain(`| \`${f.properties.id}\` | ${f.properties.name} |`);
    }
  });

  it('were given paragraph ids by the same rule as $lib/plan', () => {
    const scripted = planParagraphs(read(PLAN_FILE));
    expect(scripted.map((p) => p.id)).toEqual(plan.paragraphs.map((p) => p.id));
    expect(scripted.map((p) => p.text)).toEqual(plan.paragraphs.map((p) => p.text));
  });

  it('list every paragraph where the reader links a feature in that feature’s planRefs', () => {
    const places = placeNamesOf(allFeatures);
    let links = 0;
    for (const paragraph of plan.paragraphs) {
      for (const segment of linkPlaces(paragraph.text, places)) {
        if (!('featureId' in segment)) continue;
        links += 1;
        expect(feature(segment.featureId).properties.planRefs, segment.text).toContain(
          paragraph.id
        );
      }
    }
    expect(links).toBeGreaterThan(150);
  });

  it('use only kinds that FEATURE_KINDS names', () => {
    const kinds = new Set(allFeatures.map((f) => f.properties.kind));
    expect([...kinds].filter((kind) => !(kind in FEATURE_KINDS))).toEqual([]);
  });

  it('draw only the places something supports, and say why for the rest', () => {
    const located = allFeatures.filter((f) => f.geometry !== null).map((f) => f.properties.id);
    expect(located).toEqual([
      'main-city',
      'shuangling-demo-zone',
      'zijing-industrial-park',
      'songling-enclave-industrial-park',
      'military-civilian-industrial-park',
      'east-landscape-belt',
      'zhongyang-street-golden-corridor',
      'xiaoling-river',
      'zijingshan-eco-park',
      'northeast-leisure-farming'
    ]);
    for (const f of allFeatures.filter((f) => f.geometry === null)) {
      expect(f.properties.locationBasis, f.properties.id).toMatch(/^No position: /);
    }
    expect(feature('xiaoling-river').properties.accuracy).toBe('derived');
    expect(feature('zhongyang-street-golden-corridor').properties.accuracy).toBe('derived');
  });

  it('derive 小凌河 and 中央大街 from the district border itself', () => {
    for (const id of ['xiaoling-river', 'zhongyang-street-golden-corridor']) {
      const line = feature(id).geometry as LineString;
      expect(line.type).toBe('LineString');
      expect(line.coordinates.length).toBeLessThan(20);
      for (const p of line.coordinates) expect(lingheVertices.has(p.join(',')), id).toBe(true);
    }
    const street = (feature('zhongyang-street-golden-corridor').geometry as LineString).coordinates;
    const km = turf.length(turf.lineString(street));
    expect(km).toBeGreaterThan(2);
    expect(km).toBeLessThan(2.5);
    for (const [lon] of street) expect(Math.abs(lon - 121.134)).toBeLessThan(0.002);
  });

  it('place the schematic parks where their basis says', () => {
    const centre = (id: string) =>
      turf.centroid(feature(id) as Feature<Polygon>).geometry.coordinates;
    // 松凌: across 小凌河 in 松山新区, outside the district.
    expect(
      turf.booleanIntersects(
        feature('songling-enclave-industrial-park') as Feature<Polygon>,
        lingheFeature
      )
    ).toBe(false);
    expect(centre('songling-enclave-industrial-park')[1]).toBeLessThan(41.093);
    // 紫荆产业园 toward 紫荆山 in the east; 军民融合 in the east of the district.
    expect(centre('zijing-industrial-park')[0]).toBeGreaterThan(121.21);
    expect(
      turf.booleanWithin(
        feature('military-civilian-industrial-park') as Feature<Polygon>,
        lingheFeature
      )
    ).toBe(true);
    // 紫荆山 on the district's easternmost vertex.
    const tip = lingheFeature.geometry.coordinates[0].reduce((a, b) => (b[0] > a[0] ? b : a));
    expect(
      (feature('zijingshan-eco-park').geometry as { coordinates: Position }).coordinates
    ).toEqual(tip);
  });

  it('have coarse, simple polygons wound by the right-hand rule', () => {
    for (const f of allFeatures) {
      if (f.geometry?.type !== 'Polygon') continue;
      const ring = f.geometry.coordinates[0];
      expect(ring.length, f.properties.id).toBeLessThan(60);
      expect(turf.kinks(f as Feature<Polygon>).features, f.properties.id).toEqual([]);
      expect(turf.booleanClockwise(ring), f.properties.id).toBe(false);
    }
  });

  it('carry the plan’s figures, 军民融合产业园’s 1161亩 twice', () => {
    expect(
      feature('military-civilian-industrial-park').properties.figures.map((f) => [
        f.paragraphId,
        f.value,
        f.unit
      ])
    ).toEqual([
      ['c1s1p2', 1161, '亩'],
      ['c5s1p4', 1161, '亩']
    ]);
    expect(feature('zijing-industrial-park').properties.figures[0]).toMatchObject({
      value: 6.9,
      unit: '平方公里',
      quantity: 'area'
    });
    expect(feature('songling-enclave-industrial-park').properties.figures[0]).toMatchObject({
      value: 835,
      unit: '亩'
    });
    expect(feature('baigu-embankment-road-works').properties.figures[0]).toMatchObject({
      value: 7.5,
      unit: '公里',
      quantity: 'length'
    });
    expect(feature('tiexinnanli-drainage').properties.figures[0]).toMatchObject({
      value: 1800,
      unit: '米'
    });
  });

  it('have hand-reviewed planRefs for places whose names occur inside other names', () => {
    // 紫荆山通道 (c1s3p4) and 紫荆山生态小镇 (c5s5p4) are other features, not the park.
    expect(feature('zijingshan-eco-park').properties.planRefs).not.toContain('c1s3p4');
    expect(feature('zijingshan-eco-park').properties.planRefs).not.toContain('c5s5p4');
    expect(feature('zijingshan-passage').properties.planRefs).toEqual(['c1s3p4']);
    // 铁新南里 in c1s1p3 is the drainage work; the redevelopment is c5s5p4.
    expect(feature('tiexinnanli-redevelopment').properties.planRefs).toEqual(['c5s5p4']);
    expect(feature('tiexinnanli-drainage').properties.planRefs).toEqual(['c1s1p3']);
    // “一区三园” names the zone and the three parks together.
    expect(feature('shuangling-demo-zone').properties.planRefs).toEqual(
      expect.arrayContaining(['c3s1p4', 'c3s2p3', 'c5s1p1', 'c5s5p5', 'c7s2p2'])
    );
    // 关外古玩第一城 is not “一城”.
    expect(feature('main-city').properties.planRefs).toEqual([
      'c5s1p1',
      'c5s1p2',
      'c5s5p3',
      'c8s2p3'
    ]);
    expect(feature('liaoshen-campaign-memorial').properties.planRefs).toEqual(['c5s2p7', 'c8s6p2']);
  });
});
