import { error } from '@sveltejs/kit';
import { isDomainError } from '$lib/server/errors';
import { requireUser } from '$lib/server/http';
import { findJudgeDrawing } from '$lib/server/judging/scoring.service';
import { getServices } from '$lib/server/services';
import { serveObject } from '$lib/server/storage/serve';
import type { RequestHandler } from './$types';

/** The stroke document of a drawn entry, for the time-lapse replay (fetched only on demand). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event, 'judge', 'organizer');
	const { db, store } = await getServices();
	let key: string;
	try {
		key = await findJudgeDrawing(db, user, event.params.roundId, event.params.handle);
	} catch (err) {
		if (isDomainError(err)) error(404, { message: 'Not found', key: 'error.notFound' });
		throw err;
	}
	return serveObject(store, key, event.request, {
		immutable: false,
		private: true,
		contentType: 'application/json',
		notFound: () => error(404, { message: 'Not found', key: 'error.notFound' })
	});
};
