import { fail } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { failAs, failOn, isDomainError, tryAction } from '$lib/server/errors';
import { issuePasswordReset } from '$lib/server/users/password-reset.service';
import { field, requireAdmin } from '$lib/server/http';
import { listSchools } from '$lib/server/schools/school.repository';
import { listTeacherSchoolPairs } from '$lib/server/schools/teacher-school.repository';
import { setTeacherSchools } from '$lib/server/schools/teacher-school.service';
import { getServices } from '$lib/server/services';
import { listUsers } from '$lib/server/users/user.repository';
import { createUser, setDisabled } from '$lib/server/users/user.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireAdmin(event);
	const { db } = await getServices();
	const [users, schools, pairs] = await Promise.all([
		listUsers(db),
		listSchools(db),
		listTeacherSchoolPairs(db)
	]);
	return {
		me: actor.id,
		schools: schools.map((s) => ({ id: s.id, name: s.name, city: s.city })),
		/** Teacher id → ids of the schools they work at. */
		schoolsOf: pairs.reduce<Record<string, string[]>>((acc, p) => {
			(acc[p.teacher_id] ??= []).push(p.school_id);
			return acc;
		}, {}),
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
			return failOn(err, echo);
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
			return failAs(err, 'status');
		}
	},
	setSchools: async (event) => {
		const actor = requireAdmin(event);
		const form = await event.request.formData();
		const teacherId = field(form, 'teacherId');
		const schoolIds = form.getAll('schoolId').filter((v): v is string => typeof v === 'string');
		const { db } = await getServices();
		return tryAction(
			async () => {
				await setTeacherSchools(db, actor, teacherId, schoolIds);
				return { schoolsSaved: teacherId };
			},
			{ schoolsTeacher: teacherId }
		);
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
