import { redirect } from '@sveltejs/kit';
import { failOn } from '$lib/server/errors';
import { listSchools } from '$lib/server/schools/school.repository';
import { createContest } from '$lib/server/contests/contest.service';
import { CONTEST_TIME_ZONES } from '$lib/server/contests/time-zone';
import { requireArea } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { blankContestInput, contestInputFromForm } from '../contest-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireArea(event, 'admin');
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
		const actor = requireArea(event, 'admin');
		const input = contestInputFromForm(await event.request.formData());
		const { db } = await getServices();
		let id: string;
		try {
			id = await createContest(db, actor, input);
		} catch (err) {
			return failOn(err, { ...input });
		}
		redirect(303, `/admin/contests/${id}?created=1`);
	}
};
