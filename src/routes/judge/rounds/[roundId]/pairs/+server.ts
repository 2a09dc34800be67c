import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError } from '$lib/server/judging/judge-http';
import { takePairs } from '$lib/server/judging/pairwise.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/**
 * The judge's pairs, topped up with new ones while their share allows. A POST because it may
 * hand out pairs (a write), which a prefetch or a link preview must never do.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const { db } = await getServices();
	try {
		const view = await takePairs(db, user, event.params.roundId);
		return json(view, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
