/**
 * The carriers' profiles for the shipped plan and layers (issue #13), built once at import time.
 * Everything here is derived; see ./carriers.ts, ./sentences.ts and ./profile.ts for the rules.
 *
 * @example parkProfile('songling-enclave-industrial-park')?.areas[0].mu // 835
 */
import { plan } from '$lib/plan';
import { findFigures } from '$lib/plan/figures';
import { placeNamesOf } from '$lib/plan/link-places';
import { allFeatures } from '$lib/layers/catalog';
import { carriersOf, groupTerms } from './carriers';
import { attributeSentences, type AttributionContext } from './sentences';
import { buildProfile, type ParkProfile, type ProfileSources } from './profile';

export type { ParkProfile } from './profile';

export const carriers = carriersOf(allFeatures);

export const attributionContext: AttributionContext = {
  carriers,
  places: placeNamesOf(allFeatures),
  groups: groupTerms(carriers),
  kinds: new Map(allFeatures.map((f) => [f.properties.id, f.properties.kind]))
};

/** Every sentence of the plan about a carrier. */
export const carrierSentences = attributeSentences(plan.paragraphs, attributionContext);

const sources: ProfileSources = {
  carriers,
  sentences: carrierSentences,
  figures: findFigures(plan),
  features: new Map(allFeatures.map((f) => [f.properties.id, f])),
  paragraphs: new Map(plan.paragraphs.map((p, order) => [p.id, { text: p.text, order }]))
};

/** Every carrier's profile, in list order (三园, the zone, then the rest). */
export const parkProfiles: ParkProfile[] = carriers.map((carrier) =>
  buildProfile(carrier, sources)
);

const byId = new Map(parkProfiles.map((p) => [p.id, p]));

/** The profile with this id, or undefined. */
export function parkProfile(id: string): ParkProfile | undefined {
  return byId.get(id);
}
