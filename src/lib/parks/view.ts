/**
 * What the park pages receive from their prerendered `load` (issue #13): a profile with the
 * labels it needs, so the plan text and the layers stay out of the pages' JavaScript.
 *
 * @example profileView('zijing-industrial-park')?.labels.c5s1p4 // '第五章 第一节 第4段'
 */
import districts from '$geodata/context/jinzhou-districts.geojson';
import { locationLabel } from '$lib/plan';
import { featureById } from '$lib/layers/catalog';
import { carriers, parkProfile, parkProfiles, type ParkProfile } from './index';
import { miniMap, type MiniMap } from './mini-map';

export interface ProfileView {
  profile: ParkProfile;
  /** Paragraph id → `第五章 第一节 第4段`, for every paragraph the profile cites. */
  labels: Record<string, string>;
  /** Carrier id → name, for “together with …”. */
  names: Record<string, string>;
  miniMap: MiniMap;
}

/** Carrier id → name, for every carrier. */
export const carrierNames: Record<string, string> = Object.fromEntries(
  carriers.map((c) => [c.id, c.name])
);

function labelsOf(profile: ParkProfile): Record<string, string> {
  const ids = new Set([
    ...profile.planRefs,
    ...profile.industries.flatMap((i) => [...i.paragraphIds, i.evidence.paragraphId])
  ]);
  return Object.fromEntries([...ids].map((id) => [id, locationLabel(id) ?? id]));
}

/** The view of one profile, or undefined for an unknown id. */
export function profileView(id: string): ProfileView | undefined {
  const profile = parkProfile(id);
  const feature = featureById(id);
  if (!profile || !feature) return undefined;
  return {
    profile,
    labels: labelsOf(profile),
    names: carrierNames,
    miniMap: miniMap(districts as Parameters<typeof miniMap>[0], feature, 320)
  };
}

/** Every profile with its labels (no maps): for the list and the comparison. */
export function allProfileViews(): Omit<ProfileView, 'miniMap'>[] {
  return parkProfiles.map((profile) => ({
    profile,
    labels: labelsOf(profile),
    names: carrierNames
  }));
}
