import { CONTEST_STATUSES, isContestStatus } from '$lib/server/contests/lifecycle';
import { listContestsForAdmin } from '$lib/server/contests/contest.service';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const param = event.url.searchParams.get('status');
	const status = isContestStatus(param) ? param : undefined;
	const { db } = await getServices();
	const contests = await listContestsForAdmin(db, actor, { status }, event.locals.locale);
	return { status: status ?? '', statuses: [...CONTEST_STATUSES], contests };
};
