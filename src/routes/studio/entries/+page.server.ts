import { listMyEntries } from '$lib/server/entries/submission.service';
import { requireStudent } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const student = requireStudent(event);
	const { db } = await getServices();
	event.depends('app:my-entries');
	event.setHeaders({ 'cache-control': 'private, no-store' });
	return { entries: await listMyEntries(db, student, event.locals.locale) };
};
