import type { FeatureInfo } from './feature-info';
import type { PlanFeature } from './types';

/**
 * `describeFeature`, loaded on first use: it needs the plan text and the geodesic engine, which
 * the map does not need to draw, so they stay out of the first load.
 */
export async function describeFeatureLazily(feature: PlanFeature): Promise<FeatureInfo> {
  const { describeFeature } = await import('./feature-info');
  return describeFeature(feature);
}
