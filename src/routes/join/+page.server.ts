import { redirect } from '@sveltejs/kit';
import { findClassForJoin } from '$lib/server/sign-in/sign-in.service';
import { ensureDeviceId, takeLeftCookie } from '$lib/server/auth/cookies';
import { failOn } from '$lib/server/errors';
import { clientIp, field } from '$lib/server/http';
import { newId } from '$lib/server/ids';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, cookies }) => {
	if (locals.student) redirect(303, '/studio');
	// From the first step on, this browser's own mistakes count against its own budget.
	ensureDeviceId(cookies, url, newId);
	return {
		signedOut: url.searchParams.has('signedOut'),
		error: url.searchParams.get('error'),
		forgetDraftsOf: takeLeftCookie(cookies, url)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const code = field(await event.request.formData(), 'code').slice(0, 32);
		const { db } = await getServices();
		let classroom;
		try {
			classroom = await findClassForJoin(db, code, clientIp(event), {
				deviceId: ensureDeviceId(event.cookies, event.url, newId)
			});
		} catch (err) {
			return failOn(err, { code });
		}
		redirect(303, `/join/${classroom.code}`);
	}
};
