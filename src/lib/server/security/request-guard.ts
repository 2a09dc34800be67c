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
