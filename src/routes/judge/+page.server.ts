import { requireArea } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireArea(event, 'judge');
	return {};
};
