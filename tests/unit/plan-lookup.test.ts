/** Finding chapters, sections and paragraphs by id in a small plan (src/lib/plan/lookup.ts). */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '$lib/plan/parse';
import { createPlanLookup } from '$lib/plan/lookup';

const text = [
  '凌河区规划',
  '（草案）',
  '序言一段。',
  '序言二段。',
  '第一章 总则',
  '总则引言。',
  '第一节 目标',
  '目标一段。',
  '目标二段。',
  '第二节 任务',
  '任务一段。',
  '第二章 保障',
  '保障引言。',
  '第三章 空章',
  '第四章 四',
  '第五章 五',
  '第六章 六',
  '第七章 七',
  '第八章 八',
  '第九章 九',
  '第十章 十',
  '第一节 十章一节',
  '十章一节一段。'
].join('\n');

const lookup = createPlanLookup(parsePlan(text, 'small.txt'));

describe('createPlanLookup', () => {
  it.each([
    ['c1s1p2', '第一章 第一节 第2段', 'Chapter 1, section 1, paragraph 2'],
    ['c1s2p1', '第一章 第二节 第1段', 'Chapter 1, section 2, paragraph 1'],
    ['c1p1', '第一章 第1段', 'Chapter 1, paragraph 1'],
    ['c2p1', '第二章 第1段', 'Chapter 2, paragraph 1'],
    ['c0p2', '序言 第2段', 'Preamble, paragraph 2'],
    ['c1', '第一章', 'Chapter 1'],
    ['c3', '第三章', 'Chapter 3'],
    ['c1s2', '第一章 第二节', 'Chapter 1, section 2'],
    ['c10s1p1', '第十章 第一节 第1段', 'Chapter 10, section 1, paragraph 1']
  ])('places %s as %s / %s', (id, zh, en) => {
    expect(lookup.locationLabels(id)).toEqual({ zh, en });
    expect(lookup.locationLabel(id)).toBe(zh);
  });

  it.each(['c0p3', 'c1s3', 'c1s1p3', 'c11', 'c0', 'x', '', 'c1s1p', 'C1'])(
    '%j is not in the plan',
    (id) => {
      expect(lookup.locationLabels(id)).toBeUndefined();
      expect(lookup.locationLabel(id)).toBeUndefined();
      expect(lookup.chapterOf(id)).toBeUndefined();
      expect(lookup.sectionOf(id)).toBeUndefined();
      expect(lookup.paragraphById(id)).toBeUndefined();
      expect(lookup.headingById(id)).toBeUndefined();
    }
  );

  it('finds the chapter and section an id belongs to', () => {
    expect(lookup.chapterOf('c1s2p1')?.id).toBe('c1');
    expect(lookup.chapterOf('c1s2')?.id).toBe('c1');
    expect(lookup.chapterOf('c2p1')?.id).toBe('c2');
    expect(lookup.chapterOf('c2')?.id).toBe('c2');
    expect(lookup.chapterOf('c0p1')).toBeUndefined();
    expect(lookup.sectionOf('c1s2p1')?.id).toBe('c1s2');
    expect(lookup.sectionOf('c1s2')?.id).toBe('c1s2');
    expect(lookup.sectionOf('c1p1')).toBeUndefined();
    expect(lookup.sectionOf('c1')).toBeUndefined();
  });

  it('tells headings from paragraphs', () => {
    expect(lookup.headingById('c1')?.heading).toBe('第一章 总则');
    expect(lookup.headingById('c1s2')?.heading).toBe('第二节 任务');
    expect(lookup.headingById('c1p1')).toBeUndefined();
    expect(lookup.paragraphById('c1p1')?.text).toBe('总则引言。');
    expect(lookup.paragraphById('c1')).toBeUndefined();
  });
});
