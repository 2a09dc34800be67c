import { listPublicOpenContests } from '$lib/server/contests/contest.service';
import { exhibitionsForHome } from '$lib/server/exhibition/public.service';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** Public: exhibitions and open contests in the reader's language, public fields only. */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await getServices();
	const [contests, exhibitions] = await Promise.all([
		listPublicOpenContests(db, locals.locale),
		exhibitionsForHome(db, locals.locale)
	]);
	return { contests, exhibitions };
};
