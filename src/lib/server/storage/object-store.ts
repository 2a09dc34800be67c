import type { Readable } from 'node:stream';

/** What a stored object is, without its bytes. */
export interface ObjectInfo {
	key: string;
	size: number;
	contentType: string;
	/** Quoted strong ETag, usable as-is in an HTTP header. */
	etag: string;
	lastModified: Date;
}

/** S3 listings carry no content type, and one HEAD per listed key would be too costly. */
export type ListedObject = Omit<ObjectInfo, 'contentType'>;

export interface PutOptions {
	contentType: string;
	/** Known length of a stream body; lets S3 use a single PUT instead of multipart. */
	contentLength?: number;
}

/**
 * The one seam between Sprout and where bytes live. Keys are relative, slash-separated and
 * checked by `assertValidKey` in every implementation, so no caller can reach outside the
 * store's root or bucket prefix.
 */
export interface ObjectStore {
	readonly kind: 'local' | 's3';
	put(key: string, body: Buffer | Uint8Array | Readable, options: PutOptions): Promise<ObjectInfo>;
	/** `undefined` when the object does not exist. */
	get(key: string): Promise<{ info: ObjectInfo; body: Readable } | undefined>;
	head(key: string): Promise<ObjectInfo | undefined>;
	/** Deleting a missing key is not an error. */
	delete(key: string): Promise<void>;
	/** Objects whose key starts with `prefix` (plain string prefix, '' for all), in key order. */
	list(prefix: string): AsyncIterable<ListedObject>;
	/**
	 * A URL a browser can fetch for a short time. S3 gives a presigned GET URL; the local
	 * store gives the app's own `/objects/<key>` path (the route checks access itself).
	 */
	browserUrl(key: string, expiresInSeconds?: number): Promise<string>;
	/** Cheap reachability check for /healthz and start-up. Throws when unreachable. */
	ping(): Promise<void>;
}

export class InvalidKeyError extends Error {
	constructor(key: string) {
		super(`invalid object key: ${JSON.stringify(key.slice(0, 200))}`);
		this.name = 'InvalidKeyError';
	}
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Keys are 1–16 segments of [A-Za-z0-9._-], no segment starting with a dot, at most 512
 * characters. That rules out "..", absolute paths, backslashes, NUL, percent-escapes and
 * anything a file system or URL would reinterpret.
 */
export function assertValidKey(key: string): void {
	if (typeof key !== 'string' || key.length === 0 || key.length > 512) {
		throw new InvalidKeyError(String(key));
	}
	const segments = key.split('/');
	if (segments.length > 16 || !segments.every((s) => SEGMENT.test(s))) {
		throw new InvalidKeyError(key);
	}
}

export function isValidKey(key: string): boolean {
	try {
		assertValidKey(key);
		return true;
	} catch {
		return false;
	}
}

/** A list prefix is '' or the start of some valid key, e.g. 'public/' or 'public/ab'. */
export function assertValidPrefix(prefix: string): void {
	if (prefix === '') return;
	assertValidKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}
