import { error, redirect } from '@sveltejs/kit';
import { PICTURE_PASSWORD_LENGTH, isPictureId } from '$lib/pictures';
import { findClassForJoin, signInStudent } from '$lib/server/sign-in/sign-in.service';
import { ensureDeviceId, setSessionCookie } from '$lib/server/auth/cookies';
import { findStudentInClassroom } from '$lib/server/classrooms/classroom.repository';
import { failOn, isDomainError } from '$lib/server/errors';
import { clientIp, field } from '$lib/server/http';
import { newId } from '$lib/server/ids';
import { getServices } from '$lib/server/services';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function loadStudent(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const { db } = await getServices();
	const classroom = await findClassForJoin(db, event.params.code, clientIp(event), {
		deviceId: ensureDeviceId(event.cookies, event.url, newId)
	}).catch((err: unknown) => {
		if (isDomainError(err)) redirect(303, `/join?error=${err.code}`);
		throw err;
	});
	const student = await findStudentInClassroom(db, classroom.id, event.params.student);
	if (!student) error(404, { message: 'Unknown student', key: 'auth.error.unknownStudent' });
	return { db, classroom, student };
}

export const load: PageServerLoad = async (event) => {
	if (event.locals.student) redirect(303, '/studio');
	const { classroom, student } = await loadStudent(event);
	ensureDeviceId(event.cookies, event.url, newId);
	return {
		classroom: { name: classroom.name, code: classroom.code },
		student: {
			pseudonym: student.pseudonym,
			avatar: student.avatar,
			secretKind: student.secret_kind
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const { db, classroom, student } = await loadStudent(event);
		let secret = field(form, 'secret').slice(0, 64);
		if (student.secret_kind === 'picture' && !secret) {
			// Without JavaScript each picture is its own submit button: collect picks one by one.
			const picks = field(form, 'seq').split('-').filter(isPictureId);
			const pick = field(form, 'pick');
			if (isPictureId(pick)) picks.push(pick);
			if (picks.length < PICTURE_PASSWORD_LENGTH) return { seq: picks.join('-') };
			secret = picks.slice(0, PICTURE_PASSWORD_LENGTH).join('-');
		}
		let result;
		try {
			result = await signInStudent(db, {
				classroomId: classroom.id,
				studentId: student.id,
				secret,
				ip: clientIp(event),
				deviceId: ensureDeviceId(event.cookies, event.url, newId)
			});
		} catch (err) {
			return failOn(err, { seq: '' });
		}
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt, 'student');
		redirect(303, '/studio');
	}
};
