import { redirect } from '@sveltejs/kit';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie, setLeftCookie } from '$lib/server/auth/cookies';
import { getServices } from '$lib/server/services';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies, url }) => {
	const wasStudent = !!locals.student;
	if (locals.sessionId) await invalidateSession((await getServices()).db, locals.sessionId);
	deleteSessionCookie(cookies, url);
	if (locals.student) setLeftCookie(cookies, url, locals.student.id);
	redirect(303, wasStudent ? '/join?signedOut=1' : '/login?signedOut=1');
};
