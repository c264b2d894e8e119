/**
 * Every plan feature of every layer, indexed by id and by the paragraphs that mention it.
 * The geodata files are imported at build time, so the map and the plan reader work offline.
 */
import structure from '$geodata/layers/structure.geojson';
import rivers from '$geodata/layers/rivers.geojson';
import parks from '$geodata/layers/parks.geojson';
import projects from '$geodata/layers/projects.geojson';
import type { LayerId, PlanFeature, PlanFeatureCollection } from './types';

export const layerData: Record<LayerId, PlanFeatureCollection> = {
  structure: structure as PlanFeatureCollection,
  rivers: rivers as PlanFeatureCollection,
  parks: parks as PlanFeatureCollection,
  projects: projects as PlanFeatureCollection
};

/** All features, in layer order then file order. */
export const allFeatures: PlanFeature[] = Object.values(layerData).flatMap((fc) => fc.features);

const byId = new Map(allFeatures.map((f) => [f.properties.id, f]));

const byParagraph = new Map<string, PlanFeature[]>();
for (const feature of allFeatures) {
  for (const ref of feature.properties.planRefs) {
    const list = byParagraph.get(ref) ?? [];
    list.push(feature);
    byParagraph.set(ref, list);
  }
}

/** The feature with this stable id, or undefined. */
export function featureById(id: string): PlanFeature | undefined {
  return byId.get(id);
}

/** Features whose `planRefs` include the paragraph id, e.g. `featuresForParagraph('c5s1p4')`. */
export function featuresForParagraph(paragraphId: string): PlanFeature[] {
  return byParagraph.get(paragraphId) ?? [];
}
