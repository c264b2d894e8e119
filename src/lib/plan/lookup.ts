/**
 * Finding things in a parsed plan by id. Pure over any Plan, so tests can use small plans;
 * `$lib/plan` binds these to the real plan.
 */
import type { Bilingual } from '$lib/i18n/types';
import type { Chapter, Paragraph, Plan, Section } from './types';

/** Every id the model can produce: `c5`, `c5s1`, `c5p2`, `c5s1p4`, `c0p1`. */
export const PLAN_ID_PATTERN = /^c(\d+)(?:s(\d+))?(?:p(\d+))?$/;

/** Paragraph ids only: `c0p1`, `c5p2`, `c5s1p4`. */
export const PARAGRAPH_ID_PATTERN = /^c\d+(?:s\d+)?p\d+$/;

export interface PlanLookup {
  /** The paragraph with this id, e.g. `paragraphById('c5s1p4')`, or undefined. */
  paragraphById(id: string): Paragraph | undefined;
  /** The chapter (`c5`) or section (`c5s1`) with this id, or undefined. */
  headingById(id: string): Chapter | Section | undefined;
  /** The chapter a chapter, section or paragraph id belongs to (undefined for the preamble). */
  chapterOf(id: string): Chapter | undefined;
  /** The section a section or paragraph id belongs to, or undefined outside sections. */
  sectionOf(id: string): Section | undefined;
  /**
   * Where an id is, as readers cite it: `第五章 第一节 第4段`, `第五章 第1段` (chapter intro),
   * `序言 第1段` (c0), `第五章`, `第五章 第一节`; undefined for an unknown id.
   */
  locationLabel(id: string): string | undefined;
  /**
   * The same in both languages, for the UI to show one: `{ zh: '第五章 第一节 第4段',
   * en: 'Chapter 5, section 1, paragraph 4' }`; undefined for an unknown id.
   */
  locationLabels(id: string): Bilingual | undefined;
}

/** The ordinal part of a heading: `第五章 坚持统筹协调…` → `第五章`. */
function ordinalOf(heading: string): string {
  return /^第[一二三四五六七八九十]+[章节]/.exec(heading)?.[0] ?? heading;
}

export function createPlanLookup(plan: Plan): PlanLookup {
  const paragraphs = new Map(plan.paragraphs.map((p) => [p.id, p]));
  const chapters = new Map(plan.chapters.map((c) => [c.id, c]));
  const sections = new Map(plan.chapters.flatMap((c) => c.sections).map((s) => [s.id, s]));

  const parts = (id: string) => {
    const match = PLAN_ID_PATTERN.exec(id);
    if (!match) return undefined;
    const [, chapter, section] = match;
    return { chapterId: `c${chapter}`, sectionId: section ? `c${chapter}s${section}` : null };
  };

  const isKnown = (id: string) => paragraphs.has(id) || chapters.has(id) || sections.has(id);

  const lookup: PlanLookup = {
    paragraphById: (id) => paragraphs.get(id),
    headingById: (id) => chapters.get(id) ?? sections.get(id),
    chapterOf(id) {
      if (!isKnown(id)) return undefined;
      const p = parts(id);
      return p ? chapters.get(p.chapterId) : undefined;
    },
    sectionOf(id) {
      if (!isKnown(id)) return undefined;
      const p = parts(id);
      return p?.sectionId ? sections.get(p.sectionId) : undefined;
    },
    locationLabel: (id) => lookup.locationLabels(id)?.zh,
    locationLabels(id) {
      if (!isKnown(id)) return undefined;
      const chapter = lookup.chapterOf(id);
      const section = lookup.sectionOf(id);
      const paragraph = paragraphs.get(id);
      const zh = [
        chapter ? ordinalOf(chapter.heading) : '序言',
        section ? ordinalOf(section.heading) : null,
        paragraph ? `第${paragraph.n}段` : null
      ];
      const [, chapterNumber, sectionNumber] = PLAN_ID_PATTERN.exec(id) ?? [];
      const en = [
        chapter ? `Chapter ${chapterNumber}` : 'Preamble',
        section ? `section ${sectionNumber}` : null,
        paragraph ? `paragraph ${paragraph.n}` : null
      ];
      return {
        zh: zh.filter((part) => part !== null).join(' '),
        en: en.filter((part) => part !== null).join(', ')
      };
    }
  };
  return lookup;
}
