import { parkProfiles } from '$lib/parks';
import type { PageServerLoad } from './$types';

/** The list needs a line per park, not the quotes. */
export const load: PageServerLoad = () => ({
  parks: parkProfiles.map((p) => ({
    id: p.id,
    name: p.name,
    nameEn: p.nameEn,
    kind: p.kind,
    group: p.group,
    areas: p.areas.map(({ value, unit, mu, hectares, squareKilometres }) => ({
      value,
      unit,
      mu,
      hectares,
      squareKilometres
    })),
    industries: p.industries.map(({ id, shared, groupTerm }) => ({ id, shared, groupTerm })),
    refs: p.planRefs.length
  }))
});
