/**
 * The plan text model (issue #2): ids follow the shared rule and never drift.
 *
 * The id fixture is compared, never rewritten, unless you ask for it on purpose:
 *   UPDATE_FIXTURES=1 npx vitest run tests/unit/plan.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import text from '$geodata/plan/linghe-14th-five-year-plan.txt?raw';
import {
  chapterOf,
  headingById,
  locationLabel,
  locationLabels,
  paragraphById,
  plan,
  sectionOf,
  PARAGRAPH_ID_PATTERN
} from '$lib/plan';
import {
  LEAD_MAX_CHARS,
  PlanParseError,
  chineseNumeralValue,
  leadOf,
  parsePlan
} from '$lib/plan/parse';
import type { Plan } from '$lib/plan/types';

const FIXTURE_PATH = fileURLToPath(new URL('../fixtures/plan/ids.json', import.meta.url));
const FIXTURE_PREFIX_CHARS = 20;

/** Every id in reading order → the first 20 characters of its heading or paragraph. */
function idPrefixes(model: Plan): Record<string, string> {
  const prefix = (s: string) => [...s].slice(0, FIXTURE_PREFIX_CHARS).join('');
  const entries: [string, string][] = model.preamble.map((p) => [p.id, prefix(p.text)]);
  for (const chapter of model.chapters) {
    entries.push([chapter.id, prefix(chapter.heading)]);
    for (const p of chapter.intro) entries.push([p.id, prefix(p.text)]);
    for (const section of chapter.sections) {
      entries.push([section.id, prefix(section.heading)]);
      for (const p of section.paragraphs) entries.push([p.id, prefix(p.text)]);
    }
  }
  return Object.fromEntries(entries);
}

function allIds(model: Plan): string[] {
  return Object.keys(idPrefixes(model));
}

const textOf = (id: string) => paragraphById(id)?.text;

describe('the shipped plan', () => {
  it('has the document title from the first two lines', () => {
    expect(plan.title).toBe(
      '锦州市凌河区国民经济和社会发展第十四个五年规划和二〇三五年 远景目标纲要'
    );
  });

  it('has 9 chapters with the expected section counts', () => {
    expect(plan.chapters.map((c) => c.id)).toEqual([
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c7',
      'c8',
      'c9'
    ]);
    expect(plan.chapters.map((c) => c.sections.length)).toEqual([3, 3, 3, 3, 5, 3, 2, 6, 5]);
    expect(plan.chapters[4].heading).toBe('第五章 坚持统筹协调 构建发展新格局');
    expect(plan.chapters[4].title).toBe('坚持统筹协调 构建发展新格局');
    expect(plan.chapters[4].sections[0]).toMatchObject({
      id: 'c5s1',
      chapter: 5,
      number: 1,
      heading: '第一节 实现城区科学布局',
      title: '实现城区科学布局'
    });
  });

  it('has 137 paragraphs: 1 in the preamble, 1 chapter intro each, 127 in sections', () => {
    expect(plan.paragraphs).toHaveLength(137);
    expect(plan.preamble.map((p) => p.id)).toEqual(['c0p1']);
    expect(plan.chapters.map((c) => c.intro.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const inSections = plan.chapters.flatMap((c) => c.sections.flatMap((s) => s.paragraphs));
    expect(inSections).toHaveLength(127);
    expect(plan.chapters[4].sections.map((s) => s.paragraphs.length)).toEqual([5, 9, 5, 4, 5]);
  });

  it('puts known paragraphs at known ids', () => {
    expect(textOf('c5s1p4')).toMatch(
      /^“三园”,即紫荆产业园、“松凌”飞地经济产业园、军民融合产业园。/
    );
    expect(textOf('c0p1')).toMatch(/^“十四五”时期是我国全面建成小康社会/);
    expect(textOf('c1p1')).toMatch(/^过去五年,面对纷繁复杂的国内外形势/);
    expect(textOf('c1s2p2')).toBe('(以上数据按照可比口径预计)');
    expect(textOf('c3s1p2')).toMatch(/^提高办事效率。深化“放管服”改革/);
    expect(textOf('c5s1p2')).toMatch(/^“一城”,指城市主城区。/);
    expect(textOf('c5s1p1')).toMatch(/“一城一区三园一带”发展新格局。$/);
    expect(textOf('c9s5p2')).toMatch(/^实现“十四五”规划和二 〇 三五年远景目标/);
    expect(plan.paragraphs.at(-1)?.id).toBe('c9s5p2');
  });

  it('gives each paragraph its place in the model', () => {
    expect(paragraphById('c5s1p4')).toMatchObject({ chapter: 5, section: 1, n: 4 });
    expect(paragraphById('c5p1')).toMatchObject({ chapter: 5, section: null, n: 1 });
    expect(paragraphById('c0p1')).toMatchObject({ chapter: 0, section: null, n: 1 });
  });

  it('has unique ids, all of the documented forms', () => {
    const ids = allIds(plan);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(137 + 9 + 33);
    for (const p of plan.paragraphs) expect(p.id).toMatch(PARAGRAPH_ID_PATTERN);
  });

  it('keeps the source verbatim: title, headings and paragraphs are the non-empty lines', () => {
    const lines = text.split('\n').filter((line) => line !== '');
    const rebuilt = [
      ...lines.slice(0, 2),
      ...plan.preamble.map((p) => p.text),
      ...plan.chapters.flatMap((c) => [
        c.heading,
        ...c.intro.map((p) => p.text),
        ...c.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])
      ])
    ];
    expect(rebuilt).toEqual(lines);
    expect(text).toContain('过去五年,面对'); // ASCII commas are the source's, not ours
  });

  it('matches the id fixture (regenerate only on purpose with UPDATE_FIXTURES=1)', () => {
    const actual = idPrefixes(plan);
    if (process.env.UPDATE_FIXTURES === '1') {
      mkdirSync(dirname(FIXTURE_PATH), { recursive: true });
      writeFileSync(FIXTURE_PATH, JSON.stringify(actual, null, 2) + '\n');
    }
    expect(existsSync(FIXTURE_PATH), `missing ${FIXTURE_PATH}`).toBe(true);
    const expected = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, string>;
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
    expect(actual).toEqual(expected);
  });
});

