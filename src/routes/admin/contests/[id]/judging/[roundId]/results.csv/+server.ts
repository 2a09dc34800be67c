import { errorOn } from '$lib/server/errors';
import { requireUser } from '$lib/server/http';
import { exportRoundCsv } from '$lib/server/judging/results.service';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** Scores and results of a round for spreadsheets: judges by name, children by handle and pseudonym. */
export const GET: RequestHandler = async (event) => {
	const actor = requireUser(event, 'organizer');
	const { db } = await getServices();
	const csv = await exportRoundCsv(db, actor, event.params.id, event.params.roundId).catch(errorOn);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="round-${event.params.roundId}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
