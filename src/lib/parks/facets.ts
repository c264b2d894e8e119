/**
 * The industries and themes of every plan feature, for the map's filter (issue #13). A carrier
 * has the industries of its profile (its own and those shared with a group); any other feature
 * the industries named in the sentences that name it (names blanked, as for profiles); every
 * feature the themes of its `planRefs` (./themes.ts).
 *
 * @example featureFacets(features, plan.paragraphs, context, profiles)['tianjin-ruyi-pharmaceutical']
 *   // { industries: ['pharma'], themes: ['industry', 'digital'] }
 */
import { linkPlaces } from '$lib/plan/link-places';
import type { Paragraph } from '$lib/plan/types';
import type { PlanFeature } from '$lib/layers/types';
import { industriesIn, sortIndustries } from './industries';
import type { ParkProfile } from './profile';
import { sentencesOf, type AttributionContext } from './sentences';
import { themesOf } from './themes';

export interface Facets {
  industries: string[];
  themes: string[];
}

/** Industry ids named in the sentences of `paragraphs` that name the feature. */
function industriesNaming(
  feature: PlanFeature,
  paragraphs: ReadonlyMap<string, Pick<Paragraph, 'text'>>,
  context: Pick<AttributionContext, 'places'>
): string[] {
  const found = new Set<string>();
  for (const ref of feature.properties.planRefs) {
    const paragraph = paragraphs.get(ref);
    if (!paragraph) continue;
    for (const sentence of sentencesOf(paragraph.text)) {
      const segments = linkPlaces(sentence, context.places);
      if (!segments.some((s) => 'featureId' in s && s.featureId === feature.properties.id))
        continue;
      const unnamed = segments.map((s) => ('featureId' in s ? '〇' : s.text)).join('');
      industriesIn(unnamed).forEach((id) => found.add(id));
    }
  }
  return [...found];
}

export function featureFacets(
  features: readonly PlanFeature[],
  paragraphs: readonly Pick<Paragraph, 'id' | 'text'>[],
  context: Pick<AttributionContext, 'places'>,
  profiles: readonly Pick<ParkProfile, 'id' | 'industries'>[]
): Record<string, Facets> {
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const profileOf = new Map(profiles.map((p) => [p.id, p]));
  const facets: Record<string, Facets> = {};
  for (const feature of features) {
    const { id, planRefs } = feature.properties;
    const profile = profileOf.get(id);
    const industries = profile
      ? profile.industries.map((claim) => claim.id)
      : industriesNaming(feature, byId, context);
    facets[id] = { industries: sortIndustries(industries), themes: themesOf(planRefs) };
  }
  return facets;
}
