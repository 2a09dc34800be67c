import { redirect } from '@sveltejs/kit';
import { findClassForJoin } from '$lib/server/sign-in/sign-in.service';
import { listStudentsForJoin } from '$lib/server/classrooms/classroom.repository';
import { ensureDeviceId } from '$lib/server/auth/cookies';
import { isDomainError } from '$lib/server/errors';
import { clientIp } from '$lib/server/http';
import { newId } from '$lib/server/ids';
import { getServices } from '$lib/server/services';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	if (event.locals.student) redirect(303, '/studio');
	const { db } = await getServices();
	const classroom = await findClassForJoin(db, event.params.code, clientIp(event), {
		deviceId: ensureDeviceId(event.cookies, event.url, newId)
	}).catch((err: unknown) => {
		if (isDomainError(err)) redirect(303, `/join?error=${err.code}`);
		throw err;
	});
	const students = await listStudentsForJoin(db, classroom.id);
	return {
		classroom: { name: classroom.name, code: classroom.code },
		students: students.map((s) => ({ id: s.id, pseudonym: s.pseudonym, avatar: s.avatar }))
	};
};
