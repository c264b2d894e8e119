/**
 * The park profiles' outputs (issue #13): the comparison's URL, the JSON and CSV downloads, the
 * mini map, the map filter's facets and style filter.
 */
import { describe, expect, it } from 'vitest';
import districts from '$geodata/context/jinzhou-districts.geojson';
import { plan } from '$lib/plan';
import { allFeatures, featureById } from '$lib/layers/catalog';
import {
  choiceFromSearch,
  hrefWithChoice,
  matchingIds,
  withKeptIds
} from '$lib/layers/feature-filter';
import { attributionContext, parkProfile, parkProfiles } from '$lib/parks';
import { profilesToCsv, profileToJson } from '$lib/parks/export';
import { featureFacets } from '$lib/parks/facets';
import { residentCommitments } from '$lib/parks/commitments';
import { miniMap } from '$lib/parks/mini-map';
import { MAX_COMPARED, parseSelection, selectionSearch } from '$lib/parks/selection';

const known = new Set(parkProfiles.map((p) => p.id));

describe('comparison selection from the URL', () => {
  it('reads ?ids=a,b and the repeated ids=a&ids=b a plain form sends', () => {
    const ids = ['zijing-industrial-park', 'shuangling-demo-zone'];
    expect(parseSelection(`?ids=${ids.join(',')}`, known).ids).toEqual(ids);
    expect(parseSelection(`?ids=${ids[0]}&ids=${ids[1]}`, known).ids).toEqual(ids);
    expect(selectionSearch(ids)).toBe(`?ids=${ids.join(',')}`);
    expect(selectionSearch([])).toBe('');
  });

  it('drops unknown, hostile and surplus ids without throwing, and says which', () => {
    const hostile = encodeURIComponent('<script>alert(1)</script>');
    const long = 'x'.repeat(300);
    const selection = parseSelection(
      `?ids=${hostile},zijing-industrial-park,zijing-industrial-park,nope,${long},%E0%A4%A`,
      known
    );
    expect(selection.ids).toEqual(['zijing-industrial-park']);
    expect(selection.unknown[0]).toBe('<script>alert(1)</script>');
    expect(selection.unknown).toContain('nope');
    expect(selection.unknown.find((id) => id.startsWith('xxx'))).toBe(`${'x'.repeat(40)}…`);
    const many = parseSelection(`?ids=${[...known].join(',')}`, known);
    expect(many.ids).toHaveLength(MAX_COMPARED);
    expect(many.surplus).toHaveLength(known.size - MAX_COMPARED);
    expect(parseSelection('', known)).toEqual({ ids: [], unknown: [], surplus: [] });
  });
});

describe('downloads', () => {
  it('writes a profile as JSON that reads back', () => {
    const text = profileToJson(parkProfile('zijing-industrial-park')!, 'plan.txt');
    const parsed = JSON.parse(text);
    expect(parsed.formatVersion).toBe(1);
    expect(parsed.source).toBe('plan.txt');
    expect(parsed.profile.areas[0].mu).toBe(10350);
  });

  it('writes every fact as a CSV row with a BOM, CRLF and quoted cells', () => {
    const csv = profilesToCsv(parkProfiles, (id) => id);
    expect(csv.startsWith('\uFEFF园区编号 (park id),')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toContain(
      'military-civilian-industrial-park,军民融合产业园,area,1161亩 = 1161亩 = 77.4公顷 = 0.774平方公里,c1s1p2,"锦州军民融合产业园完成规划编制,占地面积1161亩",,'
    );
    const industries = lines.filter(
      (l) => l.startsWith('songling-enclave-industrial-park,') && l.includes(',industry,')
    );
    expect(industries.some((l) => l.includes(',精细化工,c5s3p3,'))).toBe(true);
  });
});

describe('mini map', () => {
  it('frames 凌河区 and the park, clipped, with the park at its place', () => {
    const map = miniMap(districts as never, featureById('songling-enclave-industrial-park')!, 320);
    expect(map.width).toBe(320);
    expect(map.districts.find((d) => d.emphasised)?.name).toBe('凌河区');
    expect(map.shape?.kind).toBe('area');
    // 凌海市 is much larger than the frame: clipped, it stays small.
    for (const district of map.districts) expect(district.d.length).toBeLessThan(6000);
    const numbers = (map.shape as { d: string }).d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(Math.max(map.width, map.height));
    }
  });

  it('has no shape for a feature without geometry', () => {
    expect(miniMap(districts as never, featureById('sikai-logistics-park')!).shape).toBeNull();
  });
});

