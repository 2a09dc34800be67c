import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError, readJsonObject } from '$lib/server/judging/judge-http';
import { decidePair } from '$lib/server/judging/pairwise.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** One decision on a pair the judge was given: `{ left, right, winner: handle | null }`. */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const body = await readJsonObject(event.request);
	const { db } = await getServices();
	try {
		const saved = await decidePair(db, user, event.params.roundId, {
			left: body.left,
			right: body.right,
			winner: body.winner
		});
		return json(saved, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
