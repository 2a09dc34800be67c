import { fail, redirect } from '@sveltejs/kit';
import { findClassForJoin } from '$lib/server/auth/auth.service';
import { clientIp, field } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.student) redirect(303, '/studio');
	return { signedOut: url.searchParams.has('signedOut'), error: url.searchParams.get('error') };
};

export const actions: Actions = {
	default: async (event) => {
		const code = field(await event.request.formData(), 'code').slice(0, 32);
		const { db } = await getServices();
		const result = await findClassForJoin(db, code, clientIp(event));
		if (!result.ok)
			return fail(result.error === 'auth.error.joinTooManyTries' ? 429 : 400, {
				code,
				error: result.error
			});
		redirect(303, `/join/${result.classroom.code}`);
	}
};
