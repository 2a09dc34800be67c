import type { MessageKey } from '$lib/i18n/index.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why an unsafe request must be refused before any route sees it, or null to let it through.
 * SvelteKit's own CSRF check is handed to us (`csrf.trustedOrigins: ['*']`), so this is the only
 * one, for form posts and JSON endpoints alike. Every browser that can run Sprout sends
 * `Sec-Fetch-Site` or `Origin` on a POST/PUT/PATCH/DELETE; a request with neither comes from a
 * script or an old plug-in, and accepting it would let any page that makes the browser post
 * without those headers change a child's data with their cookie.
 */
export function refusedOrigin(request: Request, origin: string): MessageKey | null {
	if (!UNSAFE.has(request.method)) return null;
	const site = request.headers.get('sec-fetch-site');
	const claimed = request.headers.get('origin');
	if (site === 'cross-site' || (claimed !== null && claimed !== origin))
		return 'auth.error.crossSite';
	if (site === null && claimed === null) return 'security.error.noOrigin';
	return null;
}

/**
 * The refusal itself. A form sent by `use:enhance` reads the answer as an action result, so it
 * gets one (the page then shows the translated reason and 403); plain text to it would read as
 * "unexpected error, HTTP 500". Anything else gets the text.
 */
export function refusalResponse(request: Request, key: MessageKey, message: string): Response {
	if (request.headers.get('x-sveltekit-action') === 'true')
		return new Response(JSON.stringify({ type: 'error', error: { key, message } }), {
			status: 403,
			headers: { 'content-type': 'application/json' }
		});
	return new Response(message, {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
