/** The /features table's rows, filters, sorts and URL round trip (src/lib/layers/feature-table.ts). */
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea } from '$lib/geo/area.js';
import { allFeatures, featureById } from '$lib/layers/catalog';
import {
  DEFAULT_QUERY,
  MAX_QUERY_CHARS,
  featureRows,
  filterRows,
  parseTableQuery,
  sortRows,
  tableQueryString,
  tableRows,
  toggledSort,
  type TableQuery
} from '$lib/layers/feature-table';

const rows = featureRows(allFeatures);
const query = (patch: Partial<TableQuery>): TableQuery => ({ ...DEFAULT_QUERY, ...patch });
const ids = (list: { id: string }[]) => list.map((row) => row.id);

describe('featureRows', () => {
  it('has one row per plan feature, in catalogue order', () => {
    expect(ids(rows)).toEqual(allFeatures.map((f) => f.properties.id));
  });

  it('measures areas with the ellipsoidal engine, in 亩 and km², in both spellings', () => {
    const park = rows.find((row) => row.id === 'zijing-industrial-park')!;
    const geometry = featureById('zijing-industrial-park')!.geometry!;
    expect(park.measured?.ellipsoidal).toBe(ellipsoidalArea(geometry));
    expect(park.size?.zh).toMatch(/^\d+亩 · 6\.9\d*平方公里$/);
    expect(park.size?.en).toMatch(/^\d+ mu · 6\.9\d* km²$/);
    expect(park.refs.map((ref) => ref.id)).toContain('c5s1p4');
    expect(park.refs.find((ref) => ref.id === 'c5s1p4')?.label).toEqual({
      zh: '第五章 第一节 第4段',
      en: 'Chapter 5, section 1, paragraph 4'
    });
  });

  it('has features that are not on the map, without a size', () => {
    const unlocated = rows.filter((row) => !row.located);
    expect(unlocated.length).toBeGreaterThan(0);
    expect(unlocated.every((row) => row.size === null && row.measured === null)).toBe(true);
  });
});

describe('filterRows', () => {
  it('matches Chinese names, English names and ids, case-insensitively, every word', () => {
    expect(ids(filterRows(rows, query({ q: '紫荆' })))).toContain('zijing-industrial-park');
    expect(ids(filterRows(rows, query({ q: 'ZIJING industrial' })))).toContain(
      'zijing-industrial-park'
    );
    expect(filterRows(rows, query({ q: 'zijing nothing-like-this' }))).toEqual([]);
    expect(filterRows(rows, query({ q: '  ' }))).toHaveLength(rows.length);
  });

  it('filters by layer and accuracy', () => {
    const parks = filterRows(rows, query({ layer: 'parks' }));
    expect(parks.length).toBeGreaterThan(0);
    expect(parks.every((row) => row.layer === 'parks')).toBe(true);
    const schematic = filterRows(rows, query({ accuracy: 'schematic' }));
    expect(schematic.length).toBeGreaterThan(0);
    expect(schematic.every((row) => row.accuracy === 'schematic')).toBe(true);
    expect(filterRows(rows, query({ layer: 'parks', accuracy: 'schematic' }))).toEqual(
      parks.filter((row) => row.accuracy === 'schematic')
    );
  });
});

describe('sortRows', () => {
  it('sorts by size, areas before lengths, unmeasured last in both directions', () => {
    const up = sortRows(rows, { key: 'size', descending: false }, 'zh');
    const down = sortRows(rows, { key: 'size', descending: true }, 'zh');
    const areas = up.filter((row) => row.measured?.quantity === 'area');
    for (let i = 1; i < areas.length; i++) {
      expect(areas[i].measured!.ellipsoidal).toBeGreaterThanOrEqual(
        areas[i - 1].measured!.ellipsoidal
      );
    }
    expect(up.at(-1)?.measured).toBeNull();
    expect(down.at(-1)?.measured).toBeNull();
    expect(down[0].measured!.ellipsoidal).toBeGreaterThanOrEqual(down[1].measured!.ellipsoidal);
  });

  it('sorts names by pinyin in Chinese and by the English name in English', () => {
    const zh = sortRows(rows, { key: 'name', descending: false }, 'zh').map((row) => row.name);
    expect(zh).toEqual([...zh].sort(new Intl.Collator('zh-CN').compare));
    const en = sortRows(rows, { key: 'name', descending: false }, 'en').map((row) => row.nameEn);
    expect(en).toEqual([...en].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare));
    const reversed = sortRows(rows, { key: 'name', descending: true }, 'en').map((r) => r.nameEn);
    expect(reversed[0].localeCompare(reversed.at(-1)!, 'en')).toBeGreaterThanOrEqual(0);
  });

  it('sorts by plan references and keeps catalogue order for ties', () => {
    const byRefs = sortRows(rows, { key: 'refs', descending: true }, 'zh');
    expect(byRefs[0].refs.length).toBe(Math.max(...rows.map((row) => row.refs.length)));
    const byLayer = sortRows(rows, { key: 'layer', descending: false }, 'zh');
    expect(ids(byLayer)).toEqual(ids(rows));
  });

  it('toggles a column ascending first, then descending', () => {
    expect(toggledSort({ key: 'layer', descending: false }, 'size')).toEqual({
      key: 'size',
      descending: false
    });
    expect(toggledSort({ key: 'size', descending: false }, 'size')).toEqual({
      key: 'size',
      descending: true
    });
  });
});

describe('the query in the URL', () => {
  it('round-trips a shared view', () => {
    const shared = query({
      q: '产业园',
      layer: 'structure',
      accuracy: 'schematic',
      sort: { key: 'size', descending: true }
    });
    expect(parseTableQuery(`?${tableQueryString(shared)}`)).toEqual(shared);
    expect(tableQueryString(DEFAULT_QUERY)).toBe('');
    expect(parseTableQuery('')).toEqual(DEFAULT_QUERY);
  });

  it('ignores hostile or unknown values', () => {
    const hostile = parseTableQuery(
      '?layer=<script>&accuracy=verified&sort=__proto__&q=' + encodeURIComponent('<img>'.repeat(50))
    );
    expect(hostile.layer).toBeNull();
    expect(hostile.accuracy).toBeNull();
    expect(hostile.sort).toEqual(DEFAULT_QUERY.sort);
    expect(hostile.q.length).toBe(MAX_QUERY_CHARS);
    expect(parseTableQuery('?layer=context').layer).toBeNull();
    expect(parseTableQuery('?sort=-').sort).toEqual(DEFAULT_QUERY.sort);
    expect(parseTableQuery('?sort=-refs').sort).toEqual({ key: 'refs', descending: true });
  });

  it('filters, then sorts', () => {
    const view = tableRows(rows, query({ q: '园', sort: { key: 'size', descending: true } }), 'zh');
    expect(view.every((row) => row.haystack.includes('园'))).toBe(true);
    expect(ids(view)).toEqual(
      ids(sortRows(filterRows(rows, query({ q: '园' })), { key: 'size', descending: true }, 'zh'))
    );
  });
});
