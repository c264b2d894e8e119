import { locationLabel, plan } from '$lib/plan';
import { allFeatures } from '$lib/layers/catalog';
import { residentCommitments } from '$lib/parks/commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  const projects = residentCommitments(allFeatures, plan.paragraphs);
  const ids = projects
    .flatMap((p) => [p.planned, p.done])
    .flatMap((s) => (s ? [s.paragraphId] : []));
  return {
    projects,
    labels: Object.fromEntries(ids.map((id) => [id, locationLabel(id) ?? id]))
  };
};
