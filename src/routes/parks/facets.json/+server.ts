import { plan } from '$lib/plan';
import { allFeatures } from '$lib/layers/catalog';
import { attributionContext, parkProfiles } from '$lib/parks';
import { featureFacets } from '$lib/parks/facets';
import type { RequestHandler } from './$types';

export const prerender = true;

/** Industries and themes of every plan feature, for the map's filter (fetched when first used). */
export const GET: RequestHandler = () =>
  new Response(
    JSON.stringify(featureFacets(allFeatures, plan.paragraphs, attributionContext, parkProfiles)),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } }
  );
