import type { Assignment } from '$lib/storage/types';
import type { FeatureInfo, UserBoundaryInfo } from './feature-info';
import type { PlanFeature } from './types';

/**
 * `describeFeature`, loaded on first use: it needs the plan text and the geodesic engine, which
 * the map does not need to draw, so they stay out of the first load.
 */
export async function describeFeatureLazily(feature: PlanFeature): Promise<FeatureInfo> {
  const { describeFeature } = await import('./feature-info');
  return describeFeature(feature);
}

/** `describeUserBoundary`, loaded on first use like `describeFeatureLazily`. */
export async function describeUserBoundaryLazily(
  feature: PlanFeature,
  assignment: Assignment
): Promise<UserBoundaryInfo> {
  const { describeUserBoundary } = await import('./feature-info');
  return describeUserBoundary(feature, assignment);
}
