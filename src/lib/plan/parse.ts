/**
 * Turns the plan text file into the plan model (issue #2).
 *
 * The id rule (README “Paragraph ids”, shared by every part of the project):
 * non-empty lines are units; the first two are the document title; a line starting
 * `第…章` is a chapter heading (`c{n}`), a line starting `第…节` a section heading
 * (`c{ch}s{n}`); every other line is a paragraph numbered from 1 within its container:
 * preamble `c0p{n}`, chapter intro `c{ch}p{n}`, section `c{ch}s{sec}p{n}`.
 *
 * Lines are trimmed (spaces, tabs, `\r`, the ideographic space U+3000) before they are
 * classified, so CRLF files and indented or trailing-space copies give the same ids.
 * Headings must be numbered in order; anything else is a malformed file and throws a
 * {@link PlanParseError} that names the file and line.
 */
import type { Chapter, Paragraph, Plan, Section } from './types';

const CHAPTER_HEADING = /^第([一二三四五六七八九十]+)章/;
const SECTION_HEADING = /^第([一二三四五六七八九十]+)节/;
const TITLE_LINE_COUNT = 2;

/**
 * Longest opening sentence kept as a lead, in characters (code points). The plan's run-in
 * leads are 7–32 characters (“提高办事效率。”, “‘三园’，即紫荆产业园、…军民融合产业园。”); the
 * shortest body sentence that opens a paragraph without a clause comma is 44 characters.
 */
export const LEAD_MAX_CHARS = 40;

/** A comma inside a lead is only allowed right after a closing quote: `“一城”,指城市主城区。`. */
const CLAUSE_COMMA = /(?<![”"’]),|(?<![”"’])，/;

/** Thrown for a plan text the id rule cannot be applied to; the message is bilingual. */
export class PlanParseError extends Error {
  constructor(
    message: string,
    /** 1-based line in the source text, or null when the problem is the whole file. */
    readonly line: number | null
  ) {
    super(message);
    this.name = 'PlanParseError';
  }
}

/**
 * Value of a Chinese numeral from 1 to 99 as used in headings, e.g. `九` → 9, `十二` → 12,
 * `二十` → 20. Returns null for anything else.
 */
export function chineseNumeralValue(numeral: string): number | null {
  const digits = '一二三四五六七八九';
  const digit = (ch: string) => digits.indexOf(ch) + 1;
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(numeral);
  if (!match || numeral === '') return null;
  const [, tensDigit, ten, units] = match;
  if (!ten) return tensDigit && !units ? digit(tensDigit) : null;
  return (tensDigit ? digit(tensDigit) : 1) * 10 + (units ? digit(units) : 0);
}

/**
 * The opening sentence of a paragraph when it reads as a run-in heading, else null.
 *
 * Rule: the text up to and including the first `。` is a lead when it is at most
 * {@link LEAD_MAX_CHARS} characters, is not the whole paragraph, and has no clause comma
 * (a comma right after a closing quote, as in `“一城”,指城市主城区。`, is allowed). The lead is
 * always a verbatim prefix of the paragraph, so `——坚持系统观念。` keeps its dash.
 *
 * @example leadOf('提高办事效率。深化“放管服”改革…') // '提高办事效率。'
 * @example leadOf('加强规划衔接协调,形成定位准确…的全区规划体系。') // null (clause comma)
 */
export function leadOf(text: string): string | null {
  const end = text.indexOf('。');
  if (end < 0 || end === text.length - 1) return null;
  const sentence = text.slice(0, end + 1);
  if ([...sentence].length > LEAD_MAX_CHARS) return null;
  if (CLAUSE_COMMA.test(sentence)) return null;
  return sentence;
}

/** A heading with its ordinal removed: `第三章 坚持深化改革 优化发展新环境` → `坚持深化改革 优化发展新环境`. */
function titleOf(heading: string, ordinal: RegExp): string {
  return heading.replace(ordinal, '').trim();
}

interface Unit {
  /** 1-based line in the source text. */
  line: number;
  /** The line, trimmed; never empty. */
  text: string;
}

type Fail = (line: number | null, zh: string, en: string) => PlanParseError;

/** The first two units are the title; neither may be a heading. */
function checkTitle(units: Unit[], fail: Fail): void {
  if (units.length < TITLE_LINE_COUNT) {
    throw fail(
      null,
      `缺少标题：前两行非空文字应为文件标题，只找到 ${units.length} 行`,
      `missing title: the first two non-empty lines must be the document title, found ${units.length}`
    );
  }
  for (const unit of units.slice(0, TITLE_LINE_COUNT)) {
    if (CHAPTER_HEADING.test(unit.text) || SECTION_HEADING.test(unit.text)) {
      throw fail(
        unit.line,
        `标题行不能是章节标题：“${unit.text}”`,
        `the title line is a chapter/section heading: "${unit.text}"`
      );
    }
  }
}

