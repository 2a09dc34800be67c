import { tryAction } from '$lib/server/errors';
import { field, requireAdmin } from '$lib/server/http';
import { listSchools } from '$lib/server/schools/school.repository';
import { createSchool } from '$lib/server/schools/school.service';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireAdmin(event);
	const { db } = await getServices();
	const schools = await listSchools(db);
	return {
		schools: schools.map((s) => ({ ...s, classroom_count: Number(s.classroom_count ?? 0) }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const input = { name: field(form, 'name'), city: field(form, 'city') };
		const { db } = await getServices();
		return tryAction(async () => {
			await createSchool(db, actor, input);
			return { created: input.name.trim() };
		}, input);
	}
};
