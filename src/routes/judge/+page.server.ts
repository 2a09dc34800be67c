import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import { requireArea } from '$lib/server/http';
import { listMyRounds } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';
import { openFirst } from './round-list';

export const load: PageServerLoad = async (event) => {
	const user = requireArea(event, 'judge');
	const { db } = await getServices();
	const rounds = await listMyRounds(db, user);
	return {
		rounds: openFirst(rounds).map((r) => ({
			id: r.id,
			method: r.method,
			status: r.status,
			contestTitle: localize(parseLocalized(r.contestTitle), event.locals.locale),
			done: r.done,
			total: r.total
		}))
	};
};