describe('the map’s industry and theme filter', () => {
  const facets = featureFacets(allFeatures, plan.paragraphs, attributionContext, parkProfiles);

  it('gives every feature facets from the plan text', () => {
    expect(Object.keys(facets)).toHaveLength(allFeatures.length);
    expect(facets['tianjin-ruyi-pharmaceutical'].industries).toEqual(['pharma']);
    expect(facets['sikai-logistics-park'].industries).toContain('logistics');
    expect(facets['songling-enclave-industrial-park'].industries).toContain('fine-chemicals');
    expect(facets['old-estates-renovation'].themes).toContain('livelihood');
    expect(facets['xiaoling-baigu-water-ecology'].themes).toContain('ecology');
  });

  it('keeps what matches both choices, and everything when nothing is chosen', () => {
    expect(matchingIds(facets, { industry: null, theme: null })).toBeNull();
    const pharma = matchingIds(facets, { industry: 'pharma', theme: null })!;
    expect([...pharma]).toEqual(
      expect.arrayContaining(['zijing-industrial-park', 'tianjin-ruyi-pharmaceutical'])
    );
    expect(pharma.has('sikai-logistics-park')).toBe(false);
    const both = matchingIds(facets, { industry: 'logistics', theme: 'agriculture' })!;
    expect(both.has('sikai-logistics-park')).toBe(true);
    expect(both.has('zijing-industrial-park')).toBe(false);
  });

  it('reads the choice from the map URL, ignoring unknown values, and writes it back', () => {
    const known = { industries: new Set(['pharma']), themes: new Set(['industry']) };
    expect(choiceFromSearch('?industry=pharma&theme=%3Cb%3E', known)).toEqual({
      industry: 'pharma',
      theme: null
    });
    expect(choiceFromSearch('', known)).toEqual({ industry: null, theme: null });
    expect(
      hrefWithChoice('http://x/?feature=a&theme=old', { industry: 'pharma', theme: null })
    ).toBe('http://x/?feature=a&industry=pharma');
    const untouched = 'http://x/?feature=%3Cb%3E%20x';
    expect(hrefWithChoice(untouched, { industry: null, theme: null })).toBe(untouched);
  });

  it('adds “id is kept” to a style layer’s own filter', () => {
    const own = ['==', ['get', 'accuracy'], 'schematic'] as const;
    expect(withKeptIds(own as never, null)).toEqual(own);
    expect(withKeptIds(undefined, null)).toBeNull();
    expect(withKeptIds(own as never, new Set(['b', 'a']))).toEqual([
      'all',
      own,
      ['in', ['get', 'id'], ['literal', ['a', 'b']]]
    ]);
  });
});

describe('what the plan commits to for residents', () => {
  const commitments = residentCommitments(allFeatures, plan.paragraphs);
  const of = (id: string) => commitments.find((c) => c.featureId === id)!;

  it('lists 棚改, 老旧小区, housing, river works and drainage, one sentence each', () => {
    expect(new Set(commitments.map((c) => c.kind))).toEqual(
      new Set(['redevelopment', 'housing', 'river-works', 'drainage'])
    );
    expect(of('tiexinnanli-redevelopment').planned).toEqual({
      paragraphId: 'c5s5p4',
      quote: '利用包装债券、棚改贷款等国家扶持政策,适时启动铁新南里、北山里等棚改任务。'
    });
    expect(of('tiexinnanli-drainage')).toMatchObject({
      planned: null,
      done: { paragraphId: 'c1s1p3' }
    });
  });

  it('prefers a full sentence to a heading-like lead, and a name to a mere mention', () => {
    expect(of('old-estates-renovation').planned?.quote).toMatch(/^继续改造提升老旧小区/);
    expect(of('baigu-embankment-road-works').planned?.paragraphId).toBe('c6s2p2');
    expect(of('baigu-embankment-road-works').planned?.quote).toContain('7.5公里沿河河堤和道路工程');
  });

  it('quotes verbatim', () => {
    for (const c of commitments) {
      for (const sentence of [c.planned, c.done]) {
        if (!sentence) continue;
        const paragraph = plan.paragraphs.find((p) => p.id === sentence.paragraphId)!;
        expect(paragraph.text).toContain(sentence.quote);
      }
    }
  });
});
