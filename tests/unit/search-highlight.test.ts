import { describe, expect, it } from 'vitest';
import {
  mergeRanges,
  parts,
  phraseRanges,
  pinyinRanges,
  snippet,
  textRanges
} from '$lib/search/highlight';
import { queryRuns } from '$lib/search/text';
import { pinyinUnits } from '$lib/search/pinyin';

describe('search highlighting', () => {
  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        [4, 6],
        [0, 2],
        [1, 3],
        [6, 7]
      ])
    ).toEqual([
      [0, 3],
      [4, 7]
    ]);
  });

  it('finds word terms only at the start of a word', () => {
    expect(textRanges('Zijing Industrial Park', ['park', 'ark'])).toEqual([[18, 22]]);
  });

  it('marks a phrase where it occurs whole, else its bigrams', () => {
    const text = '打造新区，打造园区管理模式';
    expect(phraseRanges(text, queryRuns('打造园区'))).toEqual([[5, 9]]);
    // 打造园地 is not in the text: its bigrams 打造 and 造园 are.
    expect(phraseRanges(text, queryRuns('打造园地'))).toEqual([
      [0, 2],
      [5, 8]
    ]);
  });

  it('maps pinyin and initials back to the characters', () => {
    const name = '“松凌”飞地经济产业园';
    const units = pinyinUnits(name);
    expect(pinyinRanges(name, units, ['songling'])).toEqual([[1, 3]]);
    expect(pinyinRanges(name, units, ['feidij'])).toEqual([[4, 7]]);
    expect(pinyinRanges(name, units, ['jjcy'])).toEqual([[6, 10]]);
    expect(pinyinRanges(name, units, ['qqq'])).toEqual([]);
  });

  it('keeps ranges right in a snippet of a long text', () => {
    const text = '甲'.repeat(100) + '紫荆产业园' + '乙'.repeat(100);
    const cut = snippet({ text, ranges: [[100, 105]] }, 40);
    const marked = parts(cut).filter((p) => p.mark);
    expect(marked.map((p) => p.text)).toEqual(['紫荆产业园']);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(cut.text.endsWith('…')).toBe(true);
  });

  it('cuts a text into plain and marked parts that join back to it', () => {
    const marked = { text: '<b>紫荆</b>', ranges: [[3, 5]] as [number, number][] };
    expect(parts(marked)).toEqual([
      { text: '<b>', mark: false },
      { text: '紫荆', mark: true },
      { text: '</b>', mark: false }
    ]);
  });
});
