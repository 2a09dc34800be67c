import { listPublicOpenContests } from '$lib/server/contests/contest.service';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** Public: open contests in the reader's language, public fields only. */
export const load: PageServerLoad = async ({ locals }) => {
	const { db } = await getServices();
	return { contests: await listPublicOpenContests(db, locals.locale) };
};
