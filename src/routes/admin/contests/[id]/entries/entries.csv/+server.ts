import { errorOn } from '$lib/server/errors';
import { exportEntriesCsv, parseEntryFilter } from '$lib/server/entries/organizer-entries.service';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

/** The table as shown (same filter query), for spreadsheets. */
export const GET: RequestHandler = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	const csv = await exportEntriesCsv(
		db,
		actor,
		event.params.id,
		parseEntryFilter(event.url.searchParams)
	).catch(errorOn);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="entries-${event.params.id}.csv"`,
			// Children's records: never kept by a shared cache.
			'cache-control': 'private, no-store'
		}
	});
};
