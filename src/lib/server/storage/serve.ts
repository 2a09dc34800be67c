import { Readable } from 'node:stream';
import { isValidKey, type ObjectInfo, type ObjectStore } from './object-store.ts';

export interface ServeOptions {
	/** Content-addressed objects never change, so browsers may keep them for a year. */
	immutable: boolean;
	/**
	 * Only for the signed-in viewer: never kept by a shared cache, and — unless immutable — not
	 * kept at all (a child's drawing on a shared classroom PC).
	 */
	private?: boolean;
	/** The type recorded beside the object (e.g. a rendition's), over the store's own. */
	contentType?: string;
	/** More headers, e.g. a drawing's revision. */
	headers?: Record<string, string>;
	/** The answer when the object is missing, for endpoints that speak JSON. */
	notFound?: () => Response;
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

function cacheControl(options: ServeOptions): string {
	if (options.private)
		return options.immutable ? 'private, max-age=31536000, immutable' : 'private, no-store';
	return options.immutable ? 'public, max-age=31536000, immutable' : 'private, no-cache';
}

function objectHeaders(info: ObjectInfo, options: ServeOptions): Headers {
	const headers = new Headers({
		'Content-Type': options.contentType ?? info.contentType,
		'Content-Length': String(info.size),
		ETag: info.etag,
		'Last-Modified': info.lastModified.toUTCString(),
		'Cache-Control': cacheControl(options),
		// Uploaded bytes are untrusted: never sniffed, never scripted, never embedded elsewhere.
		'X-Content-Type-Options': 'nosniff',
		'Content-Security-Policy':
			"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
		'Cross-Origin-Resource-Policy': 'same-origin'
	});
	for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
	return headers;
}

/**
 * The one way a stored object reaches a browser, whoever decided it may: public templates,
 * entry renditions and children's drawings alike. HEAD and revalidations open no stream.
 */
export async function serveObject(
	store: ObjectStore,
	key: string,
	request: Request,
	options: ServeOptions
): Promise<Response> {
	const missing = options.notFound ?? objectNotFound;
	if (!isValidKey(key)) return missing();
	const ifNoneMatch = request.headers.get('If-None-Match');
	const isHead = request.method === 'HEAD';
	// A HEAD or revalidation usually needs no bytes; asking for them would open a stream for nothing.
	if (isHead || ifNoneMatch) {
		const info = await store.head(key);
		if (!info) return missing();
		const headers = objectHeaders(info, options);
		if (ifNoneMatch && matchesEtag(ifNoneMatch, info.etag)) {
			headers.delete('Content-Length');
			return new Response(null, { status: 304, headers });
		}
		if (isHead) return new Response(null, { status: 200, headers });
	}
	const object = await store.get(key);
	if (!object) return missing();
	const body = Readable.toWeb(object.body) as ReadableStream<Uint8Array>;
	return new Response(body, { status: 200, headers: objectHeaders(object.info, options) });
}
