import { fail } from '@sveltejs/kit';
import { ClassroomServiceError } from '$lib/server/classrooms/classroom.service';
import { classroomNotFound } from '$lib/server/classrooms/errors';
import { entryMediaUrl } from '$lib/server/entries/media-access';
import {
	getReviewQueue,
	reviewEntry,
	ReviewServiceError,
	type ReviewDecision,
	type ReviewEntry
} from '$lib/server/entries/review.service';
import { field, requireUser } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function withUrls(entry: ReviewEntry) {
	return {
		...entry,
		thumbUrl: entry.image ? entryMediaUrl(entry.id, 'thumb.webp') : null,
		displayUrl: entry.image ? entryMediaUrl(entry.id, 'display.webp') : null
	};
}

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event, 'teacher', 'organizer');
	event.depends('app:review-queue');
	const { db } = await getServices();
	const queue = await getReviewQueue(db, actor, event.params.id, event.locals.locale).catch(
		classroomNotFound
	);
	return {
		classroom: { id: queue.classroom.id, name: queue.classroom.name },
		uploaded: event.url.searchParams.has('uploaded'),
		waiting: queue.waiting.map(withUrls),
		processing: queue.processing.map(withUrls),
		recent: queue.recent.map(withUrls)
	};
};

async function decide(event: RequestEvent, decision: ReviewDecision) {
	const actor = requireUser(event, 'teacher', 'organizer');
	const form = await event.request.formData();
	const entryId = field(form, 'entryId');
	const title = field(form, 'title');
	const message = field(form, 'message');
	const { db } = await getServices();
	try {
		await reviewEntry(db, actor, event.params.id, entryId, decision, message);
	} catch (err) {
		if (err instanceof ClassroomServiceError) classroomNotFound(err);
		if (err instanceof ReviewServiceError)
			return fail(err.code === 'review.error.notFound' ? 404 : 400, {
				error: err.code,
				entryId,
				message
			});
		throw err;
	}
	return decision === 'approve' ? { approved: title } : { returned: title };
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	return: (event) => decide(event, 'return')
};
