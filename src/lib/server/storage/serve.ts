import { Readable } from 'node:stream';
import { isValidKey, type ObjectInfo, type ObjectStore } from './object-store.ts';

export interface ServeOptions {
	/** Content-addressed objects never change, so browsers may keep them for a year. */
	immutable: boolean;
}

const CONTENT_HASH = /(?:^|[^0-9a-f])[0-9a-f]{64}(?:[^0-9a-f]|$)/i;

/**
 * Who may fetch which key through `/objects/`, for now: anything under `public/`, cached for
 * good when the file name carries a 64-hex content hash. `undefined` means "not served".
 */
export function publicObjectPolicy(key: string): ServeOptions | undefined {
	if (!key.startsWith('public/') || !isValidKey(key)) return undefined;
	const name = key.slice(key.lastIndexOf('/') + 1);
	return { immutable: CONTENT_HASH.test(name) };
}

/** Same answer for "missing", "invalid" and "not yours", so probing keys reveals nothing. */
export function objectNotFound(): Response {
	return new Response('Not found', {
		status: 404,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
	});
}

function matchesEtag(ifNoneMatch: string, etag: string): boolean {
	if (ifNoneMatch.trim() === '*') return true;
	const strip = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => strip(tag) === strip(etag));
}

function objectHeaders(info: ObjectInfo, options: ServeOptions): Headers {
	return new Headers({
		'Content-Type': info.contentType,
		'Content-Length': String(info.size),
		ETag: info.etag,
		'Last-Modified': info.lastModified.toUTCString(),
		'Cache-Control': options.immutable
			? 'public, max-age=31536000, immutable'
			: 'private, no-cache',
		// Uploaded bytes are untrusted: never sniffed, never scripted, never embedded elsewhere.
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy':
			"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
		'Cross-Origin-Resource-Policy': 'same-origin'
	});
}

export async function serveObject(
	store: ObjectStore,
	key: string,
	request: Request,
	options: ServeOptions
): Promise<Response> {
	if (!isValidKey(key)) return objectNotFound();
	const ifNoneMatch = request.headers.get('If-None-Match');
	const isHead = request.method === 'HEAD';
	// A HEAD or revalidation usually needs no bytes; asking for them would open a stream for nothing.
	if (isHead || ifNoneMatch) {
		const info = await store.head(key);
		if (!info) return objectNotFound();
		const headers = objectHeaders(info, options);
		if (ifNoneMatch && matchesEtag(ifNoneMatch, info.etag)) {
			headers.delete('Content-Length');
			return new Response(null, { status: 304, headers });
		}
		if (isHead) return new Response(null, { status: 200, headers });
	}
	const object = await store.get(key);
	if (!object) return objectNotFound();
	const body = Readable.toWeb(object.body) as ReadableStream<Uint8Array>;
	return new Response(body, { status: 200, headers: objectHeaders(object.info, options) });
}
