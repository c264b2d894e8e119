import { describe, expect, it } from 'vitest';
import { filterPlan } from '$lib/search/filter-plan';
import { plan } from '$lib/plan';

describe('filtering /plan by search matches', () => {
  it('keeps the matching paragraphs with their chapter and section headings', () => {
    const shown = filterPlan(plan, new Set(['c5s1p4', 'c0p1']));
    expect(shown.paragraphs.map((p) => p.id)).toEqual(['c0p1', 'c5s1p4']);
    expect(shown.preamble.map((p) => p.id)).toEqual(['c0p1']);
    expect(shown.chapters.map((c) => c.id)).toEqual(['c5']);
    expect(shown.chapters[0].intro).toEqual([]);
    expect(shown.chapters[0].sections.map((s) => s.id)).toEqual(['c5s1']);
    expect(shown.chapters[0].sections[0].paragraphs.map((p) => p.id)).toEqual(['c5s1p4']);
    expect(shown.title).toBe(plan.title);
  });

  it('keeps a heading that matches by itself', () => {
    const shown = filterPlan(plan, new Set(['c5s2']));
    expect(shown.chapters.map((c) => c.id)).toEqual(['c5']);
    expect(shown.chapters[0].sections.map((s) => s.id)).toEqual(['c5s2']);
    expect(shown.paragraphs).toEqual([]);
  });

  it('shows nothing for no match, and leaves the plan itself alone', () => {
    const before = plan.paragraphs.length;
    expect(filterPlan(plan, new Set()).chapters).toEqual([]);
    expect(plan.paragraphs.length).toBe(before);
  });
});
