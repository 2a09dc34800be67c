import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session.ts';

export const DEVICE_COOKIE = 'sprout_device';

/**
 * Adults get a persistent cookie matching the session's expiry. Children get a browser
 * session cookie: on a shared PC, closing the browser is one more way the next child
 * does not inherit the previous one's sign-in.
 */
export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: number,
	kind: 'adult' | 'student'
): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		...(kind === 'adult' ? { expires: new Date(expiresAt) } : {})
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
}

/**
 * Who just signed out of this browser, for the page they land on (/join): it forgets their
 * drawings that are safely on the server, also after a sign-out from a page without hydration.
 * A minute is plenty for one redirect; the value is the child's own id, in their own browser.
 */
const LEFT_COOKIE = 'sprout_left';
const LEFT_OPTIONS = { path: '/join', httpOnly: true, sameSite: 'lax', maxAge: 60 } as const;
const STUDENT_ID = /^[a-z2-7]{16}$/;

export function setLeftCookie(cookies: Cookies, url: URL, studentId: string): void {
	cookies.set(LEFT_COOKIE, studentId, { ...LEFT_OPTIONS, secure: url.protocol === 'https:' });
}

/** The child who just signed out of this browser, once; null when none. */
export function takeLeftCookie(cookies: Cookies, url: URL): string | null {
	const value = cookies.get(LEFT_COOKIE);
	if (value === undefined) return null;
	cookies.delete(LEFT_COOKIE, { path: LEFT_OPTIONS.path, secure: url.protocol === 'https:' });
	return STUDENT_ID.test(value) ? value : null;
}

const DEVICE_ID = /^[a-z2-7]{16}$/;

/** A long-lived random id per browser, only used to count that browser's failed tries. */
export function ensureDeviceId(cookies: Cookies, url: URL, newId: () => string): string {
	const existing = cookies.get(DEVICE_COOKIE);
	if (existing && DEVICE_ID.test(existing)) return existing;
	const id = newId();
	cookies.set(DEVICE_COOKIE, id, {
		path: '/join',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	return id;
}
