import { allProfileViews } from '$lib/parks/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ views: allProfileViews() });
