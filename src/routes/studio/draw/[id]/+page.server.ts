import { error } from '@sveltejs/kit';
import { ART_BOARD, type BoardSize } from '$lib/draw/document';
import { studioContestsFor } from '$lib/server/contests/studio-contests';
import { hasServerCopy } from '$lib/server/drawings/drawing.service';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

/** Drawing ids are generated client-side; anything else is not a drawing of ours. */
const DRAWING_ID = /^[a-z0-9-]{1,40}$/;

/** The paper a new drawing starts on; a drawing that already exists keeps its own. */
export interface StartPaper {
	board: BoardSize;
	/** Path of the contest's colouring page, or null for blank paper. */
	template: string | null;
}

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { id } = event.params;
	if (!DRAWING_ID.test(id)) error(404, { message: 'Not found', key: 'error.notFound' });
	const params = event.url.searchParams;
	const start: StartPaper = {
		board: ART_BOARD[params.get('orientation') === 'portrait' ? 'portrait' : 'landscape'],
		template: null
	};
	const { db } = await getServices();
	const contests = await studioContestsFor(db, student, event.locals.locale);
	const contestId = params.get('contest');
	if (contestId) {
		// Only a contest open to this child sets the paper; any other id is plain paper.
		const contest = contests.find((c) => c.id === contestId);
		if (contest) {
			start.board = contest.board;
			const templateId = params.get('template');
			start.template = contest.templates.find((t) => t.id === templateId)?.url ?? null;
		}
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