describe('leads', () => {
  it('keeps short opening sentences of the shipped plan as leads', () => {
    expect(paragraphById('c3s1p2')?.lead).toBe('提高办事效率。');
    expect(paragraphById('c1s1p1')?.lead).toBe('综合实力显著增强。');
    expect(paragraphById('c5s1p2')?.lead).toBe('“一城”,指城市主城区。');
    expect(paragraphById('c5s1p4')?.lead).toBe(
      '“三园”,即紫荆产业园、“松凌”飞地经济产业园、军民融合产业园。'
    );
    expect(paragraphById('c2s2p5')?.lead).toBe('——坚持系统观念。');
    expect(plan.paragraphs.filter((p) => p.lead !== null)).toHaveLength(88);
  });

  it('does not take body sentences as leads', () => {
    // Clause comma, 26 characters.
    expect(paragraphById('c2s3p1')?.lead).toBeNull();
    // No comma, but 44 characters: over the limit.
    expect(paragraphById('c1s2p1')?.lead).toBeNull();
    // The whole paragraph is one sentence.
    expect(paragraphById('c2s1p1')?.lead).toBeNull();
    // No 。 at all.
    expect(paragraphById('c1s2p2')?.lead).toBeNull();
  });

  it('is always a verbatim prefix of its paragraph', () => {
    for (const p of plan.paragraphs) {
      if (p.lead !== null) expect(p.text.startsWith(p.lead), p.id).toBe(true);
    }
  });

  it('applies the length limit in characters, not bytes', () => {
    const exactly = '甲'.repeat(LEAD_MAX_CHARS - 1) + '。';
    const over = '甲'.repeat(LEAD_MAX_CHARS) + '。';
    expect(leadOf(exactly + '其余。')).toBe(exactly);
    expect(leadOf(over + '其余。')).toBeNull();
    expect(leadOf('提高办事效率。')).toBeNull();
    expect(leadOf('提高办事效率,深化改革。其余。')).toBeNull();
    expect(leadOf('提高办事效率，深化改革。其余。')).toBeNull();
    expect(leadOf('“一城”，指城市主城区。其余。')).toBe('“一城”，指城市主城区。');
  });
});

describe('lookup helpers', () => {
  it('labels locations the way readers cite them', () => {
    expect(locationLabel('c5s1p4')).toBe('第五章 第一节 第4段');
    expect(locationLabel('c0p1')).toBe('序言 第1段');
    expect(locationLabel('c5p1')).toBe('第五章 第1段');
    expect(locationLabel('c8s6')).toBe('第八章 第六节');
    expect(locationLabel('c9')).toBe('第九章');
    expect(locationLabel('c5s1p99')).toBeUndefined();
    expect(locationLabel('nonsense')).toBeUndefined();
  });

  it('labels locations in English too, from the ids', () => {
    expect(locationLabels('c5s1p4')).toEqual({
      zh: '第五章 第一节 第4段',
      en: 'Chapter 5, section 1, paragraph 4'
    });
    expect(locationLabels('c0p1')?.en).toBe('Preamble, paragraph 1');
    expect(locationLabels('c5p1')?.en).toBe('Chapter 5, paragraph 1');
    expect(locationLabels('c8s6')?.en).toBe('Chapter 8, section 6');
    expect(locationLabels('c9')?.en).toBe('Chapter 9');
    expect(locationLabels('c5s1p99')).toBeUndefined();
  });

  it('finds headings, chapters and sections by id', () => {
    expect(headingById('c5')?.heading).toBe('第五章 坚持统筹协调 构建发展新格局');
    expect(headingById('c5s1')?.heading).toBe('第一节 实现城区科学布局');
    expect(headingById('c5s1p4')).toBeUndefined();
    expect(chapterOf('c5s1p4')?.id).toBe('c5');
    expect(chapterOf('c5s1')?.id).toBe('c5');
    expect(chapterOf('c0p1')).toBeUndefined();
    expect(sectionOf('c5s1p4')?.id).toBe('c5s1');
    expect(sectionOf('c5p1')).toBeUndefined();
    expect(sectionOf('c10s1p1')).toBeUndefined();
  });
});

