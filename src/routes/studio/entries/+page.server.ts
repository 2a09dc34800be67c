import { listMyEntries } from '$lib/server/entries/submission.service';
import { requireStudent } from '$lib/server/http';
import { awardsOfMyEntries } from '$lib/server/judging/published-awards.service';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { db } = await getServices();
	event.depends('app:my-entries');
	event.setHeaders({ 'cache-control': 'private, no-store' });
	const locale = event.locals.locale;
	const entries = await listMyEntries(db, student, locale);
	const awards = await awardsOfMyEntries(
		db,
		student,
		entries.map((e) => e.id),
		locale
	);
	return { entries: entries.map((e) => ({ ...e, award: awards.get(e.id) ?? null })) };
};
