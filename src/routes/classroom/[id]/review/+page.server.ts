import { errorOn, failOn, isDomainError } from '$lib/server/errors';
import { entryMediaUrl } from '$lib/server/entries/media-access';
import {
	getReviewQueue,
	reviewEntry,
	type ReviewDecision,
	type ReviewEntry
} from '$lib/server/entries/review.service';
import { field, requireArea } from '$lib/server/http';
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
	const actor = requireArea(event, 'classroom');
	event.depends('app:review-queue');
	const { db } = await getServices();
	const queue = await getReviewQueue(db, actor, event.params.id, event.locals.locale).catch(
		errorOn
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
	const actor = requireArea(event, 'classroom');
	const form = await event.request.formData();
	const entryId = field(form, 'entryId');
	const title = field(form, 'title');
	const message = field(form, 'message');
	const { db } = await getServices();
	try {
		await reviewEntry(db, actor, event.params.id, entryId, decision, message);
	} catch (err) {
		// A class the teacher may not manage is a page that does not exist, not a form message.
		if (isDomainError(err) && err.code === 'classroom.error.notFound') errorOn(err);
		return failOn(err, { entryId, message });
	}
	return decision === 'approve' ? { approved: title } : { returned: title };
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	return: (event) => decide(event, 'return')
};
