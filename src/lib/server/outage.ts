/**
 * A database or storage outage while the server runs must read like one: 503 with Retry-After
 * and the translated "cannot reach … nothing is lost" message, never SvelteKit's bare English
 * "Internal Error". Errors thrown inside loads, actions and endpoints reach `handleError`, which
 * cannot change the status; it marks the request here, and `handle` rewrites the response.
 */
import { translate, type Locale } from '$lib/i18n/index.ts';
import { isInfrastructureError } from './infrastructure.ts';
import { ServiceUnavailableError } from './services.ts';

const outageRequests = new WeakSet<Request>();

/** Seconds a client should wait before trying again; the studio and judge screen retry anyway. */
export const RETRY_AFTER_SECONDS = 5;

export function isOutageError(error: unknown): boolean {
	return error instanceof ServiceUnavailableError || isInfrastructureError(error);
}

export function markOutage(request: Request): void {
	outageRequests.add(request);
}

export function hadOutage(request: Request): boolean {
	return outageRequests.has(request);
}

/**
 * The 503 answer. A browser navigating gets a small translated page; anything SvelteKit's own
 * client reads (form actions, `__data.json`, endpoints) keeps the body SvelteKit made — already
 * carrying the translated message from `handleError` — with the status corrected, so
 * `use:enhance` and the studio's retry logic understand it.
 */
export function outageResponse(
	request: Request,
	locale: Locale,
	page: (status: number, text: string) => Response,
	original?: Response
): Response {
	const url = new URL(request.url);
	const isNavigation =
		(request.headers.get('accept') ?? '').includes('text/html') &&
		!request.headers.has('x-sveltekit-action') &&
		!url.pathname.endsWith('__data.json');
	let response: Response;
	if (isNavigation || !original) {
		response = isNavigation
			? page(503, translate(locale, 'error.unavailable'))
			: new Response(
					JSON.stringify({
						message: translate(locale, 'error.unavailable'),
						key: 'error.unavailable'
					}),
					{ status: 503, headers: { 'content-type': 'application/json; charset=utf-8' } }
				);
	} else {
		response = new Response(original.body, { status: 503, headers: original.headers });
	}
	response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
	response.headers.set('cache-control', 'no-store');
	return response;
}
