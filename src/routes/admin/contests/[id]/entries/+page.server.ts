import { errorOn, failOn } from '$lib/server/errors';
import {
	disqualifyEntry,
	ENTRY_STATUSES,
	getEntryForAdmin,
	listEntriesForAdmin,
	parseEntryFilter
} from '$lib/server/entries/organizer-entries.service';
import { entryMediaUrl } from '$lib/server/entries/media-access';
import { field, requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireArea(event, 'admin');
	const { db } = await getServices();
	const filter = parseEntryFilter(event.url.searchParams);
	const result = await listEntriesForAdmin(
		db,
		actor,
		event.params.id,
		filter,
		event.locals.locale
	).catch(errorOn);
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
		const actor = requireArea(event, 'admin');
		const form = await event.request.formData();
		const entryId = field(form, 'entryId');
		const reason = field(form, 'reason');
		const { db } = await getServices();
		try {
			await disqualifyEntry(db, actor, event.params.id, entryId, reason);
		} catch (err) {
			return failOn(err, { entryId, reason });
		}
		return { disqualified: field(form, 'title') };
	}
};
