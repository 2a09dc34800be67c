import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { BASE_URL, DEMO, rawRequest, useAdult } from './helpers.ts';

/**
 * What a browser's plain (no-JavaScript) form post sends: same-site Origin and an HTML Accept.
 * Without `accept: text/html` SvelteKit answers form actions as JSON for `use:enhance`.
 */
const ORIGIN = { origin: BASE_URL, accept: 'text/html' };
const EN = { 'accept-language': 'en' };

/** A 500 page would say so: the error page's generic text, or SvelteKit's "Internal Error". */
async function expectNoServerError(response: APIResponse, what: string): Promise<string> {
	expect(response.status(), `${what}: status`).toBeLessThan(500);
	const body = await response.text();
	expect(body, what).not.toMatch(/Internal error|An unexpected error happened|\bat .*\.js:\d+/);
	return body;
}

function setCookies(response: APIResponse): string[] {
	return response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value);
}

/** Signs an adult in over HTTP; the request context keeps the session cookie. */
async function signIn(request: APIRequestContext, role: 'teacher' | 'organizer') {
	const response = await request.post('/login', {
		form: { email: DEMO[role].email, password: DEMO[role].password },
		headers: ORIGIN,
		maxRedirects: 0
	});
	expect(response.status(), `${role} sign-in`).toBe(303);
	expect(setCookies(response).some((c) => c.startsWith('sprout_session='))).toBe(true);
}

