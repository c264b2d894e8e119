/**
 * The user's boundaries applied to the plan features (issue #5): a plan feature the user gave a
 * boundary (imported or drawn, see src/lib/storage/store.ts `Assignment`) is measured with that
 * geometry and counts as `imported` — the one accuracy besides `boundary` that can verify a plan
 * figure in the audit. (The plan features a boundary can be given to, in picker order, are
 * src/lib/draw/boundary-targets.ts, shared with the drawing tools.)
 */
import type { Assignment, AssignmentSource } from '$lib/storage/types';
import type { PlanFeature } from './types';

/**
 * The features with every assigned geometry put in place and accuracy set to `imported`; the
 * others are returned as they are (same objects). Assignments for unknown ids are ignored.
 *
 * @example auditRows(figures, withAssignments(allFeatures, userData.assignments), 1)
 */
export function withAssignments(
  features: readonly PlanFeature[],
  assignments: readonly Assignment[]
): PlanFeature[] {
  if (assignments.length === 0) return [...features];
  const byId = new Map(assignments.map((a) => [a.planFeatureId, a]));
  return features.map((feature) => {
    const assignment = byId.get(feature.properties.id);
    if (!assignment) return feature;
    return {
      ...feature,
      geometry: assignment.geometry,
      properties: { ...feature.properties, accuracy: 'imported' }
    };
  });
}

/** Where an assigned boundary came from, for the audit table and popups. */
export function assignmentSourceLabel(source: AssignmentSource): { zh: string; en: string } {
  return source.type === 'drawing'
    ? { zh: '绘制的边界', en: 'Drawn boundary' }
    : { zh: '导入的边界', en: 'Imported boundary' };
}
