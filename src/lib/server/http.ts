import type { RequestEvent } from '@sveltejs/kit';
import type { Role } from './db/schema.ts';
import type { SessionUser } from './auth/session.ts';
import { mayEnter, type Area } from './auth/areas.ts';
import { error } from '@sveltejs/kit';

/** Client address; adapter-node honours ADDRESS_HEADER/XFF_DEPTH behind a proxy. */
export function clientIp(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * Every load, action and endpoint calls one of these, even under a hook-gated prefix:
 * a layout or hook check alone protects neither actions nor endpoints.
 */
export function requireUser(event: RequestEvent, ...roles: Role[]): SessionUser {
	const user = event.locals.user;
	if (!user) error(401, { message: 'Sign-in required', key: 'auth.error.forbidden' });
	if (roles.length > 0 && !roles.includes(user.role))
		error(403, { message: 'Forbidden', key: 'error.forbidden' });
	return user;
}

/** Signed in, and admitted to the area by the same table the hook gates it with. */
export function requireArea(event: RequestEvent, area: Area): SessionUser {
	const user = requireUser(event);
	if (!mayEnter(area, user)) error(403, { message: 'Forbidden', key: 'error.forbidden' });
	return user;
}

export function requireAdmin(event: RequestEvent): SessionUser {
	const user = requireUser(event, 'organizer');
	if (!user.isAdmin) error(403, { message: 'Forbidden', key: 'error.forbidden' });
	return user;
}

export function requireStudent(event: RequestEvent) {
	const student = event.locals.student;
	if (!student) error(401, { message: 'Sign-in required', key: 'auth.error.forbidden' });
	return student;
}

/** Reads a text field; anything else (a file, a missing field) reads as ''. */
export function field(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
