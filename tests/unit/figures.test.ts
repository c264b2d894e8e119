import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plan } from '$lib/plan';
import { clauseAround, figureKey, findFigures, findFiguresInText } from '$lib/plan/figures';

/** The full list the parser finds in the shipped plan. Regenerate on purpose only: UPDATE_FIXTURES=1. */
const FIXTURE = fileURLToPath(new URL('../fixtures/figures/out/figures.json', import.meta.url));

const found = findFigures(plan);

describe('findFigures over the shipped plan', () => {
  it('finds the figures the plan states, in reading order', () => {
    const stated = found.map((f) => `${f.value}${f.unit}`);
    for (const expected of ['6.9平方公里', '835亩', '1800米', '100万平方米', '7.5公里']) {
      expect(stated).toContain(expected);
    }
    expect(stated.filter((s) => s === '1161亩')).toHaveLength(2);
    expect(stated.filter((s) => s === '13平方米')).toHaveLength(2);
  });

  it('finds 1161亩 in chapter 1 and in chapter 5', () => {
    const chapters = found
      .filter((f) => f.value === 1161)
      .map((f) => plan.paragraphs.find((p) => p.id === f.paragraphId)?.chapter);
    expect(chapters).toEqual([1, 5]);
  });

  it('quotes the clause that states each figure, verbatim', () => {
    const quotes = found.map((f) => f.quote);
    expect(quotes).toContain('紫荆产业园规划面积6.9平方公里');
    expect(quotes).toContain('“松凌”飞地经济产业园规划面积835亩');
    expect(quotes).toContain('军民融合产业园规划面积1161亩');
    expect(quotes).toContain('人均道路面积达到13平方米');
    expect(quotes).toContain('人均公园绿地面积达到13平方米');
    expect(quotes).toContain('提升改造老旧小区100万平方米以上');
    for (const figure of found) {
      const text = plan.paragraphs.find((p) => p.id === figure.paragraphId)!.text;
      expect(text.slice(figure.offset, figure.offset + figure.written.length)).toBe(figure.written);
      expect(text).toContain(figure.quote);
      expect(figure.quote).toContain(figure.written);
    }
  });

  it('puts the 835亩 figure in the paragraph c5s1p4', () => {
    expect(found.find((f) => f.value === 835)?.paragraphId).toBe('c5s1p4');
  });

  it('finds nothing else: the full list is pinned in tests/fixtures/figures/out/figures.json', () => {
    const actual = JSON.stringify(found, null, 2) + '\n';
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(FIXTURE, actual);
    expect(actual).toBe(readFileSync(FIXTURE, 'utf8'));
    expect(found).toHaveLength(9);
  });
});

describe('findFiguresInText', () => {
  const units = (text: string) => findFiguresInText(text, 'x').map((f) => `${f.value}${f.unit}`);

  it('reads every unit spelling and normalises it', () => {
    expect(
      units('占地5亩，水面2公顷，片区3.5平方公里，园区1.2km²，广场800平方米，楼面600㎡')
    ).toEqual(['5亩', '2公顷', '3.5平方公里', '1.2平方公里', '800平方米', '600平方米']);
    expect(units('河道4公里，步道2.5km，堤防300米，桥宽36 m')).toEqual([
      '4公里',
      '2.5公里',
      '300米',
      '36米'
    ]);
    expect(units('改造１２万平方米，整理1,161亩，造林1.2万亩')).toEqual([
      '12万平方米',
      '1161亩',
      '12000亩'
    ]);
  });

  it('does not also read 平方米 inside 万平方米, nor 米 inside 平方米', () => {
    const figures = findFiguresInText('改造100万平方米以上，人均13平方米', 'x');
    expect(figures.map((f) => f.written)).toEqual(['100万平方米', '13平方米']);
  });

  it('ignores rice, corn, per-mu ratios, years, money, percentages, counts and ranges', () => {
    expect(
      units(
        '种植玉米和大米，亩均税收1.5万元，亩产800斤，2025年末，投资100万元，覆盖率40%，' +
          '建成5个公园，2-3个小区，100-200亩，100至200米，66千伏变电站，5mm，G102国道'
      )
    ).toEqual([]);
  });

  it('still reads a figure right after 玉米 or a year, or before 均 (“all”)', () => {
    expect(units('种植玉米1000亩，2020年1800米管网，600亩均已完成')).toEqual([
      '1000亩',
      '1800米',
      '600亩'
    ]);
  });

  it('gives each figure its offset in the text', () => {
    const [figure] = findFiguresInText('完成7.5公里沿河河堤', 'x');
    expect(figure.offset).toBe(2);
    expect(figure.written).toBe('7.5公里');
    expect(figure.quantity).toBe('length');
  });
});

describe('clauseAround', () => {
  it('cuts at Chinese and ASCII clause marks but not inside numbers', () => {
    const text = '完成规划编制,占地面积1,161亩,为城区发展奠定基础。';
    const start = text.indexOf('1,161');
    expect(clauseAround(text, start, start + 6)).toBe('占地面积1,161亩');
    const semicolon = '甲；乙园规划面积835亩，打造';
    const at = semicolon.indexOf('835');
    expect(clauseAround(semicolon, at, at + 4)).toBe('乙园规划面积835亩');
  });
});

describe('clauseAround, at its edges (from the surviving mutants)', () => {
  it('keeps a clause that starts the text and runs past the figure', () => {
    expect(clauseAround('面积6.9平方公里，打造先行区', 0, 2)).toBe('面积6.9平方公里');
    expect(clauseAround('  面积6.9平方公里  ', 2, 4)).toBe('面积6.9平方公里');
  });

  it('ends a clause at ASCII , and : except between digits', () => {
    const text = '甲,面积1,161亩,乙';
    expect(clauseAround(text, 2, 4)).toBe('面积1,161亩');
    expect(clauseAround('x:用地比1:2,其余', 2, 5)).toBe('用地比1:2');
    // A comma after a digit but before a word ends the clause.
    expect(clauseAround('面积5,打造', 0, 2)).toBe('面积5');
    expect(clauseAround('打造,5亩', 3, 5)).toBe('5亩');
  });

  it('quotes the clause the figure starts, not the one before it', () => {
    const [figure] = findFiguresInText('规划面积，6.9平方公里。', 'p1');
    expect(figure.quote).toBe('6.9平方公里');
    expect(figureKey(figure)).toBe('p1@5');
  });
});
