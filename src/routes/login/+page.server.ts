import { fail, redirect } from '@sveltejs/kit';
import { signInAdult } from '$lib/server/sign-in/sign-in.service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { failOn } from '$lib/server/errors';
import { validateSessionToken } from '$lib/server/auth/session';
import { homeFor } from '$lib/server/home';
import { clientIp, field } from '$lib/server/http';
import { safeRedirectPath } from '$lib/server/redirects';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user)
		redirect(303, safeRedirectPath(url.searchParams.get('next'), homeFor(locals.user, null)));
	return { signedOut: url.searchParams.has('signedOut'), reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const email = field(form, 'email');
		const password = field(form, 'password');
		if (!email.trim() || !password) return fail(400, { email, error: 'auth.error.wrongPassword' });
		const { db } = await getServices();
		let result;
		try {
			result = await signInAdult(db, { email, password, ip: clientIp(event) });
		} catch (err) {
			return failOn(err, { email });
		}
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt, 'adult');
		const session = await validateSessionToken(db, result.token);
		redirect(
			303,
			safeRedirectPath(event.url.searchParams.get('next'), homeFor(session?.user ?? null, null))
		);
	}
};
