/**
 * What the map page's panel shows about the selected plan feature: its details (and the user's
 * boundary for it), described lazily because that needs the plan text and the geodesic engine.
 * The panel shows them on the phone layout for every feature, and on a wide screen for the
 * features that have no place on the map (the others open a popup there).
 */
import type { Assignment } from '$lib/storage/types';
import { featureById } from './catalog';
import type { FeatureInfo, UserBoundaryInfo } from './feature-info';
import { describeFeatureLazily, describeUserBoundaryLazily } from './feature-info-lazy';

export interface SelectionDetails {
  info: FeatureInfo;
  boundary: UserBoundaryInfo | null;
}

/**
 * Describes the feature with this id for the panel, or null when the panel shows nothing.
 * @param inPanel whether located features are shown in the panel (the phone layout)
 */
export async function selectionDetails(
  id: string | null,
  inPanel: boolean,
  assignment: Assignment | undefined
): Promise<SelectionDetails | null> {
  const feature = id ? featureById(id) : undefined;
  if (!feature || (feature.geometry && !inPanel)) return null;
  const [info, boundary] = await Promise.all([
    describeFeatureLazily(feature),
    assignment ? describeUserBoundaryLazily(feature, assignment) : null
  ]);
  return { info, boundary };
}
