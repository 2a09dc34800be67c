/**
 * Whole public pages (exhibition grid, artwork), kept as finished HTML for anonymous visitors
 * under the database's public version (public-version.ts): a page is rendered once per version,
 * then answered from memory — compressed once, with its ETag, and a 304 when the browser
 * already holds it. The version is read before rendering, so a kept page is never older than
 * its version, and every write that changes a public page moves the version: a withdrawn work
 * is gone on the next request, never after a delay.
 *
 * Only pages that declare themselves the same for every anonymous visitor of a locale
 * (`locals.shareable`, set by their load) are kept; signed-in visitors, cookies being set and
 * anything but a 200 always go through the normal render. The key holds the origin, the path
 * with its query string and the locale.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import type { Db } from '../db/database.ts';
import { publicVersion } from './public-version.ts';

const PUBLIC_PAGE = /^\/exhibitions\/[a-z0-9-]{3,64}(?:\/[a-z0-9]{10})?$/;
const MAX_PAGES = 500;
/** Per-request headers, never kept. */
const NOT_KEPT = new Set(['x-request-id', 'set-cookie', 'date', 'content-length']);

interface KeptPage {
	version: string;
	until: number | null;
	etag: string | null;
	headers: [string, string][];
	body: Uint8Array;
	gzip: Uint8Array;
	brotli: Uint8Array;
}

const pages = new Map<string, KeptPage>();

/** Whether this request may be answered from, or fill, the kept pages. */
export function isShareableRequest(event: RequestEvent, hasSessionCookie: boolean): boolean {
	return (
		event.request.method === 'GET' &&
		!hasSessionCookie &&
		!event.locals.user &&
		!event.locals.student &&
		PUBLIC_PAGE.test(event.url.pathname)
	);
}

function keyOf(event: RequestEvent): string {
	return `${event.locals.locale} ${event.url.origin}${event.url.pathname}${event.url.search}`;
}

function answer(page: KeptPage, request: Request): Response {
	const headers = new Headers(page.headers);
	headers.append('vary', 'Accept-Encoding');
	if (page.etag) {
		const asked = request.headers.get('if-none-match')?.replace(/^W\//, '');
		if (asked === page.etag) {
			const kept = new Headers({ etag: page.etag });
			for (const name of ['cache-control', 'vary']) {
				const value = headers.get(name);
				if (value) kept.set(name, value);
			}
			return new Response(null, { status: 304, headers: kept });
		}
	}
	const accepts = request.headers.get('accept-encoding') ?? '';
	let body = page.body;
	if (/\bbr\b/.test(accepts)) {
		body = page.brotli;
		headers.set('content-encoding', 'br');
	} else if (/\bgzip\b/.test(accepts)) {
		body = page.gzip;
		headers.set('content-encoding', 'gzip');
	}
	headers.set('content-length', String(body.byteLength));
	return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
}

/** Answers a shareable request from memory, or renders it and keeps the page when allowed. */
export async function sharedPublicPage(
	event: RequestEvent,
	db: Db,
	render: () => Response | Promise<Response>,
	now = Date.now()
): Promise<Response> {
	const key = keyOf(event);
	const version = await publicVersion(db);
	const kept = pages.get(key);
	if (kept && kept.version === version && (kept.until === null || now < kept.until)) {
		pages.delete(key);
		pages.set(key, kept);
		return answer(kept, event.request);
	}
	const response = await render();
	const shareable = event.locals.shareable;
	if (
		!shareable ||
		!version ||
		response.status !== 200 ||
		response.headers.has('set-cookie') ||
		response.headers.has('content-encoding') ||
		!response.headers.get('content-type')?.startsWith('text/html')
	)
		return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const page: KeptPage = {
		version,
		until: shareable.until,
		etag: response.headers.get('etag'),
		headers: [...response.headers].filter(([name]) => !NOT_KEPT.has(name)),
		body,
		gzip: gzipSync(body, { level: 9 }),
		brotli: brotliCompressSync(body, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 9,
				[constants.BROTLI_PARAM_SIZE_HINT]: body.length
			}
		})
	};
	pages.delete(key);
	pages.set(key, page);
	if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value as string);
	return answer(page, event.request);
}
