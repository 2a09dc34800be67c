import { redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { createSession } from '$lib/server/auth/session';
import { localize, parseLocalized } from '$lib/server/contests/contest.service';
import { tryAction } from '$lib/server/errors';
import { field } from '$lib/server/http';
import { acceptInvite, inspectInvite, JUDGE_NAME_MAX } from '$lib/server/judging/invite.service';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

/** Looking only: opening (or a chat app previewing) the link uses nothing up. */
export const load: PageServerLoad = async (event) => {
	const { db } = await getServices();
	const seen = await inspectInvite(db, event.params.token);
	return {
		state: seen.state,
		contestTitle: seen.contestTitle
			? localize(parseLocalized(seen.contestTitle), event.locals.locale)
			: null,
		schools: seen.schools ?? [],
		signedIn: event.locals.user
			? { name: event.locals.user.displayName, role: event.locals.user.role }
			: null,
		nameMax: JUDGE_NAME_MAX
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const input = {
			displayName: field(form, 'displayName'),
			email: field(form, 'email'),
			password: field(form, 'password'),
			schoolIds: form.getAll('schoolId').filter((v): v is string => typeof v === 'string')
		};
		const { db } = await getServices();
		const current = event.locals.user;
		const accepted = await tryAction(() => acceptInvite(db, event.params.token, current, input), {
			displayName: input.displayName,
			email: input.email,
			schoolIds: input.schoolIds
		});
		if (!('roundId' in accepted)) return accepted;
		if (!current) {
			const session = await createSession(db, { kind: 'adult', userId: accepted.userId });
			setSessionCookie(event.cookies, event.url, session.token, session.expiresAt, 'adult');
		}
		redirect(303, `/judge/rounds/${accepted.roundId}`);
	}
};
