/**
 * The plan as /plan shows it while a search filters it: only the matching paragraphs, with the
 * chapter and section headings above them kept so each stays in its place. A heading that
 * matches is kept too. Pure over any Plan.
 */
import type { Chapter, Paragraph, Plan, Section } from '$lib/plan/types';

export function filterPlan(plan: Plan, ids: ReadonlySet<string>): Plan {
  const keep = (list: Paragraph[]) => list.filter((p) => ids.has(p.id));
  const chapters: Chapter[] = [];
  for (const chapter of plan.chapters) {
    const sections: Section[] = chapter.sections
      .map((section) => ({ ...section, paragraphs: keep(section.paragraphs) }))
      .filter((section) => section.paragraphs.length > 0 || ids.has(section.id));
    const intro = keep(chapter.intro);
    if (intro.length > 0 || sections.length > 0 || ids.has(chapter.id)) {
      chapters.push({ ...chapter, intro, sections });
    }
  }
  const preamble = keep(plan.preamble);
  return {
    ...plan,
    preamble,
    chapters,
    paragraphs: plan.paragraphs.filter((p) => ids.has(p.id))
  };
}
