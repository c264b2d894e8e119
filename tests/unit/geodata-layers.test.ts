import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, LineString, Point, Polygon, Position } from 'geojson';
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
      'jiefang-road-silver-belt',
      'xiaoling-river',
      'zijingshan-eco-park',
      'northeast-leisure-farming',
      'jmu-yichuang-space',
      'liaoshen-campaign-memorial',
      'bohai-university'
    ]);
    for (const f of allFeatures.filter((f) => f.geometry === null)) {
      expect(f.properties.locationBasis, f.properties.id).toMatch(/^No position: /);
      expect(f.properties.uncertaintyM, f.properties.id).toBeUndefined();
    }
    expect(feature('xiaoling-river').properties.accuracy).toBe('derived');
    expect(feature('zhongyang-street-golden-corridor').properties.accuracy).toBe('derived');
  });

  it('derive 小凌河 from the district border itself', () => {
    const line = feature('xiaoling-river').geometry as LineString;
    expect(line.type).toBe('LineString');
    expect(line.coordinates.length).toBeLessThan(20);
    for (const p of line.coordinates) expect(lingheVertices.has(p.join(','))).toBe(true);
  });

  it('draw 中央大街 and 解放路 through the listed places, meeting in the plan’s “T”', () => {
    const street = (feature('zhongyang-street-golden-corridor').geometry as LineString).coordinates;
    const km = turf.length(turf.lineString(street));
    expect(km).toBeGreaterThan(2);
    expect(km).toBeLessThan(2.5);
    // Between the two listings (121.133 and 121.139), a few hundred metres east of the border.
    for (const [lon] of street) expect(Math.abs(lon - 121.136)).toBeLessThan(0.0005);
    const road = (feature('jiefang-road-silver-belt').geometry as LineString).coordinates;
    expect(road[0][0]).toBe(street[0][0]);
    expect(road[0][1]).toBeGreaterThan(street[0][1]);
    expect(road[0][1]).toBeLessThan(street[1][1]);
    const line = turf.lineString(road);
    // 云飞公园, 八一公园 and 西游梦幻谷 lie within the line's stated ±300 m.
    for (const park of [
      [121.142, 41.114],
      [121.168, 41.112],
      [121.198, 41.116]
    ]) {
      expect(turf.pointToLineDistance(park, line, { units: 'meters' })).toBeLessThan(300);
    }
    for (const id of ['zhongyang-street-golden-corridor', 'jiefang-road-silver-belt']) {
      expect(feature(id).properties.accuracy, id).toBe('derived');
      expect(feature(id).properties.uncertaintyM, id).toBe(300);
    }
  });

  it('place the listed points with their uncertainty, and say what they rest on', () => {
    const at = (id: string) => (feature(id).geometry as { coordinates: Position }).coordinates;
    expect(at('liaoshen-campaign-memorial')).toEqual([121.143, 41.128]);
    expect(at('zijingshan-eco-park')).toEqual([121.218, 41.119]);
    expect(at('jmu-yichuang-space')).toEqual([121.137, 41.147]);
    expect(at('bohai-university')).toEqual([121.108, 41.086]);
    expect(turf.booleanPointInPolygon(at('zijingshan-eco-park'), lingheFeature)).toBe(true);
    expect(turf.booleanPointInPolygon(at('bohai-university'), lingheFeature)).toBe(false);
    for (const id of [
      'liaoshen-campaign-memorial',
      'zijingshan-eco-park',
      'jmu-yichuang-space',
      'bohai-university'
    ]) {
      const p = feature(id).properties;
      expect(p.accuracy, id).toBe('derived');
      expect(p.uncertaintyM, id).toBeGreaterThanOrEqual(150);
      expect(p.locationBasis, id).toMatch(/^Gazetteer listings/);
      expect(p.locationBasis, id).toContain(`±${p.uncertaintyM} m`);
      expect(p.source, id).toMatch(/not a survey/);
    }
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
    // 紫荆产业园 in the east, north of the 紫荆山 park and not covering it; 军民融合 in the east
    // of the district; neither overlaps the other.
    const zijingPark = feature('zijingshan-eco-park') as Feature<Point>;
    expect(centre('zijing-industrial-park')[0]).toBeGreaterThan(121.21);
    expect(
      turf.booleanPointInPolygon(zijingPark, feature('zijing-industrial-park') as Feature<Polygon>)
    ).toBe(false);
    expect(centre('zijing-industrial-park')[1]).toBeGreaterThan(zijingPark.geometry.coordinates[1]);
    expect(
      turf.booleanWithin(
        feature('military-civilian-industrial-park') as Feature<Polygon>,
        lingheFeature
      )
    ).toBe(true);
    expect(
      turf.booleanIntersects(
        feature('military-civilian-industrial-park') as Feature<Polygon>,
        feature('zijing-industrial-park') as Feature<Polygon>
      )
    ).toBe(false);
    // 一带 runs on to the 紫荆山 hill: it covers the beacon tower and ends at the hilltop.
    const belt = feature('east-landscape-belt') as Feature<Polygon>;
    expect(turf.booleanPointInPolygon([121.2255, 41.116], belt)).toBe(true);
    expect(
      turf.pointToLineDistance([121.25, 41.123], turf.polygonToLine(belt) as Feature<LineString>, {
        units: 'meters'
      })
    ).toBeLessThan(100);
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
