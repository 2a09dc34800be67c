import { redirect } from '@sveltejs/kit';
import { errorOn, tryAction } from '$lib/server/errors';
import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import { field, requireUser } from '$lib/server/http';
import { createRound, listRoundsForContest } from '$lib/server/judging/round.service';
import { wallTime, windowState } from '$lib/server/judging/round-dates';
import { zoneName } from '$lib/i18n/zone-name';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event, 'organizer');
	const { db } = await getServices();
	const { contest, rounds } = await listRoundsForContest(db, actor, event.params.id).catch(errorOn);
	return {
		contest: {
			id: contest.id,
			status: contest.status,
			title: localize(parseLocalized(contest.title), event.locals.locale),
			timeZone: contest.time_zone
		},
		rounds: rounds.map((r) => ({
			id: r.id,
			position: r.position,
			method: r.method,
			status: r.status,
			perEntry: r.per_entry,
			closesAt:
				r.closes_at === null
					? null
					: wallTime(
							r.closes_at,
							contest.time_zone,
							zoneName(event.locals.locale, contest.time_zone)
						),
			// Past its closing date and still open: the organizer has to close it.
			overdue: r.status === 'open' && windowState(r, Date.now()) === 'after'
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireUser(event, 'organizer');
		const form = await event.request.formData();
		const input = {
			perEntry: field(form, 'perEntry'),
			advanceKind: field(form, 'advanceKind'),
			advanceValue: field(form, 'advanceValue'),
			disagreement: field(form, 'disagreement'),
			scope: field(form, 'scope'),
			perBand: field(form, 'perBand') === 'on',
			method: field(form, 'method'),
			allowMaybe: field(form, 'allowMaybe') === 'on',
			opensAt: field(form, 'opensAt'),
			closesAt: field(form, 'closesAt')
		};
		const { db } = await getServices();
		const id = await tryAction(() => createRound(db, actor, event.params.id, input), input);
		if (typeof id !== 'string') return id;
		redirect(303, `/admin/contests/${event.params.id}/judging/${id}?created`);
	}
};