describe('parsePlan robustness', () => {
  const sample = [
    '某区规划',
    '纲要',
    '',
    '序言一段。',
    '第一章 背景',
    '章前言。',
    '第一节 成就',
    '提高办事效率。深化改革。',
    '第二节 环境',
    '环境一段。',
    '第二章 构想',
    '第一节 思想',
    '思想一段。'
  ];
  const ids = (model: Plan) => allIds(model);

  it('parses a small plan by the id rule', () => {
    const model = parsePlan(sample.join('\n'));
    expect(model.title).toBe('某区规划纲要');
    expect(ids(model)).toEqual([
      'c0p1',
      'c1',
      'c1p1',
      'c1s1',
      'c1s1p1',
      'c1s2',
      'c1s2p1',
      'c2',
      'c2s1',
      'c2s1p1'
    ]);
    expect(model.paragraphs.map((p) => p.id)).toEqual([
      'c0p1',
      'c1p1',
      'c1s1p1',
      'c1s2p1',
      'c2s1p1'
    ]);
  });

  it('gives the same model for CRLF, trailing spaces and indented lines', () => {
    const lf = parsePlan(sample.join('\n'));
    expect(parsePlan(sample.join('\r\n'))).toEqual(lf);
    expect(parsePlan(sample.map((l) => l + '  \t').join('\n'))).toEqual(lf);
    expect(parsePlan(sample.map((l) => '\u3000\u3000' + l).join('\r\n'))).toEqual(lf);
    expect(parsePlan(sample.join('\n\n \n'))).toEqual(lf);
  });

  it('gives the shipped plan the same ids with CRLF line ends', () => {
    expect(idPrefixes(parsePlan(text.replace(/\n/g, '\r\n')))).toEqual(idPrefixes(plan));
  });

  it('names the file and line of a section before any chapter', () => {
    const bad = ['标题', '副标题', '序言。', '第一节 无章之节', '正文。'].join('\n');
    expect(() => parsePlan(bad, 'plan.txt')).toThrow(PlanParseError);
    expect(() => parsePlan(bad, 'plan.txt')).toThrow(
      'plan.txt:4: 节标题“第一节 无章之节”出现在任何章标题之前 / section heading "第一节 无章之节" appears before any chapter heading'
    );
    const thrown = (() => {
      try {
        parsePlan(bad);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(PlanParseError);
    expect((thrown as PlanParseError).line).toBe(4);
  });

  it('rejects chapters and sections out of order', () => {
    const skipped = ['标题', '副标题', '第一章 甲', '第三章 丙'].join('\n');
    expect(() => parsePlan(skipped, 'plan.txt')).toThrow(
      /plan\.txt:4: .*第三章 丙.* \/ chapter out of order: "第三章 丙", expected chapter 2/
    );
    const repeated = ['标题', '副标题', '第一章 甲', '第一节 子', '第一节 子'].join('\n');
    expect(() => parsePlan(repeated)).toThrow(/section out of order.*expected section 2/);
  });

  it('rejects a text without a title', () => {
    expect(() => parsePlan('', 'empty.txt')).toThrow(/empty.txt: 缺少标题.*missing title/);
    expect(() => parsePlan('只有一行\n')).toThrow(/found 1/);
    expect(() => parsePlan('第一章 甲\n正文')).toThrow(/title line is a chapter\/section heading/);
  });

  it('reads Chinese heading numerals', () => {
    expect(
      ['一', '五', '九', '十', '十一', '十九', '二十', '二十三'].map(chineseNumeralValue)
    ).toEqual([1, 5, 9, 10, 11, 19, 20, 23]);
    expect(chineseNumeralValue('')).toBeNull();
    expect(chineseNumeralValue('一一')).toBeNull();
    expect(chineseNumeralValue('十十')).toBeNull();
  });
});