/**
 * The plan's body read unit by unit: a chapter heading, a section heading or a paragraph, each
 * with its own method, numbered within the chapter and section open at the time.
 */
class PlanBuilder {
  readonly preamble: Paragraph[] = [];
  readonly chapters: Chapter[] = [];
  readonly paragraphs: Paragraph[] = [];
  private chapter: Chapter | null = null;
  private section: Section | null = null;

  constructor(private readonly fail: Fail) {}

  add(unit: Unit): void {
    const chapterMatch = CHAPTER_HEADING.exec(unit.text);
    if (chapterMatch) return this.addChapter(unit, chapterMatch[1]);
    const sectionMatch = SECTION_HEADING.exec(unit.text);
    if (sectionMatch) return this.addSection(unit, sectionMatch[1]);
    this.addParagraph(unit);
  }

  private addChapter(unit: Unit, numeral: string): void {
    const expected = this.chapters.length + 1;
    if (chineseNumeralValue(numeral) !== expected) {
      throw this.fail(
        unit.line,
        `章序号不连续：“${unit.text}”，此处应为第 ${expected} 章`,
        `chapter out of order: "${unit.text}", expected chapter ${expected}`
      );
    }
    this.chapter = {
      id: `c${expected}`,
      number: expected,
      heading: unit.text,
      title: titleOf(unit.text, CHAPTER_HEADING),
      intro: [],
      sections: []
    };
    this.section = null;
    this.chapters.push(this.chapter);
  }

  private addSection(unit: Unit, numeral: string): void {
    const chapter = this.chapter;
    if (!chapter) {
      throw this.fail(
        unit.line,
        `节标题“${unit.text}”出现在任何章标题之前`,
        `section heading "${unit.text}" appears before any chapter heading`
      );
    }
    const expected = chapter.sections.length + 1;
    if (chineseNumeralValue(numeral) !== expected) {
      throw this.fail(
        unit.line,
        `节序号不连续：“${unit.text}”，${chapter.heading} 此处应为第 ${expected} 节`,
        `section out of order: "${unit.text}", expected section ${expected} of chapter ${chapter.number}`
      );
    }
    this.section = {
      id: `${chapter.id}s${expected}`,
      chapter: chapter.number,
      number: expected,
      heading: unit.text,
      title: titleOf(unit.text, SECTION_HEADING),
      paragraphs: []
    };
    chapter.sections.push(this.section);
  }

  private addParagraph(unit: Unit): void {
    const { chapter, section } = this;
    const container = section ? section.paragraphs : chapter ? chapter.intro : this.preamble;
    const n = container.length + 1;
    const paragraph: Paragraph = {
      id: section ? `${section.id}p${n}` : chapter ? `${chapter.id}p${n}` : `c0p${n}`,
      text: unit.text,
      lead: leadOf(unit.text),
      chapter: chapter ? chapter.number : 0,
      section: section ? section.number : null,
      n
    };
    container.push(paragraph);
    this.paragraphs.push(paragraph);
  }
}

/**
 * Parses the plan text into chapters, sections and paragraphs with stable ids.
 *
 * @param text the whole plan file (LF or CRLF)
 * @param sourceName named in error messages, e.g. the file path
 * @throws PlanParseError when the text has no title, a section comes before any chapter,
 *   or chapters/sections are not numbered 一, 二, 三… in order
 * @example parsePlan(text).chapters[4].sections[0].paragraphs[3].id // 'c5s1p4'
 */
export function parsePlan(text: string, sourceName = 'plan text'): Plan {
  const fail: Fail = (line, zh, en) => {
    const where = line === null ? sourceName : `${sourceName}:${line}`;
    return new PlanParseError(`${where}: ${zh} / ${en}`, line);
  };
  const units: Unit[] = text
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, text: raw.trim() }))
    .filter((unit) => unit.text !== '');
  checkTitle(units, fail);

  const builder = new PlanBuilder(fail);
  for (const unit of units.slice(TITLE_LINE_COUNT)) builder.add(unit);
  return {
    title: units
      .slice(0, TITLE_LINE_COUNT)
      .map((unit) => unit.text)
      .join(''),
    preamble: builder.preamble,
    chapters: builder.chapters,
    paragraphs: builder.paragraphs
  };
}
