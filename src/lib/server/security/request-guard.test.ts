import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { guardFormBody } from './form-body.ts';
import { refusalResponse, refusedOrigin } from './request-guard.ts';

const ORIGIN = 'https://sprout.school.example';
const post = (headers: Record<string, string>, method = 'POST') =>
	new Request(`${ORIGIN}/join`, { method, headers });

describe('refusedOrigin', () => {
	it('lets safe methods through whatever they carry', () => {
		expect(refusedOrigin(new Request(`${ORIGIN}/`), ORIGIN)).toBeNull();
		expect(
			refusedOrigin(
				new Request(`${ORIGIN}/`, { headers: { origin: 'https://evil.example' } }),
				ORIGIN
			)
		).toBeNull();
	});

	it('refuses unsafe requests that carry neither Origin nor Sec-Fetch-Site', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			expect(refusedOrigin(post({}, method), ORIGIN), method).toBe('security.error.noOrigin');
		}
	});

	it('accepts either header when it says the request is ours', () => {
		expect(refusedOrigin(post({ origin: ORIGIN }), ORIGIN)).toBeNull();
		expect(refusedOrigin(post({ 'sec-fetch-site': 'same-origin' }), ORIGIN)).toBeNull();
		expect(refusedOrigin(post({ 'sec-fetch-site': 'none' }), ORIGIN)).toBeNull();
	});

	it('refuses another origin or a cross-site fetch, whatever the other header says', () => {
		expect(refusedOrigin(post({ origin: 'https://evil.example' }), ORIGIN)).toBe(
			'auth.error.crossSite'
		);
		expect(refusedOrigin(post({ origin: 'null' }), ORIGIN)).toBe('auth.error.crossSite');
		expect(refusedOrigin(post({ origin: ORIGIN, 'sec-fetch-site': 'cross-site' }), ORIGIN)).toBe(
			'auth.error.crossSite'
		);
	});
});

describe('guardFormBody', () => {
	const form = (type: string, body: string) => {
		const request = new Request(`${ORIGIN}/join`, {
			method: 'POST',
			headers: { 'content-type': type },
			body
		});
		guardFormBody(request);
		return request;
	};

	it('turns an unreadable body into a translated 400', async () => {
		for (const [type, body] of [
			['text/plain', 'code=GREEN2'],
			['multipart/form-data; boundary=x', '\u0000 not multipart'],
			[
				'multipart/form-data; boundary=x',
				'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'
			]
		] as const) {
			const error = await form(type, body)
				.formData()
				.then(
					() => null,
					(err: unknown) => err
				);
			expect(isHttpError(error), type).toBe(true);
			expect(error).toMatchObject({ status: 400, body: { key: 'security.error.badForm' } });
		}
	});

	it('reads a good body once and gives every caller the same form', async () => {
		const request = form('application/x-www-form-urlencoded', 'code=GREEN2&x=1');
		const first = await request.formData();
		expect(first.get('code')).toBe('GREEN2');
		expect(await request.formData()).toBe(first);
	});
});

describe('refusalResponse', () => {
	it('answers an enhanced form with an action result the page can show, 403', async () => {
		const request = post({ origin: 'http://127.0.0.1:3000', 'x-sveltekit-action': 'true' });
		const response = refusalResponse(request, 'auth.error.crossSite', 'refused');
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({
			type: 'error',
			error: { key: 'auth.error.crossSite', message: 'refused' }
		});
	});

	it('answers anything else with the translated text', async () => {
		const response = refusalResponse(post({}), 'security.error.noOrigin', 'refused');
		expect(response.status).toBe(403);
		expect(response.headers.get('content-type')).toContain('text/plain');
		expect(await response.text()).toBe('refused');
	});
});
