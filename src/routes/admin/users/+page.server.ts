import { fail } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { isDomainError } from '$lib/server/errors';
import { issuePasswordReset } from '$lib/server/users/password-reset.service';
import { field, requireAdmin } from '$lib/server/http';
import { getServices } from '$lib/server/services';
import { listUsers } from '$lib/server/users/user.repository';
import { createUser, setDisabled, UserServiceError } from '$lib/server/users/user.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdmin(event);
	const { db } = await getServices();
	const users = await listUsers(db);
	return {
		me: actor.id,
		users: users.map((u) => ({
			id: u.id,
			email: u.email,
			displayName: u.display_name,
			role: u.role,
			isAdmin: u.is_admin === 1,
			disabled: u.disabled_at !== null
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const input = {
			email: field(form, 'email'),
			displayName: field(form, 'displayName'),
			role: field(form, 'role'),
			isAdmin: field(form, 'isAdmin') === 'on',
			password: field(form, 'password')
		};
		const echo = {
			email: input.email,
			displayName: input.displayName,
			role: input.role,
			isAdmin: input.isAdmin
		};
		try {
			const { db } = await getServices();
			await createUser(db, actor, input);
			return { created: input.email.trim().toLowerCase() };
		} catch (err) {
			if (err instanceof UserServiceError) return fail(400, { ...echo, error: err.code });
			throw err;
		}
	},
	setStatus: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		try {
			const { db } = await getServices();
			await setDisabled(db, actor, field(form, 'userId'), field(form, 'disabled') === '1');
			return { changed: field(form, 'email') };
		} catch (err) {
			if (err instanceof UserServiceError) return fail(400, { statusError: err.code });
			throw err;
		}
	},
	resetLink: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const { db, config } = await getServices();
		try {
			const reset = await issuePasswordReset(db, actor, field(form, 'userId'));
			const url = `${config.origin ?? event.url.origin}/reset/${reset.token}`;
			return {
				reset: {
					name: field(form, 'displayName'),
					email: reset.email,
					url,
					expiresAt: reset.expiresAt,
					// Server-rendered like the class cards' QR: scanned from the admin's screen.
					qrSvg: renderSVG(url, { border: 1, ecc: 'M' })
				}
			};
		} catch (err) {
			if (isDomainError(err)) return fail(err.status, { resetError: err.code });
			throw err;
		}
	}
};
