import { json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/http';
import { judgeJsonError, readJsonObject } from '$lib/server/judging/judge-http';
import { saveRanking } from '$lib/server/judging/panel.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** A panel judge's whole order for one group: `{ group, handles: [best first], base }`. */
export const POST: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const body = await readJsonObject(event.request);
	const { db } = await getServices();
	try {
		const saved = await saveRanking(db, user, event.params.roundId, {
			group: body.group,
			handles: body.handles,
			base: body.base
		});
		return json(saved, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		return judgeJsonError(err, event.locals.locale);
	}
};
