/** Linking place names in plan text to map features (issue #3), with a synthetic feature list. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  linkPlaces,
  placeNamesOf,
  MIN_PLACE_NAME_CHARS,
  type PlaceName,
  type TextSegment
} from '$lib/plan/link-places';

const places: PlaceName[] = [
  { featureId: 'xiaolinghe', names: ['小凌河'] },
  { featureId: 'linghe-district', names: ['凌河区', '凌河'] },
  { featureId: 'zijing-industrial-park', names: ['紫荆产业园'] },
  { featureId: 'zijing-mountain', names: ['紫荆山'] },
  { featureId: 'antique-city', names: ['古玩城市场', '古玩城'] }
];

const linked = (segments: TextSegment[]) =>
  segments.flatMap((s) => ('featureId' in s ? [[s.text, s.featureId]] : []));

describe('linkPlaces', () => {
  it('splits text into plain and linked segments', () => {
    expect(linkPlaces('“三园”,即紫荆产业园、军民融合产业园。', places)).toEqual([
      { text: '“三园”,即' },
      { text: '紫荆产业园', featureId: 'zijing-industrial-park' },
      { text: '、军民融合产业园。' }
    ]);
  });

  it('prefers the longest name where names overlap', () => {
    expect(linked(linkPlaces('全面深化小凌河流域治理', places))).toEqual([
      ['小凌河', 'xiaolinghe']
    ]);
    expect(linked(linkPlaces('凌河区位于凌河之畔', places))).toEqual([
      ['凌河区', 'linghe-district'],
      ['凌河', 'linghe-district']
    ]);
    expect(linked(linkPlaces('提升古玩城市场功能', places))).toEqual([
      ['古玩城市场', 'antique-city']
    ]);
  });

  it('lets a longer name win even when a shorter one starts earlier', () => {
    const overlapping: PlaceName[] = [
      { featureId: 'short', names: ['甲乙'] },
      { featureId: 'long', names: ['乙丙丁'] }
    ];
    expect(linkPlaces('甲乙丙丁', overlapping)).toEqual([
      { text: '甲' },
      { text: '乙丙丁', featureId: 'long' }
    ]);
  });

  it('links every occurrence and keeps the first feature for a shared spelling', () => {
    const shared: PlaceName[] = [
      { featureId: 'first', names: ['紫荆山'] },
      { featureId: 'second', names: ['紫荆山'] }
    ];
    expect(linked(linkPlaces('紫荆山下,紫荆山上', shared))).toEqual([
      ['紫荆山', 'first'],
      ['紫荆山', 'first']
    ]);
  });

  it('ignores names shorter than the minimum and blank names', () => {
    expect(MIN_PLACE_NAME_CHARS).toBe(2);
    const tiny: PlaceName[] = [{ featureId: 'river', names: ['河', '', '  '] }];
    expect(linkPlaces('百股河边', tiny)).toEqual([{ text: '百股河边' }]);
  });

  it('returns plain text when nothing matches, and nothing for empty text', () => {
    expect(linkPlaces('提高办事效率。', places)).toEqual([{ text: '提高办事效率。' }]);
    expect(linkPlaces('', places)).toEqual([]);
    expect(linkPlaces('紫荆产业园', [])).toEqual([{ text: '紫荆产业园' }]);
  });

  it('never loses, duplicates or overlaps text (property)', () => {
    const alphabet = fc.constantFrom(
      '小',
      '凌',
      '河',
      '区',
      '紫',
      '荆',
      '山',
      '产',
      '业',
      '园',
      '。'
    );
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((cs) => cs.join('')),
        fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { maxLength: 5 }),
        (text, nameLists) => {
          const list = nameLists.map((names, i) => ({ featureId: `f${i}`, names }));
          const segments = linkPlaces(text, list);
          expect(segments.map((s) => s.text).join('')).toBe(text);
          for (const s of segments) expect(s.text.length).toBeGreaterThan(0);
          for (const s of segments) {
            if (!('featureId' in s)) continue;
            const owner = list.find((p) => p.featureId === s.featureId);
            expect(owner?.names).toContain(s.text);
          }
          for (let i = 1; i < segments.length; i++) {
            // Two plain runs are never left side by side.
            expect('featureId' in segments[i] || 'featureId' in segments[i - 1]).toBe(true);
          }
        }
      )
    );
  });
});

describe('placeNamesOf', () => {
  it('takes the name and the aliases of each feature', () => {
    const features = [
      { properties: { id: 'antique-city', name: '古玩城市场', aliases: ['古玩城'] } },
      { properties: { id: 'zijing-mountain', name: '紫荆山' } }
    ];
    expect(placeNamesOf(features)).toEqual([
      { featureId: 'antique-city', names: ['古玩城市场', '古玩城'] },
      { featureId: 'zijing-mountain', names: ['紫荆山'] }
    ]);
  });
});
