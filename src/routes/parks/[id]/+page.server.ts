import { error } from '@sveltejs/kit';
import { parkProfiles } from '$lib/parks';
import { profileView } from '$lib/parks/view';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => parkProfiles.map(({ id }) => ({ id }));

export const load: PageServerLoad = ({ params }) => {
  const view = profileView(params.id);
  if (!view) error(404, `No park with id ${params.id}`);
  return view;
};
