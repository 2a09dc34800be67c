import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError, readJsonObject } from '$lib/server/judging/judge-http';
import { recuseEntry } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const body = await readJsonObject(event.request);
	const { db } = await getServices();
	try {
		await recuseEntry(db, user, event.params.roundId, body.handle);
		return json({ recused: true });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
