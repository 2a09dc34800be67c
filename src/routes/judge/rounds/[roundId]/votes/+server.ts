import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError, readJsonObject } from '$lib/server/judging/judge-http';
import { saveVote } from '$lib/server/judging/screening.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** One screening vote: `{ handle, value: 0 no | 1 maybe | 2 yes | null, base }` (the score queue's shape). */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const body = await readJsonObject(event.request);
	const { db } = await getServices();
	try {
		const saved = await saveVote(db, user, event.params.roundId, {
			handle: body.handle,
			value: body.value,
			base: body.base
		});
		return json(saved, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
