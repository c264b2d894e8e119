import { error } from '@sveltejs/kit';
import { PLAN_SOURCE_PATH } from '$lib/plan';
import { parkProfile, parkProfiles } from '$lib/parks';
import { profileToJson } from '$lib/parks/export';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => parkProfiles.map(({ id }) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
  const profile = parkProfile(params.id);
  if (!profile) error(404, `No park with id ${params.id}`);
  return new Response(profileToJson(profile, PLAN_SOURCE_PATH), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' }
  });
};
