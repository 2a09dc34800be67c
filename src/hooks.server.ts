import {
	isHttpError,
	isRedirect,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import {
	LOCALE_COOKIE,
	isLocale,
	negotiateLocale,
	translate,
	type Locale
} from '$lib/i18n/index.ts';
import { ConfigError, getConfig } from '$lib/server/config.ts';
import { getServices } from '$lib/server/services.ts';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session.ts';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { hadOutage, isOutageError, markOutage, outageResponse } from '$lib/server/outage.ts';
import { areaOf, mayEnter } from '$lib/server/auth/areas.ts';
import { guardFormBody } from '$lib/server/security/form-body.ts';
import { withSecurityHeaders } from '$lib/server/security/headers.ts';
import { errorText, log, requestIdFrom } from '$lib/server/log.ts';
import { refusalResponse, refusedOrigin } from '$lib/server/security/request-guard.ts';
import { isShareableRequest, sharedPublicPage } from '$lib/server/exhibition/page-cache.ts';
import '$lib/server/exhibition/public-access.ts';
import '$lib/server/exhibition/class-gallery.ts';

export const init: ServerInit = async () => {
	try {
		getConfig();
	} catch (err) {
		if (err instanceof ConfigError) {
			log('error', 'configuration error', { error: err.message });
			process.exit(1);
		}
		throw err;
	}
	// Warm up; a database that is down only makes requests answer 503 until it is back.
	await getServices().catch(() => {});
};

function pageLocale(event: Event): Locale {
	const chosen = event.cookies.get(LOCALE_COOKIE);
	return isLocale(chosen) ? chosen : negotiateLocale(event.request.headers.get('accept-language'));
}

/**
 * Minimal self-contained page for answers given before any route runs (database down,
 * wrong role for an area): translated, no stack trace, nothing that needs the database.
 */
function plainPage(locale: Locale, status: number, text: string): Response {
	const title = translate(locale, 'error.title');
	const home = translate(locale, 'error.home');
	const html = `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><body style="font:1.25rem/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1b2e1c"><h1>${title}</h1><p>${text}</p><p><a href="/" style="color:#1b5e20">${home}</a></p></body></html>`;
	return new Response(html, {
		status,
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			// Not rendered by SvelteKit, so it gets no CSP from svelte.config.js: its own, strict.
			'content-security-policy':
				"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
			...(status === 503 ? { 'retry-after': '5' } : {})
		}
	});
}

type Event = Parameters<Handle>[0]['event'];

function within(path: string, prefix: string): boolean {
	return path === prefix || path.startsWith(prefix + '/');
}

/**
 * Which signed-in people may enter each area. Pages, actions and endpoints check again in
 * detail (requireUser & co.): this gate alone would not protect them.
 */
function gate(event: Event): Response | null {
	const path = event.url.pathname;
	const { user, student, locale } = event.locals;
	const login = `/login?next=${encodeURIComponent(path + event.url.search)}`;
	const forbidden = () => plainPage(locale, 403, translate(locale, 'error.forbidden'));
	if (within(path, '/studio')) {
		if (!student) redirect(303, '/join');
		return null;
	}
	const area = areaOf(path);
	if (area) {
		if (!user) redirect(303, login);
		if (!mayEnter(area, user)) return forbidden();
	}
	return null;
}

/**
 * Every response, including the early refusals below, leaves with the same security headers, and
 * every request leaves one log line: id, route (its pattern, never the path: paths can hold a
 * class code or a token), method, status, who (a role, never a name) and time to the headers.
 */
export const handle: Handle = async (input) => {
	const { event } = input;
	const started = performance.now();
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	let status = 500;
	try {
		const response = withSecurityHeaders(await handleRequest(input), requestId);
		status = response.status;
		return response;
	} catch (err) {
		if (isRedirect(err) || isHttpError(err)) status = err.status;
		throw err;
	} finally {
		log(status >= 500 ? 'error' : 'info', 'request', {
			requestId,
			method: event.request.method,
			route: event.route.id ?? null,
			status,
			ms: Math.round((performance.now() - started) * 10) / 10,
			who: event.locals.student ? 'child' : (event.locals.user?.role ?? 'anonymous')
		});
	}
};

const handleRequest: Handle = async ({ event, resolve }) => {
	const locale = pageLocale(event);
	event.locals.locale = locale;
	event.locals.user = null;
	event.locals.student = null;
	event.locals.sessionId = null;

	// The only CSRF check (svelte.config.js hands SvelteKit's to us): form posts, JSON
	// endpoints and the dev server alike.
	const refused = refusedOrigin(event.request, event.url.origin);
	if (refused) return refusalResponse(event.request, refused, translate(locale, refused));
	guardFormBody(event.request);

	if (event.url.pathname === '/healthz') return resolve(event);

	let services;
	try {
		services = await getServices();
	} catch {
		return plainPage(locale, 503, translate(locale, 'error.unavailable'));
	}

	const token = event.cookies.get(SESSION_COOKIE);
	if (token !== undefined) {
		const session = await validateSessionToken(services.db, token).catch((err: unknown) => {
			if (isOutageError(err)) return 'outage' as const;
			throw err;
		});
		if (session === 'outage')
			return outageResponse(event.request, locale, (status, text) =>
				plainPage(locale, status, text)
			);
		if (session) {
			event.locals.user = session.user;
			event.locals.student = session.student;
			event.locals.sessionId = session.id;
			if (session.refreshed)
				setSessionCookie(event.cookies, event.url, token, session.expiresAt, session.kind);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}

	const closed = gate(event);
	if (closed) return closed;

	const render = () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
	// Public pages the same for every anonymous visitor are rendered once per public version.
	let response = isShareableRequest(event, token !== undefined)
		? await sharedPublicPage(event, services.db, render)
		: await render();
	if (hadOutage(event.request))
		response = outageResponse(
			event.request,
			locale,
			(status, text) => plainPage(locale, status, text),
			response
		);
	if (event.locals.user || event.locals.student)
		response.headers.set('cache-control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error: err, event, status, message }) => {
	if (status === 404) return { message: 'Not found', key: 'error.notFound' };
	if (isOutageError(err)) {
		markOutage(event.request);
		log('warn', 'unavailable', {
			requestId: event.locals.requestId,
			route: event.route.id ?? null,
			error: errorText(err)
		});
		return {
			message: translate(event.locals.locale, 'error.unavailable'),
			key: 'error.unavailable'
		};
	}
	const id = event.locals.requestId ?? crypto.randomUUID();
	log('error', 'unhandled error', {
		requestId: id,
		route: event.route.id ?? null,
		error: errorText(err),
		// The stack names our code, never input; one field, so the line stays one line.
		stack: err instanceof Error ? (err.stack ?? null) : null
	});
	return {
		message: status < 500 ? message : `Internal error (${id})`,
		key: status < 500 ? 'error.badRequest' : 'error.generic'
	};
};
