/**
 * What the plan commits to for the projects residents ask about (issue #13): 棚改 and 老旧小区
 * renewal, housing, river works and drainage — one sentence of the plan per project, with its
 * paragraph: the first sentence that names it in the plan's tasks (第二章 on), and what 第一章
 * reports as done, when it does.
 *
 * @example residentCommitments(allFeatures, paragraphs).find((c) => c.featureId === 'tiexinnanli-drainage')?.done?.paragraphId
 *   // 'c1s1p3'
 */
import { leadOf } from '$lib/plan/parse';
import type { Paragraph } from '$lib/plan/types';
import type { PlanFeature } from '$lib/layers/types';
import { sentencesOf } from './sentences';

/** Kinds of feature residents look up, in the order the page lists them. */
export const RESIDENT_KINDS = ['redevelopment', 'housing', 'river-works', 'drainage'] as const;

export interface PlanSentence {
  paragraphId: string;
  quote: string;
}

export interface ProjectCommitment {
  featureId: string;
  name: string;
  kind: string;
  /** The first sentence of the plan's tasks that names it, or null. */
  planned: PlanSentence | null;
  /** What 第一章 reports as done, or null. */
  done: PlanSentence | null;
}

/**
 * The first sentence naming the feature: by name or alias before the words that only refer to it
 * (`mentions`), and a full sentence before a heading-like lead (“推进老旧小区改造。”).
 */
function firstSentenceNaming(
  feature: PlanFeature,
  paragraphs: readonly Pick<Paragraph, 'id' | 'text'>[]
): PlanSentence | null {
  const { name, aliases = [], mentions = [] } = feature.properties;
  const usable = (words: readonly string[]) => words.filter((word) => word.length >= 2);
  const sentences = paragraphs.flatMap((paragraph) => {
    let rest = paragraph.text;
    return sentencesOf(paragraph.text).map((text) => {
      const lead = leadOf(rest) === text;
      rest = rest.slice(text.length);
      return { paragraphId: paragraph.id, quote: text.trim(), lead };
    });
  });
  for (const words of [usable([name, ...aliases]), usable(mentions)]) {
    const naming = sentences.filter((s) => words.some((word) => s.quote.includes(word)));
    const found = naming.find((s) => !s.lead) ?? naming[0];
    if (found) return { paragraphId: found.paragraphId, quote: found.quote };
  }
  return null;
}

export function residentCommitments(
  features: readonly PlanFeature[],
  paragraphs: readonly Pick<Paragraph, 'id' | 'text' | 'chapter'>[]
): ProjectCommitment[] {
  const rank = (kind: string) => (RESIDENT_KINDS as readonly string[]).indexOf(kind);
  return features
    .filter((f) => rank(f.properties.kind) >= 0)
    .map((feature, order) => ({ feature, order }))
    .sort(
      (a, b) =>
        rank(a.feature.properties.kind) - rank(b.feature.properties.kind) || a.order - b.order
    )
    .map(({ feature }) => {
      const refs = new Set(feature.properties.planRefs);
      const cited = paragraphs.filter((p) => refs.has(p.id));
      return {
        featureId: feature.properties.id,
        name: feature.properties.name,
        kind: feature.properties.kind,
        planned: firstSentenceNaming(
          feature,
          cited.filter((p) => p.chapter !== 1)
        ),
        done: firstSentenceNaming(
          feature,
          cited.filter((p) => p.chapter === 1)
        )
      };
    });
}
