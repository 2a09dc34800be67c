import { error } from '@sveltejs/kit';
import { getViewableDrawing, isDrawingId } from '$lib/server/drawings/drawing.service';
import { listSubmittableContests } from '$lib/server/entries/studio-contests.service';
import { ABOUT_MAX, TITLE_MAX } from '$lib/server/entries/eligibility';
import { isDomainError } from '$lib/server/errors';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { drawingId } = event.params;
	if (!isDrawingId(drawingId)) error(404, { message: 'Not found', key: 'error.notFound' });
	const { db } = await getServices();
	let drawing: { id: string; title: string; revision: number } | null = null;
	try {
		const row = await getViewableDrawing(db, { student }, drawingId);
		drawing = { id: row.id, title: row.title, revision: row.revision };
	} catch (err) {
		// Not on the server yet: the studio is still saving it from this computer.
		if (!isDomainError(err)) throw err;
	}
	const contests = drawing ? await listSubmittableContests(db, student, event.locals.locale) : [];
	return { drawingId, drawing, contests, limits: { title: TITLE_MAX, about: ABOUT_MAX } };
};