test.describe('bad input', () => {
	const malformed: Record<string, string> = {
		'an empty session cookie': 'sprout_session=',
		'10 KB of garbage': `sprout_session=${'x%00<>"\'\\'.repeat(1024)}`,
		'two session cookies': 'sprout_session=abc; sprout_session=def.ghi',
		'a well-formed but unknown token': `sprout_session=${'a'.repeat(16)}.${'b'.repeat(32)}`,
		'a token with the right id but wrong secret shape': `sprout_session=${'a'.repeat(16)}.${'!'.repeat(32)}`
	};
	for (const [what, cookie] of Object.entries(malformed)) {
		test(`${what}: pages still render, anonymously`, async ({ request }) => {
			for (const path of ['/', '/login', '/join']) {
				const response = await request.get(path, {
					headers: { cookie, ...EN },
					maxRedirects: 0
				});
				expect(response.status(), `${path} with ${what}`).toBe(200);
				const body = await expectNoServerError(response, `${path} with ${what}`);
				// Anonymous: the sign-in links, no sign-out button.
				expect(body).toContain('Teacher &amp; judge sign-in');
				expect(body).not.toContain('Sign out');
			}
			// A protected page sends the visitor to sign in instead of failing.
			const classroom = await request.get('/classroom', {
				headers: { cookie, ...EN },
				maxRedirects: 0
			});
			expect(classroom.status()).toBe(303);
			expect(classroom.headers()['location']).toBe('/login?next=%2Fclassroom');
			const studio = await request.get('/studio', { headers: { cookie }, maxRedirects: 0 });
			expect(studio.status()).toBe(303);
			expect(studio.headers()['location']).toBe('/join');
		});
	}

	test('an invalid session cookie is cleared', async ({ request }) => {
		const response = await request.get('/', {
			headers: { cookie: `sprout_session=${'a'.repeat(16)}.${'b'.repeat(32)}` }
		});
		const cleared = setCookies(response).find((c) => c.startsWith('sprout_session='));
		expect(cleared).toMatch(/^sprout_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);
	});

	test('a cross-site form POST to /login is refused with 403 and signs nobody in', async ({
		request
	}) => {
		const response = await request.post('/login', {
			form: { email: DEMO.teacher.email, password: DEMO.teacher.password },
			headers: { origin: 'https://evil.example', ...EN },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		// SvelteKit's own CSRF check answers form posts before the hook (in English, plain text);
		// the hook's translated answer covers the other content types (below).
		expect(await response.text()).toMatch(/This request came from another website/);
		expect(setCookies(response).filter((c) => c.startsWith('sprout_session='))).toEqual([]);

		// A cross-site JSON post gets the hook's translated refusal.
		const json = await request.post('/login', {
			data: { email: DEMO.teacher.email, password: DEMO.teacher.password },
			headers: { origin: 'https://evil.example', ...EN },
			maxRedirects: 0
		});
		expect(json.status()).toBe(403);
		expect(await json.text()).toBe('This request came from another website and was refused.');
		expect(setCookies(json).filter((c) => c.startsWith('sprout_session='))).toEqual([]);

		// Browsers' Sec-Fetch-Site alone is enough to refuse it, whatever the Origin says.
		const fetchSite = await request.post('/login', {
			form: { email: DEMO.teacher.email, password: DEMO.teacher.password },
			headers: { ...ORIGIN, 'sec-fetch-site': 'cross-site' },
			maxRedirects: 0
		});
		expect(fetchSite.status()).toBe(403);
		expect(setCookies(fetchSite).filter((c) => c.startsWith('sprout_session='))).toEqual([]);
	});

	test('POST /lang with an invalid locale redirects and sets nothing', async ({ request }) => {
		for (const locale of ['xx', '', '../../etc', 'zh-CN\r\nSet-Cookie: evil=1']) {
			const response = await request.post('/lang', {
				form: { locale, redirect: '/login' },
				headers: ORIGIN,
				maxRedirects: 0
			});
			expect(response.status(), `locale ${JSON.stringify(locale)}`).toBe(303);
			expect(response.headers()['location']).toBe('/login');
			expect(setCookies(response).filter((c) => c.startsWith('sprout_lang='))).toEqual([]);
		}
		// An off-site redirect target is replaced by the home page.
		const offsite = await request.post('/lang', {
			form: { locale: 'fr', redirect: '//evil.example/x' },
			headers: ORIGIN,
			maxRedirects: 0
		});
		expect(offsite.status()).toBe(303);
		expect(offsite.headers()['location']).toBe('/');
		// A body that is not a form at all.
		const garbage = await request.post('/lang', {
			data: '\u0000\u0001not a form',
			headers: { ...ORIGIN, 'content-type': 'application/octet-stream' },
			maxRedirects: 0
		});
		expect(garbage.status()).toBe(303);
	});

	test('a teacher posting a forged role=organizer / isAdmin=on to /admin/users gets 403', async ({
		playwright,
		page,
		browser,
		context
	}) => {
		const email = `forged-${Date.now()}@sprout.test`;
		const teacher = await playwright.request.newContext({ baseURL: BASE_URL });
		await signIn(teacher, 'teacher');
		const response = await teacher.post('/admin/users?/create', {
			form: {
				email,
				displayName: 'Forged Admin',
				role: 'organizer',
				isAdmin: 'on',
				password: 'forged-password-123'
			},
			headers: { ...ORIGIN, ...EN },
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		expect(await response.text()).toContain('You are not allowed to see this page.');
		// The enhanced-form variant (JSON answer) is refused the same way.
		const json = await teacher.post('/admin/users?/create', {
			form: {
				email,
				displayName: 'Forged Admin',
				role: 'organizer',
				isAdmin: 'on',
				password: 'forged-password-123'
			},
			headers: { ...ORIGIN, accept: 'application/json', 'x-sveltekit-action': 'true' },
			maxRedirects: 0
		});
		expect(json.status()).toBe(403);
		await teacher.dispose();

		// Nothing was created: the organizer's user list does not know that email.
		await useAdult(browser, context, 'organizer');
		await page.goto('/admin/users');
		const users = page.getByRole('table', { name: 'Users' });
		await expect(users.getByText(DEMO.teacher.email)).toBeVisible();
		await expect(users.getByText(email)).toHaveCount(0);
		await expect(users.getByText('Forged Admin')).toHaveCount(0);
	});

	test("forged role fields on a teacher's own form gain nothing", async ({ playwright }) => {
		// A teacher posting to their own area with extra role fields gains nothing.
		const teacher = await playwright.request.newContext({ baseURL: BASE_URL });
		await signIn(teacher, 'teacher');
		const forged = await teacher.post('/classroom?/create', {
			form: { name: 'Forged', schoolId: 'no-such-school', role: 'organizer', isAdmin: 'on' },
			headers: { ...ORIGIN, ...EN },
			maxRedirects: 0
		});
		expect(forged.status()).toBe(400);
		expect(await forged.text()).toContain('Choose a school.');
		const admin = await teacher.get('/admin', { maxRedirects: 0, headers: EN });
		expect(admin.status()).toBe(403);
		await teacher.dispose();
	});

	test('path traversal on /objects answers 404 with no file content', async ({ request }) => {
		const paths = [
			'/objects/..%2f..%2fetc%2fpasswd',
			'/objects/public/..%2F..%2Fpackage.json',
			'/objects/%2e%2e/x',
			'/objects/public/%2e%2e/%2e%2e/package.json',
			'/objects/public/..%5c..%5cpackage.json',
			'/objects/public/%00.png',
			'/objects/../../etc/passwd'
		];
		for (const path of paths) {
			// Exactly as written (no client-side clean-up of the dots)…
			const raw = await rawRequest(path);
			expect(raw.status, `${path} (raw)`).toBe(404);
			expect(raw.body, path).not.toMatch(/root:|"name": "sprout"|devDependencies/);
			// …and through Playwright's request client.
			const response = await request.get(path);
			expect(response.status(), `${path} (request)`).toBe(404);
			expect(await response.text(), path).not.toMatch(/root:|"name": "sprout"|devDependencies/);
		}
	});

	test('/healthz answers 200 JSON with database and storage ok', async ({ request }) => {
		const response = await request.get('/healthz');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/json');
		expect(response.headers()['cache-control']).toBe('no-store');
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok', storage: 'ok' });
	});

	test('an unknown URL answers the translated 404 page', async ({ request }) => {
		const en = await request.get('/no/such/page', { headers: EN });
		expect(en.status()).toBe(404);
		const body = await en.text();
		expect(body).toContain('This page does not exist.');
		expect(body).toContain('<html lang="en">');

		const fr = await request.get('/no/such/page', { headers: { 'accept-language': 'fr' } });
		expect(fr.status()).toBe(404);
		expect(await fr.text()).toContain('Cette page n’existe pas.');

		const zh = await request.get('/no/such/page', { headers: { 'accept-language': 'zh-CN' } });
		expect(await zh.text()).toContain('找不到这个页面。');
	});

	test('a very long class code gets a clear message, not a 500', async ({ request }) => {
		const code = 'A'.repeat(5_000);
		const posted = await request.post('/join', {
			form: { code },
			headers: { ...ORIGIN, ...EN },
			maxRedirects: 0
		});
		expect(posted.status()).toBe(400);
		const body = await expectNoServerError(posted, 'long code');
		expect(body).toContain('We could not find that class code');

		// The same in the URL (a QR code or a typed link).
		const inUrl = await request.get(`/join/${code}`, { headers: EN, maxRedirects: 0 });
		expect(inUrl.status()).toBe(303);
		expect(inUrl.headers()['location']).toBe('/join?error=auth.error.unknownClassCode');
		const followed = await request.get(inUrl.headers()['location']!, { headers: EN });
		expect(followed.status()).toBe(200);
		expect(await followed.text()).toContain('We could not find that class code');

		// And an unknown student id under a real class code is a clean 404.
		const student = await request.get(`/join/${DEMO.classroom.code}/${'z'.repeat(300)}`, {
			headers: EN
		});
		expect(student.status()).toBe(404);
		expect(await student.text()).toContain('We could not find that name.');
	});

	test('an unknown ?error= on /join shows a generic message, never raw text', async ({
		request
	}) => {
		const response = await request.get('/join?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E', {
			headers: EN
		});
		expect(response.status()).toBe(200);
		const body = await response.text();
		expect(body).not.toContain('<script>alert(1)</script>');
		expect(body).toContain('An unexpected error happened. Please try again later.');
	});

	test('20 wrong passwords for one email end in "Too many attempts"', async ({ request }) => {
		// A throwaway address no account uses, so no real person is locked out.
		const email = `nobody-${Date.now()}@sprout.test`;
		const statuses: number[] = [];
		let last = '';
		for (let i = 0; i < 20; i++) {
			const response = await request.post('/login', {
				form: { email, password: `wrong-${i}` },
				headers: { ...ORIGIN, ...EN },
				maxRedirects: 0
			});
			statuses.push(response.status());
			last = await response.text();
			expect(setCookies(response).filter((c) => c.startsWith('sprout_session='))).toEqual([]);
		}
		expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
		expect(statuses.slice(10)).toEqual(Array(10).fill(429));
		expect(last).toContain('Too many attempts. Please wait 15 minutes and try again.');
		// Other adults are not affected: the demo teacher still signs in.
		await signIn(request, 'teacher');
	});
});
