import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError, readJsonObject } from '$lib/server/judging/judge-http';
import { saveScore } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** One criterion of one entry: `{ handle, criterionId, value, base }` → the stored revision. */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const body = await readJsonObject(event.request);
	const { db } = await getServices();
	try {
		const saved = await saveScore(db, user, event.params.roundId, {
			handle: body.handle,
			criterionId: body.criterionId,
			value: body.value,
			base: body.base
		});
		return json(saved, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
