import { requireArea } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireArea(event, 'admin');
	return { isAdmin: user.isAdmin };
};
