import { studioContestsFor } from '$lib/server/entries/studio-contests.service';
import { listMyDrawings } from '$lib/server/drawings/drawing.service';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { db } = await getServices();
	// The safe copies on the server; the page merges them with drafts waiting on this computer.
	const drawings = (await listMyDrawings(db, student)).map((d) => ({
		id: d.id,
		title: d.title,
		revision: d.revision,
		updatedAt: d.updated_at,
		hasThumbnail: d.thumb_key !== null
	}));
	const contests = await studioContestsFor(db, student, event.locals.locale);
	return {
		pseudonym: student.pseudonym,
		avatar: student.avatar,
		studentId: student.id,
		drawings,
		contests
	};
};
