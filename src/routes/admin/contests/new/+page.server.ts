import { fail, redirect } from '@sveltejs/kit';
import { listSchools } from '$lib/server/schools/school.repository';
import { createContest } from '$lib/server/contests/contest.service';
import { CONTEST_TIME_ZONES } from '$lib/server/contests/time-zone';
import { requireUser } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { blankContestInput, contestInputFromForm } from '../contest-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireUser(event, 'organizer');
	const { db } = await getServices();
	const schools = await listSchools(db);
	return {
		values: blankContestInput(),
		schools: schools.map((s) => ({ id: s.id, name: s.name, city: s.city })),
		timeZones: [...CONTEST_TIME_ZONES]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event, 'organizer');
		const input = contestInputFromForm(await event.request.formData());
		const { db } = await getServices();
		const result = await createContest(db, actor, input);
		if (!result.ok) return fail(400, { ...input, error: result.error, params: result.params });
		redirect(303, `/admin/contests/${result.id}?created=1`);
	}
};
