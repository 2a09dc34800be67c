import { requireUser } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event, 'organizer');
	return { isAdmin: user.isAdmin };
};
