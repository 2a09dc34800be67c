import { error, fail } from '@sveltejs/kit';
import { isContestStatus } from '$lib/server/contests/lifecycle';
import { formatAgeBands } from '$lib/server/contests/age-bands';
import {
	getContestForEdit,
	transitionContest,
	updateContest
} from '$lib/server/contests/contest.service';
import { CONTEST_TIME_ZONES } from '$lib/server/contests/time-zone';
import { listSchools } from '$lib/server/schools/school.repository';
import { field, requireUser } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { contestInputFromForm } from '../contest-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event, 'organizer');
	const { db } = await getServices();
	const contest = await getContestForEdit(db, actor, event.params.id);
	if (!contest) error(404, { message: 'Not found', key: 'contests.error.notFound' });
	const schools = await listSchools(db);
	return {
		id: contest.id,
		status: contest.status,
		nextSteps: [...contest.nextSteps],
		isEditable: contest.isEditable,
		created: event.url.searchParams.has('created'),
		values: {
			title: contest.title,
			theme: contest.theme,
			brief: contest.brief,
			rules: contest.rules,
			ageBands: formatAgeBands(contest.ageBands),
			schoolIds: contest.schoolIds,
			timeZone: contest.timeZone,
			opensAt: contest.opensAt,
			closesAt: contest.closesAt,
			entriesPerChild: String(contest.entriesPerChild),
			boardOrientation: contest.boardOrientation,
			allowStudio: contest.allowStudio,
			allowUpload: contest.allowUpload
		},
		schools: schools.map((s) => ({ id: s.id, name: s.name, city: s.city })),
		timeZones: [...CONTEST_TIME_ZONES]
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireUser(event, 'organizer');
		const input = contestInputFromForm(await event.request.formData());
		const { db } = await getServices();
		const result = await updateContest(db, actor, event.params.id, input);
		if (!result.ok) return fail(400, { ...input, error: result.error, params: result.params });
		return { saved: true };
	},
	transition: async (event) => {
		const actor = requireUser(event, 'organizer');
		const to = field(await event.request.formData(), 'to');
		if (!isContestStatus(to))
			return fail(400, { transitionError: 'contests.error.transition.notAllowed' });
		const { db } = await getServices();
		const result = await transitionContest(db, actor, event.params.id, to);
		if (!result.ok) return fail(400, { transitionError: result.error });
		return { transitioned: to };
	}
};
