import { error, fail } from '@sveltejs/kit';
import {
	disqualifyEntry,
	ENTRY_STATUSES,
	getEntryForAdmin,
	listEntriesForAdmin,
	parseEntryFilter
} from '$lib/server/entries/organizer-entries.service';
import { entryMediaUrl } from '$lib/server/entries/media-access';
import { ReviewServiceError } from '$lib/server/entries/review.service';
import { field, requireUser } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event, 'organizer');
	const { db } = await getServices();
	const filter = parseEntryFilter(event.url.searchParams);
	const result = await listEntriesForAdmin(db, actor, event.params.id, filter, event.locals.locale);
	if (!result) error(404, { message: 'Not found', key: 'contests.error.notFound' });
	const openId = event.url.searchParams.get('entry');
	const opened = openId ? await getEntryForAdmin(db, actor, event.params.id, openId) : null;
	const withUrls = <T extends { id: string; image: unknown }>(e: T) => ({
		...e,
		thumbUrl: e.image ? entryMediaUrl(e.id, 'thumb.webp') : null,
		displayUrl: e.image ? entryMediaUrl(e.id, 'display.webp') : null
	});
	return {
		contest: result.contest,
		filter: {
			status: filter.status ?? '',
			school: filter.schoolId ?? '',
			band: filter.ageBandId ?? ''
		},
		opened: opened ? withUrls(opened) : null,
		statuses: [...ENTRY_STATUSES],
		schools: result.schools,
		ageBands: result.ageBands,
		entries: result.entries.map(withUrls)
	};
};

export const actions: Actions = {
	disqualify: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const entryId = field(form, 'entryId');
		const reason = field(form, 'reason');
		const { db } = await getServices();
		try {
			await disqualifyEntry(db, actor, event.params.id, entryId, reason);
		} catch (err) {
			if (err instanceof ReviewServiceError)
				return fail(err.code === 'review.error.notFound' ? 404 : 400, {
					error: err.code,
					entryId,
					reason
				});
			throw err;
		}
		return { disqualified: field(form, 'title') };
	}
};
