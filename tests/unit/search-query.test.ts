// The search over the shipped data: pinyin, initials, Chinese, 繁体, English and plan phrases find
// what a resident means, first; a hostile string finds nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '$lib/search/build';
import { searchSources } from '$lib/search/sources';
import { SearchIndex, type SearchResults } from '$lib/search/query';
import { parts, type Marked } from '$lib/search/highlight';

let index: SearchIndex;
beforeAll(async () => {
  // Through JSON, as the browser gets it from /search-index.json.
  const file = JSON.parse(JSON.stringify(buildSearchIndex(searchSources)));
  index = await SearchIndex.load(file);
});

const placeIds = (r: SearchResults) => r.places.map((p) => p.id);
const marks = (marked: Marked) =>
  parts(marked)
    .filter((p) => p.mark)
    .map((p) => p.text);

describe('places', () => {
  it.each([
    'zijing',
    'zjcyy',
    'ZiJing',
    'ｚｉｊｉｎｇ',
    'zijingchanye',
    '紫荆产业园',
    'Zijing Industrial'
  ])('%s finds 紫荆产业园 first', (query) => {
    expect(placeIds(index.search(query))[0]).toBe('zijing-industrial-park');
  });

  it('zi jing (two syllables) finds it among the first two (紫荆山生态公园 has 紫荆山 as an alias)', () => {
    expect(placeIds(index.search('zi jing')).slice(0, 2)).toContain('zijing-industrial-park');
  });

  it('紫荆 (and 繁体 紫荊) find it among the 紫荆 places', () => {
    for (const query of ['紫荆', '紫荊', '紫荊產業園']) {
      const ids = placeIds(index.search(query));
      expect(ids, query).toContain('zijing-industrial-park');
    }
    expect(placeIds(index.search('紫荊產業園'))[0]).toBe('zijing-industrial-park');
  });

  it('marks the characters the pinyin matched', () => {
    const first = index.search('zijing').places[0];
    expect(marks(first.name)).toEqual(['紫荆']);
    expect(marks(first.nameEn)).toEqual(['Zijing']);
    expect(marks(index.search('zjcyy').places[0].name)).toEqual(['紫荆产业园']);
    expect(
      marks(index.search('chanye').places.find((p) => p.id === 'zijing-industrial-park')!.name)
    ).toEqual(['产业']);
  });

  it('finds a place by its alias, and says which alias matched', () => {
    const hit = index.search('金廊').places[0];
    expect(hit.id).toBe('zhongyang-street-golden-corridor');
    expect(hit.alias && marks(hit.alias)).toEqual(['金廊']);
  });

  it('says whether a place is on the map', () => {
    const hits = index.search('zijing').places;
    expect(hits.find((p) => p.id === 'zijing-industrial-park')?.located).toBe(true);
    expect(hits.find((p) => p.id === 'zijing-pharmaceutical')?.located).toBe(false);
  });

  it('needs every term: a word that matches nothing empties the result', () => {
    expect(index.search('zijing qqqq').places).toEqual([]);
  });
});

describe('plan text', () => {
  it('a phrase finds its paragraph first, marked', () => {
    const r = index.search('打造园区管理模式改革实验区');
    expect(r.paragraphs[0].id).toBe('c5s1p4');
    expect(r.paragraphs[0].label).toBe('第五章 第一节 第4段');
    expect(marks(r.paragraphs[0].excerpt)).toEqual(['打造园区管理模式改革实验区']);
  });

  it('a section title finds the heading first', () => {
    const r = index.search('实现城区科学布局');
    expect(r.paragraphs[0]).toMatchObject({ id: 'c5s1', kind: 'heading' });
  });

  it('lists every matching id for the /plan filter, past the shown limit', () => {
    const r = index.search('凌河', { paragraphs: 3 });
    expect(r.paragraphs).toHaveLength(3);
    expect(r.planIds.size).toBeGreaterThan(3);
    for (const hit of r.paragraphs) expect(r.planIds.has(hit.id)).toBe(true);
  });
});

describe('a query is text', () => {
  it.each(['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '   ', '<>=()'])(
    '%s finds nothing',
    (query) => {
      const r = index.search(query);
      expect(r.places).toEqual([]);
      expect(r.paragraphs).toEqual([]);
      expect(r.planIds.size).toBe(0);
    }
  );

  it('cuts a very long query instead of stalling', () => {
    const r = index.search('紫'.repeat(10_000));
    expect(r.query.length).toBe(100);
  });
});
