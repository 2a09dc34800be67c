import { redirect } from '@sveltejs/kit';
import { errorOn, failOn } from '$lib/server/errors';
import { field } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { completePasswordReset, openPasswordReset } from '$lib/server/users/password-reset.service';
import type { Actions, PageServerLoad } from './$types';

// The token is in the URL: never hand it to another site in a Referer, never cache the page.
const PRIVATE = { 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

export const load: PageServerLoad = async (event) => {
	event.setHeaders(PRIVATE);
	const { db } = await getServices();
	const reset = await openPasswordReset(db, event.params.token).catch(errorOn);
	return { email: reset.email };
};

export const actions: Actions = {
	default: async (event) => {
		event.setHeaders(PRIVATE);
		const form = await event.request.formData();
		const { db } = await getServices();
		try {
			await completePasswordReset(db, event.params.token, {
				password: field(form, 'password'),
				confirm: field(form, 'confirm')
			});
		} catch (err) {
			return failOn(err);
		}
		redirect(303, '/login?reset=1');
	}
};
