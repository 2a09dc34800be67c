import { error } from '@sveltejs/kit';
import { ART_BOARD } from '$lib/draw/document';
import {
	startPaperFor,
	studioContestsFor,
	type StartPaper
} from '$lib/server/entries/studio-contests.service';
import { hasServerCopy } from '$lib/server/drawings/drawing.service';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** Drawing ids are generated client-side; anything else is not a drawing of ours. */
const DRAWING_ID = /^[a-z0-9-]{1,40}$/;

export type { StartPaper };

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { id } = event.params;
	if (!DRAWING_ID.test(id)) error(404, { message: 'Not found', key: 'error.notFound' });
	const params = event.url.searchParams;
	// A drawing that already exists keeps its own paper; this is only for a new one.
	let start: StartPaper = {
		board: ART_BOARD[params.get('orientation') === 'portrait' ? 'portrait' : 'landscape'],
		template: null
	};
	const { db } = await getServices();
	const contests = await studioContestsFor(db, student, event.locals.locale);
	const contestId = params.get('contest');
	if (contestId) {
		start = (await startPaperFor(db, student, contestId, params.get('template'))) ?? start;
	}
	return {
		id,
		studentId: student.id,
		start,
		onServer: await hasServerCopy(db, student, id),
		// "Enter a contest" becomes the editor's main button while the child still has a place.
		canSubmit: contests.some((c) => c.entriesLeft > 0)
	};
};
