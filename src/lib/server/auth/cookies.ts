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
