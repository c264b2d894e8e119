/**
 * Finds every spatial figure the plan states (issue #4): areas in 亩, 平方公里, 平方米, 万平方米,
 * 公顷 and lengths in 公里, 米, each with the paragraph it is in and the clause that states it.
 *
 * A figure is an Arabic number written directly before a unit. Requiring the number is what
 * keeps 玉米/大米 (no number before 米), 亩均 (“per mu”), years (2025年), money (100万元) and
 * percentages (80.1%) out. Skipped on purpose: ranges (`100-200亩`: neither end alone is the
 * figure) and numbers in Chinese characters (`十三平方米`; the plan uses none).
 */
import type { FigureUnit, PlanFigure } from '$lib/layers/types';
import type { Plan } from './types';

/** A figure found in the plan text, with where it is. */
export interface FoundFigure extends PlanFigure {
  /** Character offset (UTF-16 index) of the figure's first digit in the paragraph text. */
  offset: number;
  /** The figure as written, number and unit, e.g. `1161亩` or `100万平方米`. */
  written: string;
}

interface UnitSpelling {
  unit: FigureUnit;
  quantity: 'area' | 'length';
  /** `1.2万亩` is 12000 亩: the multiplier folded into the value. */
  factor: number;
}

/**
 * Spellings of each unit, longest first so `万平方米` wins over `平方米` and `平方米` over `米`.
 * The lookaheads drop Latin units glued to more letters (`5mm`). No lookahead after 亩: per-mu
 * ratios put the number after (`亩均税收30万元`), and `1000亩均已完成` (均 = “all”) is an area.
 */
const UNIT_SPELLINGS: [pattern: string, spelling: UnitSpelling][] = [
  ['万平方米', { unit: '万平方米', quantity: 'area', factor: 1 }],
  ['平方公里|平方千米|km²|km2|㎢', { unit: '平方公里', quantity: 'area', factor: 1 }],
  ['平方米|m²|m2(?![0-9])|㎡', { unit: '平方米', quantity: 'area', factor: 1 }],
  ['万公顷', { unit: '公顷', quantity: 'area', factor: 10000 }],
  ['公顷|hm²|hm2(?![0-9])', { unit: '公顷', quantity: 'area', factor: 1 }],
  ['万亩', { unit: '亩', quantity: 'area', factor: 10000 }],
  ['亩', { unit: '亩', quantity: 'area', factor: 1 }],
  ['公里|千米|km(?![A-Za-z²0-9])', { unit: '公里', quantity: 'length', factor: 1 }],
  ['米|m(?![A-Za-z²0-9])', { unit: '米', quantity: 'length', factor: 1 }]
];

const DIGIT = '[0-9０-９]';
/** `1161`, `6.9`, `1,161` (a comma only as a thousands separator), full-width digits too. */
const NUMBER = `${DIGIT}+(?:,${DIGIT}{3}(?!${DIGIT}))*(?:[.．]${DIGIT}+)?`;

/**
 * The number may not continue another number or word (`G102`, `2.6`) nor end a range
 * (`100-200亩`, `100至200亩`); one space may sit between number and unit (the plan writes
 * `2015 年`).
 */
const FIGURE_PATTERN = new RegExp(
  `(?<![0-9０-９.．A-Za-z])(?<!${DIGIT},)(?<!${DIGIT}\\s?[-~～—至到])(${NUMBER})[ \\u3000]?(${UNIT_SPELLINGS.map(
    ([pattern]) => `(${pattern})`
  ).join('|')})`,
  'gu'
);

const CLAUSE_MARKS = new Set([...'，；。！？：;!?\n']);

/** ASCII `,` and `:` end a clause too, except between digits (`1,161`, `0.1:16`). */
function endsClause(text: string, index: number): boolean {
  const char = text.charAt(index);
  if (CLAUSE_MARKS.has(char)) return true;
  if (char !== ',' && char !== ':') return false;
  return !(/[0-9]/.test(text.charAt(index - 1)) && /[0-9]/.test(text.charAt(index + 1)));
}

function toHalfWidth(digits: string): string {
  return digits.replace(/[０-９．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Parses `1,161` / `６.９` as a number. */
function parseNumber(written: string): number {
  return Number(toHalfWidth(written).replaceAll(',', ''));
}

/**
 * The clause around [start, end): from after the previous clause mark to before the next one,
 * trimmed. `…；军民融合产业园规划面积1161亩，打造…` → `军民融合产业园规划面积1161亩`.
 */
export function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !endsClause(text, from - 1)) from -= 1;
  let to = end;
  while (to < text.length && !endsClause(text, to)) to += 1;
  return text.slice(from, to).trim();
}

/** Every figure in one paragraph's text, in reading order. */
export function findFiguresInText(text: string, paragraphId: string): FoundFigure[] {
  const found: FoundFigure[] = [];
  for (const match of text.matchAll(FIGURE_PATTERN)) {
    const [written, numberText] = match;
    const unitIndex = match.slice(3).findIndex((group) => group !== undefined);
    const spelling = UNIT_SPELLINGS[unitIndex][1];
    const offset = match.index;
    found.push({
      value: Number((parseNumber(numberText) * spelling.factor).toPrecision(12)),
      unit: spelling.unit,
      quantity: spelling.quantity,
      paragraphId,
      quote: clauseAround(text, offset, offset + written.length),
      offset,
      written
    });
  }
  return found;
}

/**
 * Every spatial figure in the plan, in reading order.
 * @example findFigures(plan).find((f) => f.paragraphId === 'c5s1p4')?.quote === '紫荆产业园规划面积6.9平方公里'
 */
export function findFigures(plan: Pick<Plan, 'paragraphs'>): FoundFigure[] {
  return plan.paragraphs.flatMap((paragraph) => findFiguresInText(paragraph.text, paragraph.id));
}

/** Stable key of a found figure, e.g. `c5s1p4@112`. */
export function figureKey(figure: Pick<FoundFigure, 'paragraphId' | 'offset'>): string {
  return `${figure.paragraphId}@${figure.offset}`;
}
