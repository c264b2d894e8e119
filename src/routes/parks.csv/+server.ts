import { parkProfiles } from '$lib/parks';
import { profilesToCsv } from '$lib/parks/export';
import { carrierNames } from '$lib/parks/view';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () =>
  new Response(
    profilesToCsv(parkProfiles, (id) => carrierNames[id] ?? id),
    {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' }
    }
  );
